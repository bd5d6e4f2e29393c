import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { literacyOverview, recentSessions } from "./overview.ts";
import { recordSession, SessionInput } from "./record-session.ts";
import { addTraining, changeTraining, TrainingInput } from "./trainings.ts";

const tags = ["ai-literacy"];
const Status = z.enum(["valid", "expiring", "expired", "none"]);
const Training = z.object({ id: z.string(), title: z.string(), description: z.string().nullable(), validityMonths: z.number(), audience: z.array(z.string()) }).openapi("AiLiteracyTraining");
const Overview = z
  .object({
    today: z.string(),
    trainings: z.array(Training),
    roles: z.array(z.object({ role: z.string(), people: z.number(), covered: z.number(), expiringSoon: z.number() })),
    total: z.object({ people: z.number(), covered: z.number(), expiringSoon: z.number() }),
  })
  .openapi("AiLiteracyOverview");
const Person = z
  .object({
    userId: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    inScope: z.boolean(),
    covered: z.boolean(),
    trainings: z.array(z.object({ trainingId: z.string(), required: z.boolean(), status: Status, lastDate: z.string().nullable(), validUntil: z.string().nullable() })),
  })
  .openapi("AiLiteracyPerson");
const Session = z.object({ id: z.string(), trainingId: z.string(), title: z.string(), date: z.string(), validUntil: z.string(), participants: z.array(z.string()) }).openapi("AiLiteracySession");

export function aiLiteracyApi() {
  const api = apiRouter();
  api.openapi(
    createRoute({ method: "get", path: "/ai-literacy", tags, summary: "AI literacy (AI Act Art. 4): the trainings and, per role that needs one, how many people have a valid training", responses: { 200: jsonResponse(Overview, "Coverage"), ...problemResponses } }),
    async (c) => {
      const o = await literacyOverview(c.get("deps"), requireActor(c));
      return c.json({ today: o.today, trainings: o.trainings, roles: o.roles, total: o.total }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "get", path: "/ai-literacy/people", tags, summary: "Per person: their roles and, per training, whether it is needed, the last session and until when it is valid", responses: { 200: jsonResponse(z.object({ people: z.array(Person) }), "People"), ...problemResponses } }),
    async (c) => c.json({ people: (await literacyOverview(c.get("deps"), requireActor(c))).people }, 200),
  );
  api.openapi(
    createRoute({ method: "get", path: "/ai-literacy/sessions", tags, summary: "The latest trainings given, with who took part", responses: { 200: jsonResponse(z.object({ sessions: z.array(Session) }), "Sessions"), ...problemResponses } }),
    async (c) => c.json({ sessions: await recentSessions(c.get("deps"), requireActor(c), 100) }, 200),
  );
  api.openapi(
    createRoute({ method: "post", path: "/ai-literacy/trainings", tags, summary: "Add a training: how long it stays valid and which roles need it", request: { body: jsonBody(TrainingInput) }, responses: { 201: jsonResponse(z.object({ id: z.string() }), "Added"), ...problemResponses } }),
    async (c) => c.json({ id: await addTraining(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );
  api.openapi(
    createRoute({ method: "put", path: "/ai-literacy/trainings/{id}", tags, summary: "Change a training; a new validity applies to sessions recorded from now on", request: { params: IdParam, body: jsonBody(TrainingInput) }, responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Changed"), ...problemResponses } }),
    async (c) => {
      await changeTraining(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.json({ ok: true }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "post", path: "/ai-literacy/sessions", tags, summary: "Record a training given and who took part; it is an awareness activity too", request: { body: jsonBody(SessionInput) }, responses: { 201: jsonResponse(z.object({ id: z.string() }), "Recorded"), ...problemResponses } }),
    async (c) => c.json({ id: await recordSession(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );
  return api;
}
