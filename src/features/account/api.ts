import { createRoute, z } from "@hono/zod-openapi";
import { permissionsOf } from "../../domain/permissions/permissions.ts";
import { apiRouter, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";

export function accountApi() {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags: ["account"],
      summary: "Who is calling, with roles and permissions",
      responses: {
        200: jsonResponse(
          z.object({ id: z.string(), name: z.string(), email: z.string(), organisationId: z.string(), locale: z.string(), organisationRoles: z.array(z.string()), projectRoles: z.record(z.string(), z.array(z.string())), permissions: z.array(z.string()) }).openapi("Me"),
          "The current user",
        ),
        ...problemResponses,
      },
    }),
    (c) => {
      const a = requireActor(c);
      return c.json(
        {
          id: a.userId,
          name: a.name,
          email: a.email,
          organisationId: a.organisationId,
          locale: a.locale,
          organisationRoles: [...a.organisationRoles],
          projectRoles: Object.fromEntries([...a.projectRoles].map(([p, r]) => [p, [...r]])),
          permissions: permissionsOf(a),
        },
        200,
      );
    },
  );
  return api;
}
