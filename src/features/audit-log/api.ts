import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { listAuditEvents } from "./service.ts";

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
  return api;
}
