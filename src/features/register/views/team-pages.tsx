import type { FieldError } from "../../../platform/errors.ts";
import { Alert, Cell, formatDate, formatDateTime, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SubmitButton, TextArea } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { LONG_SENTENCE_WORDS, LONG_WORD_LETTERS } from "../checks.ts";
import { formFromFields } from "../form-values.ts";
import type { TeamEntry, TeamListItem } from "../queries.ts";
import { EntryFormFields } from "./entry-form.tsx";

export const entryPath = (projectId: string) => `/projects/${projectId}/register`;

export interface Again {
  values: Record<string, string>;
  lists: Record<string, string[]>;
  errors: FieldError[];
  errorsFor: string;
}

function Checks({ ctx, entry }: { ctx: PageContext; entry: TeamEntry }) {
  const { t } = ctx;
  return (
    <section class="afw-card" aria-labelledby="register-checks">
      <Heading2 id="register-checks">{t("register.checks")}</Heading2>
      <Paragraph>{t("register.completeness", { n: entry.completeness })}</Paragraph>
      {entry.missing.length ? (
        <>
          <Paragraph>{t("register.missing")}</Paragraph>
          <ul class="utrecht-unordered-list">{entry.missing.map((m) => <li class="utrecht-unordered-list__item"><a class="utrecht-link" href={`#field-${m}`}>{t(`register.field.${m}`)}</a></li>)}</ul>
        </>
      ) : <Paragraph>{t("register.nothing_missing")}</Paragraph>}
      <h3 class="utrecht-heading-3">{t("register.b1_title")}</h3>
      <Paragraph>{t("register.b1_intro", { words: LONG_SENTENCE_WORDS, letters: LONG_WORD_LETTERS })}</Paragraph>
      {entry.b1.length ? (
        <ul class="utrecht-unordered-list">
          {entry.b1.map((h) => <li class="utrecht-unordered-list__item">{t("register.b1_hint", { field: t(`register.field.${h.field}`), sentences: h.longSentences, words: h.longWords.join(", ") || "–" })}</li>)}
        </ul>
      ) : <Paragraph>{t("register.b1_ok")}</Paragraph>}
    </section>
  );
}

