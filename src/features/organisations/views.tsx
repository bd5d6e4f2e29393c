import type { FieldError } from "../../platform/errors.ts";
import type { Organisation } from "../../platform/organisations.ts";
import { Alert, ButtonLink, Cell, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../ui/components.tsx";
import { ErrorSummary, FileField, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import type { OrganisationDetail, OrganisationListItem } from "./queries.ts";

export function OrganisationsPage({ ctx, items }: { ctx: PageContext; items: OrganisationListItem[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("organisations.title")}</Heading1>
      <Paragraph>{t("organisations.intro")}</Paragraph>
      <div class="afw-actions"><ButtonLink href="/instance/organisations/new" variant="primary">{t("organisations.new")}</ButtonLink></div>
      {items.length === 0 ? (
        <Paragraph>{t("organisations.empty")}</Paragraph>
      ) : (
        <Table caption={t("organisations.count", { total: items.length })} headers={[t("organisations.col.name"), t("organisations.col.slug"), t("organisations.col.tooi"), t("organisations.col.users"), t("organisations.col.status")]}>
          {items.map((o) => (
            <Row>
              <Cell><Link href={`/instance/organisations/${o.id}`}>{o.name}</Link></Cell>
              <Cell>{o.slug}</Cell>
              <Cell>{o.tooiCode ?? t("organisations.none")}</Cell>
              <Cell>{String(o.users)}</Cell>
              <Cell>{o.disabled ? <StatusBadge status="invalid">{t("organisations.disabled")}</StatusBadge> : <StatusBadge status="valid">{t("organisations.active")}</StatusBadge>}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}

function Checkbox({ name, label, hint, checked }: { name: string; label: string; hint: string; checked: boolean }) {
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`field-${name}`} name={name} value="on" checked={checked} aria-describedby={`field-${name}-hint`} />{" "}
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={`field-${name}`}>{label}</label>
      <div class="utrecht-form-field__description utrecht-form-field-description" id={`field-${name}-hint`}>{hint}</div>
    </div>
  );
}

function OrganisationFields({ ctx, values, errors }: { ctx: PageContext; values: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <TextField t={t} name="name" label={t("organisations.field.name")} hint={t("organisations.field.name_hint")} required maxlength={120} values={values} errors={errors} />
      <TextField t={t} name="slug" label={t("organisations.field.slug")} hint={t("organisations.field.slug_hint")} required maxlength={60} values={values} errors={errors} />
      <TextField t={t} name="tooiCode" label={t("organisations.field.tooi")} hint={t("organisations.field.tooi_hint")} maxlength={20} values={values} errors={errors} />
      <TextField t={t} name="contactEmail" type="email" label={t("organisations.field.contact")} hint={t("organisations.field.contact_hint")} maxlength={254} values={values} errors={errors} />
      <TextField t={t} name="themeClass" label={t("organisations.field.theme_class")} hint={t("organisations.field.theme_class_hint")} maxlength={60} values={values} errors={errors} />
      <FileField t={t} name="logo" label={t("organisations.field.logo")} hint={t("organisations.field.logo_hint")} accept="image/png,image/jpeg,image/svg+xml" errors={errors} />
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t("organisations.settings_legend")}</legend>
        <SelectField t={t} name="defaultLocale" label={t("organisations.field.locale")} options={[{ value: "nl", label: t("organisations.locale.nl") }, { value: "en", label: t("organisations.locale.en") }]} values={values} errors={errors} />
        <Checkbox name="checkRegisterLinks" label={t("organisations.field.check_links")} hint={t("organisations.field.check_links_hint")} checked={values.checkRegisterLinks === "on"} />
      </fieldset>
    </>
  );
}

export function NewOrganisationPage({ ctx, values, errors }: { ctx: PageContext; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("organisations.new")}</Heading1>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/instance/organisations" csrfToken={ctx.csrfToken} multipart>
        <OrganisationFields ctx={ctx} values={values ?? { defaultLocale: "nl" }} errors={errors} />
        <div class="afw-actions">
          <SubmitButton>{t("organisations.create")}</SubmitButton>
          <Link href="/instance/organisations">{t("organisations.back")}</Link>
        </div>
      </PostForm>
    </>
  );
}

export function valuesOf(o: Organisation): Values {
  return {
    name: o.name,
    slug: o.slug,
    tooiCode: o.tooiCode ?? "",
    contactEmail: o.contactEmail ?? "",
    themeClass: o.themeClass,
    defaultLocale: o.settings.defaultLocale,
    checkRegisterLinks: o.settings.checkRegisterLinks ? "on" : "",
  };
}

export type DetailForm = { values?: Values; errors?: FieldError[]; errorsFor?: "details" | "admin" | "status" };

export function OrganisationDetailPage({ ctx, detail, form = {} }: { ctx: PageContext; detail: OrganisationDetail; form?: DetailForm }) {
  const { t } = ctx;
  const { organisation: o, admins } = detail;
  const errorsOf = (part: DetailForm["errorsFor"]) => (form.errorsFor === part ? form.errors : undefined);
  return (
    <>
      <Heading1>{o.name}</Heading1>
      {o.disabled ? <Alert kind="warning">{t("organisations.status_disabled")}</Alert> : null}
      <ErrorSummary t={t} errors={form.errors} />
      <section aria-labelledby="admins">
        <Heading2 id="admins">{t("organisations.admins")}</Heading2>
        <Paragraph>{t("organisations.admins_intro")}</Paragraph>
        {admins.length === 0 ? (
          <Paragraph>{t("organisations.admins_empty")}</Paragraph>
        ) : (
          <Table caption={t("organisations.admins")} captionHidden headers={[t("organisations.admin.name"), t("organisations.admin.email"), t("organisations.col.status")]}>
            {admins.map((a) => (
              <Row>
                <Cell>{a.name}</Cell>
                <Cell>{a.email}</Cell>
                <Cell>{a.active ? t("organisations.active") : t("organisations.disabled")}</Cell>
              </Row>
            ))}
          </Table>
        )}
        <PostForm action={`/instance/organisations/${o.id}/admins`} csrfToken={ctx.csrfToken} label={t("organisations.admin_add")}>
          <TextField t={t} name="name" label={t("organisations.admin.name")} required maxlength={120} values={form.errorsFor === "admin" ? form.values : undefined} errors={errorsOf("admin")} />
          <TextField t={t} name="email" type="email" label={t("organisations.admin.email")} required maxlength={254} values={form.errorsFor === "admin" ? form.values : undefined} errors={errorsOf("admin")} />
          <TextField t={t} name="password" type="password" autocomplete="new-password" label={t("organisations.admin.password")} hint={t("organisations.admin.password_hint")} required errors={errorsOf("admin")} />
          <SubmitButton>{t("organisations.admin_add")}</SubmitButton>
        </PostForm>
      </section>
      <section aria-labelledby="details">
        <Heading2 id="details">{t("organisations.details")}</Heading2>
        <PostForm action={`/instance/organisations/${o.id}`} csrfToken={ctx.csrfToken} multipart label={t("organisations.details")}>
          <OrganisationFields ctx={ctx} values={form.errorsFor === "details" && form.values ? form.values : valuesOf(o)} errors={errorsOf("details")} />
          <SubmitButton>{t("organisations.save")}</SubmitButton>
        </PostForm>
      </section>
      <section aria-labelledby="export">
        <Heading2 id="export">{t("organisations.export_heading")}</Heading2>
        <Paragraph>{t("organisations.export_intro")}</Paragraph>
        <Paragraph><Link href={`/instance/organisations/${o.id}/export`}>{t("organisations.export_link")}</Link></Paragraph>
      </section>
      <section aria-labelledby="status">
        <Heading2 id="status">{o.disabled ? t("organisations.enable_heading") : t("organisations.disable_heading")}</Heading2>
        {o.disabled ? (
          <PostForm action={`/instance/organisations/${o.id}/enable`} csrfToken={ctx.csrfToken} label={t("organisations.enable_heading")}>
            <SubmitButton variant="secondary">{t("organisations.enable_submit")}</SubmitButton>
          </PostForm>
        ) : (
          <PostForm action={`/instance/organisations/${o.id}/disable`} csrfToken={ctx.csrfToken} label={t("organisations.disable_heading")}>
            <Paragraph>{t("organisations.disable_intro")}</Paragraph>
            <TextArea t={t} name="reason" label={t("organisations.disable_reason")} hint={t("organisations.disable_reason_hint")} required rows={3} maxlength={500} values={form.errorsFor === "status" ? form.values : undefined} errors={errorsOf("status")} />
            <SubmitButton variant="secondary">{t("organisations.disable_submit")}</SubmitButton>
          </PostForm>
        )}
      </section>
    </>
  );
}
