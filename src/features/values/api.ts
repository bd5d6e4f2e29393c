import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { addValue } from "./add-value.ts";
import { NewValueInput, ValueChangeInput, VALUE_LIMITS } from "./inputs.ts";
import { valuesProfile } from "./profile.ts";
import { getValue, listValues } from "./queries.ts";
import { changeValue } from "./update-value.ts";

const LocalTextSchema = z.object({ nl: z.string(), en: z.string() });
const ValueSchema = z
  .object({ key: z.string(), name: LocalTextSchema, description: LocalTextSchema, active: z.boolean(), version: z.number().int() })
  .openapi("Value");
const ValueWithHistory = ValueSchema.extend({
  history: z.array(z.object({ version: z.number().int(), name: LocalTextSchema, description: LocalTextSchema, active: z.boolean(), changedAt: z.string(), changedByName: z.string() })),
}).openapi("ValueWithHistory");
const KeyParam = z.object({ key: z.string().min(1).max(VALUE_LIMITS.key).openapi({ param: { name: "key", in: "path" } }) });
const ProjectParam = z.object({ projectId: z.string().min(1).max(64).openapi({ param: { name: "projectId", in: "path" } }) });
function publicValue(v: { key: string; name: { nl: string; en: string }; description: { nl: string; en: string }; active: boolean; version: number }) {
  return { key: v.key, name: v.name, description: v.description, active: v.active, version: v.version };
}

export function valuesApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/values", tags: ["values"], summary: "The organisation's value set, retired values included", responses: { 200: jsonResponse(z.object({ items: z.array(ValueSchema) }), "The values"), ...problemResponses } }),
    async (c) => c.json({ items: (await listValues(c.get("deps"), requireActor(c))).map(publicValue) }, 200),
  );

  api.openapi(
    createRoute({ method: "get", path: "/values/{key}", tags: ["values"], summary: "One value with every version (history)", request: { params: KeyParam }, responses: { 200: jsonResponse(ValueWithHistory, "The value"), ...problemResponses } }),
    async (c) => {
      const v = await getValue(c.get("deps"), requireActor(c), c.req.valid("param").key);
      return c.json({ ...publicValue(v), history: v.history }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/values",
      tags: ["values"],
      summary: "Add a value with a new key (admin)",
      request: { body: jsonBody(NewValueInput) },
      responses: { 201: jsonResponse(ValueSchema, "Added"), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      await addValue(deps, actor, await sentJson(c));
      return c.json(publicValue(await getValue(deps, actor, c.req.valid("json").key)), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/values/{key}",
      tags: ["values"],
      summary: "Change a value's names, description or state (admin); the old version is kept",
      request: { params: KeyParam, body: jsonBody(ValueChangeInput) },
      responses: { 200: jsonResponse(ValueSchema, "The value after the change"), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { key } = c.req.valid("param");
      await changeValue(deps, actor, key, await sentJson(c));
      return c.json(publicValue(await getValue(deps, actor, key)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/projects/{projectId}/values-profile",
      tags: ["values"],
      summary: "Which values a project touches, and where",
      request: { params: ProjectParam },
      responses: {
        200: jsonResponse(
          z.object({
            touched: z.array(z.object({ value: ValueSchema, touches: z.array(z.object({ valueKey: z.string(), source: LocalTextSchema, where: LocalTextSchema, href: z.string().optional() })) })),
            untouched: z.array(ValueSchema),
            unknownKeys: z.array(z.string()),
          }),
          "The values profile",
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const profile = await valuesProfile(c.get("deps"), requireActor(c), c.req.valid("param").projectId);
      return c.json({ touched: profile.touched.map((e) => ({ value: publicValue(e.value), touches: e.touches })), untouched: profile.untouched.map(publicValue), unknownKeys: profile.unknownKeys }, 200);
    },
  );

  return api;
}
