// NL Design System choice fields: a fieldset with legend, a radio group and a
// checkbox group. Texts arrive translated; ids follow fieldId(name) so an
// error summary link lands on the first option of the group.
import type { Child } from "hono/jsx";
import type { FieldError } from "../platform/errors.ts";
import type { Translate } from "../platform/i18n/index.ts";
import { fieldId } from "./form.tsx";

export interface ChoiceFieldOption {
  value: string;
  label: string;
  hint?: string;
}

interface GroupProps {
  name: string;
  legend: Child;
  hint?: string;
  /** The error message, already translated. */
  error?: string;
  required?: boolean;
  /** Shown after the legend of a required group, e.g. "(verplicht)". */
  requiredLabel?: string;
  /** Id of the first input; defaults to fieldId(name). */
  id?: string;
  /** Extra attributes for the fieldset, e.g. htmx hints. */
  class?: string;
}

function describedBy(base: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${base}-hint` : "", error ? `${base}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** A fieldset with a legend, a hint and an error message, for any group of fields. */
export function Fieldset(props: { id: string; legend: Child; hint?: string; error?: string; required?: boolean; requiredLabel?: string; class?: string; children: Child }) {
  const { id, legend, hint, error } = props;
  return (
    <div class={`utrecht-form-fieldset${error ? " utrecht-form-fieldset--invalid" : ""} ${props.class ?? ""}`}>
      <fieldset class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset" id={`${id}-fieldset`} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? "true" : undefined}>
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend} {props.required && props.requiredLabel ? <span class="afw-required">{props.requiredLabel}</span> : null}
        </legend>
        {hint ? <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>{hint}</div> : null}
        {error ? <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>{error}</div> : null}
        {props.children}
      </fieldset>
    </div>
  );
}

function optionId(base: string, index: number): string {
  return index === 0 ? base : `${base}-${index}`;
}

/** One choice out of several: radio buttons in a fieldset with the question as legend. */
export function RadioGroup(props: GroupProps & { options: ChoiceFieldOption[]; value?: string }) {
  const base = props.id ?? fieldId(props.name);
  return (
    <Fieldset id={base} legend={props.legend} hint={props.hint} error={props.error} required={props.required} requiredLabel={props.requiredLabel} class={props.class}>
      {props.options.map((o, i) => {
        const id = optionId(base, i);
        return (
          <div class="utrecht-form-field utrecht-form-field--radio">
            <div class="utrecht-form-field__input">
              <input
                type="radio"
                class={`utrecht-radio-button utrecht-radio-button--html-input${props.error ? " utrecht-radio-button--invalid" : ""}`}
                id={id}
                name={props.name}
                value={o.value}
                checked={props.value === o.value}
                aria-describedby={o.hint ? `${id}-hint` : undefined}
              />
            </div>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label utrecht-form-label--radio" for={id}>{o.label}</label>
            </div>
            {o.hint ? <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>{o.hint}</div> : null}
          </div>
        );
      })}
    </Fieldset>
  );
}

/** Several choices: checkboxes in a fieldset with the question as legend. */
export function CheckboxGroup(props: GroupProps & { options: ChoiceFieldOption[]; values: readonly string[] }) {
  const base = props.id ?? fieldId(props.name);
  return (
    <Fieldset id={base} legend={props.legend} hint={props.hint} error={props.error} required={props.required} requiredLabel={props.requiredLabel} class={props.class}>
      {props.options.map((o, i) => {
        const id = optionId(base, i);
        return (
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <div class="utrecht-form-field__input">
              <input
                type="checkbox"
                class={`utrecht-checkbox utrecht-checkbox--html-input${props.error ? " utrecht-checkbox--invalid" : ""}`}
                id={id}
                name={props.name}
                value={o.value}
                checked={props.values.includes(o.value)}
                aria-describedby={o.hint ? `${id}-hint` : undefined}
              />
            </div>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>{o.label}</label>
            </div>
            {o.hint ? <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>{o.hint}</div> : null}
          </div>
        );
      })}
    </Fieldset>
  );
}

/** A single checkbox with its label, e.g. "Deze waarde is in gebruik". */
export function CheckboxField(props: { name: string; label: string; checked: boolean; value?: string; hint?: string; id?: string }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <div class="utrecht-form-field__input">
        <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id={id} name={props.name} value={props.value ?? "1"} checked={props.checked} aria-describedby={props.hint ? `${id}-hint` : undefined} />
      </div>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>{props.label}</label>
      </div>
      {props.hint ? <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>{props.hint}</div> : null}
    </div>
  );
}

/** The form-aware variants: take the translator and the form's field errors, like TextField in form.tsx. */
interface FormGroupProps {
  t: Translate;
  name: string;
  legend: string;
  options: ChoiceFieldOption[];
  errors?: FieldError[];
  hint?: string;
  required?: boolean;
}

function translatedError(t: Translate, errors: FieldError[] | undefined, name: string): string | undefined {
  const error = errors?.find((e) => e.field === name);
  return error ? t(error.messageKey, error.params) : undefined;
}

export function CheckboxGroupField(props: FormGroupProps & { selected: readonly string[] }) {
  const { t, errors, selected, ...rest } = props;
  return <CheckboxGroup {...rest} values={selected} error={translatedError(t, errors, props.name)} requiredLabel={t("form.required")} />;
}

export function RadioGroupField(props: FormGroupProps & { selected: string | undefined }) {
  const { t, errors, selected, ...rest } = props;
  return <RadioGroup {...rest} value={selected} error={translatedError(t, errors, props.name)} requiredLabel={t("form.required")} />;
}
