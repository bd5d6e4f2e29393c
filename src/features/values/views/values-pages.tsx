import type { FieldError } from "../../../platform/errors.ts";
import { CheckboxField } from "../../../ui/choice-fields.tsx";
import { ButtonLink, Cell, formatDateTime, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ValuesProfile } from "../profile.ts";
import { VALUE_LIMITS } from "../inputs.ts";
import type { OrgValue, OrgValueWithHistory } from "../value-rows.ts";

function State({ ctx, active }: { ctx: PageContext; active: boolean }) {
  return active ? <StatusBadge status="valid">{ctx.t("values.active")}</StatusBadge> : <StatusBadge status="invalid">{ctx.t("values.retired")}</StatusBadge>;
}

export function ValuesListPage({ ctx, values }: { ctx: PageContext; values: OrgValue[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("values.title")}</Heading1>
      <Paragraph>{t("values.intro")}</Paragraph>
      <div class="afw-actions"><ButtonLink href="/admin/values/new" variant="primary">{t("values.new")}</ButtonLink></div>
      <Table caption={t("values.count", { total: values.length })} headers={[t("values.col.name"), t("values.col.key"), t("values.col.status"), t("values.col.version")]}>
        {values.map((v) => (
          <Row>
            <Cell><Link href={`/admin/values/${encodeURIComponent(v.key)}`} label={t("values.edit_label", { name: v.name[lang] })}>{v.name[lang]}</Link></Cell>
            <Cell><code>{v.key}</code></Cell>
            <Cell><State ctx={ctx} active={v.active} /></Cell>
            <Cell>{v.version}</Cell>
          </Row>
        ))}
      </Table>
    </>
  );
}

function ValueFields({ ctx, values, errors }: { ctx: PageContext; values: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <TextField t={t} name="nameNl" label={t("values.name_nl")} required maxlength={VALUE_LIMITS.name} values={values} errors={errors} />
      <TextField t={t} name="nameEn" label={t("values.name_en")} required maxlength={VALUE_LIMITS.name} values={values} errors={errors} />
      <TextArea t={t} name="descriptionNl" label={t("values.description_nl")} rows={3} maxlength={VALUE_LIMITS.description} values={values} errors={errors} />
      <TextArea t={t} name="descriptionEn" label={t("values.description_en")} rows={3} maxlength={VALUE_LIMITS.description} values={values} errors={errors} />
      <CheckboxField name="active" label={t("values.active_label")} hint={t("values.active_hint")} checked={values.active === "1"} />
    </>
  );
}

export function NewValuePage({ ctx, values, errors }: { ctx: PageContext; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <p class="utrecht-paragraph"><Link href="/admin/values">{t("values.back")}</Link></p>
      <Heading1>{t("values.new")}</Heading1>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/admin/values" csrfToken={ctx.csrfToken}>
        <TextField t={t} name="key" label={t("values.key")} hint={t("values.key_hint")} required maxlength={VALUE_LIMITS.key} values={values} errors={errors} />
        <ValueFields ctx={ctx} values={values ?? { active: "1" }} errors={errors} />
        <SubmitButton>{t("values.add_submit")}</SubmitButton>
      </PostForm>
    </>
  );
}

export function EditValuePage({ ctx, value, values, errors }: { ctx: PageContext; value: OrgValueWithHistory; values?: Values; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const current: Values = values ?? { nameNl: value.name.nl, nameEn: value.name.en, descriptionNl: value.description.nl, descriptionEn: value.description.en, active: value.active ? "1" : "" };
  return (
    <>
      <p class="utrecht-paragraph"><Link href="/admin/values">{t("values.back")}</Link></p>
      <Heading1>{value.name[lang]}</Heading1>
      <Paragraph><code>{value.key}</code> · <State ctx={ctx} active={value.active} /></Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action={`/admin/values/${encodeURIComponent(value.key)}`} csrfToken={ctx.csrfToken}>
        <ValueFields ctx={ctx} values={current} errors={errors} />
        <SubmitButton>{t("values.save")}</SubmitButton>
      </PostForm>
      <section aria-labelledby="value-history">
        <Heading2 id="value-history">{t("values.history")}</Heading2>
        <Table caption={t("values.history_caption")} headers={[t("values.col.version"), t("values.col.name"), t("values.col.description"), t("values.col.status"), t("values.col.changed_at"), t("values.col.changed_by")]}>
          {value.history.map((h) => (
            <Row>
              <Cell>{h.version}</Cell>
              <Cell>{h.name[lang]}</Cell>
              <Cell>{h.description[lang]}</Cell>
              <Cell><State ctx={ctx} active={h.active} /></Cell>
              <Cell>{formatDateTime(h.changedAt, lang)}</Cell>
              <Cell>{h.changedByName}</Cell>
            </Row>
          ))}
        </Table>
      </section>
    </>
  );
}

/** The profile: per touched value where it is touched; then the values nothing touches yet. */
export function ValuesProfileView({ ctx, profile, headingLevel = 2 }: { ctx: PageContext; profile: ValuesProfile; headingLevel?: 2 | 3 }) {
  const { t, lang } = ctx;
  const H = headingLevel === 2 ? "h2" : "h3";
  const total = profile.touched.filter((e) => e.value.active).length + profile.untouched.length;
  return (
    <>
      {profile.touched.length === 0 ? (
        <Paragraph>{t("values.profile.none")}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("values.profile.summary", { count: profile.touched.length, total })}</Paragraph>
          <H class={`utrecht-heading-${headingLevel}`}>{t("values.profile.touched")}</H>
          <ul class="utrecht-unordered-list">
            {profile.touched.map((e) => (
              <li class="utrecht-unordered-list__item">
                <strong>{e.value.active ? e.value.name[lang] : `${e.value.name[lang]} (${t("values.retired")})`}</strong>
                <ul class="utrecht-unordered-list">
                  {e.touches.map((x) => (
                    <li class="utrecht-unordered-list__item">
                      {x.source[lang]} — {x.href ? <a class="utrecht-link" href={x.href}>{x.where[lang]}</a> : x.where[lang]}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {profile.untouched.length ? (
        <>
          <H class={`utrecht-heading-${headingLevel}`}>{t("values.profile.untouched")}</H>
          <Paragraph>{profile.untouched.map((v) => v.name[lang]).join(" · ")}</Paragraph>
        </>
      ) : null}
      {profile.unknownKeys.length ? <Paragraph>{t("values.profile.unknown", { keys: profile.unknownKeys.join(", ") })}</Paragraph> : null}
    </>
  );
}

export function ValuesProfilePage({ ctx, profile }: { ctx: PageContext; profile: ValuesProfile }) {
  const { t } = ctx;
  return (
    <>
      <p class="utrecht-paragraph"><Link href={`/projects/${encodeURIComponent(profile.project.id)}`}>{t("values.profile.back")}</Link></p>
      <Heading1>{t("values.profile.page_title", { project: profile.project.title })}</Heading1>
      <Paragraph lead>{t("values.profile.intro")}</Paragraph>
      <ValuesProfileView ctx={ctx} profile={profile} />
    </>
  );
}
