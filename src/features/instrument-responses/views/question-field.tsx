// One question of an instrument as form fields, by type: text, choices,
// value tags, a scale, yes/no with an explanation, and tables (table-field.tsx).
import type { Child } from "hono/jsx";
import type { ChoiceOption, Lang, Question, ScaleQuestion, YesNoExplainQuestion } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { CheckboxGroup, RadioGroup, type ChoiceFieldOption } from "../../../ui/choice-fields.tsx";
import { fieldId, TextArea, TextField } from "../../../ui/form.tsx";
import { inputName } from "../form-input.ts";
import { TEXT_MAX } from "../model.ts";
import { errorText, text, valueName, type InstrumentPageModel } from "./page-model.tsx";
import { TableField } from "./table-field.tsx";

/** A worded error as the error list of a single field. */
function inlineErrors(name: string, error: string | undefined): FieldError[] | undefined {
  return error ? [{ field: name, messageKey: "instrument_responses.message", params: { message: error } }] : undefined;
}

/** What every question's field shows: its name, label, hint, whether it is required, and its error. */
interface FieldCommon {
  t: Translate;
  lang: Lang;
  name: string;
  label: string;
  hint: string | undefined;
  required: boolean;
  requiredLabel: string;
  error: string | undefined;
}

function choiceOptions(options: ChoiceOption[], lang: Lang): ChoiceFieldOption[] {
  return options.map((o) => ({ value: o.value, label: text(o.label, lang), hint: o.help ? text(o.help, lang) : undefined }));
}

export function QuestionField({ model, q, value, errors }: { model: InstrumentPageModel; q: Question; value: unknown; errors: FieldError[] }) {
  const { t, lang } = model.ctx;
  const name = inputName(q.id);
  const f: FieldCommon = { t, lang, name, label: text(q.label, lang), hint: q.help ? text(q.help, lang) : undefined, required: q.required ?? false, requiredLabel: t("form.required"), error: errorText(t, errors, model.instrument, name) };
  return (
    <div class="afw-question" id={`question-${q.id}`}>
      <input type="hidden" name={inputName(q.id, "__shown")} value="1" />
      <Field model={model} f={f} q={q} value={value} errors={errors} />
    </div>
  );
}

function Field({ model, f, q, value, errors }: { model: InstrumentPageModel; f: FieldCommon; q: Question; value: unknown; errors: FieldError[] }): Child {
  const group = { name: f.name, legend: f.label, hint: f.hint, error: f.error, required: f.required, requiredLabel: f.requiredLabel };
  const textValue = { [f.name]: typeof value === "string" ? value : "" };
  switch (q.type) {
    case "text":
      return <TextField t={f.t} name={f.name} label={f.label} hint={f.hint} required={f.required} maxlength={q.max_length ?? TEXT_MAX} values={textValue} errors={inlineErrors(f.name, f.error)} />;
    case "long_text":
      return <TextArea t={f.t} name={f.name} label={f.label} hint={f.hint} required={f.required} rows={4} maxlength={q.max_length ?? TEXT_MAX} values={textValue} errors={inlineErrors(f.name, f.error)} />;
    case "single_choice":
      return <RadioGroup {...group} value={typeof value === "string" ? value : undefined} options={choiceOptions(q.options, f.lang)} />;
    case "multiple_choice":
      return <CheckboxGroup {...group} values={Array.isArray(value) ? (value as string[]) : []} options={choiceOptions(q.options, f.lang)} />;
    case "value_tags":
      return <ValueTagsField model={model} f={f} value={value} />;
    case "scale":
      return <ScaleField f={f} q={q} value={value} />;
    case "yes_no_explain":
      return <YesNoField model={model} f={f} q={q} value={value} errors={errors} />;
    case "table":
      return <TableField model={model} q={q} value={value} errors={errors} />;
  }
}

function ValueTagsField({ model, f, value }: { model: InstrumentPageModel; f: FieldCommon; value: unknown }) {
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const options = model.values.filter((v) => v.active || chosen.includes(v.key)).map((v) => ({ value: v.key, label: valueName(model.values, v.key, f.t, f.lang), hint: v.description[f.lang] || undefined }));
  return <CheckboxGroup name={f.name} legend={f.label} hint={f.hint ?? f.t("instrument_responses.choose_values")} error={f.error} required={f.required} requiredLabel={f.requiredLabel} values={chosen} options={options} />;
}

function ScaleField({ f, q, value }: { f: FieldCommon; q: ScaleQuestion; value: unknown }) {
  const options = [];
  for (let n = q.min; n <= q.max; n++) {
    const l = q.labels?.find((x) => x.value === n);
    options.push({ value: String(n), label: l ? `${n} – ${text(l.label, f.lang)}` : String(n) });
  }
  return (
    <RadioGroup name={f.name} legend={f.label} hint={f.hint ?? f.t("instrument_responses.scale_hint", { min: q.min, max: q.max })} error={f.error} required={f.required} requiredLabel={f.requiredLabel} value={typeof value === "number" ? String(value) : undefined} options={options} />
  );
}

function YesNoField({ model, f, q, value, errors }: { model: InstrumentPageModel; f: FieldCommon; q: YesNoExplainQuestion; value: unknown; errors: FieldError[] }) {
  const { t } = f;
  const answer = value && typeof value === "object" && !Array.isArray(value) ? (value as { choice?: string; explanation?: string }) : {};
  const explanationName = inputName(q.id, "explanation");
  const explanationError = errorText(t, errors, model.instrument, explanationName);
  return (
    <>
      <RadioGroup
        name={inputName(q.id, "choice")}
        id={fieldId(f.name)}
        legend={f.label}
        hint={f.hint}
        error={f.error}
        required={f.required}
        requiredLabel={f.requiredLabel}
        value={answer.choice}
        options={[
          { value: "yes", label: t("instrument_responses.yes") },
          { value: "no", label: t("instrument_responses.no") },
        ]}
      />
      <TextArea
        t={t}
        name={explanationName}
        label={q.explanation_label ? text(q.explanation_label, f.lang) : t("instrument_responses.explanation")}
        rows={3}
        maxlength={TEXT_MAX}
        values={{ [explanationName]: answer.explanation ?? "" }}
        errors={inlineErrors(explanationName, explanationError)}
      />
    </>
  );
}
