import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { AppError, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAction } from "../../platform/http/form-actions.ts";
import { handleForm, pageContext, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { formatJson } from "./engine/index.ts";
import { biasAuditPdf } from "./report-pdf.ts";
import {
  attachableProjects,
  attachBiasAudit,
  canStartBiasAudit,
  deleteBiasAudit,
  discardUpload,
  ensureUploadDir,
  getBiasAudit,
  getBiasAuditReport,
  listBiasAudits,
  prepareUpload,
  registerUpload,
  startBiasAuditRun,
} from "./service.ts";
import { auditRiskLinks, linkAuditToRisk, unlinkAuditFromRisk } from "./risk-links.ts";
import { receiveUpload } from "./upload.ts";
import { AttachPage, DeletePage, FailedPage, ListPage, MappingPage, mappingValues, ProgressFragment, ProgressPage, ResultPage, UploadPage } from "./views/pages.tsx";

const css = readFileSync(new URL("./assets/bias-audit.css", import.meta.url));

/** The upload form posts here; its body is streamed, never parsed by middleware. */
export const UPLOAD_PATH = /^\/bias-audits\/upload$/;

export function reportFileName(name: string, ext: string): string {
  const base = name.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "bias-audit";
  return `${base}.${ext}`;
}

const MAPPING_FIELDS = ["prediction", "threshold", "label", "favourable", "favourableValue", "reference", "referenceGroup"] as const;

/** The mapping form's body: the input for the use case, and what to show again when it is refused. */
function mappingForm(body: Record<string, string | File | (string | File)[]>) {
  const str = (k: string): string => {
    const v = body[k];
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    return typeof last === "string" ? last : "";
  };
  const groupsRaw = body.groups;
  const groups = (Array.isArray(groupsRaw) ? groupsRaw : groupsRaw === undefined ? [] : [groupsRaw]).filter((g): g is string => typeof g === "string");
  const fields: Record<string, string> = Object.fromEntries(MAPPING_FIELDS.map((k) => [k, str(k)]));
  // Empty selects mean "the default", as an absent field does in the API.
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ""));
  const intersections = str("intersections") === "on";
  const scan = str("scan") === "on";
  return { input: { ...given, groups, intersections, scan }, shown: { groups, fields, intersections, scan } };
}

