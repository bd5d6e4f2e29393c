import { Hono } from "hono";
import { canAudit } from "../../domain/permissions/audit-independence.ts";
import { forbidden, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAction, type FormAgain } from "../../platform/http/form-actions.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { formLists } from "../expert-table/form-lists.ts";
import { valueChoices, valueNames } from "../expert-table/values.ts";
import { loadAudit } from "./access.ts";
import { biasAuditChoices, ownerChoices, planChoices } from "./form-choices.ts";
import { auditReportPdf } from "./report-pdf.ts";
import { advanceAudit, attachBiasAudit, findingsToAnswer, getAudit, listAudits, planAudit, recordFinding, respondToFinding, saveAuditPlan } from "./service.ts";
import { AuditPage, type FormState } from "./views/audit-page.tsx";
import { AuditsPage, NewAuditPage, ToAnswerPage } from "./views/list-pages.tsx";
import { ReportPage } from "./views/report.tsx";
import { listEvidence } from "../evidence/service.ts";

const deps = (c: AppContext) => c.get("deps");
const auditPath = (id: string) => `/audits/${id}`;

function yearOf(c: AppContext, raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : deps(c).now().getUTCFullYear();
}

/** Lines of a text area as a list (the evidence links). */
const lines = (text: string | undefined) => (text ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

async function showPlan(c: AppContext, year: number, form: FormState = {}, status = 200) {
  const actor = requireActor(c);
  const page = Number(c.req.query("page") ?? "1") || 1;
  const view = await listAudits(deps(c), actor, { year, page });
  return renderPage(c, c.get("t")("audits.plan_title", { year }), (ctx) => <AuditsPage ctx={ctx} view={view} form={form} />, status);
}

async function showNew(c: AppContext, year: number, again: { values?: Values; lists?: Record<string, string[]>; errors?: FieldError[]; status?: number } = {}) {
  const actor = requireActor(c);
  if (!canAudit(actor, "plan")) throw forbidden();
  const view = await listAudits(deps(c), actor, { year });
  const choices = { ...(await planChoices(deps(c), actor)), valueSet: await valueChoices(deps(c), actor) };
  return renderPage(c, c.get("t")("audits.new"), (ctx) => <NewAuditPage ctx={ctx} year={year} hasPlan={!!view.plan} choices={choices} {...again} />, again.status ?? 200);
}

async function showAudit(c: AppContext, id: string, again: Partial<FormAgain> & { lists?: Record<string, string[]> } = {}) {
  const actor = requireActor(c);
  const a = await getAudit(deps(c), actor, id);
  const { people } = await loadAudit(deps(c), actor, id);
  const choices = {
    owners: a.findings.some((f) => f.mayRespond) ? await ownerChoices(deps(c), actor) : [],
    biasAudits: a.may.attachEvidence ? await biasAuditChoices(deps(c), actor, id, people.scope) : [],
    valueSet: await valueChoices(deps(c), actor),
  };
  const names = await valueNames(deps(c), actor.organisationId);
  const evidence = { audit: await listEvidence(deps(c), actor, "audit", a.id), findings: Object.fromEntries(await Promise.all(a.findings.map(async (f) => [f.id, await listEvidence(deps(c), actor, "audit_finding", f.id)] as const))) };
  return renderPage(c, a.title, (ctx) => <AuditPage ctx={ctx} a={a} names={names} choices={choices} form={again} evidence={evidence} />, again.status ?? 200);
}

export function auditFromForm(body: Record<string, string>, lists: Record<string, string[]>) {
  return {
    year: body.year ?? "",
    title: body.title ?? "",
    type: body.type ?? "",
    projectIds: lists.projectIds ?? [],
    criteriaValues: lists.criteriaValues ?? [],
    requirements: body.requirements ?? "",
    periodFrom: body.periodFrom ?? "",
    periodTo: body.periodTo ?? "",
    auditorIds: lists.auditorIds ?? [],
    followsAuditId: body.followsAuditId ?? "",
  };
}

/** The response form of finding n posts its fields with the number, so several forms on one page keep their own labels. */
function responseFromForm(b: Record<string, string>) {
  const n = b.number ?? "";
  return { response: b[`response_${n}`] ?? "", text: b[`text_${n}`] ?? "", ownerUserId: b[`owner_${n}`] ?? "", dueDate: b[`due_${n}`] ?? "" };
}

const RESPONSE_FIELDS: Record<string, string> = { response: "response", text: "text", ownerUserId: "owner", dueDate: "due" };

const AUDIT_FORMS: FormAction[] = [
  { path: "status", form: "status", flash: "audits.advanced", run: (c, id, b) => advanceAudit(deps(c), requireActor(c), id, { to: b.to ?? "" }) },
  {
    path: "findings",
    form: "finding",
    flash: "audits.finding_recorded",
    run: async (c, id, b) => {
      const lists = await formLists(c);
      return recordFinding(deps(c), requireActor(c), id, { projectId: b.projectId ?? "", title: b.title ?? "", description: b.description ?? "", severity: b.severity ?? "", values: lists.values ?? [], evidenceText: b.evidenceText ?? "", evidenceLinks: lines(b.evidenceLinks) });
    },
    redirectTo: (_c, id) => `${auditPath(id)}#findings`,
  },
  {
    path: "respond",
    form: "respond",
    flash: "audits.responded",
    run: (c, _id, b) => respondToFinding(deps(c), requireActor(c), b.finding ?? "", responseFromForm(b)),
    redirectTo: (c, id) => `${auditPath(id)}#findings`,
  },
  { path: "bias-audits", form: "evidence", flash: "audits.evidence_attached", run: (c, id, b) => attachBiasAudit(deps(c), requireActor(c), id, { biasAuditId: b.biasAuditId ?? "" }) },
];

/** A refused form is shown on the audit's page beside its form; a response's errors get the finding's number. */
async function showAuditAgain(c: AppContext, id: string, again: FormAgain) {
  const lists = await formLists(c);
  if (again.errorsFor !== "respond") return showAudit(c, id, { ...again, lists });
  const n = again.values.number ?? "";
  const errors = again.errors.map((e) => (RESPONSE_FIELDS[e.field] ? { ...e, field: `${RESPONSE_FIELDS[e.field]}_${n}` } : e));
  return showAudit(c, id, { ...again, errors, errorsFor: `respond_${n}` });
}

export function auditRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/audits", (c) => showPlan(c, yearOf(c, c.req.query("year"))));

  app.post("/audits/plans/:year", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const year = yearOf(c, c.req.param("year"));
    return handleForm(
      c,
      async () => {
        await saveAuditPlan(deps(c), actor, c.req.param("year"), { description: body.description ?? "" });
        return redirectWithFlash(c, `/audits?year=${year}`, "audits.plan_saved");
      },
      (errors, status) => showPlan(c, year, { values: body, errors, errorsFor: "plan" }, status),
    );
  });

  app.get("/audits/new", (c) => showNew(c, yearOf(c, c.req.query("year"))));
  app.post("/audits", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const lists = await formLists(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, auditPath(await planAudit(deps(c), actor, auditFromForm(body, lists))), "audits.planned"),
      (errors, status) => showNew(c, yearOf(c, body.year), { values: body, lists, errors, status }),
    );
  });

  app.get("/audits/to-answer", async (c) => {
    const actor = requireActor(c);
    const findings = await findingsToAnswer(deps(c), actor);
    const names = await valueNames(deps(c), actor.organisationId);
    return renderPage(c, c.get("t")("audits.to_answer_title"), (ctx) => <ToAnswerPage ctx={ctx} findings={findings} names={names} />);
  });

  app.get("/audits/:id", (c) => showAudit(c, c.req.param("id")));
  mountFormActions(app, "/audits/:id", AUDIT_FORMS, showAuditAgain, auditPath);

  app.get("/audits/:id/report", async (c) => {
    const actor = requireActor(c);
    const a = await getAudit(deps(c), actor, c.req.param("id"));
    const names = await valueNames(deps(c), actor.organisationId);
    return renderPage(c, c.get("t")("audits.report_title", { title: a.title }), (ctx) => <ReportPage ctx={ctx} a={a} names={names} generatedAt={deps(c).now().toISOString()} />);
  });

  app.get("/audits/:id/report.pdf", async (c) => {
    const id = c.req.param("id");
    const pdf = await auditReportPdf(deps(c), requireActor(c), id, c.get("t"), c.get("lang"));
    c.header("Content-Disposition", `attachment; filename="audit-${id.slice(0, 40).replace(/[^A-Za-z0-9_-]/g, "")}.pdf"`);
    c.header("Cache-Control", "no-store");
    return c.body(new Uint8Array(pdf), 200, { "Content-Type": "application/pdf" });
  });

  return app;
}