function Release({ ctx, entry, again }: { ctx: PageContext; entry: TeamEntry; again?: Again }) {
  const { t, lang } = ctx;
  const path = entryPath(entry.project.id);
  return (
    <section aria-labelledby="register-release" id="release">
      <Heading2 id="register-release">{t("register.approve_title")}</Heading2>
      {again && again.errorsFor !== "entry" ? <ErrorSummary t={t} errors={again.errors} /> : null}
      <Paragraph>{t("register.state_line", { state: t(`register.draft_state.${entry.draftState}`), public: t(`register.public_state.${entry.publicState}`) })}</Paragraph>
      {entry.preparedByName && entry.preparedAt ? <Paragraph>{t("register.prepared_by", { name: entry.preparedByName, date: formatDate(entry.preparedAt, lang) })}</Paragraph> : null}
      {entry.approvedByName && entry.approvedAt ? <Paragraph>{t("register.approved_by", { name: entry.approvedByName, date: formatDate(entry.approvedAt, lang) })}</Paragraph> : null}
      {entry.retractReason && entry.publicState === "retracted" ? <Paragraph>{t("register.retracted_line", { reason: entry.retractReason })}</Paragraph> : null}
      <Paragraph>{t("register.approve_intro")}</Paragraph>
      {entry.checksLinks ? <Paragraph>{t("register.links_checked")}</Paragraph> : null}
      {entry.may.approve ? (
        <PostForm action={`${path}/approve`} csrfToken={ctx.csrfToken} label={t("register.approve")}>
          <input type="hidden" name="expectedRevision" value={String(entry.revision)} />
          <SubmitButton>{t("register.approve")}</SubmitButton>
        </PostForm>
      ) : entry.draftState === "draft" ? <Paragraph>{t("register.approve_not_yet")}</Paragraph> : null}
      {entry.may.publish ? (
        <PostForm action={`${path}/publish`} csrfToken={ctx.csrfToken} label={t("register.publish")}>
          <SubmitButton>{t("register.publish")}</SubmitButton>
        </PostForm>
      ) : null}
      {entry.may.retract ? (
        <PostForm action={`${path}/retract`} csrfToken={ctx.csrfToken} label={t("register.retract_title")}>
          <TextArea t={t} name="reason" label={t("register.retract_reason")} maxlength={1000} rows={2} values={again?.errorsFor === "retract" ? again.values : {}} errors={again?.errorsFor === "retract" ? again.errors : undefined} required />
          <SubmitButton variant="secondary">{t("register.retract")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

const DELIVERY_ERRORS = ["token_refused", "timeout", "unreachable", "no_register_id", "connector_off", "not_published"] as const;

function deliveryError(t: PageContext["t"], code: string | null): string {
  if (!code) return "";
  const status = /^status_(\d{3})$/.exec(code);
  if (status) return t("register.delivery_error.status", { status: status[1]! });
  return (DELIVERY_ERRORS as readonly string[]).includes(code) ? t(`register.delivery_error.${code as (typeof DELIVERY_ERRORS)[number]}`) : t("register.delivery_error.other");
}

const DELIVERY_STATES = ["pending", "delivering", "delivered", "failed", "given_up"] as const;

function Deliveries({ ctx, entry }: { ctx: PageContext; entry: TeamEntry }) {
  const { t, lang } = ctx;
  if (!entry.deliveries.length) return null;
  const retriable = entry.may.retract && entry.deliveries.some((d) => d.status === "failed" || d.status === "given_up");
  return (
    <section aria-labelledby="register-deliveries" id="deliveries">
      <Heading2 id="register-deliveries">{t("register.deliveries_title")}</Heading2>
      <Paragraph>{t("register.deliveries_intro")}</Paragraph>
      <ul class="utrecht-unordered-list">
        {entry.deliveries.map((d) => {
          const state = (DELIVERY_STATES as readonly string[]).includes(d.status) ? (d.status as (typeof DELIVERY_STATES)[number]) : "pending";
          return (
            <li class="utrecht-unordered-list__item">
              {t("register.delivery_line", { version: d.version, state: t(`register.delivery_state.${state}`), date: formatDateTime(d.updatedAt, lang) })}
              {d.lastError ? <> {t("register.delivery_reason", { reason: deliveryError(t, d.lastError), attempts: d.attempts })}</> : null}
              {state === "failed" ? <> {t("register.delivery_next", { date: formatDateTime(d.nextAttemptAt, lang) })}</> : null}
            </li>
          );
        })}
      </ul>
      {retriable ? (
        <PostForm action={`${entryPath(entry.project.id)}/deliver`} csrfToken={ctx.csrfToken} label={t("register.delivery_retry")}>
          <SubmitButton variant="secondary">{t("register.delivery_retry")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

function Feedback({ ctx, entry }: { ctx: PageContext; entry: TeamEntry }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="register-feedback" id="feedback">
      <Heading2 id="register-feedback">{t("register.feedback_title")}</Heading2>
      {entry.feedback.length === 0 ? <Paragraph>{t("register.feedback_none")}</Paragraph> : (
        <ul class="utrecht-unordered-list afw-comments">
          {entry.feedback.map((f) => (
            <li class="utrecht-unordered-list__item">
              <strong>{t(f.kind === "error" ? "register.feedback_kind.error" : "register.feedback_kind.question")}</strong> — {formatDate(f.createdAt, lang)}
              <p class="utrecht-paragraph afw-prewrap">{f.message}</p>
              {f.replyTo ? <p class="utrecht-paragraph">{t("register.feedback_reply_to", { email: f.replyTo })}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EntryPage({ ctx, entry, again }: { ctx: PageContext; entry: TeamEntry; again?: Again }) {
  const { t, lang } = ctx;
  const values = again?.errorsFor === "entry" ? again.values : formFromFields(entry.fields);
  const lists = again?.errorsFor === "entry" ? again.lists : { category: Array.isArray(entry.fields.category) ? (entry.fields.category as string[]) : [] };
  return (
    <>
      <Heading1>{t("register.entry_title", { project: entry.project.title })}</Heading1>
      <Paragraph><Link href={`/projects/${entry.project.id}`}>{entry.project.title}</Link>{entry.lars && entry.publicState === "published" ? <> · <Link href={`/openbaar/register/${entry.lars}`}>{t("register.panel_public")}</Link></> : null}</Paragraph>
      {entry.overdue && entry.revisionDate ? <Alert kind="warning">{t("register.overdue_alert", { date: formatDate(entry.revisionDate, lang) })}</Alert> : null}
      {!entry.exists ? <Alert kind="info">{t("register.prefilled")}</Alert> : null}
      <Checks ctx={ctx} entry={entry} />
      <Release ctx={ctx} entry={entry} again={again} />
      {entry.may.prepare ? (
        <section aria-labelledby="register-form" id="entry">
          <Heading2 id="register-form">{t("register.save")}</Heading2>
          {again?.errorsFor === "entry" ? <ErrorSummary t={t} errors={again.errors} /> : null}
          <PostForm action={entryPath(entry.project.id)} csrfToken={ctx.csrfToken} label={t("register.panel_title")}>
            <input type="hidden" name="expectedRevision" value={String(entry.revision)} />
            <EntryFormFields t={t} values={values} lists={lists} errors={again?.errorsFor === "entry" ? again.errors : undefined} proposals={entry.proposals} />
            <SubmitButton>{t("register.save")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
      <section aria-labelledby="register-versions">
        <Heading2 id="register-versions">{t("register.versions")}</Heading2>
        <ul class="utrecht-unordered-list">
          {entry.versions.map((v) => <li class="utrecht-unordered-list__item">{entry.lars ? <Link href={`/openbaar/register/${entry.lars}/versies/${v.version}`}>{t("register.version_line", { n: v.version, date: formatDate(v.publishedAt, lang), prepared: v.preparedByName, approved: v.approvedByName })}</Link> : null}</li>)}
        </ul>
      </section>
      <Deliveries ctx={ctx} entry={entry} />
      <Feedback ctx={ctx} entry={entry} />
    </>
  );
}

export function TeamListPage({ ctx, items }: { ctx: PageContext; items: TeamListItem[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("register.team_title")}</Heading1>
      <Paragraph lead>{t("register.team_intro")}</Paragraph>
      {items.length === 0 ? <Paragraph>{t("register.team_empty")}</Paragraph> : (
        <Table caption={t("register.team_title")} captionHidden headers={[t("register.col_project"), t("register.col_name"), t("register.col_state"), t("register.col_revision"), t("register.col_feedback")]}>
          {items.map((i) => (
            <Row>
              <Cell><Link href={entryPath(i.projectId)}>{i.projectTitle}</Link></Cell>
              <Cell>{i.name}</Cell>
              <Cell>{t(`register.public_state.${i.publicState as "published"}`)} · {t(`register.draft_state.${i.draftState as "draft"}`)}</Cell>
              <Cell>{i.revisionDate ? formatDate(i.revisionDate, lang) : "–"} {i.overdue ? <StatusBadge status="warning">{t("register.overdue")}</StatusBadge> : null}</Cell>
              <Cell>{String(i.feedbackCount)}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}

export function RegisterPanel({ ctx, entry }: { ctx: PageContext; entry: TeamEntry }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="panel-register">
      <Heading2 id="panel-register">{t("register.panel_title")}</Heading2>
      {entry.exists ? <Paragraph>{t("register.state_line", { state: t(`register.draft_state.${entry.draftState}`), public: t(`register.public_state.${entry.publicState}`) })}</Paragraph> : <Paragraph>{t("register.panel_none")}</Paragraph>}
      {entry.overdue && entry.revisionDate ? <Alert kind="warning">{t("register.overdue_alert", { date: formatDate(entry.revisionDate, lang) })}</Alert> : null}
      {entry.feedback.length ? <Paragraph>{t("register.feedback_title")}: {String(entry.feedback.length)}</Paragraph> : null}
      <Paragraph><Link href={entryPath(entry.project.id)}>{entry.exists ? t("register.panel_open") : t("register.panel_start")}</Link></Paragraph>
    </section>
  );
}
