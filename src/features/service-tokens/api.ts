import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { CreateServiceTokenInput, createServiceToken, listServiceTokens, revokeServiceToken } from "./service.ts";

const ServiceToken = z
  .object({ id: z.string(), name: z.string(), scope: z.enum(["read", "write"]), role: z.string().nullable(), createdAt: z.string(), expiresAt: z.string(), expired: z.boolean(), lastUsedAt: z.string().nullable() })
  .openapi("ServiceToken");
const tags = ["service-tokens"];

export function serviceTokensApi() {
  const api = apiRouter();
  api.openapi(
    createRoute({ method: "get", path: "/service-tokens", tags, summary: "The organisation's service tokens that are not revoked (admin)", responses: { 200: jsonResponse(z.object({ items: z.array(ServiceToken) }), "The tokens"), ...problemResponses } }),
    async (c) => c.json({ items: await listServiceTokens(c.get("deps"), requireActor(c)) }, 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/service-tokens",
      tags,
      summary: "Issue a service token (admin). The token is in this answer only; send it as `Authorization: Bearer …`.",
      request: { body: jsonBody(CreateServiceTokenInput) },
      responses: { 201: jsonResponse(z.object({ id: z.string(), token: z.string() }), "Issued"), ...problemResponses },
    }),
    async (c) => c.json(await createServiceToken(c.get("deps"), requireActor(c), await sentJson(c)), 201),
  );
  api.openapi(
    createRoute({ method: "delete", path: "/service-tokens/{id}", tags, summary: "Revoke a service token at once (admin)", request: { params: IdParam }, responses: { 204: { description: "Revoked" }, ...problemResponses } }),
    async (c) => {
      await revokeServiceToken(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
  return api;
}
