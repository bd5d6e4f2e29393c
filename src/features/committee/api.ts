import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { PrecedentQuery, searchPrecedents } from "./precedents.ts";
import {
  adoptAdvice,
  AdviceTextInput,
  BOARD_DECISIONS,
  BoardResponseInput,
  CASE_STATUSES,
  CaseInput,
  castVote,
  createCase,
  decidePublication,
  getCase,
  getPublicAdvice,
  listCases,
  ORIGINS,
  PUBLICATIONS,
  PublicationInput,
  recordBoardResponse,
  saveCommitteeAdvice,
  VoteInput,
  VOTES,
} from "./service.ts";

const CaseItem = z
  .object({
    id: z.string(),
    title: z.string(),
    origin: z.enum(ORIGINS),
    status: z.enum(CASE_STATUSES),
    projectId: z.string().nullable(),
    projectTitle: z.string().nullable(),
    createdAt: z.string(),
    adviceStatus: z.enum(["none", "draft", "adopted"]),
    adoptedAt: z.string().nullable(),
    responseDue: z.string().nullable(),
    boardDecision: z.enum(BOARD_DECISIONS).nullable(),
    overdue: z.boolean(),
    published: z.boolean(),
    excluded: z.boolean(),
  })
  .openapi("CommitteeCaseSummary");
const CaseDetail = CaseItem.extend({
  question: z.string(),
  submitter: z.string().nullable(),
  deliberationId: z.string().nullable(),
  record: z.record(z.string(), z.unknown()).nullable(),
  values: z.array(z.string()),
  technologies: z.array(z.string()),
  domain: z.string(),
  responseWeeks: z.number().int(),
  excludedPeople: z.array(z.string()),
  advice: z
    .object({
      id: z.string(),
      text: z.string(),
      status: z.enum(["draft", "adopted"]),
      publication: z.enum(PUBLICATIONS),
      publishedAt: z.string().nullable(),
      adoptedAt: z.string().nullable(),
      responseDue: z.string().nullable(),
      votes: z.array(z.object({ name: z.string(), vote: z.enum(VOTES) })),
      ownVote: z.enum(VOTES).nullable(),
    })
    .nullable(),
  boardResponse: z.object({ decision: z.enum(BOARD_DECISIONS), reasons: z.string(), respondedBy: z.string(), respondedAt: z.string() }).nullable(),
  fgNotes: z.array(z.object({ text: z.string(), author: z.string(), at: z.string() })),
}).openapi("CommitteeCase");
const Created = z.object({ id: z.string() });
const Refused = { 409: problemResponses[400], 422: problemResponses[400] };

export function committeeApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/committee-cases", tags: ["ethics committee"], summary: "Committee cases with the board's deadline watched (committee, FG, board; a project owner sees their project's)", responses: { 200: jsonResponse(z.object({ items: z.array(CaseItem) }), "Cases"), ...problemResponses } }),
    async (c) => c.json({ items: await listCases(c.get("deps"), requireActor(c)) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/committee-cases",
      tags: ["ethics committee"],
      summary: "Bring a case: from the board, a project, a resident (secretary) or the committee's own initiative",
      request: {
        body: jsonBody(CaseInput),
      },
      responses: { 201: jsonResponse(Created, "Created"), ...problemResponses },
    }),
    async (c) => c.json({ id: await createCase(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "get", path: "/committee-cases/{id}", tags: ["ethics committee"], summary: "One case; a non-public advice only for the committee, the board and the project's owner", request: { params: IdParam }, responses: { 200: jsonResponse(CaseDetail, "The case"), ...problemResponses } }),
    async (c) => c.json(await getCase(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/committee-cases/{id}/advice",
      tags: ["ethics committee"],
      summary: "Draft the committee's advice (excluded members refused)",
      request: { params: IdParam, body: jsonBody(AdviceTextInput) },
      responses: { 200: jsonResponse(Created, "Saved"), ...Refused, ...problemResponses },
    }),
    async (c) => c.json({ id: await saveCommitteeAdvice(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/committee-cases/{id}/votes",
      tags: ["ethics committee"],
      summary: "Vote on the draft advice (members and chair; excluded members and the FG refused). With expectedVote (your vote as you saw it, or none) a vote changed meanwhile is a conflict",
      request: { params: IdParam, body: jsonBody(VoteInput) },
      responses: { 204: { description: "Voted" }, ...Refused, ...problemResponses },
    }),
    async (c) => {
      await castVote(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({ method: "post", path: "/committee-cases/{id}/adopt", tags: ["ethics committee"], summary: "Adopt the advice (chair, after a majority of votes for)", request: { params: IdParam }, responses: { 204: { description: "Adopted" }, ...Refused, ...problemResponses } }),
    async (c) => {
      await adoptAdvice(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/committee-cases/{id}/publication",
      tags: ["ethics committee"],
      summary: "Decide whether the advice is public or confidential; publish: true publishes it in the same step (refused when confidential or not adopted; all or nothing). Once published the decision stands (409)",
      request: { params: IdParam, body: jsonBody(PublicationInput) },
      responses: { 204: { description: "Saved" }, ...Refused, ...problemResponses },
    }),
    async (c) => {
      await decidePublication(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/committee-cases/{id}/board-response",
      tags: ["ethics committee"],
      summary: "The board's response to an adopted advice: follow, or deviate with reasons (a draft advice is refused)",
      request: { params: IdParam, body: jsonBody(BoardResponseInput) },
      responses: { 204: { description: "Recorded" }, ...Refused, ...problemResponses },
    }),
    async (c) => {
      await recordBoardResponse(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/precedents",
      tags: ["ethics committee"],
      summary: "Search the precedent library (adopted advice and deliberation conclusions)",
      request: { query: PrecedentQuery },
      responses: {
        200: jsonResponse(z.object({ items: z.array(z.object({ sourceType: z.string(), sourceId: z.string(), title: z.string(), summary: z.string(), values: z.array(z.string()), technologies: z.array(z.string()), domain: z.string(), year: z.number(), url: z.string(), visibility: z.string(), score: z.number() })) }), "Hits, best first"),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ items: await searchPrecedents(c.get("deps"), requireActor(c), c.req.valid("query")) }, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/public/advice/{id}",
      tags: ["public"],
      summary: "A published committee advice (no login)",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ id: z.string(), organisationName: z.string(), title: z.string(), question: z.string(), origin: z.string(), text: z.string(), adoptedAt: z.string(), publishedAt: z.string(), values: z.array(z.string()), boardResponse: z.object({ decision: z.string(), reasons: z.string(), respondedAt: z.string() }).nullable() }), "The advice"),
        404: problemResponses[404],
      },
    }),
    async (c) => c.json(await getPublicAdvice(c.get("deps"), c.req.valid("param").id), 200),
  );

  return api;
}
