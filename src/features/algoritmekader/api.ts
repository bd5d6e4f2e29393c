import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { organisationCoverage, projectRequirements, setRequirementStatus, StatusInput } from "./service.ts";

const tags = ["algoritmekader"];
const ProjectParam = z.object({ projectId: z.string().min(1).max(64).openapi({ param: { name: "projectId", in: "path" } }) });
const Requirement = z.object({ id: z.string(), status: z.enum(["met", "not_yet", "not_applicable"]), source: z.enum(["evidence", "override", "none"]), linked: z.array(z.string()), metBy: z.array(z.string()), reason: z.string().nullable(), why: z.array(z.string()) }).openapi("AkRequirementStatus");

export function akApi() {
  const api = apiRouter();
  api.openapi(
    createRoute({ method: "get", path: "/projects/{projectId}/algoritmekader", tags, summary: "The Algoritmekader requirements that apply to the project, each with its status and the evidence that decides it", request: { params: ProjectParam }, responses: { 200: jsonResponse(z.object({ frameworkVersion: z.string(), requirements: z.array(Requirement), awaitingClassification: z.array(z.string()) }), "Requirements"), ...problemResponses } }),
    async (c) => {
      const m = await projectRequirements(c.get("deps"), requireActor(c), c.req.valid("param").projectId);
      return c.json({
        frameworkVersion: m.framework.version,
        requirements: m.requirements.map((r) => ({ id: r.requirement.id, status: r.status.status, source: r.status.source, linked: r.status.linked, metBy: r.status.metBy, reason: r.status.reason ?? null, why: r.why.map((w) => w.code) })),
        awaitingClassification: m.awaitingClassification,
      }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "put", path: "/projects/{projectId}/algoritmekader/status", tags, summary: "Mark a requirement not applicable (reason required) or met where no evidence is linked, or clear the mark", request: { params: ProjectParam, body: jsonBody(StatusInput) }, responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Recorded"), ...problemResponses } }),
    async (c) => {
      await setRequirementStatus(c.get("deps"), requireActor(c), c.req.param("projectId") ?? "", await sentJson(c));
      return c.json({ ok: true }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "get", path: "/algoritmekader/coverage", tags, summary: "Per requirement across the organisation's running projects: met, not yet, not applicable, and the gaps", responses: { 200: jsonResponse(z.object({ frameworkVersion: z.string(), rows: z.array(z.object({ requirementId: z.string(), counts: z.object({ met: z.number(), not_yet: z.number(), not_applicable: z.number() }), gaps: z.array(z.string()) })) }), "Coverage"), ...problemResponses } }),
    async (c) => {
      const m = await organisationCoverage(c.get("deps"), requireActor(c));
      return c.json({ frameworkVersion: m.framework.version, rows: m.rows }, 200);
    },
  );
  return api;
}
