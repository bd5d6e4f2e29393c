import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { auditReportPdf } from "./report-pdf.ts";
import {
  advanceAudit,
  AdvanceAuditInput,
  attachBiasAudit,
  AttachBiasAuditInput,
  AUDIT_STATUSES,
  AUDIT_TYPES,
  FindingInput,
  FindingResponseInput,
  getAudit,
  listAudits,
  planAudit,
  PlanAuditInput,
  recordFinding,
  respondToFinding,
  RESPONSES,
  saveAuditPlan,
  SavePlanInput,
  SEVERITIES,
} from "./service.ts";

const TAGS = ["audits"];
const Created = z.object({ id: z.string() });
const Refused = { 409: problemResponses[400], 422: problemResponses[400] };

const Measure = z.object({ id: z.string(), title: z.string(), status: z.string(), dueDate: z.string().nullable(), ownerName: z.string().nullable(), closed: z.boolean() });
const Finding = z
  .object({
    id: z.string(),
    auditId: z.string(),
    number: z.number().int(),
    projectId: z.string(),
    projectTitle: z.string(),
    title: z.string(),
    description: z.string(),
    severity: z.enum(SEVERITIES),
    values: z.array(z.string()),
    evidenceText: z.string(),
    evidenceLinks: z.array(z.string()),
    createdByName: z.string(),
    createdAt: z.string(),
    response: z.enum(RESPONSES).nullable(),
    responseText: z.string().nullable(),
    respondedByName: z.string().nullable(),
    respondedAt: z.string().nullable(),
    measure: Measure.nullable(),
    mayRespond: z.boolean(),
  })
  .openapi("AuditFinding");
const Status = z.enum(AUDIT_STATUSES);
const Audit = z
  .object({
    id: z.string(),
    title: z.string(),
    type: z.enum(AUDIT_TYPES),
    status: Status,
    year: z.number().int(),
    periodFrom: z.string(),
    periodTo: z.string(),
    criteriaValues: z.array(z.string()),
    requirements: z.string(),
    scope: z.array(z.object({ id: z.string(), title: z.string() })),
    auditors: z.array(z.object({ id: z.string(), name: z.string() })),
    followsAudit: z.object({ id: z.string(), title: z.string() }).nullable(),
    history: z.array(z.object({ from: Status.nullable(), to: Status, byName: z.string(), at: z.string() })),
    findings: z.array(Finding),
    biasAudits: z.array(z.object({ id: z.string(), name: z.string(), projectTitle: z.string(), status: z.string(), linkedAt: z.string() })),
    earlier: z.object({ id: z.string(), title: z.string(), status: Status, findings: z.array(Finding) }).nullable(),
    progress: z.object({ agreed: z.number().int(), closed: z.number().int(), unanswered: z.number().int() }),
    may: z.object({ work: z.boolean(), advanceTo: Status.nullable(), recordFindings: z.boolean(), attachEvidence: z.boolean() }),
    involvedIn: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Audit");
const AuditPlan = z
  .object({
    year: z.number().int(),
    plan: z.object({ description: z.string(), updatedByName: z.string(), updatedAt: z.string() }).nullable(),
    years: z.array(z.number().int()),
    items: z.array(z.object({ id: z.string(), title: z.string(), type: z.enum(AUDIT_TYPES), status: Status, periodFrom: z.string(), periodTo: z.string(), projects: z.array(z.string()), findings: z.number().int() })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    mayPlan: z.boolean(),
  })
  .openapi("AuditPlan");
const YearPath = z.object({ year: z.string().max(4).openapi({ param: { name: "year", in: "path" } }) });
const ListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), page: z.coerce.number().int().min(1).max(10_000).optional() });

export function auditsApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/audits", tags: TAGS, summary: "The audit plan of a year (default this year) with the audits the caller may see, 20 a page", request: { query: ListQuery }, responses: { 200: jsonResponse(AuditPlan, "The plan and its audits"), ...problemResponses } }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await listAudits(c.get("deps"), requireActor(c), { year: q.year ?? c.get("deps").now().getUTCFullYear(), page: q.page }), 200);
    },
  );

  api.openapi(
    createRoute({ method: "put", path: "/audit-plans/{year}", tags: TAGS, summary: "Write the audit plan of a year (IT-auditor, VIC, expert table)", request: { params: YearPath, body: jsonBody(SavePlanInput) }, responses: { 200: jsonResponse(Created, "Saved"), ...problemResponses } }),
    async (c) => c.json({ id: await saveAuditPlan(c.get("deps"), requireActor(c), c.req.valid("param").year, await sentJson(c)) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/audits",
      tags: TAGS,
      summary: "Plan an audit in the year's plan: type, scope, criteria, period, auditors (none with a role in an audited project)",
      request: { body: jsonBody(PlanAuditInput) },
      responses: { 201: jsonResponse(Created, "Planned"), ...Refused, ...problemResponses },
    }),
    async (c) => c.json({ id: await planAudit(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "get", path: "/audits/{id}", tags: TAGS, summary: "One audit with its findings, their responses and measures, evidence and the earlier audit it follows up", request: { params: IdParam }, responses: { 200: jsonResponse(Audit, "The audit"), ...problemResponses } }),
    async (c) => c.json(await getAudit(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/audits/{id}/status",
      tags: TAGS,
      summary: "Move the audit one step forward; a step already taken is 409; final needs every finding answered, followed up every agreed finding's measure done or explained (422)",
      request: { params: IdParam, body: jsonBody(AdvanceAuditInput) },
      responses: { 200: jsonResponse(z.object({ status: Status }), "The new status"), ...Refused, ...problemResponses },
    }),
    async (c) => c.json({ status: await advanceAudit(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/audits/{id}/findings",
      tags: TAGS,
      summary: "Record a finding on a project of the audit's scope (during fieldwork or the draft report)",
      request: { params: IdParam, body: jsonBody(FindingInput) },
      responses: { 201: jsonResponse(Created, "Recorded"), ...Refused, ...problemResponses },
    }),
    async (c) => c.json({ id: await recordFinding(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/audit-findings/{id}/response",
      tags: TAGS,
      summary: "The management response (project owner or lead): agree (becomes a measure with owner and due date, today or later) or explain. Once answered, 409",
      request: { params: IdParam, body: jsonBody(FindingResponseInput) },
      responses: { 200: jsonResponse(z.object({ measureId: z.string().nullable(), auditId: z.string() }), "Answered"), ...Refused, ...problemResponses },
    }),
    async (c) => c.json(await respondToFinding(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/audits/{id}/bias-audits",
      tags: TAGS,
      summary: "Attach a finished bias-audit run of an audited project as evidence",
      request: { params: IdParam, body: jsonBody(AttachBiasAuditInput) },
      responses: { 204: { description: "Attached" }, ...Refused, ...problemResponses },
    }),
    async (c) => {
      await attachBiasAudit(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/audits/{id}/report.pdf", tags: TAGS, summary: "The audit report as a tagged PDF", request: { params: IdParam }, responses: { 200: { description: "PDF", content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } } }, ...problemResponses } }),
    async (c) => {
      const pdf = await auditReportPdf(c.get("deps"), requireActor(c), c.req.valid("param").id, c.get("t"), c.get("lang"));
      c.header("Content-Disposition", "attachment; filename=\"audit.pdf\"");
      return c.body(new Uint8Array(pdf), 200, { "Content-Type": "application/pdf" });
    },
  );

  return api;
}
