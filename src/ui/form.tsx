import type { Child } from "hono/jsx";
import type { FieldError } from "../platform/errors.ts";
import type { Translate } from "../platform/i18n/index.ts";

export type Values = Record<string, string | undefined>;

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

function errorFor(errors: FieldError[] | undefined, name: string): FieldError | undefined {
  return errors?.find((e) => e.field === name);
}

/** NL Design System error summary: linked to each field, focused on load by app.js. */
export function ErrorSummary({ t, errors }: { t: Translate; errors?: FieldError[] }) {
  if (!errors?.length) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error afw-error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title" data-focus-on-load>
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id="error-summary-title">{t("form.error_summary")}</h2>
        <p class="utrecht-paragraph">{t("form.error_summary_intro")}</p>
        <ul class="utrecht-unordered-list">
          {errors.map((e) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`#${fieldId(e.field)}`}>{t(e.messageKey, e.params)}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface FieldProps {
  t: Translate;
  name: string;
  label: string;
  values?: Values;
  errors?: FieldError[];
  hint?: string;
  required?: boolean;
}

function FieldFrame(props: FieldProps & { children: Child }) {
  const { t, name, label, errors, hint, required } = props;
  const error = errorFor(errors, name);
  const id = fieldId(name);
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? " utrecht-form-field--invalid" : ""}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label} {required ? <span class="afw-required">{t("form.required")}</span> : null}
        </label>
      </div>
      {hint ? <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>{hint}</div> : null}
      {error ? (
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {t(error.messageKey, error.params)}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}

function describedBy(name: string, hint?: string, error?: FieldError): string | undefined {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField(props: FieldProps & { type?: string; autocomplete?: string; maxlength?: number }) {
  const error = errorFor(props.errors, props.name);
  return (
    <FieldFrame {...props}>
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${error ? " utrecht-textbox--invalid" : ""}`}
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? "text"}
        value={props.type === "password" ? "" : (props.values?.[props.name] ?? "")}
        required={props.required}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxlength?: number }) {
  const error = errorFor(props.errors, props.name);
  return (
    <FieldFrame {...props}>
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${error ? " utrecht-textarea--invalid" : ""}`}
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.values?.[props.name] ?? ""}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; groups?: { label: string; options: { value: string; label: string }[] }[] }) {
  const error = errorFor(props.errors, props.name);
  const current = props.values?.[props.name] ?? "";
  const option = (o: { value: string; label: string }) => (
    <option value={o.value} selected={o.value === current}>{o.label}</option>
  );
  return (
    <FieldFrame {...props}>
      <select
        class={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
        id={fieldId(props.name)}
        name={props.name}
        required={props.required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.options.map(option)}
        {props.groups?.map((g) => <optgroup label={g.label}>{g.options.map(option)}</optgroup>)}
      </select>
    </FieldFrame>
  );
}

export function FileField(props: FieldProps & { accept?: string }) {
  const error = errorFor(props.errors, props.name);
  return (
    <FieldFrame {...props}>
      <input class="utrecht-textbox afw-file" id={fieldId(props.name)} name={props.name} type="file" accept={props.accept} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(props.name, props.hint, error)} />
    </FieldFrame>
  );
}

export function SubmitButton({ children, variant = "primary" }: { children: Child; variant?: "primary" | "secondary" | "subtle" }) {
  return (
    <button type="submit" class={`utrecht-button utrecht-button--${variant}-action`}>{children}</button>
  );
}

export function PostForm(props: { action: string; csrfToken: string; children: Child; multipart?: boolean; class?: string; label?: string }) {
  return (
    <form method="post" action={props.action} class={`utrecht-form ${props.class ?? ""}`} enctype={props.multipart ? "multipart/form-data" : undefined} aria-label={props.label} novalidate>
      <CsrfField token={props.csrfToken} />
      {props.children}
    </form>
  );
}
