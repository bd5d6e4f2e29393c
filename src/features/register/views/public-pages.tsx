import { raw } from "hono/html";
import type { FieldError } from "../../../platform/errors.ts";
import { RadioGroupField } from "../../../ui/choice-fields.tsx";
import { Alert, formatDate, Heading1, Heading2, Link, Pagination, Paragraph } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { isEmptyValue, POLICY_AREAS, PUBLICATION_CATEGORIES, REGISTER_FIELDS, STATUSES, type EntryFields, type Link as LinkValue, type RegisterField } from "../fields.ts";
import type { Facets, PublicEntry, PublicQueryData, PublicSummary } from "../public.ts";

export function PublicHomePage({ ctx, advice }: { ctx: PageContext; advice: { id: string; title: string; organisationName: string }[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("register.public_home_title")}</Heading1>
      <Paragraph lead>{t("register.public_home_intro")}</Paragraph>
      <p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--primary-action" href="/openbaar">{t("register.public_home_register")}</a></p>
      <div class="afw-grid">
        <section class="afw-card" aria-labelledby="home-advice">
          <Heading2 id="home-advice">{t("register.public_home_advice")}</Heading2>
          {advice.length === 0 ? <Paragraph>{t("register.public_home_advice_none")}</Paragraph> : (
            <ul class="utrecht-unordered-list">{advice.map((a) => <li class="utrecht-unordered-list__item"><Link href={`/openbaar/advies/${a.id}`}>{a.title}</Link> ({a.organisationName})</li>)}</ul>
          )}
        </section>
        <section class="afw-card" aria-labelledby="home-staff">
          <Heading2 id="home-staff">{t("register.public_home_staff")}</Heading2>
          <Paragraph><Link href="/login">{t("register.public_home_login")}</Link></Paragraph>
        </section>
      </div>
    </>
  );
}

const options = (ctx: PageContext, values: readonly string[]) => [{ value: "", label: ctx.t("register.filter_all") }, ...values.map((v) => ({ value: v, label: v }))];

