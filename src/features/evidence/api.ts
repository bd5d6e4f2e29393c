import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, ProblemSchema, sentJson } from "../../platform/http/api.ts";
import { notFound } from "../../platform/errors.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { receiveEvidenceForm } from "./receive.ts";
import { attachmentHeaders } from "./routes.tsx";
import { downloadEvidence, evidenceVersions, linkEvidence, LinkInput, listEvidence, SUBJECT_KINDS, uploadEvidence, UploadInput } from "./service.ts";

/** The API upload; its body is read by busboy with the evidence limit. */
export const API_UPLOAD_PATH = /^\/api\/v1\/evidence\/files$/;

const TAGS = ["evidence"];

const Version = z
  .object({
    id: z.string(),
    title: z.string(),
    version: z.number().int(),
    kind: z.enum(["file", "link"]),
    fileName: z.string().nullable(),
    contentType: z.string().nullable(),
    size: z.number().int().nullable(),
    url: z.string().nullable(),
    validUntil: z.string().nullable(),
    stale: z.boolean(),
    note: z.string(),
    createdByName: z.string(),
    createdAt: z.string(),
  })
  .openapi("EvidenceVersion");

const Document = Version.extend({ older: z.array(Version) }).openapi("EvidenceDocument");
const List = z.object({ subjectKind: z.enum(SUBJECT_KINDS), subjectId: z.string(), href: z.string(), mayAdd: z.boolean(), documents: z.array(Document) }).openapi("EvidenceList");
const Versions = z.object({ subjectKind: z.string(), subjectId: z.string(), href: z.string(), versions: z.array(Version) }).openapi("EvidenceVersions");
const Subject = z.object({
  subjectKind: z.enum(SUBJECT_KINDS).optional().openapi({ param: { name: "subjectKind", in: "query", required: true } }),
  subjectId: z.string().max(64).optional().openapi({ param: { name: "subjectId", in: "query", required: true } }),
});
const Upload = UploadInput.extend({ file: z.string().openapi({ format: "binary", description: "PDF, docx, xlsx, odt, ods, PNG, JPEG or CSV; checked by its content; at most EVIDENCE_MAX_BYTES" }) }).openapi("EvidenceUpload");
const Created = z.object({ id: z.string() });

export function evidenceApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/evidence", tags: TAGS, summary: "The evidence (files and links, with their versions) on a measure, contract, audit, finding or review", request: { query: Subject }, responses: { 200: jsonResponse(List, "The evidence"), ...problemResponses } }),
    async (c) => {
      const q = c.req.valid("query");
      const actor = requireActor(c);
      // Without a subject there is nothing to show: not found, as for a subject the actor may not see.
      if (!q.subjectKind || !q.subjectId) throw notFound();
      return c.json(await listEvidence(c.get("deps"), actor, q.subjectKind, q.subjectId), 200);
    },
  );

  // Documented here; handled below as a plain route so busboy reads the body with the evidence limit.
  api.openAPIRegistry.registerPath({
    method: "post",
    path: "/evidence/files",
    tags: TAGS,
    summary: "Upload a file as evidence (multipart/form-data); the same title on the same subject is a new version",
    request: { body: { content: { "multipart/form-data": { schema: Upload } }, required: true } },
    responses: { 201: jsonResponse(Created, "Stored"), 413: { description: "The file is larger than the limit", content: { "application/problem+json": { schema: ProblemSchema } } }, ...problemResponses },
  });

  api.post("/evidence/files", async (c) => {
    const actor = requireActor(c);
    const received = await receiveEvidenceForm(c, c.get("deps").config.evidenceMaxBytes);
    return c.json({ id: await uploadEvidence(c.get("deps"), actor, received.fields, received.file) }, 201);
  });

  api.openapi(
    createRoute({ method: "post", path: "/evidence/links", tags: TAGS, summary: "Record a link (https) as evidence; the same title on the same subject is a new version", request: { body: jsonBody(LinkInput) }, responses: { 201: jsonResponse(Created, "Recorded"), ...problemResponses } }),
    async (c) => c.json({ id: await linkEvidence(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "get", path: "/evidence/{id}/versions", tags: TAGS, summary: "Every version of the document this evidence is a version of, newest first", request: { params: IdParam }, responses: { 200: jsonResponse(Versions, "The versions"), ...problemResponses } }),
    async (c) => c.json(await evidenceVersions(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({ method: "get", path: "/evidence/{id}/content", tags: TAGS, summary: "The file, as an attachment of its checked type", request: { params: IdParam }, responses: { 200: { description: "The file", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } }, ...problemResponses } }),
    async (c) => {
      const file = await downloadEvidence(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(new Uint8Array(file.content), 200, attachmentHeaders(file)) as never;
    },
  );

  return api;
}
