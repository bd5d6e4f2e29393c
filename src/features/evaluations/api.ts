import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { evaluationOverview } from "./queries.ts";
import { EvaluationAnswersInput, recordPeriodicEvaluation } from "./record-periodic-evaluation.ts";
import { CadenceInput, setEvaluationCadence } from "./set-cadence.ts";

const TAGS = ["evaluations"];
const Overview = z
  .object({
    instrument: z.object({ id: z.string(), version: z.string() }),
    cadence: z.object({ months: z.number().int(), fromRisk: z.number().int(), chosen: z.boolean() }),
    nextDue: z.string().nullable(),
    overdue: z.boolean(),
    items: z.array(z.object({ id: z.string(), phase: z.string(), answers: z.record(z.string(), z.string()), needsAttention: z.boolean(), materialChange: z.string().nullable(), recordedByName: z.string(), recordedAt: z.string() })),
  })
  .openapi("PeriodicEvaluations");

export function evaluationsApi() {
  const api = apiRouter();
  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}/evaluations", tags: TAGS, summary: "The project's periodic evaluations, its rhythm and the next due date", request: { params: IdParam }, responses: { 200: jsonResponse(Overview, "The evaluations"), ...problemResponses } }),
    async (c) => {
      const o = await evaluationOverview(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.json({ instrument: { id: o.instrument.id, version: o.instrument.version }, cadence: o.cadence, nextDue: o.nextDue, overdue: o.overdue, items: o.items }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "post", path: "/projects/{id}/evaluations", tags: TAGS, summary: "Record a periodic evaluation (answers to the periodic-evaluation instrument); a material change re-opens the screening", request: { params: IdParam, body: jsonBody(EvaluationAnswersInput) }, responses: { 201: jsonResponse(z.object({ id: z.string() }), "Recorded"), ...problemResponses } }),
    async (c) => c.json({ id: await recordPeriodicEvaluation(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 201),
  );
  api.openapi(
    createRoute({ method: "put", path: "/projects/{id}/evaluation-cadence", tags: TAGS, summary: "Set how often the project is evaluated (3, 6, 12 or 24 months)", request: { params: IdParam, body: jsonBody(CadenceInput) }, responses: { 204: { description: "Saved" }, ...problemResponses } }),
    async (c) => {
      await setEvaluationCadence(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );
  return api;
}
