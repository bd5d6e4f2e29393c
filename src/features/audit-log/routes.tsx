import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.ts";
import { handleForm, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { FieldError } from "../../platform/errors.ts";
import { Cell, formatDateTime, Heading1, Heading2, Link, Pagination, Paragraph, Row, Table } from "../../ui/components.tsx";
import { ErrorSummary, SubmitButton, TextField } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import { listAuditEvents, type AuditEventView, type AuditFilter } from "./service.ts";

function Change({ ctx, e }: { ctx: PageContext; e: AuditEventView }) {
  const { t } = ctx;
  if (e.before === null && e.after === null) return null;
  return (
    <dl>
      {e.before !== null ? (<><dt>{t("audit.before")}</dt><dd><pre class="afw-change">{JSON.stringify(e.before, null, 1)}</pre></dd></>) : null}
      {e.after !== null ? (<><dt>{t("audit.after")}</dt><dd><pre class="afw-change">{JSON.stringify(e.after, null, 1)}</pre></dd></>) : null}
    </dl>
  );
}

function AuditLogPage({ ctx, items, total, page, pageSize, filter, errors }: { ctx: PageContext; items: AuditEventView[]; total: number; page: number; pageSize: number; filter: AuditFilter; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const values = { action: filter.action ?? "", actor: filter.actor ?? "", entity: filter.entity ?? "", from: filter.from ?? "", to: filter.to ?? "" };
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v)).toString();
  return (
    <>
      <Heading1>{t("audit.title")}</Heading1>
      <Paragraph>{t("audit.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <form method="get" action="/audit-log" class="utrecht-form afw-filter" aria-label={t("audit.filter")}>
        <TextField t={t} name="action" label={t("audit.filter.action")} values={values} errors={errors} maxlength={80} />
        <TextField t={t} name="actor" label={t("audit.filter.actor")} values={values} errors={errors} maxlength={80} />
        <TextField t={t} name="entity" label={t("audit.filter.entity")} values={values} errors={errors} maxlength={80} />
        <TextField t={t} name="from" type="date" label={t("audit.filter.from")} values={values} errors={errors} />
        <TextField t={t} name="to" type="date" label={t("audit.filter.to")} values={values} errors={errors} />
        <div class="utrecht-form-field"><SubmitButton variant="secondary">{t("audit.filter_submit")}</SubmitButton></div>
      </form>
      {items.length === 0 ? (
        <Paragraph>{t("audit.empty")}</Paragraph>
      ) : (
        <Table caption={t("audit.count", { total })} headers={[t("audit.col.seq"), t("audit.col.at"), t("audit.col.actor"), t("audit.col.action"), t("audit.col.entity"), t("audit.col.change")]}>
          {items.map((e) => (
            <Row>
              <Cell>{e.seq}</Cell>
              <Cell><time datetime={e.at}>{formatDateTime(e.at, lang)}</time></Cell>
              <Cell>{e.actor}</Cell>
              <Cell><code>{e.action}</code></Cell>
              <Cell>{e.entityType} <code>{e.entityId}</code></Cell>
              <Cell><Change ctx={ctx} e={e} /></Cell>
            </Row>
          ))}
        </Table>
      )}
      <Pagination t={t} page={page} pageSize={pageSize} total={total} href={(p) => `/audit-log?${query ? `${query}&` : ""}page=${p}`} />
      <Heading2>{t("audit.checkpoints")}</Heading2>
      <Paragraph>{t("audit.checkpoints_intro")}</Paragraph>
      <Paragraph><Link href="/api/v1/audit-log/checkpoints">{t("audit.checkpoints_download")}</Link></Paragraph>
    </>
  );
}

export function auditLogRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/audit-log", async (c) => {
    const actor = requireActor(c);
    const query = c.req.query();
    return handleForm(
      c,
      async () => {
        const result = await listAuditEvents(c.get("deps"), actor, query);
        return renderPage(c, c.get("t")("audit.title"), (ctx) => <AuditLogPage ctx={ctx} {...result} />);
      },
      // A wrong filter shows what to fix above an empty list, and keeps what was typed.
      (errors, status) =>
        renderPage(c, c.get("t")("audit.title"), (ctx) => <AuditLogPage ctx={ctx} items={[]} total={0} page={1} pageSize={1} filter={{ ...query, page: 1 }} errors={errors} />, status),
    );
  });
  return app;
}
