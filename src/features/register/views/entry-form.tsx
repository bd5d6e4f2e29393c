import { CheckboxGroupField, Fieldset } from "../../../ui/choice-fields.tsx";
import { SelectField, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { FieldError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { GROUPS, REGISTER_FIELDS, type FieldName, type FieldValue, type Link, type RegisterField } from "../fields.ts";
import type { TeamEntry } from "../queries.ts";
import { plainText } from "../sanitise.ts";

type Proposals = TeamEntry["proposals"];

function preview(v: FieldValue): string {
  const text = typeof v === "string" ? plainText(v) : (v as (string | Link)[]).map((x) => (typeof x === "string" ? x : x.title)).join(", ");
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/**
 * Where a value came from: "filled in from …" while the entry holds what the
 * project's records propose; a proposal beside an empty field, or beside a
 * choice that differs (an AI Act classification made after the entry).
 */
function provenanceOf(t: Translate, f: RegisterField, proposals: Proposals, current: string | undefined): string | undefined {
  const p = proposals[f.name as FieldName];
  if (!p) return undefined;
  const sources = p.sources.map((k) => t(k)).join(", ");
  if (p.same) return t("register.prefill_from", { sources });
  if (!current?.trim() || f.kind === "enum") return t("register.prefill_proposal", { sources, value: preview(p.value) });
  return undefined;
}

function hintOf(t: Translate, f: RegisterField): string | undefined {
  if (f.kind === "text" && f.html) return t("register.hint_html");
  if (f.kind === "links") return t("register.hint_links");
  if (f.kind === "list") return t("register.hint_list");
  if (f.kind === "line" && f.format === "month") return t("register.hint_month");
  if (f.kind === "line" && f.format === "date") return t("register.hint_date");
  return undefined;
}

function Field({ t, f, values, lists, errors, proposals }: { t: Translate; f: RegisterField; values: Values; lists: Record<string, string[]>; errors?: FieldError[]; proposals: Proposals }) {
  const label = t(`register.field.${f.name}` as never);
  const hint = [provenanceOf(t, f, proposals, values[f.name]), hintOf(t, f)].filter(Boolean).join(" ") || undefined;
  const common = { t, name: f.name, label, values, errors, hint, required: !!f.required };
  switch (f.kind) {
    case "line":
      return <TextField {...common} maxlength={f.max} type={f.format === "email" ? "email" : f.format === "url" ? "url" : f.format === "date" ? "date" : "text"} />;
    case "text":
      return <TextArea {...common} maxlength={f.max} rows={f.max > 1000 ? 6 : 3} />;
    case "enum":
      return <SelectField {...common} options={[{ value: "", label: t("register.choose") }, ...f.values.map((v) => ({ value: v, label: v }))]} />;
    case "enum_list":
      return <CheckboxGroupField t={t} name={f.name} legend={label} options={f.values.map((v) => ({ value: v, label: v }))} selected={lists[f.name] ?? []} errors={errors} />;
    case "list":
      return <TextArea {...common} maxlength={(f.itemMax + 1) * f.maxItems} rows={4} />;
    case "links":
      return <TextArea {...common} maxlength={(f.titleMax + f.linkMax + 4) * f.maxItems} rows={3} />;
  }
}

/** Every field of the entry, grouped as the standard groups them, the local extras last. */
export function EntryFormFields({ t, values, lists, errors, proposals = {} }: { t: Translate; values: Values; lists: Record<string, string[]>; errors?: FieldError[]; proposals?: Proposals }) {
  return (
    <>
      {GROUPS.map((g) => (
        <Fieldset id={`group-${g}`} legend={t(`register.group.${g}`)}>
          {(REGISTER_FIELDS as readonly RegisterField[]).filter((f) => f.group === g && f.name !== "lang").map((f) => <Field t={t} f={f} values={values} lists={lists} errors={errors} proposals={proposals} />)}
        </Fieldset>
      ))}
    </>
  );
}
