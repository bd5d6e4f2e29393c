import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import {
  addRecommendation,
  AdviceInput,
  finaliseAdvice,
  getAdviceRequest,
  ListRequestsQuery,
  listAdviceRequests,
  RecommendationInput,
  REQUEST_STATUSES,
  requestAdvice,
  RequestAdviceInput,
  RespondInput,
  respondToRecommendation,
  saveAdvice,
  scheduleAdviceRequest,
  ScheduleInput,
} from "./service.ts";

const Status = z.enum(REQUEST_STATUSES);
const Recommendation = z
  .object({
    id: z.string(),
    number: z.number().int(),
    text: z.string(),
    response: z.enum(["comply", "explain"]).nullable(),
    responseText: z.string().nullable(),
    respondedBy: z.string().nullable(),
    respondedAt: z.string().nullable(),
    measureId: z.string().nullable(),
  })
  .openapi("ExpertRecommendation");
const Advice = z
  .object({
    id: z.string(),
    status: z.enum(["draft", "given"]),
    summary: z.string(),
    findings: z.record(z.string(), z.string()).openapi({ description: "Finding per value key of the organisation's value set (GET /api/v1/values)" }),
    writtenBy: z.string(),
    givenAt: z.string().nullable(),
    givenBy: z.string().nullable(),
    recommendations: z.array(Recommendation),
  })
  .openapi("ExpertAdvice");
const RequestDetail = z
  .object({
    id: z.string(),
    projectId: z.string(),
    projectTitle: z.string(),
    question: z.string(),
    canvasLink: z.string(),
    status: Status,
    requestedBy: z.string(),
    requestedAt: z.string(),
    givenAt: z.string().nullable(),
    meeting: z.object({ id: z.string(), date: z.string(), title: z.string() }).nullable(),
    advice: Advice.nullable(),
    may: z.object({ schedule: z.boolean(), write: z.boolean(), respond: z.boolean(), involved: z.boolean() }),
  })
  .openapi("AdviceRequest");
const RequestItem = z
  .object({
    id: z.string(),
    projectId: z.string(),
    projectTitle: z.string(),
    question: z.string(),
    status: Status,
    requestedAt: z.string(),
    givenAt: z.string().nullable(),
    meetingDate: z.string().nullable(),
    recommendationsTotal: z.number().int(),
    recommendationsAnswered: z.number().int(),
  })
  .openapi("AdviceRequestSummary");
const Created = z.object({ id: z.string() });

export function expertTableApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: "get",
      path: "/advice-requests",
      tags: ["expert table"],
      summary: "Advice requests to the expert table (all for table members; otherwise those of your projects)",
      request: { query: ListRequestsQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(RequestItem) }), "Requests"), ...problemResponses },
    }),
    async (c) => c.json({ items: await listAdviceRequests(c.get("deps"), requireActor(c), c.req.valid("query")) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/advice-requests",
      tags: ["expert table"],
      summary: "Ask the expert table for advice on a project (its owner or lead)",
      request: { body: jsonBody(RequestAdviceInput) },
      responses: { 201: jsonResponse(Created, "Requested"), 409: problemResponses[400], ...problemResponses },
    }),
    async (c) => c.json({ id: await requestAdvice(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "get", path: "/advice-requests/{id}", tags: ["expert table"], summary: "One request with its advice and the answers per recommendation", request: { params: IdParam }, responses: { 200: jsonResponse(RequestDetail, "The request"), ...problemResponses } }),
    async (c) => c.json(await getAdviceRequest(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/advice-requests/{id}/schedule",
      tags: ["expert table"],
      summary: "Put the request on a meeting's agenda (table secretary)",
      request: { params: IdParam, body: jsonBody(ScheduleInput) },
      responses: { 204: { description: "Scheduled" }, 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      await scheduleAdviceRequest(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/advice-requests/{id}/advice",
      tags: ["expert table"],
      summary: "Write the one advice of a request while it is a draft (table members not involved in the project); recommendations replace the list, an empty one is refused",
      request: { params: IdParam, body: jsonBody(AdviceInput) },
      responses: { 200: jsonResponse(RequestDetail, "The request with the advice"), 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      await saveAdvice(deps, actor, id, await sentJson(c));
      return c.json(await getAdviceRequest(deps, actor, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/advice-requests/{id}/advice/recommendations",
      tags: ["expert table"],
      summary: "Add the next numbered recommendation to the draft advice",
      request: { params: IdParam, body: jsonBody(RecommendationInput) },
      responses: { 201: jsonResponse(Created, "Added"), ...problemResponses },
    }),
    async (c) => c.json({ id: await addRecommendation(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/advice-requests/{id}/advice/give",
      tags: ["expert table"],
      summary: "Finalise the advice: it is given and the project answers each recommendation",
      request: { params: IdParam },
      responses: { 204: { description: "Given" }, 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      await finaliseAdvice(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/recommendations/{id}/response",
      tags: ["expert table"],
      summary: "Answer a recommendation (project owner or lead): comply, with how; or explain, with why not. With expectedResponse (the answer you saw, or none) an answer given meanwhile is a conflict",
      request: { params: IdParam, body: jsonBody(RespondInput) },
      responses: { 204: { description: "Answered" }, 409: problemResponses[400], 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      await respondToRecommendation(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  return api;
}
