import type { FieldError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { fieldId, type Values } from "../../../ui/form.tsx";
import { VALUE_KEYS, valueLabelKey } from "../../expert-table/values.ts";

/** A fieldset of checkboxes, one per value; each posts as `value_<key>=on`, so forms stay plain. */
export function ValueCheckboxes({ t, legend, hint, values, errors, name = "values" }: { t: Translate; legend: string; hint?: string; values?: Values; errors?: FieldError[]; name?: string }) {
  const error = errors?.find((e) => e.field === name);
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-field" id={fieldId(name)} aria-describedby={hint ? `${fieldId(name)}-hint` : undefined}>
      <legend class="utrecht-form-fieldset__legend utrecht-form-label">{legend}</legend>
      {hint ? <div class="utrecht-form-field-description" id={`${fieldId(name)}-hint`}>{hint}</div> : null}
      {error ? <div class="utrecht-form-field-error-message">{t(error.messageKey, error.params)}</div> : null}
      {VALUE_KEYS.map((k) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={fieldId(`value_${k}`)} name={`value_${k}`} value="on" checked={values?.[`value_${k}`] === "on"} />{" "}
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId(`value_${k}`)}>{t(valueLabelKey(k))}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The value keys ticked in a form body. */
export function valuesFromForm(body: Record<string, string>): string[] {
  return VALUE_KEYS.filter((k) => body[`value_${k}`] === "on");
}

export function valuesToForm(values: string[]): Values {
  return Object.fromEntries(values.map((v) => [`value_${v}`, "on"]));
}

/** "a, b ,c" → ["a","b","c"] */
export function listFromText(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