export function biasAuditRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/bias-audits/assets/bias-audit.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(new Uint8Array(css));
  });

  app.get("/bias-audits", async (c) => {
    const actor = requireActor(c);
    const items = await listBiasAudits(c.get("deps"), actor);
    return renderPage(c, c.get("t")("bias_audit.title"), (ctx) => <ListPage ctx={ctx} items={items} canStart={canStartBiasAudit(actor)} />);
  });

  const showUpload = async (c: AppContext, extra: { values?: Record<string, string>; errors?: FieldError[]; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    if (!canStartBiasAudit(actor)) throw new AppError("forbidden", "error.forbidden");
    const projects = await attachableProjects(deps, actor);
    return renderPage(c, c.get("t")("bias_audit.new"), (ctx) => <UploadPage ctx={ctx} projects={projects} maxBytes={deps.config.maxUploadBytes} {...extra} />, extra.status ?? 200);
  };

  app.get("/bias-audits/new", (c) => showUpload(c, { values: { projectId: c.req.query("project") ?? "" } }));

  app.post("/bias-audits/upload", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const target = prepareUpload(deps, actor);
    await ensureUploadDir(target);
    let fields: Record<string, string> = {};
    try {
      const received = await receiveUpload(c, { path: target.path, maxBytes: target.maxBytes });
      fields = received.fields;
      const id = await registerUpload(deps, actor, target, received.file, fields);
      return redirectWithFlash(c, `/bias-audits/${id}/mapping`, "bias_audit.uploaded");
    } catch (e) {
      await discardUpload(target);
      if (e instanceof AppError && (e.code === "validation" || e.code === "payload_too_large")) {
        const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: "file", messageKey: e.messageKey, params: e.params }];
        return showUpload(c, { values: fields, errors, status: e.status });
      }
      throw e;
    }
  });

  app.get("/bias-audits/:id", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const audit = await getBiasAudit(deps, actor, c.req.param("id"));
    if (audit.status === "uploaded") {
      if (audit.canManage) return c.redirect(`/bias-audits/${audit.id}/mapping`, 303);
      return renderPage(c, audit.name, (ctx) => <FailedPage ctx={ctx} audit={{ ...audit, error: null }} />);
    }
    if (audit.status === "queued" || audit.status === "running") return renderPage(c, audit.name, (ctx) => <ProgressPage ctx={ctx} audit={audit} />);
    if (audit.status === "failed") return renderPage(c, audit.name, (ctx) => <FailedPage ctx={ctx} audit={audit} />);
    return showResult(c);
  });

  const showResult = async (c: AppContext, errors?: FieldError[], status = 200) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const { audit, report } = await getBiasAuditReport(deps, actor, c.req.param("id")!);
    const links = audit.projectId ? await auditRiskLinks(deps, actor, audit.id) : null;
    return renderPage(c, c.get("t")("bias_audit.result.title", { name: audit.name }), (ctx) => <ResultPage ctx={ctx} audit={audit} report={report} links={links} errors={errors} />, status);
  };

  // The result page's two forms: link the audit to a risk, and unlink one; both return to the page.
  const toPage = (_c: AppContext, id: string) => `/bias-audits/${id}`;
  const riskForms: FormAction[] = [
    { path: "risks", form: "bias-risk-links", flash: "bias_audit.risk_link.linked", redirectTo: toPage, run: (c, id, body) => linkAuditToRisk(c.get("deps"), requireActor(c), id, body.riskId ?? "") },
    {
      path: "risks/:riskId/unlink",
      form: "bias-risk-links",
      flash: "bias_audit.risk_link.unlinked",
      redirectTo: toPage,
      run: (c, id) => unlinkAuditFromRisk(c.get("deps"), requireActor(c), id, c.req.param("riskId") ?? ""),
    },
  ];
  mountFormActions(app, "/bias-audits/:id", riskForms, (c, _id, again) => showResult(c, again.errors, again.status), (id) => `/bias-audits/${id}`);

  app.get("/bias-audits/:id/progress", async (c) => {
    const actor = requireActor(c);
    const audit = await getBiasAudit(c.get("deps"), actor, c.req.param("id"));
    c.header("Cache-Control", "no-store");
    // Finished: htmx reloads the whole page, which then shows the result or the error.
    if (audit.status !== "queued" && audit.status !== "running") c.header("HX-Refresh", "true");
    const html = await (<ProgressFragment ctx={pageContext(c)} audit={audit} />).toString();
    return c.html(html);
  });

  const showMapping = async (c: AppContext, extra: { sent?: Parameters<typeof mappingValues>[1]; errors?: FieldError[]; status?: number } = {}) => {
    const actor = requireActor(c);
    const audit = await getBiasAudit(c.get("deps"), actor, c.req.param("id")!);
    if (!audit.canManage) throw new AppError("forbidden", "error.forbidden");
    const values = mappingValues(audit, extra.sent);
    return renderPage(c, c.get("t")("bias_audit.mapping.title", { name: audit.name }), (ctx) => <MappingPage ctx={ctx} audit={audit} values={values} errors={extra.errors} />, extra.status ?? 200);
  };

  app.get("/bias-audits/:id/mapping", (c) => showMapping(c));

  app.post("/bias-audits/:id/mapping", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    const sent = mappingForm(await c.req.parseBody({ all: true }));
    return handleForm(
      c,
      async () => {
        await startBiasAuditRun(c.get("deps"), actor, id, sent.input);
        return redirectWithFlash(c, `/bias-audits/${id}`, "bias_audit.run_started");
      },
      (errors, status) => showMapping(c, { sent: sent.shown, errors, status }),
    );
  });

  app.get("/bias-audits/:id/report.json", async (c) => {
    const { audit, report } = await getBiasAuditReport(c.get("deps"), requireActor(c), c.req.param("id"));
    c.header("Content-Type", "application/json; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="${reportFileName(audit.name, "json")}"`);
    c.header("Cache-Control", "no-store");
    return c.body(formatJson(report));
  });

  app.get("/bias-audits/:id/report.pdf", async (c) => {
    const { audit, report } = await getBiasAuditReport(c.get("deps"), requireActor(c), c.req.param("id"));
    const pdf = await biasAuditPdf(audit, report, c.get("lang"), c.get("t"));
    c.header("Content-Type", "application/pdf");
    c.header("Content-Disposition", `attachment; filename="${reportFileName(audit.name, "pdf")}"`);
    c.header("Cache-Control", "no-store");
    return c.body(new Uint8Array(pdf));
  });

  const showAttach = async (c: AppContext, errors?: FieldError[], status = 200) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const audit = await getBiasAudit(deps, actor, c.req.param("id")!);
    if (!audit.canManage) throw new AppError("forbidden", "error.forbidden");
    const projects = await attachableProjects(deps, actor);
    return renderPage(c, c.get("t")("bias_audit.attach.title", { name: audit.name }), (ctx) => <AttachPage ctx={ctx} audit={audit} projects={projects} errors={errors} />, status);
  };

  app.get("/bias-audits/:id/project", (c) => showAttach(c));

  app.post("/bias-audits/:id/project", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const projectId = typeof body.projectId === "string" ? body.projectId : "";
    return handleForm(
      c,
      async () => {
        await attachBiasAudit(c.get("deps"), actor, id, { projectId });
        return redirectWithFlash(c, `/bias-audits/${id}`, projectId ? "bias_audit.attached" : "bias_audit.detached");
      },
      (errors, status) => showAttach(c, errors, status),
    );
  });

  app.get("/bias-audits/:id/delete", async (c) => {
    const audit = await getBiasAudit(c.get("deps"), requireActor(c), c.req.param("id"));
    if (!audit.canManage) throw new AppError("forbidden", "error.forbidden");
    return renderPage(c, c.get("t")("bias_audit.delete.title", { name: audit.name }), (ctx) => <DeletePage ctx={ctx} audit={audit} />);
  });

  app.post("/bias-audits/:id/delete", async (c) => {
    await deleteBiasAudit(c.get("deps"), requireActor(c), c.req.param("id"));
    return redirectWithFlash(c, "/bias-audits", "bias_audit.deleted");
  });

  return app;
}