function queryString(q: PublicQueryData, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && k !== "page" && k !== "pageSize") p.set(k, String(v));
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/openbaar?${s}` : "/openbaar";
}

export function Summary({ ctx, item }: { ctx: PageContext; item: PublicSummary }) {
  return (
    <li class="utrecht-unordered-list__item afw-register-item">
      <h3 class="utrecht-heading-3"><Link href={`/openbaar/register/${item.lars}`}>{item.name}</Link></h3>
      <p class="utrecht-paragraph afw-meta">{item.organisationName} · {item.status} · {item.category}</p>
      <p class="utrecht-paragraph">{item.summary}</p>
      <p class="utrecht-paragraph afw-meta">{ctx.t("register.updated_on", { date: formatDate(item.updatedAt, ctx.lang) })}</p>
    </li>
  );
}

export function PublicListPage({ ctx, result, facets, errors }: { ctx: PageContext; result: { items: PublicSummary[]; total: number; page: number; pageSize: number; query: PublicQueryData }; facets: Facets; errors?: FieldError[] }) {
  const { t } = ctx;
  const q = result.query;
  const values: Record<string, string> = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <Heading1>{t("register.public_title")}</Heading1>
      <Paragraph lead>{t("register.public_intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <form method="get" action="/openbaar" class="utrecht-form afw-filter" role="search" aria-label={t("register.search_label")}>
        <TextField t={t} name="q" label={t("register.search_label")} values={values} maxlength={200} type="search" />
        <SelectField t={t} name="organisation" label={t("register.filter_organisation")} values={values} options={[{ value: "", label: t("register.filter_all") }, ...facets.organisations.map((o) => ({ value: o.slug, label: o.name }))]} />
        <SelectField t={t} name="status" label={t("register.filter_status")} values={values} options={options(ctx, STATUSES)} />
        <SelectField t={t} name="category" label={t("register.filter_category")} values={values} options={options(ctx, PUBLICATION_CATEGORIES)} />
        <SelectField t={t} name="policyArea" label={t("register.filter_policy_area")} values={values} options={options(ctx, POLICY_AREAS)} />
        {facets.values.length ? <SelectField t={t} name="value" label={t("register.filter_value")} values={values} options={options(ctx, facets.values)} /> : null}
        {facets.technologies.length ? <SelectField t={t} name="technology" label={t("register.filter_technology")} values={values} options={options(ctx, facets.technologies)} /> : null}
        <SubmitButton>{t("register.search_button")}</SubmitButton>
      </form>
      <section aria-labelledby="register-results">
        <Heading2 id="register-results">{t("register.results", { n: result.total })}</Heading2>
        {result.items.length === 0 ? <Paragraph>{t("register.no_results")}</Paragraph> : <ul class="utrecht-unordered-list afw-register-list">{result.items.map((item) => <Summary ctx={ctx} item={item} />)}</ul>}
        <Pagination t={t} page={result.page} pageSize={result.pageSize} total={result.total} href={(p) => queryString(q, p)} />
      </section>
      <section aria-labelledby="register-downloads">
        <Heading2 id="register-downloads">{t("register.downloads")}</Heading2>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item"><Link href="/api/v1/public/register/export.csv">{t("register.download_csv")}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href="/openbaar/register.atom">{t("register.download_atom")}</Link></li>
        </ul>
      </section>
    </>
  );
}

/** A field as HTML: sanitised on the way in, so only the allowed tags are there. */
function Html({ value }: { value: unknown }) {
  return typeof value === "string" && value ? <div class="afw-register-text">{raw(value)}</div> : null;
}

function Section({ id, title, children }: { id: string; title: string; children: unknown }) {
  return children ? <section aria-labelledby={id}><Heading2 id={id}>{title}</Heading2>{children as never}</section> : null;
}

function ValueOf({ ctx, f, v }: { ctx: PageContext; f: RegisterField; v: EntryFields[keyof EntryFields] }) {
  if (isEmptyValue(v)) return <>{ctx.t("register.not_filled")}</>;
  if (f.kind === "links") return <ul class="utrecht-unordered-list">{(v as LinkValue[]).map((l) => <li class="utrecht-unordered-list__item">{l.link ? <Link href={l.link}>{l.title}</Link> : l.title}</li>)}</ul>;
  if (Array.isArray(v)) return <>{(v as string[]).join(", ")}</>;
  if (f.kind === "text" && f.html) return <Html value={v} />;
  if (f.kind === "line" && f.format === "url") return <Link href={String(v)}>{String(v)}</Link>;
  return <span class="afw-prewrap">{String(v)}</span>;
}

export interface DetailProps {
  ctx: PageContext;
  entry: PublicEntry;
  similar: PublicSummary[];
  feedback: { values: Record<string, string>; errors?: FieldError[]; token: string; sent: boolean };
}

function FeedbackForm({ ctx, entry, feedback }: Omit<DetailProps, "similar">) {
  const { t } = ctx;
  return (
    <section aria-labelledby="register-feedback-form" id="melding">
      <Heading2 id="register-feedback-form">{t("register.feedback_form_title")}</Heading2>
      {feedback.sent ? <Alert kind="ok">{t("register.feedback_sent")}</Alert> : null}
      <Paragraph>{t("register.feedback_form_intro")}</Paragraph>
      <ErrorSummary t={t} errors={feedback.errors} />
      <PostForm action={`/openbaar/register/${entry.lars}/melding`} csrfToken={ctx.csrfToken} label={t("register.feedback_form_title")}>
        <input type="hidden" name="formToken" value={feedback.token} />
        <RadioGroupField t={t} name="kind" legend={t("register.feedback_kind")} options={[{ value: "error", label: t("register.feedback_kind_error") }, { value: "question", label: t("register.feedback_kind_question") }]} selected={feedback.values.kind} errors={feedback.errors} required />
        <TextArea t={t} name="message" label={t("register.feedback_message")} values={feedback.values} errors={feedback.errors} maxlength={2000} rows={4} required />
        <TextField t={t} name="replyTo" label={t("register.feedback_reply")} values={feedback.values} errors={feedback.errors} maxlength={254} type="email" autocomplete="email" />
        <div class="afw-visually-hidden" aria-hidden="true">
          <label for="field-website">{t("register.feedback_honeypot")}</label>
          <input id="field-website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <SubmitButton>{t("register.feedback_send")}</SubmitButton>
      </PostForm>
    </section>
  );
}

export function PublicDetailPage({ ctx, entry, similar, feedback }: DetailProps) {
  const { t, lang } = ctx;
  const f = entry.fields;
  const newest = entry.versions[0]?.version ?? entry.version;
  const values = Array.isArray(f.values_weighed) ? (f.values_weighed as string[]) : [];
  return (
    <>
      <p class="utrecht-paragraph"><Link href="/openbaar">{t("register.public_title")}</Link> · {entry.organisation.name}</p>
      <Heading1>{String(f.name ?? "")}</Heading1>
      {entry.version !== newest ? <Alert kind="info">{t("register.detail_old_version", { n: entry.version })} <Link href={`/openbaar/register/${entry.lars}`}>{t("register.detail_current")}</Link></Alert> : null}
      <Paragraph lead>{String(f.description_short ?? "")}</Paragraph>
      <p class="utrecht-paragraph afw-meta">{entry.organisation.name} · {String(f.status ?? "")} · {String(f.publication_category ?? "")} · {t("register.updated_on", { date: formatDate(entry.publishedAt, lang) })}</p>
      <Section id="d-purpose" title={t("register.detail_purpose")}>{f.goal ? <Html value={f.goal} /> : null}</Section>
      <Section id="d-values" title={t("register.detail_values")}>{values.length ? <ul class="utrecht-unordered-list">{values.map((v) => <li class="utrecht-unordered-list__item">{v}</li>)}</ul> : null}</Section>
      <Section id="d-weighing" title={t("register.detail_weighing")}>
        {f.proportionality || f.subsidiarity || f.necessity || f.alternatives_considered ? (
          <dl class="afw-details">
            {(["proportionality", "subsidiarity", "necessity", "alternatives_considered"] as const).filter((n) => !isEmptyValue(f[n])).map((n) => <><dt>{t(`register.field.${n}`)}</dt><dd>{n === "proportionality" ? <Html value={f[n]} /> : <span class="afw-prewrap">{String(f[n])}</span>}</dd></>)}
          </dl>
        ) : null}
      </Section>
      <Section id="d-risks" title={t("register.detail_risks")}>{f.risks ? <Html value={f.risks} /> : null}</Section>
      <Section id="d-human" title={t("register.detail_human")}>{f.human_intervention ? <Html value={f.human_intervention} /> : null}</Section>
      <Section id="d-advice" title={t("register.detail_advice")}>
        {entry.advice.length ? (
          <ul class="utrecht-unordered-list">
            {entry.advice.map((a) => <li class="utrecht-unordered-list__item"><Link href={`/openbaar/advies/${a.id}`}>{t("register.detail_advice_link", { title: a.title })}</Link>{a.boardDecision ? <> — {t("register.detail_board", { decision: t(a.boardDecision === "deviate" ? "committee.board.deviate" : "committee.board.follow") })}</> : null}</li>)}
          </ul>
        ) : null}
      </Section>
      <section aria-labelledby="d-contact">
        <Heading2 id="d-contact">{t("register.detail_contact")}</Heading2>
        {f.contact_email ? <Paragraph>{t("register.detail_contact_text", { email: String(f.contact_email) })}</Paragraph> : null}
        <h3 class="utrecht-heading-3">{t("register.detail_objection")}</h3>
        <p class="utrecht-paragraph afw-prewrap">{f.objection_procedure ? String(f.objection_procedure) : t("register.detail_objection_default")}</p>
      </section>
      <section aria-labelledby="d-similar">
        <Heading2 id="d-similar">{t("register.similar")}</Heading2>
        {similar.length ? <ul class="utrecht-unordered-list afw-register-list">{similar.map((s) => <li class="utrecht-unordered-list__item"><Link href={`/openbaar/register/${s.lars}`}>{s.name}</Link> ({s.organisationName})</li>)}</ul> : <Paragraph>{t("register.similar_none")}</Paragraph>}
      </section>
      <details class="afw-details-block">
        <summary>{t("register.detail_more")}</summary>
        <dl class="afw-details">
          {(REGISTER_FIELDS as readonly RegisterField[]).map((field) => <><dt>{t(`register.field.${field.name}` as never)}</dt><dd><ValueOf ctx={ctx} f={field} v={f[field.name as keyof EntryFields]} /></dd></>)}
        </dl>
      </details>
      {entry.versions.length > 1 ? (
        <section aria-labelledby="d-versions">
          <Heading2 id="d-versions">{t("register.detail_versions")}</Heading2>
          <ul class="utrecht-unordered-list">{entry.versions.map((v) => <li class="utrecht-unordered-list__item"><Link href={`/openbaar/register/${entry.lars}/versies/${v.version}`}>{t("register.detail_version_link", { n: v.version, date: formatDate(v.publishedAt, lang) })}</Link></li>)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="d-downloads">
        <Heading2 id="d-downloads">{t("register.downloads")}</Heading2>
        <ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item"><Link href={`/api/v1/public/register/entries/${entry.lars}`}>{t("register.download_json")}</Link></li></ul>
      </section>
      <FeedbackForm ctx={ctx} entry={entry} feedback={feedback} />
    </>
  );
}
