// /api/v1: the public register without login (under /api/v1/public/), and the
// team's endpoints (prepare, approve, publish, retract) with a session or token.
import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { listPublishedAdvice } from "../committee/public-advice.ts";
import { PrepareInput, RetractInput } from "./entry-input.ts";
import { registerCsv, toV1, v1JsonSchema } from "./export.ts";
import { POLICY_AREAS, PUBLICATION_CATEGORIES, STATUSES } from "./fields.ts";
import { prepareEntry } from "./prepare-entry.ts";
import { getPublicEntry, publishedEntriesOf, searchPublic } from "./public.ts";
import { getTeamEntry } from "./queries.ts";
import { approveEntry, publishEntry, retractEntry } from "./release.ts";

const tags = ["register"];
const V1 = z.record(z.string(), z.unknown()).openapi("AlgoritmeregisterV1", { description: "One algorithm in the Algoritmeregister publication standard v1.0 (see /api/v1/public/register/schema.json)" });
const Summary = z.object({ lars: z.string(), name: z.string(), summary: z.string(), status: z.string(), category: z.string(), organisationName: z.string(), organisationSlug: z.string(), updatedAt: z.string() }).openapi("RegisterSummary");
const LarsParam = z.object({ lars: z.string().min(1).max(16).openapi({ param: { name: "lars", in: "path" } }) });
const SlugParam = z.object({ slug: z.string().min(1).max(100).openapi({ param: { name: "slug", in: "path" } }) });
const ProjectParam = z.object({ projectId: z.string().min(1).max(64).openapi({ param: { name: "projectId", in: "path" } }) });
const Refused = { 409: problemResponses[400], 422: problemResponses[400] };
const ListQuery = z.object({
  q: z.string().max(200).optional(),
  organisation: z.string().max(100).optional(),
  status: z.enum(STATUSES).optional(),
  category: z.enum(PUBLICATION_CATEGORIES).optional(),
  policyArea: z.enum(POLICY_AREAS).optional(),
  value: z.string().max(100).optional(),
  technology: z.string().max(100).optional(),
  page: z.string().max(6).optional(),
  pageSize: z.string().max(3).optional(),
});

const TeamEntrySchema = z
  .object({
    projectId: z.string(),
    exists: z.boolean(),
    lars: z.string().nullable(),
    revision: z.number().int(),
    fields: z.record(z.string(), z.unknown()),
    draftState: z.enum(["draft", "approved", "published"]),
    publicState: z.enum(["unpublished", "published", "retracted"]),
    completeness: z.number().int(),
    missing: z.array(z.string()),
    overdue: z.boolean(),
    publishedVersion: z.number().int().nullable(),
    feedback: z.array(z.object({ id: z.string(), kind: z.string(), message: z.string(), replyTo: z.string().nullable(), createdAt: z.string() })),
  })
  .openapi("RegisterTeamEntry");

