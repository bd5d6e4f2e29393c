import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { anonymiseUser } from "./anonymise-user.ts";
import { AssignRoleInput, ChangeUserInput, CreateUserInput, ResetPasswordInput, assignRole, changeUser, createUser, getUser, listUsers, removeRole, resetPassword } from "./service.ts";

const UserSummary = z.object({ id: z.string(), name: z.string(), email: z.string(), active: z.boolean(), roles: z.array(z.string()) }).openapi("UserSummary");
const UserDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    active: z.boolean(),
    assignments: z.array(z.object({ id: z.string(), role: z.string(), projectId: z.string().nullable(), projectTitle: z.string().nullable() })),
  })
  .openapi("UserDetail");
const Created = z.object({ id: z.string() });

export function adminApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: "get",
      path: "/users",
      tags: ["users"],
      summary: "List the organisation's users (admin)",
      request: { query: z.object({ page: z.coerce.number().int().min(1).optional(), q: z.string().max(100).optional() }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(UserSummary), total: z.number(), page: z.number(), pageSize: z.number() }), "A page of users"), ...problemResponses },
    }),
    async (c) => {
      const { page, q } = c.req.valid("query");
      return c.json(await listUsers(c.get("deps"), requireActor(c), { page, query: q }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/users",
      tags: ["users"],
      summary: "Add a user (admin)",
      request: { body: jsonBody(CreateUserInput) },
      responses: { 201: jsonResponse(Created, "Created"), ...problemResponses },
    }),
    async (c) => c.json({ id: await createUser(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "get", path: "/users/{id}", tags: ["users"], summary: "One user with role assignments (admin)", request: { params: IdParam }, responses: { 200: jsonResponse(UserDetail, "The user"), ...problemResponses } }),
    async (c) => c.json(await getUser(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/users/{id}",
      tags: ["users"],
      summary: "Change a user's name, e-mail or active state (admin)",
      request: { params: IdParam, body: jsonBody(ChangeUserInput) },
      responses: { 200: jsonResponse(UserDetail, "The user after the change"), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      await changeUser(deps, actor, id, await sentJson(c));
      return c.json(await getUser(deps, actor, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/users/{id}/password",
      tags: ["users"],
      summary: "Reset a user's password and end their sessions (admin)",
      request: { params: IdParam, body: jsonBody(ResetPasswordInput) },
      responses: { 204: { description: "Reset" }, ...problemResponses },
    }),
    async (c) => {
      await resetPassword(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/users/{id}/roles",
      tags: ["users"],
      summary: "Assign an organisation role, or a project role with projectId (admin)",
      request: { params: IdParam, body: jsonBody(AssignRoleInput) },
      responses: { 201: jsonResponse(Created, "Assigned"), 409: problemResponses[400], ...problemResponses },
    }),
    async (c) => c.json({ id: await assignRole(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/users/{id}/anonymise",
      tags: ["users"],
      summary: "Replace a deactivated user's name and e-mail address everywhere outside the audit trail (admin)",
      request: { params: IdParam },
      responses: { 204: { description: "Anonymised" }, 409: problemResponses[400], 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      await anonymiseUser(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({ method: "delete", path: "/role-assignments/{id}", tags: ["users"], summary: "Remove a role assignment (admin)", request: { params: IdParam }, responses: { 204: { description: "Removed" }, ...problemResponses } }),
    async (c) => {
      await removeRole(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  return api;
}
