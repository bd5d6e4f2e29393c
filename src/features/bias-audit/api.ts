import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, ProblemSchema } from "../../platform/http/api.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import type { AppContext } from "../../platform/http/env.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { formatJson } from "./engine/index.ts";
import { biasAuditPdf } from "./report-pdf.ts";
import { reportFileName } from "./routes.tsx";
import {
  AttachInput,
  attachBiasAudit,
  deleteBiasAudit,
  discardUpload,
  ensureUploadDir,
  FAVOURABLE_CHOICES,
  getBiasAudit,
  getBiasAuditReport,
  ListFilter,
  listBiasAudits,
  MappingInput,
  prepareUpload,
  REFERENCE_CHOICES,
  registerUpload,
  startBiasAuditRun,
  UploadFields,
} from "./service.ts";
import { auditRiskLinks, linkAuditToRisk, RiskLinkInput, unlinkAuditFromRisk } from "./risk-links.ts";
import { receiveUpload } from "./upload.ts";

/** The API's upload path: streamed like the page's, never parsed by middleware. */
export const API_UPLOAD_PATH = /^\/api\/v1\/bias-audits$/;

const Status = z.enum(["uploaded", "queued", "running", "done", "failed"]);
const Summary = z
  .object({
    id: z.string(),
    name: z.string(),
    fileName: z.string(),
    fileFormat: z.enum(["csv", "parquet"]),
    fileBytes: z.number(),
    status: Status,
    projectId: z.string().nullable(),
    projectTitle: z.string().nullable(),
    createdAt: z.string(),
    createdByName: z.string(),
  })
  .openapi("BiasAuditSummary");
/** The stored mapping, as the service keeps it (MappingInput's output). */
const Mapping = z
  .object({
    groups: z.array(z.string()),
    prediction: z.string(),
    threshold: z.number().nullable(),
    label: z.string().nullable(),
    favourable: z.enum(FAVOURABLE_CHOICES),
    favourableValue: z.string().nullable(),
    reference: z.enum(REFERENCE_CHOICES),
    referenceGroup: z.string().nullable(),
    intersections: z.boolean(),
    scan: z.boolean(),
  })
  .openapi("BiasAuditMapping");
const Detail = Summary.extend({
  columns: z.array(z.string()),
  delimiter: z.string().nullable(),
  mapping: Mapping.nullable(),
  progressBytes: z.number(),
  totalBytes: z.number(),
  error: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  canManage: z.boolean(),
}).openapi("BiasAuditDetail");

const Upload = UploadFields.extend({ file: z.string().openapi({ type: "string", format: "binary", description: "CSV or Parquet file" }) }).openapi("BiasAuditUpload");

/** Runs a use case on one audit and answers with the audit as it is then. */
async function auditAfter(c: AppContext, id: string, change: (deps: Deps, actor: Actor, id: string) => Promise<unknown>) {
  const deps = c.get("deps");
  const actor = requireActor(c);
  await change(deps, actor, id);
  return getBiasAudit(deps, actor, id);
}

