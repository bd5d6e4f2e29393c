import type { Lang, Question, Section } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { CheckboxGroupField } from "../../../ui/choice-fields.tsx";
import { fieldId, SelectField, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import { valueOptions, type ValueChoice } from "../../expert-table/values.ts";

/** Extra empty rows offered under a table question, so a row can be added without JavaScript. */
const EXTRA_ROWS = 2;

/** A step's form as shown: the text fields, and the ticked value tags per question. */
export interface StepForm {
  values: Values;
  lists: Record<string, string[]>;
}

/**
 * The form fields of one step. Names: `<q>` for text, `<q>` once per ticked
 * value for value tags, `<q>` + `<q>__explanation` for yes/no,
 * `<q>__<row>__<column>` for tables.
 */
export function stepForm(section: Section, answers: Record<string, unknown>): StepForm {
  const v: Values = {};
  const lists: Record<string, string[]> = {};
  for (const q of section.questions) {
    const a = answers[q.id];
    if (q.type === "text" || q.type === "long_text") v[q.id] = typeof a === "string" ? a : "";
    else if (q.type === "value_tags" && Array.isArray(a)) lists[q.id] = a.map(String);
    else if (q.type === "yes_no_explain" && a && typeof a === "object") {
      const yn = a as { choice?: string; explanation?: string };
      v[q.id] = yn.choice ?? "";
      v[`${q.id}__explanation`] = yn.explanation ?? "";
    } else if (q.type === "table" && Array.isArray(a)) {
      (a as Record<string, unknown>[]).forEach((row, i) => {
        for (const c of q.columns) v[`${q.id}__${i}__${c.id}`] = row[c.id] === undefined || row[c.id] === null ? "" : String(row[c.id]);
      });
    }
  }
  return { values: v, lists };
}

/** The posted form → the step's answers; `lists` holds the repeated fields (the ticked value tags). */
export function stepAnswersFromForm(section: Section, body: Record<string, string>, lists: Record<string, string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of section.questions) {
    switch (q.type) {
      case "text":
      case "long_text":
        if ((body[q.id] ?? "").trim()) out[q.id] = body[q.id]!.trim();
        break;
      case "value_tags": {
        const tags = lists[q.id] ?? [];
        if (tags.length) out[q.id] = tags;
        break;
      }
      case "yes_no_explain":
        if (body[q.id] === "yes" || body[q.id] === "no") out[q.id] = { choice: body[q.id], explanation: (body[`${q.id}__explanation`] ?? "").trim() };
        break;
      case "table": {
        const rows: Record<string, unknown>[] = [];
        for (let i = 0; i < 200; i++) {
          const cells = q.columns.map((c) => [c.id, (body[`${q.id}__${i}__${c.id}`] ?? "").trim()] as const);
          if (!q.columns.some((c) => `${q.id}__${i}__${c.id}` in body)) break;
          if (cells.every(([, v]) => v === "")) continue;
          rows.push(Object.fromEntries(cells.filter(([, v]) => v !== "")));
        }
        if (rows.length) out[q.id] = rows;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Engine error paths (`q`, `q.explanation`, `q[2].party`) → the form's field names. */
export function stepErrorsToForm(errors: FieldError[]): FieldError[] {
  return errors.map((e) => {
    const m = e.field.match(/^([^.[]+)\[(\d+)\]\.(.+)$/);
    if (m) return { ...e, field: `${m[1]}__${m[2]}__${m[3]}` };
    if (e.field.endsWith(".explanation")) return { ...e, field: `${e.field.slice(0, -".explanation".length)}__explanation` };
    return e;
  });
}

interface FieldsProps {
  t: Translate;
  lang: Lang;
  form: StepForm;
  valueSet: ValueChoice[];
  errors?: FieldError[];
}

function QuestionFields({ t, lang, q, form, valueSet, errors }: FieldsProps & { q: Question }) {
  const values = form.values;
  const label = q.label[lang];
  const hint = q.help?.[lang];
  switch (q.type) {
    case "text":
      return <TextField t={t} name={q.id} label={label} hint={hint} required={q.required} maxlength={q.max_length ?? 2000} values={values} errors={errors} />;
    case "long_text":
      return <TextArea t={t} name={q.id} label={label} hint={hint} required={q.required} maxlength={q.max_length ?? 8000} rows={5} values={values} errors={errors} />;
    case "value_tags":
      return <CheckboxGroupField t={t} name={q.id} legend={label} hint={hint} required={q.required} options={valueOptions(valueSet, lang)} selected={form.lists[q.id] ?? []} errors={errors} />;
    case "yes_no_explain":
      return (
        <fieldset class="utrecht-form-fieldset utrecht-form-field">
          <legend class="utrecht-form-fieldset__legend utrecht-form-label">{label}</legend>
          <SelectField t={t} name={q.id} label={t("deliberation.yes_no")} required={q.required} options={[{ value: "", label: t("deliberation.choose") }, { value: "yes", label: t("deliberation.yes") }, { value: "no", label: t("deliberation.no") }]} values={values} errors={errors} />
          <TextArea t={t} name={`${q.id}__explanation`} label={q.explanation_label?.[lang] ?? t("deliberation.explanation")} maxlength={4000} rows={3} values={values} errors={errors} />
        </fieldset>
      );
    case "table": {
      const filled = Object.keys(values).filter((k) => k.startsWith(`${q.id}__`)).map((k) => Number(k.split("__")[1]));
      const rows = (filled.length ? Math.max(...filled) + 1 : 0) + EXTRA_ROWS;
      return (
        <fieldset class="utrecht-form-fieldset utrecht-form-field">
          <legend class="utrecht-form-fieldset__legend utrecht-form-label">{label}{q.required ? ` ${t("form.required")}` : ""}</legend>
          {hint ? <p class="utrecht-paragraph">{hint}</p> : null}
          {errors?.filter((e) => e.field === q.id).map((e) => <p class="utrecht-form-field-error-message" id={fieldId(q.id)}>{t(e.messageKey, e.params)}</p>)}
          {Array.from({ length: rows }, (_, i) => (
            <fieldset class="utrecht-form-fieldset afw-card">
              <legend class="utrecht-form-fieldset__legend">{t("deliberation.row", { n: i + 1 })}</legend>
              {q.columns.map((c) =>
                c.type === "long_text" ? (
                  <TextArea t={t} name={`${q.id}__${i}__${c.id}`} label={c.label[lang]} maxlength={4000} rows={2} values={values} errors={errors} />
                ) : (
                  <TextField t={t} name={`${q.id}__${i}__${c.id}`} label={c.label[lang]} maxlength={2000} values={values} errors={errors} />
                ),
              )}
            </fieldset>
          ))}
        </fieldset>
      );
    }
    default:
      return <p class="utrecht-paragraph">{label}</p>;
  }
}

export function StepFields(props: FieldsProps & { section: Section }) {
  return <>{props.section.questions.map((q) => <QuestionFields {...props} q={q} />)}</>;
}
