import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses, sentJson } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import { addOrganisationAdmin } from "./add-organisation-admin.ts";
import { createOrganisation, setOrganisationDisabled, updateOrganisation } from "./manage-organisations.ts";
import { getOrganisation, listOrganisations } from "./queries.ts";
import { exportOrganisation } from "./export-organisation.ts";
import { DisableOrganisationInput, OrganisationAdminInput, OrganisationInput } from "./schemas.ts";

const OrganisationSummary = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), tooiCode: z.string().nullable(), disabled: z.boolean(), users: z.number(), createdAt: z.string() })
  .openapi("OrganisationSummary");
const OrganisationView = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    tooiCode: z.string().nullable(),
    themeClass: z.string(),
    hasLogo: z.boolean(),
    disabled: z.boolean(),
    contactEmail: z.string().nullable(),
    settings: z.object({ defaultLocale: z.enum(["nl", "en"]), checkRegisterLinks: z.boolean() }),
    admins: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), active: z.boolean() })),
  })
  .openapi("Organisation");
const Created = z.object({ id: z.string() });
const tags = ["instance"];

export function organisationsApi() {
  const api = apiRouter();
  const view = async (c: Parameters<Parameters<typeof api.openapi>[1]>[0], id: string) => {
    const { organisation: o, admins } = await getOrganisation(c.get("deps"), requireActor(c), id);
    return { id: o.id, slug: o.slug, name: o.name, tooiCode: o.tooiCode, themeClass: o.themeClass, hasLogo: o.hasLogo, disabled: o.disabled, contactEmail: o.contactEmail, settings: o.settings, admins };
  };

  api.openapi(
    createRoute({ method: "get", path: "/instance/organisations", tags, summary: "Every organisation on the instance (instance administrator)", responses: { 200: jsonResponse(z.object({ items: z.array(OrganisationSummary) }), "The organisations"), ...problemResponses } }),
    async (c) => c.json({ items: await listOrganisations(c.get("deps"), requireActor(c)) }, 200),
  );

  api.openapi(
    createRoute({ method: "post", path: "/instance/organisations", tags, summary: "Create an organisation (instance administrator)", request: { body: jsonBody(OrganisationInput) }, responses: { 201: jsonResponse(Created, "Created"), ...problemResponses } }),
    async (c) => c.json({ id: await createOrganisation(c.get("deps"), requireActor(c), await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({ method: "get", path: "/instance/organisations/{id}", tags, summary: "One organisation with its administrators (instance administrator)", request: { params: IdParam }, responses: { 200: jsonResponse(OrganisationView, "The organisation"), ...problemResponses } }),
    async (c) => c.json(await view(c, c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/instance/organisations/{id}",
      tags,
      summary: "Change an organisation's name, codes, look, contact address and settings (instance administrator)",
      request: { params: IdParam, body: jsonBody(OrganisationInput) },
      responses: { 200: jsonResponse(OrganisationView, "The organisation after the change"), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await updateOrganisation(c.get("deps"), requireActor(c), id, await sentJson(c));
      return c.json(await view(c, id), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/instance/organisations/{id}/admins",
      tags,
      summary: "Add an administrator to an organisation, e.g. its first (instance administrator)",
      request: { params: IdParam, body: jsonBody(OrganisationAdminInput) },
      responses: { 201: jsonResponse(Created, "Added"), ...problemResponses },
    }),
    async (c) => c.json({ id: await addOrganisationAdmin(c.get("deps"), requireActor(c), c.req.valid("param").id, await sentJson(c)) }, 201),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/instance/organisations/{id}/disable",
      tags,
      summary: "Disable an organisation: its users cannot log in, its tokens stop working (instance administrator)",
      request: { params: IdParam, body: jsonBody(DisableOrganisationInput) },
      responses: { 204: { description: "Disabled" }, 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => {
      await setOrganisationDisabled(c.get("deps"), requireActor(c), c.req.valid("param").id, true, await sentJson(c));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({ method: "post", path: "/instance/organisations/{id}/enable", tags, summary: "Enable a disabled organisation again (instance administrator)", request: { params: IdParam }, responses: { 204: { description: "Enabled" }, ...problemResponses } }),
    async (c) => {
      await setOrganisationDisabled(c.get("deps"), requireActor(c), c.req.valid("param").id, false);
      return c.body(null, 204);
    },
  );

  const zip = { 200: { description: "A ZIP of JSON: one file per table with the organisation's rows, and README.json describing the columns", content: { "application/zip": { schema: z.string().openapi({ format: "binary" }) } } }, ...problemResponses };
  const download = async (c: Parameters<Parameters<typeof api.openapi>[1]>[0], id: string) => {
    const { filename, stream } = await exportOrganisation(c.get("deps"), requireActor(c), id);
    return c.body(stream, 200, { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${filename}"` });
  };
  api.openapi(createRoute({ method: "get", path: "/organisation/export", tags: ["organisation"], summary: "Export the own organisation's whole record (admin)", responses: zip }), (c) => download(c, requireActor(c).organisationId));
  api.openapi(createRoute({ method: "get", path: "/instance/organisations/{id}/export", tags, summary: "Export an organisation's whole record (instance administrator)", request: { params: IdParam }, responses: zip }), (c) => download(c, c.req.valid("param").id));

  return api;
}