export function biasAuditApi() {
  const api = apiRouter();

  // Documented here; handled below as a plain route so the body is streamed to disk and never buffered.
  api.openAPIRegistry.registerPath({
    method: "post",
    path: "/bias-audits",
    tags: ["bias-audits"],
    summary: "Upload a CSV or Parquet file for a new bias audit (multipart/form-data, streamed; limit MAX_UPLOAD_BYTES)",
    request: { body: { content: { "multipart/form-data": { schema: Upload } }, required: true } },
    responses: {
      201: jsonResponse(Detail, "Uploaded; choose the columns next (PUT /bias-audits/{id}/mapping)"),
      413: { description: "The file is larger than the limit", content: { "application/problem+json": { schema: ProblemSchema } } },
      ...problemResponses,
    },
  });

  api.post("/bias-audits", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const target = prepareUpload(deps, actor);
    await ensureUploadDir(target);
    try {
      const received = await receiveUpload(c, { path: target.path, maxBytes: target.maxBytes });
      const id = await registerUpload(deps, actor, target, received.file, received.fields);
      return c.json(await getBiasAudit(deps, actor, id), 201);
    } catch (e) {
      await discardUpload(target);
      throw e;
    }
  });

  api.openapi(
    createRoute({
      method: "get",
      path: "/bias-audits",
      tags: ["bias-audits"],
      summary: "Bias audits the user may see (optionally of one project)",
      request: { query: ListFilter },
      responses: { 200: jsonResponse(z.object({ items: z.array(Summary) }), "The audits"), ...problemResponses },
    }),
    async (c) => c.json({ items: await listBiasAudits(c.get("deps"), requireActor(c), c.req.valid("query")) }, 200),
  );

  api.openapi(
    createRoute({ method: "get", path: "/bias-audits/{id}", tags: ["bias-audits"], summary: "One bias audit with its status and progress", request: { params: IdParam }, responses: { 200: jsonResponse(Detail, "The audit"), ...problemResponses } }),
    async (c) => c.json(await getBiasAudit(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/bias-audits/{id}/mapping",
      tags: ["bias-audits"],
      summary: "Choose the columns and start the audit (runs in the background; poll GET /bias-audits/{id})",
      request: { params: IdParam, body: jsonBody(MappingInput.openapi("BiasAuditMappingInput")) },
      responses: { 202: jsonResponse(Detail, "Queued"), ...problemResponses },
    }),
    async (c) => c.json(await auditAfter(c, c.req.valid("param").id, (deps, actor, id) => startBiasAuditRun(deps, actor, id, c.req.valid("json"))), 202),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/bias-audits/{id}/report",
      tags: ["bias-audits"],
      summary: "The report as JSON (format afweging.bias-audit, version 1); 409 while it is not ready",
      request: { params: IdParam },
      responses: { 200: { description: "The report", content: { "application/json": { schema: z.object({}).passthrough().openapi("BiasAuditReport") } } }, ...problemResponses },
    }),
    async (c) => {
      const { report } = await getBiasAuditReport(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(formatJson(report), 200, { "Content-Type": "application/json; charset=utf-8" }) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/bias-audits/{id}/report.pdf",
      tags: ["bias-audits"],
      summary: "The report as an accessible (tagged) PDF",
      request: { params: IdParam },
      responses: { 200: { description: "The PDF", content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { audit, report } = await getBiasAuditReport(c.get("deps"), requireActor(c), c.req.valid("param").id);
      const pdf = await biasAuditPdf(audit, report, c.get("lang"), c.get("t"));
      return c.body(new Uint8Array(pdf), 200, { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${reportFileName(audit.name, "pdf")}"` }) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/bias-audits/{id}/project",
      tags: ["bias-audits"],
      summary: "Attach the audit to a project as evidence (projectId null detaches it)",
      request: { params: IdParam, body: jsonBody(AttachInput) },
      responses: { 200: jsonResponse(Detail, "The audit"), ...problemResponses },
    }),
    async (c) => c.json(await auditAfter(c, c.req.valid("param").id, (deps, actor, id) => attachBiasAudit(deps, actor, id, c.req.valid("json"))), 200),
  );

  api.openapi(
    createRoute({ method: "delete", path: "/bias-audits/{id}", tags: ["bias-audits"], summary: "Delete the audit, its report and the uploaded file", request: { params: IdParam }, responses: { 204: { description: "Deleted" }, ...problemResponses } }),
    async (c) => {
      await deleteBiasAudit(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  const RiskRef = z.object({ id: z.string(), label: z.string(), description: z.string() }).openapi("BiasAuditRiskRef");
  const RiskLinks = z.object({ linked: z.array(RiskRef), available: z.array(RiskRef), canManage: z.boolean() }).openapi("BiasAuditRiskLinks");
  const RiskParams = IdParam.extend({ riskId: RiskLinkInput.shape.riskId.openapi({ param: { name: "riskId", in: "path" } }) });
  const linksOf = async (deps: Parameters<typeof auditRiskLinks>[0], actor: Parameters<typeof auditRiskLinks>[1], id: string) =>
    (await auditRiskLinks(deps, actor, id)) ?? { linked: [], available: [], canManage: false };

  api.openapi(
    createRoute({
      method: "post",
      path: "/bias-audits/{id}/risks",
      tags: ["bias-audits"],
      summary: "Link the audit as evidence to a DEPIA risk of the project it is attached to",
      request: { params: IdParam, body: jsonBody(RiskLinkInput) },
      responses: { 200: jsonResponse(RiskLinks, "The risks the audit is linked to"), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      await linkAuditToRisk(deps, actor, id, c.req.valid("json").riskId);
      return c.json(await linksOf(deps, actor, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/bias-audits/{id}/risks/{riskId}",
      tags: ["bias-audits"],
      summary: "Remove the link between the audit and a risk",
      request: { params: RiskParams },
      responses: { 204: { description: "Unlinked" }, ...problemResponses },
    }),
    async (c) => {
      const { id, riskId } = c.req.valid("param");
      await unlinkAuditFromRisk(c.get("deps"), requireActor(c), id, riskId);
      return c.body(null, 204);
    },
  );

  return api;
}
