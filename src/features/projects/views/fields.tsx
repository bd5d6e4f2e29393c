// Form pieces the shared ui/form.tsx does not have yet: a group of checkboxes
// and a group of radio buttons, as NL Design System fieldsets.
import type { FieldError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { fieldId } from "../../../ui/form.tsx";

interface GroupProps {
  t: Translate;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  errors?: FieldError[];
  hint?: string;
  required?: boolean;
}

function Group(props: GroupProps & { type: "checkbox" | "radio"; selected: readonly string[] }) {
  const { t, name, legend, options, errors, hint, required, type, selected } = props;
  const error = errors?.find((e) => e.field === name);
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? " utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={described}
      role={type === "radio" ? "radiogroup" : undefined}
      aria-required={type === "radio" && required ? "true" : undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend} {required ? <span class="afw-required">{t("form.required")}</span> : null}
      </legend>
      {hint ? <div class="utrecht-form-field-description" id={`${id}-hint`}>{hint}</div> : null}
      {error ? <div class="utrecht-form-field-error-message" id={`${id}-error`}>{t(error.messageKey, error.params)}</div> : null}
      {options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div class={`utrecht-form-field utrecht-form-field--${type === "radio" ? "radio" : "checkbox"}`}>
            <div class="utrecht-form-field__input">
              <input
                class={type === "radio" ? "utrecht-radio-button utrecht-radio-button--html-input" : "utrecht-checkbox utrecht-checkbox--html-input"}
                type={type}
                id={optionId}
                name={name}
                value={o.value}
                checked={selected.includes(o.value)}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={optionId}>{o.label}</label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

export function CheckboxGroup(props: GroupProps & { selected: readonly string[] }) {
  return <Group {...props} type="checkbox" />;
}

export function RadioGroup(props: GroupProps & { selected: string | undefined }) {
  return <Group {...props} type="radio" selected={props.selected === undefined ? [] : [props.selected]} />;
}
