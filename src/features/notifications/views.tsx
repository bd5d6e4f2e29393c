import type { FieldError } from "../../platform/errors.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { Alert, Cell, Heading1, Heading2, Link, Pagination, Paragraph, Row, StatusBadge, Table, formatDate, formatDateTime } from "../../ui/components.tsx";
import { ErrorSummary, PostForm, SubmitButton, type Values } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import { DELIVERIES, NOTIFICATION_KINDS, type Delivery, type NotificationKind } from "./kinds.ts";
import type { NotificationTable } from "./schema.ts";
import { PAGE_SIZE } from "./service.ts";
import { notificationText } from "./words.ts";

export function NotificationsPage({ ctx, items, total, unread, page }: { ctx: PageContext; items: NotificationTable[]; total: number; unread: number; page: number }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("notifications.title")}</Heading1>
      <Paragraph>{t("notifications.intro")}</Paragraph>
      <Paragraph>
        <Link href="/account/notifications">{t("notifications.settings_link")}</Link>
      </Paragraph>
      {items.length === 0 ? (
        <Paragraph lead>{t("notifications.none")}</Paragraph>
      ) : (
        <section aria-labelledby="notifications-list" class="afw-inbox">
          <Heading2 id="notifications-list">{t("notifications.unread_count", { count: unread })}</Heading2>
          {unread > 0 ? (
            <PostForm action="/notifications/read-all" csrfToken={ctx.csrfToken}>
              <SubmitButton variant="secondary">{t("notifications.mark_all_read")}</SubmitButton>
            </PostForm>
          ) : null}
          <ol class="afw-inbox__list">
            {items.map((n) => {
              const text = notificationText(n, lang);
              return (
                <li class={n.kind === "overdue" && !n.read_at ? "afw-inbox__item afw-inbox__item--overdue" : "afw-inbox__item"}>
                  <a class="utrecht-link afw-inbox__what" href={n.href}>{text}</a>
                  <p class="utrecht-paragraph afw-inbox__meta">
                    {n.read_at ? <span>{t("notifications.read")}</span> : <StatusBadge status="warning">{t("notifications.unread")}</StatusBadge>}
                    <span>{t(`notifications.kind.${n.kind}` as MessageKey)}</span>
                    {n.project_title ? <span>{t("notifications.project", { title: n.project_title })}</span> : null}
                    <span>{t("notifications.when", { date: formatDate(n.created_at, lang) })}</span>
                  </p>
                  {n.read_at ? null : (
                    // No label on the form: a labelled form is a landmark, and two notifications with the same text
                    // would make two landmarks of one name. The button says what it marks, for a screen reader.
                    <PostForm action={`/notifications/${encodeURIComponent(n.id)}/read`} csrfToken={ctx.csrfToken}>
                      <SubmitButton variant="subtle">
                        {t("notifications.mark_read")}
                        <span class="afw-visually-hidden"> ({text})</span>
                      </SubmitButton>
                    </PostForm>
                  )}
                </li>
              );
            })}
          </ol>
          <Pagination t={t} page={page} pageSize={PAGE_SIZE} total={total} href={(p) => `/notifications?page=${p}`} />
        </section>
      )}
    </>
  );
}

export function PreferencesPage({ ctx, preferences, values, errors }: { ctx: PageContext; preferences: Record<NotificationKind, Delivery>; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  const options = DELIVERIES.map((d) => ({ value: d, label: t(`notifications.delivery.${d}`) }));
  return (
    <>
      <Heading1>{t("notifications.prefs.title")}</Heading1>
      <Paragraph>{t("notifications.prefs.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/account/notifications" csrfToken={ctx.csrfToken}>
        {NOTIFICATION_KINDS.map((kind) => (
          <RadioGroupField
            t={t}
            name={`preferences.${kind}`}
            legend={t(`notifications.kind.${kind}`)}
            hint={t(`notifications.kind.${kind}_hint`)}
            options={options}
            errors={errors}
            selected={values?.[`preferences.${kind}`] ?? preferences[kind]}
          />
        ))}
        <SubmitButton>{t("notifications.prefs.save")}</SubmitButton>
      </PostForm>
      <Paragraph>
        <Link href="/notifications">{t("notifications.title")}</Link>
      </Paragraph>
    </>
  );
}

type Failures = {
  jobs: { id: string; kind: string; labelKey: MessageKey | null; attempts: number; last_error: string | null; updated_at: string }[] | null;
  mails: { id: string; to_address: string; subject: string; attempts: number; last_error: string | null; created_at: string }[] | null;
};

function mailError(ctx: PageContext, error: string | null): string {
  if (error === "invalid_address") return ctx.t("notifications.mail_error.invalid_address");
  if (error === "interrupted") return ctx.t("notifications.mail_error.interrupted");
  return ctx.t("notifications.mail_error.refused", { detail: error ?? "" });
}

export function JobsPage({ ctx, failures }: { ctx: PageContext; failures: Failures }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("notifications.jobs.title")}</Heading1>
      <Paragraph>{t("notifications.jobs.intro")}</Paragraph>
      {failures.jobs ? (
        <section aria-labelledby="jobs-failed">
          <Heading2 id="jobs-failed">{t("notifications.jobs.failed_jobs")}</Heading2>
          {failures.jobs.length === 0 ? (
            <Alert kind="ok">{t("notifications.jobs.no_failed_jobs")}</Alert>
          ) : (
            <Table caption={t("notifications.jobs.failed_jobs")} captionHidden headers={[t("notifications.jobs.kind"), t("notifications.jobs.attempts"), t("notifications.jobs.error"), t("notifications.jobs.when"), ""]}>
              {failures.jobs.map((j) => (
                <Row>
                  <Cell>{j.labelKey ? t(j.labelKey) : j.kind}</Cell>
                  <Cell numeric>{String(j.attempts)}</Cell>
                  <Cell>{j.last_error ?? ""}</Cell>
                  <Cell>{formatDateTime(j.updated_at, lang)}</Cell>
                  <Cell>
                    {/* No label on the form (two failed jobs of one kind would be two landmarks of one name). */}
                    <PostForm action={`/admin/jobs/${encodeURIComponent(j.id)}/retry`} csrfToken={ctx.csrfToken}>
                      <SubmitButton variant="secondary">
                        {t("notifications.jobs.retry")}
                        <span class="afw-visually-hidden"> ({j.labelKey ? t(j.labelKey) : j.kind})</span>
                      </SubmitButton>
                    </PostForm>
                  </Cell>
                </Row>
              ))}
            </Table>
          )}
        </section>
      ) : null}
      {failures.mails ? (
        <section aria-labelledby="mails-failed">
          <Heading2 id="mails-failed">{t("notifications.jobs.failed_mails")}</Heading2>
          {failures.mails.length === 0 ? (
            <Alert kind="ok">{t("notifications.jobs.no_failed_mails")}</Alert>
          ) : (
            <Table caption={t("notifications.jobs.failed_mails")} captionHidden headers={[t("notifications.jobs.to"), t("notifications.jobs.subject"), t("notifications.jobs.error"), t("notifications.jobs.when")]}>
              {failures.mails.map((m) => (
                <Row>
                  <Cell>{m.to_address}</Cell>
                  <Cell>{m.subject}</Cell>
                  <Cell>{mailError(ctx, m.last_error)}</Cell>
                  <Cell>{formatDateTime(m.created_at, lang)}</Cell>
                </Row>
              ))}
            </Table>
          )}
        </section>
      ) : null}
    </>
  );
}
