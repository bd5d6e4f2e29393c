import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../platform/http/env.ts";
import { notFound } from "../../platform/errors.ts";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import {
  addComment,
  CommentInput,
  diffVersions,
  freezeVersion,
  getOrCreateResponse,
  getResponse,
  getVersion,
  listComments,
  listProjectResponses,
  listVersions,
  ID_MAX,
  markSectionForReview,
  NoteInput,
  OpenResponseInput,
  previewUpgrade,
  saveAnswers,
  SaveAnswersInput,
  SectionReviewInput,
  upgradeResponse,
  UpgradeInput,
  VERSION_MAX,
  type VersionRef,
} from "./service.ts";

const LocalText = z.object({ nl: z.string(), en: z.string() });
const Status = z.enum(["not_started", "in_progress", "complete"]);
const InstrumentSummary = z
  .object({ id: z.string(), kind: z.string(), title: LocalText, versions: z.array(z.string()), latestVersion: z.string(), licence: z.string() })
  .openapi("InstrumentSummary");
const SectionStateSchema = z.object({
  sectionId: z.string(),
  status: z.enum(["not_started", "in_progress", "complete", "not_applicable"]),
  answered: z.number().int(),
  requiredTotal: z.number().int(),
  requiredAnswered: z.number().int(),
  markedForReview: z.boolean(),
  display: z.enum(["not_started", "in_progress", "for_review", "complete", "not_applicable"]),
});
const ResponseSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    instrumentId: z.string(),
    instrumentVersion: z.string(),
    latestInstrumentVersion: z.string(),
    subject: z.string(),
    answers: z.record(z.string(), z.unknown()),
    sections: z.array(SectionStateSchema),
    status: Status,
    revision: z.number().int(),
    lastVersion: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedByName: z.string(),
    canEdit: z.boolean(),
  })
  .openapi("InstrumentResponse");
const ResponseSummarySchema = z.object({ id: z.string(), instrumentId: z.string(), instrumentVersion: z.string(), subject: z.string(), status: Status, lastVersion: z.number().int(), updatedAt: z.string() });
const VersionSummary = z.object({ number: z.number().int(), instrumentVersion: z.string(), note: z.string(), createdAt: z.string(), createdByName: z.string() }).openapi("ResponseVersion");
const Change = z.object({ questionId: z.string(), sectionId: z.string().nullable(), label: LocalText, kind: z.enum(["added", "removed", "changed"]), before: LocalText.nullable(), after: LocalText.nullable() });
const Comment = z.object({ id: z.string(), questionId: z.string(), body: z.string(), authorName: z.string(), createdAt: z.string() }).openapi("ResponseComment");
const ProjectParam = z.object({ projectId: IdParam.shape.id.openapi({ param: { name: "projectId", in: "path" } }) });
const VersionParam = IdParam.extend({ version: z.string().max(VERSION_MAX).openapi({ param: { name: "version", in: "path" } }) });
const SectionParam = IdParam.extend({ sectionId: z.string().max(ID_MAX).openapi({ param: { name: "sectionId", in: "path" } }) });
const VersionRefQuery = z.string().regex(/^(current|\d{1,6})$/).optional();

/** Runs the use case; the answer is 204 without a body. */
async function noContent(c: Context<AppEnv>, work: Promise<unknown>): Promise<Response> {
  await work;
  return c.body(null, 204);
}

function ref(v: string | undefined): VersionRef {
  return v === undefined || v === "current" ? "current" : Number(v);
}

