import { createRoute, z } from "@hono/zod-openapi";
import { ORGANISATION_ROLES } from "../../domain/permissions/roles.ts";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { getLoginSettings, LoginSettingsInput, updateLoginSettings } from "./login-settings.ts";
import { addMapping, createProvider, getProvider, listProviders, MappingInput, ProviderInput, removeMapping, updateProvider } from "./providers.ts";

const Mapping = z.object({ id: z.string(), group: z.string(), role: z.enum(ORGANISATION_ROLES) });
const Provider = z
  .object({
    id: z.string(),
    name: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    scopes: z.string(),
    claims: z.object({ subject: z.string(), email: z.string(), name: z.string(), groups: z.string() }),
    emailDomains: z.array(z.string()),
    jitAccounts: z.boolean(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    mappings: z.array(Mapping),
  })
  .openapi("SsoProvider", { description: "An identity provider (OpenID Connect) of the organisation. The client secret is stored encrypted and never returned." });
const Settings = z.object({ localPasswords: z.boolean(), breakGlass: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })) }).openapi("SsoLoginSettings");
const MappingParams = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }),
  mappingId: z.string().min(1).max(64).openapi({ param: { name: "mappingId", in: "path" } }),
});
const tags = ["sso"];

export function ssoApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({ method: "get", path: "/sso/providers", tags, summary: "The organisation's identity providers (admin)", responses: { 200: jsonResponse(z.object({ items: z.array(Provider) }), "The providers"), ...problemResponses } }),
    async (c) => c.json({ items: await listProviders(c.get("deps"), requireActor(c)) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/sso/providers",
      tags,
      summary: "Add an identity provider (admin); its discovery document is fetched and checked first",
      request: { body: jsonBody(ProviderInput) },
      responses: { 201: jsonResponse(Provider, "Added"), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const id = await createProvider(deps, actor, c.req.valid("json"));
      return c.json(await getProvider(deps, actor, id), 201);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/sso/providers/{id}", tags, summary: "One identity provider with its group mapping (admin)", request: { params: IdParam }, responses: { 200: jsonResponse(Provider, "The provider"), ...problemResponses } }),
    async (c) => c.json(await getProvider(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/sso/providers/{id}",
      tags,
      summary: "Change an identity provider (admin); without clientSecret the stored secret stays",
      request: { params: IdParam, body: jsonBody(ProviderInput) },
      responses: { 200: jsonResponse(Provider, "The provider after the change"), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      await updateProvider(deps, actor, id, c.req.valid("json"));
      return c.json(await getProvider(deps, actor, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/sso/providers/{id}/mappings",
      tags,
      summary: "Map a group of the provider to an organisation role (admin); refused when one group would give admin and an oversight role",
      request: { params: IdParam, body: jsonBody(MappingInput) },
      responses: { 201: jsonResponse(Provider, "The provider with the new mapping"), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      await addMapping(deps, actor, id, c.req.valid("json"));
      return c.json(await getProvider(deps, actor, id), 201);
    },
  );

  api.openapi(
    createRoute({ method: "delete", path: "/sso/providers/{id}/mappings/{mappingId}", tags, summary: "Remove a group mapping (admin)", request: { params: MappingParams }, responses: { 204: { description: "Removed" }, ...problemResponses } }),
    async (c) => {
      const { id, mappingId } = c.req.valid("param");
      await removeMapping(c.get("deps"), requireActor(c), id, mappingId);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/sso/settings", tags, summary: "Whether staff may log in with a password, and the break-glass accounts (admin)", responses: { 200: jsonResponse(Settings, "The settings"), ...problemResponses } }),
    async (c) => c.json(await getLoginSettings(c.get("deps"), requireActor(c)), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/sso/settings",
      tags,
      summary: "Switch local passwords on or off for the organisation (admin); off needs an enabled provider",
      request: { body: jsonBody(LoginSettingsInput) },
      responses: { 200: jsonResponse(Settings, "The settings after the change"), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get("deps");
      const actor = requireActor(c);
      await updateLoginSettings(deps, actor, c.req.valid("json"));
      return c.json(await getLoginSettings(deps, actor), 200);
    },
  );

  return api;
}