export function registerApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/public/register", tags, summary: "Published register entries of every organisation: Dutch search (stemmed, prefix), filters, pages", request: { query: ListQuery }, responses: { 200: jsonResponse(z.object({ items: z.array(Summary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }), "Entries"), 400: problemResponses[400] } }),
    async (c) => {
      const { items, total, page, pageSize } = await searchPublic(c.get("deps"), c.req.query());
      return c.json({ items, total, page, pageSize }, 200);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/public/register/schema.json", tags, summary: "The JSON Schema of one exported entry (Algoritmeregister v1.0)", responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), "JSON Schema") } }),
    (c) => c.json(v1JsonSchema(), 200),
  );

  api.openapi(
    createRoute({ method: "get", path: "/public/register/export.csv", tags, summary: "Every published entry as CSV (optionally of one organisation)", request: { query: z.object({ organisation: z.string().max(100).optional() }) }, responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } } } }),
    async (c) => {
      const entries = await publishedEntriesOf(c.get("deps"), c.req.valid("query").organisation ?? null);
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", 'attachment; filename="algoritmeregister.csv"');
      return c.body(registerCsv(entries), 200);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/public/register/entries/{lars}", tags, summary: "One published entry in the Algoritmeregister v1.0 shape", request: { params: LarsParam }, responses: { 200: jsonResponse(V1, "The entry"), 404: problemResponses[404] } }),
    async (c) => c.json(toV1(await getPublicEntry(c.get("deps"), c.req.valid("param").lars)), 200),
  );

  api.openapi(
    createRoute({ method: "get", path: "/public/register/organisations/{slug}", tags, summary: "Every published entry of one organisation in the Algoritmeregister v1.0 shape", request: { params: SlugParam }, responses: { 200: jsonResponse(z.array(V1), "The entries") } }),
    async (c) => c.json((await publishedEntriesOf(c.get("deps"), c.req.valid("param").slug)).map(toV1), 200),
  );

  api.openapi(
    createRoute({ method: "get", path: "/public/advice", tags, summary: "Published advice of the ethics committees on this instance, newest first", responses: { 200: jsonResponse(z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), publishedAt: z.string(), organisationName: z.string(), url: z.string() })) }), "Advice") } }),
    async (c) => {
      const deps = c.get("deps");
      const orgs = await deps.db.selectFrom("organisations").select(["id", "name"]).orderBy("name").limit(1000).execute();
      const items = [];
      for (const o of orgs) for (const a of await listPublishedAdvice(deps, o.id)) items.push({ ...a, organisationName: o.name, url: `/openbaar/advies/${a.id}` });
      items.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
      return c.json({ items }, 200);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/projects/{projectId}/register-entry", tags, summary: "The project's register entry as the team sees it (the prefill when there is none yet), with the checks before release", request: { params: ProjectParam }, responses: { 200: jsonResponse(TeamEntrySchema, "The entry"), ...problemResponses } }),
    async (c) => {
      const e = await getTeamEntry(c.get("deps"), requireActor(c), c.req.valid("param").projectId);
      return c.json({ projectId: e.project.id, exists: e.exists, lars: e.lars, revision: e.revision, fields: e.fields, draftState: e.draftState, publicState: e.publicState, completeness: e.completeness, missing: e.missing, overdue: e.overdue, publishedVersion: e.publishedVersion, feedback: e.feedback }, 200);
    },
  );

  api.openapi(
    createRoute({ method: "put", path: "/projects/{projectId}/register-entry", tags, summary: "Save the team's working copy (any approval given is void after a change)", request: { params: ProjectParam, body: jsonBody(PrepareInput) }, responses: { 200: jsonResponse(z.object({ revision: z.number().int() }), "Saved"), ...problemResponses, ...Refused } }),
    async (c) => c.json(await prepareEntry(c.get("deps"), requireActor(c), c.req.valid("param").projectId, await sentJson(c)), 200),
  );

  api.openapi(
    createRoute({ method: "post", path: "/projects/{projectId}/register-entry/approve", tags, summary: "Approve the working copy: the project owner or the privacy officer, never the one who prepared it", request: { params: ProjectParam, body: jsonBody(z.object({ expectedRevision: z.number().int().optional() })) }, responses: { 204: { description: "Approved" }, ...problemResponses, ...Refused } }),
    async (c) => {
      await approveEntry(c.get("deps"), requireActor(c), c.req.valid("param").projectId, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({ method: "post", path: "/projects/{projectId}/register-entry/publish", tags, summary: "Publish the approved working copy as a new version", request: { params: ProjectParam }, responses: { 200: jsonResponse(z.object({ version: z.number().int() }), "Published"), ...problemResponses, ...Refused } }),
    async (c) => c.json(await publishEntry(c.get("deps"), requireActor(c), c.req.valid("param").projectId), 200),
  );

  api.openapi(
    createRoute({ method: "post", path: "/projects/{projectId}/register-entry/retract", tags, summary: "Take the entry out of the public register, with a reason", request: { params: ProjectParam, body: jsonBody(RetractInput) }, responses: { 204: { description: "Retracted" }, ...problemResponses, ...Refused } }),
    async (c) => {
      await retractEntry(c.get("deps"), requireActor(c), c.req.valid("param").projectId, await sentJson(c));
      return c.body(null, 204);
    },
  );

  return api;
}