export function instrumentResponsesApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/instruments", tags: ["instruments"], summary: "Every instrument with its versions and titles", responses: { 200: jsonResponse(z.object({ items: z.array(InstrumentSummary) }), "The instruments"), ...problemResponses } }),
    async (c) => {
      requireActor(c);
      const registry = c.get("deps").instruments;
      const ids = [...new Set(registry.list().map((i) => i.id))];
      const items = ids.map((id) => {
        const latest = registry.latest(id)!;
        return { id, kind: latest.kind, title: latest.title, versions: [...registry.versions(id)], latestVersion: latest.version, licence: latest.licence.id };
      });
      return c.json({ items }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/instruments/{id}/versions/{version}",
      tags: ["instruments"],
      summary: "The full definition of one instrument version (sections, questions, conditions, outcomes, licence)",
      request: { params: VersionParam },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi("InstrumentDefinition"), "The definition"), ...problemResponses },
    }),
    async (c) => {
      requireActor(c);
      const { id, version } = c.req.valid("param");
      const instrument = version === "latest" ? c.get("deps").instruments.latest(id) : c.get("deps").instruments.get(id, version);
      if (!instrument) throw notFound();
      return c.json(instrument as unknown as Record<string, unknown>, 200);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/projects/{projectId}/responses", tags: ["instrument responses"], summary: "A project's instrument responses", request: { params: ProjectParam }, responses: { 200: jsonResponse(z.object({ items: z.array(ResponseSummarySchema) }), "The responses"), ...problemResponses } }),
    async (c) => c.json({ items: await listProjectResponses(c.get("deps"), requireActor(c), c.req.valid("param").projectId) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{projectId}/responses",
      tags: ["instrument responses"],
      summary: "Open the project's response to an instrument; the first call creates it, pinned to the newest instrument version",
      request: { params: ProjectParam, body: jsonBody(OpenResponseInput) },
      responses: { 200: jsonResponse(ResponseSchema, "The response"), ...problemResponses },
    }),
    async (c) => {
      const body = c.req.valid("json");
      return c.json(await getOrCreateResponse(c.get("deps"), requireActor(c), c.req.valid("param").projectId, body.instrumentId, { subject: body.subject }), 200);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/responses/{id}", tags: ["instrument responses"], summary: "One response with answers and per-section status", request: { params: IdParam }, responses: { 200: jsonResponse(ResponseSchema, "The response"), ...problemResponses } }),
    async (c) => c.json(await getResponse(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/responses/{id}/answers",
      tags: ["instrument responses"],
      summary: "Save answers (project team). partial (default true): merge, an empty value removes an answer, shapes checked; false: replace all and require completeness. A wrong answer refuses the whole save with 400 and changes nothing.",
      request: { params: IdParam, body: jsonBody(SaveAnswersInput) },
      responses: { 200: jsonResponse(ResponseSchema, "The response after saving"), 409: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      const body = c.req.valid("json");
      return c.json(await saveAnswers(c.get("deps"), requireActor(c), c.req.valid("param").id, body.answers, { partial: body.partial, expectedRevision: body.expectedRevision }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/responses/{id}/sections/{sectionId}/review",
      tags: ["instrument responses"],
      summary: "Mark a section for review, or take the mark off (project team)",
      request: { params: SectionParam, body: jsonBody(SectionReviewInput) },
      responses: { 204: { description: "Marked" }, ...problemResponses },
    }),
    async (c) => {
      const { id, sectionId } = c.req.valid("param");
      return noContent(c, markSectionForReview(c.get("deps"), requireActor(c), id, sectionId, c.req.valid("json").forReview));
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/responses/{id}/versions", tags: ["instrument responses"], summary: "Frozen versions, newest first", request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ items: z.array(VersionSummary) }), "The versions"), ...problemResponses } }),
    async (c) => c.json({ items: await listVersions(c.get("deps"), requireActor(c), c.req.valid("param").id) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/responses/{id}/versions",
      tags: ["instrument responses"],
      summary: "Save the current answers as a new version (project team)",
      request: { params: IdParam, body: jsonBody(NoteInput) },
      responses: { 201: jsonResponse(VersionSummary, "The new version"), ...problemResponses },
    }),
    async (c) => c.json(await freezeVersion(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json").note), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/responses/{id}/versions/{number}",
      tags: ["instrument responses"],
      summary: "One frozen version with its answers",
      request: { params: IdParam.extend({ number: z.coerce.number().int().min(1).openapi({ param: { name: "number", in: "path" } }) }) },
      responses: { 200: jsonResponse(VersionSummary.extend({ answers: z.record(z.string(), z.unknown()) }), "The version"), ...problemResponses },
    }),
    async (c) => {
      const { id, number } = c.req.valid("param");
      return c.json(await getVersion(c.get("deps"), requireActor(c), id, number), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/responses/{id}/diff",
      tags: ["instrument responses"],
      summary: "Readable differences between two versions; 'current' is the answers now",
      request: { params: IdParam, query: z.object({ from: VersionRefQuery, to: VersionRefQuery }) },
      responses: { 200: jsonResponse(z.object({ from: z.union([z.number(), z.literal("current")]), to: z.union([z.number(), z.literal("current")]), changes: z.array(Change), changedSections: z.array(z.string()) }), "The diff"), ...problemResponses },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await diffVersions(c.get("deps"), requireActor(c), c.req.valid("param").id, ref(q.from), ref(q.to)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/responses/{id}/comments",
      tags: ["instrument responses"],
      summary: "Comments, oldest first; optionally on one question",
      request: { params: IdParam, query: z.object({ questionId: z.string().max(ID_MAX).optional() }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(Comment) }), "The comments"), ...problemResponses },
    }),
    async (c) => c.json({ items: await listComments(c.get("deps"), requireActor(c), c.req.valid("param").id, { questionId: c.req.valid("query").questionId }) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/responses/{id}/comments",
      tags: ["instrument responses"],
      summary: "Comment on a question (anyone who may see the project)",
      request: { params: IdParam, body: jsonBody(CommentInput) },
      responses: { 201: jsonResponse(z.object({ id: z.string() }), "Posted"), ...problemResponses },
    }),
    async (c) => c.json({ id: await addComment(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/responses/{id}/upgrade",
      tags: ["instrument responses"],
      summary: "What moving the response to a newer instrument version would change",
      request: { params: IdParam, query: z.object({ to: z.string().max(VERSION_MAX).optional() }) },
      responses: {
        200: jsonResponse(z.object({ from: z.string(), to: z.string(), changes: z.array(Change), dropped: z.array(z.object({ questionId: z.string(), label: LocalText })), questionsAdded: z.array(z.object({ questionId: z.string(), label: LocalText })), sectionsAdded: z.array(z.object({ sectionId: z.string(), title: LocalText })) }), "The preview"),
        422: problemResponses[400],
        ...problemResponses,
      },
    }),
    async (c) => c.json(await previewUpgrade(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("query").to), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/responses/{id}/upgrade",
      tags: ["instrument responses"],
      summary: "Move the response to a newer instrument version (project team); the old answers are frozen as a version first",
      request: { params: IdParam, body: jsonBody(UpgradeInput) },
      responses: { 200: jsonResponse(ResponseSchema, "The response after the upgrade"), 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => c.json(await upgradeResponse(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json").toVersion), 200),
  );

  return api;
}
