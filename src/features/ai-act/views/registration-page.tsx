import type { FieldError } from "../../../platform/errors.ts";
import { Alert, ButtonLink, formatDate, Heading1, Heading2, Link, Paragraph } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { FriaState } from "../fria.ts";
import { NOTIFY_LIMITS } from "../fria.ts";
import { FIELD_MAX, NUMBER_MAX, REGISTRATION_FIELDS, type Registration } from "../registration.ts";
import { aiActPath, projectPath } from "./classification-page.tsx";

const LONG = new Set(["deployer_address", "submitter", "fria_summary", "dpia_summary"]);

export interface RegistrationModel {
  registration: Registration;
  fria: FriaState;
  friaRequired: boolean;
  registrationRequired: boolean;
}

function FriaBlock({ ctx, model, values, errors }: { ctx: PageContext; model: RegistrationModel; values?: Values; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const { fria, registration } = model;
  const id = registration.project.id;
  return (
    <section aria-labelledby="fria">
      <Heading2 id="fria">{t("ai_act.fria.title")}</Heading2>
      <Paragraph>{t("ai_act.fria.in_depia")}</Paragraph>
      <Paragraph>{t(`ai_act.fria.state.${fria.review}`, { version: fria.version ?? 0 })}</Paragraph>
      {fria.needsUpgrade && fria.review !== "none" ? <Alert kind="warning">{t("ai_act.fria.needs_upgrade")}</Alert> : null}
      <div class="afw-actions">
        <ButtonLink href={`${projectPath(id)}/depia`} variant="secondary">{t("ai_act.fria.open_depia")}</ButtonLink>
        {registration.canEdit && fria.review !== "none" && !fria.needsUpgrade ? (
          <PostForm action={`${aiActPath(id)}/fria/prefill`} csrfToken={ctx.csrfToken} class="afw-inline-form">
            <SubmitButton variant="secondary">{t("ai_act.fria.prefill")}</SubmitButton>
          </PostForm>
        ) : null}
      </div>
      {fria.notified ? (
        <Paragraph>{t("ai_act.fria.notified", { authority: fria.notified.authority, date: formatDate(fria.notified.on, lang), reference: fria.notified.reference || "-" })}</Paragraph>
      ) : fria.review === "accepted" && registration.canEdit ? (
        <PostForm action={`${aiActPath(id)}/registration/fria-notification`} csrfToken={ctx.csrfToken} label={t("ai_act.fria.notify_title")}>
          <h3 class="utrecht-heading-3">{t("ai_act.fria.notify_title")}</h3>
          <TextField t={t} name="authority" label={t("ai_act.fria.authority")} hint={t("ai_act.fria.authority_hint")} required maxlength={NOTIFY_LIMITS.authority} values={values} errors={errors} />
          <TextField t={t} name="notifiedOn" type="date" label={t("ai_act.fria.notified_on")} required values={values} errors={errors} />
          <TextField t={t} name="reference" label={t("ai_act.fria.reference")} maxlength={NOTIFY_LIMITS.reference} values={values} errors={errors} />
          <SubmitButton>{t("ai_act.fria.notify_submit")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

export function RegistrationPage({ ctx, model, values, errors }: { ctx: PageContext; model: RegistrationModel; values?: Values; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const r = model.registration;
  const id = r.project.id;
  const fieldValues: Values = { ...r.fields, ...(values ?? {}) };
  return (
    <>
      <Paragraph><Link href={aiActPath(id)}>{t("ai_act.back_to_project", { title: t("ai_act.title") })}</Link></Paragraph>
      <Heading1>{t("ai_act.registration.title")}</Heading1>
      <Paragraph lead>{t("ai_act.registration.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      {model.friaRequired ? <FriaBlock ctx={ctx} model={model} values={values} errors={errors} /> : null}
      <section aria-labelledby="registration-fields">
        <Heading2 id="registration-fields">{t("ai_act.registration.title")}</Heading2>
        {!model.registrationRequired ? <Alert kind="info">{t("ai_act.registration.not_required")}</Alert> : null}
        {!r.saved ? <Alert kind="info">{t("ai_act.registration.prepared")}</Alert> : null}
        {r.missing.length ? (
          <Alert kind="warning">{t("ai_act.registration.missing", { fields: r.missing.map((f) => t(`ai_act.registration.field.${f}`)).join("; ") })}</Alert>
        ) : (
          <Alert kind="ok">{t("ai_act.registration.complete")}</Alert>
        )}
        {r.canEdit ? (
          <PostForm action={`${aiActPath(id)}/registration/fields`} csrfToken={ctx.csrfToken} label={t("ai_act.registration.title")}>
            {REGISTRATION_FIELDS.map((f) =>
              LONG.has(f) ? (
                <TextArea t={t} name={f} label={t(`ai_act.registration.field.${f}`)} maxlength={FIELD_MAX[f]} values={fieldValues} errors={errors} />
              ) : (
                <TextField t={t} name={f} label={t(`ai_act.registration.field.${f}`)} maxlength={FIELD_MAX[f]} values={fieldValues} errors={errors} />
              ),
            )}
            <SubmitButton>{t("ai_act.registration.save")}</SubmitButton>
          </PostForm>
        ) : null}
        <Paragraph><Link href={`${aiActPath(id)}/registration.json`}>{t("ai_act.registration.export")}</Link></Paragraph>
      </section>
      <section aria-labelledby="registration-number">
        <Heading2 id="registration-number">{t("ai_act.registration.number_title")}</Heading2>
        {r.number ? (
          <Paragraph>{t("ai_act.registration.recorded", { number: r.number, date: formatDate(r.registeredAt ?? "", lang) })}</Paragraph>
        ) : r.canEdit ? (
          <PostForm action={`${aiActPath(id)}/registration/number`} csrfToken={ctx.csrfToken} label={t("ai_act.registration.number_title")}>
            <TextField t={t} name="registrationNumber" label={t("ai_act.registration.number")} required maxlength={NUMBER_MAX} values={values} errors={errors} />
            <SubmitButton>{t("ai_act.registration.number_submit")}</SubmitButton>
          </PostForm>
        ) : null}
      </section>
    </>
  );
}
