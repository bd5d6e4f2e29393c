import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { finishClassification, getClassification, reviewClassification, ReviewInput } from "./classification.ts";
import { FriaNotificationInput, recordFriaNotification } from "./fria.ts";
import { registrationPage } from "./pages.ts";
import { exportRegistration, recordRegistrationNumber, RegistrationInput, RegistrationNumberInput, saveRegistration } from "./registration.ts";

const tags = ["ai-act"];
const Refused = { 409: problemResponses[400], 422: problemResponses[400] };
const ProjectParam = z.object({ projectId: z.string().min(1).max(64).openapi({ param: { name: "projectId", in: "path" } }) });
const Outcome = z.enum(["prohibited", "high_risk", "transparency", "minimal", "outside_scope"]);
const Result = z.record(z.string(), z.unknown()).openapi("AiActClassificationResult");
const Record_ = z
  .object({
    id: z.string(),
    responseVersion: z.number().int(),
    instrumentVersion: z.string(),
    onDate: z.string(),
    outcome: Outcome.nullable(),
    result: Result,
    completedByName: z.string(),
    completedAt: z.string(),
    review: z.object({ decision: z.enum(["confirmed", "rejected"]), role: z.enum(["fg", "cio"]), note: z.string(), byName: z.string(), at: z.string() }).nullable(),
  })
  .openapi("AiActClassification");
const Overview = z.object({
  current: Record_.nullable(),
  history: z.array(Record_),
  live: Result.nullable(),
  redo: z.object({ because: z.enum(["material_change", "new_instrument_version"]), since: z.string() }).nullable(),
  may: z.object({ fill: z.boolean(), finish: z.boolean(), reviewAs: z.enum(["fg", "cio"]).nullable() }),
});

export function aiActApi() {
  const api = apiRouter();
  const pid = (c: { req: { param(n: string): string | undefined } }) => c.req.param("projectId") ?? "";

  api.openapi(
    createRoute({ method: "get", path: "/projects/{projectId}/ai-act", tags, summary: "The project's AI Act classification: the recorded one with every reason, earlier ones, and the outcome of the current answers", request: { params: ProjectParam }, responses: { 200: jsonResponse(Overview, "Classification"), ...problemResponses } }),
    async (c) => {
      const m = await getClassification(c.get("deps"), requireActor(c), c.req.valid("param").projectId);
      const toJson = (r: NonNullable<typeof m.current>) => ({ id: r.id, responseVersion: r.responseVersion, instrumentVersion: r.instrumentVersion, onDate: r.onDate, outcome: r.result.eventual?.outcome ?? null, result: r.result as unknown as Record<string, unknown>, completedByName: r.completedByName, completedAt: r.completedAt, review: r.review });
      return c.json({ current: m.current ? toJson(m.current) : null, history: m.records.slice(1).map(toJson), live: (m.live as unknown as Record<string, unknown>) ?? null, redo: m.redo, may: { fill: m.canFill, finish: m.canFinish, reviewAs: m.reviewAs } }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "post", path: "/projects/{projectId}/ai-act/classifications", tags, summary: "Finish the classification (owner or lead): freezes the answers of the ai-act-classification response and records the outcome; refused while answers are missing or contradict", request: { params: ProjectParam }, responses: { 201: jsonResponse(z.object({ id: z.string() }), "Recorded"), ...problemResponses, ...Refused } }),
    async (c) => c.json({ id: await finishClassification(c.get("deps"), requireActor(c), pid(c)) }, 201),
  );
  api.openapi(
    createRoute({ method: "post", path: "/projects/{projectId}/ai-act/review", tags, summary: "Review the latest classification as the DPO or the CIO's delegate, never with a role in the project", request: { params: ProjectParam, body: jsonBody(ReviewInput) }, responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Reviewed"), ...problemResponses, ...Refused } }),
    async (c) => {
      await reviewClassification(c.get("deps"), requireActor(c), pid(c), await sentJson(c));
      return c.json({ ok: true }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "post", path: "/projects/{projectId}/ai-act/fria-notification", tags, summary: "Record that the accepted FRIA was notified to the market surveillance authority (Art. 27(3))", request: { params: ProjectParam, body: jsonBody(FriaNotificationInput) }, responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Recorded"), ...problemResponses, ...Refused } }),
    async (c) => {
      await recordFriaNotification(c.get("deps"), requireActor(c), pid(c), await sentJson(c));
      return c.json({ ok: true }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "get", path: "/projects/{projectId}/ai-act/eu-registration", tags, summary: "The EU database registration (Art. 49(3), Annex VIII section C): the fields by point, whether complete, the registration number", request: { params: ProjectParam }, responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi("AiActEuRegistration"), "Registration"), ...problemResponses } }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const page = await registrationPage(deps, actor, c.req.valid("param").projectId);
      return c.json({ ...(await exportRegistration(deps, actor, page.registration.project.id)), required: page.registrationRequired, fria: page.fria }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "put", path: "/projects/{projectId}/ai-act/eu-registration", tags, summary: "Save the registration fields (project team)", request: { params: ProjectParam, body: jsonBody(RegistrationInput) }, responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Saved"), ...problemResponses, ...Refused } }),
    async (c) => {
      await saveRegistration(c.get("deps"), requireActor(c), pid(c), await sentJson(c));
      return c.json({ ok: true }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "post", path: "/projects/{projectId}/ai-act/eu-registration/number", tags, summary: "Record the number the EU database gave; refused while a required field is empty", request: { params: ProjectParam, body: jsonBody(RegistrationNumberInput) }, responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Recorded"), ...problemResponses, ...Refused } }),
    async (c) => {
      await recordRegistrationNumber(c.get("deps"), requireActor(c), pid(c), await sentJson(c));
      return c.json({ ok: true }, 200);
    },
  );
  return api;
}
