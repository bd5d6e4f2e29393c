import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { auditCheckpoints, listAuditEvents } from "./service.ts";

const AuditEvent = z
  .object({ id: z.string(), seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), entityType: z.string(), entityId: z.string(), before: z.unknown(), after: z.unknown() })
  .openapi("AuditEvent");

export function auditLogApi() {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      path: "/audit-events",
      tags: ["audit log"],
      summary: "The organisation's audit events, newest first (3rd line)",
      request: {
        query: z.object({ action: z.string().optional(), actor: z.string().optional(), entity: z.string().optional(), from: z.string().optional(), to: z.string().optional(), page: z.string().optional() }),
      },
      responses: { 200: jsonResponse(z.object({ items: z.array(AuditEvent), total: z.number(), page: z.number(), pageSize: z.number() }), "A page of events"), ...problemResponses },
    }),
    async (c) => {
      const { items, total, page, pageSize } = await listAuditEvents(c.get("deps"), requireActor(c), c.req.valid("query"));
      return c.json({ items, total, page, pageSize }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/audit-log/checkpoints",
      tags: ["audit log"],
      summary: "The signed checkpoints of the organisation's audit chain, one JSON object per line (3rd line)",
      description:
        "Each line: {v, chain, seq, hash, keyedFrom, at, sig}; sig is an HMAC-SHA-256 with the instance's audit key. Keep a copy outside Afweging: `afweging audit-log verify --checkpoints FILE` compares the database with it.",
      responses: { 200: { description: "JSON lines", content: { "application/jsonl": { schema: z.string() } } }, ...problemResponses },
    }),
    (c) => {
      const actor = requireActor(c);
      const text = auditCheckpoints(c.get("deps"), actor);
      const name = `audit-checkpoints-${c.get("organisation")?.slug ?? actor.organisationId}.jsonl`;
      return c.body(text, 200, { "Content-Type": "application/jsonl; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` }) as never;
    },
  );
  return api;
}
