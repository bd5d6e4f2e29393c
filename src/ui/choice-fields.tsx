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

/** The two kinds of choice group: one choice (radio buttons) or several (checkboxes). */
export type ChoiceType = "radio" | "checkbox";

const INPUT_CLASS: Record<ChoiceType, string> = { radio: "utrecht-radio-button", checkbox: "utrecht-checkbox" };

/** One radio button or checkbox with its label and hint. */
function ChoiceOption(props: { type: ChoiceType; id: string; name: string; option: ChoiceFieldOption; checked: boolean; invalid?: boolean }) {
  const { type, id, option: o } = props;
  const input = INPUT_CLASS[type];
  return (
    <div class={`utrecht-form-field utrecht-form-field--${type}`}>
      <div class="utrecht-form-field__input">
        <input
          type={type}
          class={`${input} ${input}--html-input${props.invalid ? ` ${input}--invalid` : ""}`}
          id={id}
          name={props.name}
          value={o.value}
          checked={props.checked}
          aria-describedby={o.hint ? `${id}-hint` : undefined}
        />
      </div>
      <div class="utrecht-form-field__label">
        <label class={`utrecht-form-label utrecht-form-label--${type}`} for={id}>{o.label}</label>
      </div>
      {o.hint ? <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>{o.hint}</div> : null}
    </div>
  );
}

/** Options in a fieldset with the question as legend: radio buttons or checkboxes, by `type`. */
export function ChoiceGroup(props: GroupProps & { type: ChoiceType; options: ChoiceFieldOption[]; checked: readonly string[] }) {
  const base = props.id ?? fieldId(props.name);
  return (
    <Fieldset id={base} legend={props.legend} hint={props.hint} error={props.error} required={props.required} requiredLabel={props.requiredLabel} class={props.class}>
      {props.options.map((o, i) => (
        <ChoiceOption type={props.type} id={optionId(base, i)} name={props.name} option={o} checked={props.checked.includes(o.value)} invalid={!!props.error} />
      ))}
    </Fieldset>
  );
}

/** One choice out of several: radio buttons in a fieldset with the question as legend. */
export function RadioGroup({ value, ...props }: GroupProps & { options: ChoiceFieldOption[]; value?: string }) {
  return <ChoiceGroup {...props} type="radio" checked={value === undefined ? [] : [value]} />;
}

/** Several choices: checkboxes in a fieldset with the question as legend. */
export function CheckboxGroup({ values, ...props }: GroupProps & { options: ChoiceFieldOption[]; values: readonly string[] }) {
  return <ChoiceGroup {...props} type="checkbox" checked={values} />;
}

/** A single checkbox with its label, e.g. "Deze waarde is in gebruik". */
export function CheckboxField(props: { name: string; label: string; checked: boolean; value?: string; hint?: string; id?: string }) {
  return <ChoiceOption type="checkbox" id={props.id ?? fieldId(props.name)} name={props.name} option={{ value: props.value ?? "1", label: props.label, hint: props.hint }} checked={props.checked} />;
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

/** A choice group of a form: the error shown is the form's error for its name. */
export function ChoiceGroupField(props: FormGroupProps & { type: ChoiceType; selected: readonly string[] }) {
  const { t, errors, selected, ...rest } = props;
  const error = errors?.find((e) => e.field === props.name);
  return <ChoiceGroup {...rest} checked={selected} error={error ? t(error.messageKey, error.params) : undefined} requiredLabel={t("form.required")} />;
}

export function CheckboxGroupField(props: FormGroupProps & { selected: readonly string[] }) {
  return <ChoiceGroupField {...props} type="checkbox" />;
}

export function RadioGroupField({ selected, ...props }: FormGroupProps & { selected: string | undefined }) {
  return <ChoiceGroupField {...props} type="radio" selected={selected === undefined ? [] : [selected]} />;
}
