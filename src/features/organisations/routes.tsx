import { Hono } from "hono";
import type { FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { addOrganisationAdmin } from "./add-organisation-admin.ts";
import { requireInstanceAdmin } from "./instance-admin.ts";
import { createOrganisation, setOrganisationDisabled, updateOrganisation, type Logo } from "./manage-organisations.ts";
import { getOrganisation, listOrganisations } from "./queries.ts";
import { exportOrganisation } from "./export-organisation.ts";
import { NewOrganisationPage, OrganisationDetailPage, OrganisationsPage, type DetailForm } from "./views.tsx";

async function uploadedLogo(c: AppContext): Promise<Logo> {
  const raw = await c.req.parseBody();
  return raw.logo instanceof File && raw.logo.size > 0 ? { bytes: new Uint8Array(await raw.logo.arrayBuffer()) } : null;
}

export function organisationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/instance/organisations", async (c) => {
    const items = await listOrganisations(c.get("deps"), requireActor(c));
    return renderPage(c, c.get("t")("organisations.title"), (ctx) => <OrganisationsPage ctx={ctx} items={items} />);
  });

  app.get("/instance/organisations/new", async (c) => {
    requireInstanceAdmin(requireActor(c));
    return renderPage(c, c.get("t")("organisations.new"), (ctx) => <NewOrganisationPage ctx={ctx} />);
  });

  app.post("/instance/organisations", async (c) => {
    const actor = requireActor(c);
    requireInstanceAdmin(actor);
    const body = await formBody(c);
    const logo = await uploadedLogo(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, `/instance/organisations/${await createOrganisation(c.get("deps"), actor, body, logo)}`, "organisations.created"),
      (errors, status) => renderPage(c, c.get("t")("organisations.new"), (ctx) => <NewOrganisationPage ctx={ctx} values={body} errors={errors} />, status),
    );
  });

  const showDetail = async (c: AppContext, form: DetailForm = {}, status = 200) => {
    const detail = await getOrganisation(c.get("deps"), requireActor(c), c.req.param("id")!);
    return renderPage(c, detail.organisation.name, (ctx) => <OrganisationDetailPage ctx={ctx} detail={detail} form={form} />, status);
  };
  const again = (c: AppContext, errorsFor: DetailForm["errorsFor"], values?: Record<string, string>) => (errors: FieldError[], status: number) => showDetail(c, { errors, errorsFor, values }, status);

  app.get("/instance/organisations/:id", (c) => showDetail(c));

  app.post("/instance/organisations/:id", async (c) => {
    const actor = requireActor(c);
    requireInstanceAdmin(actor);
    const id = c.req.param("id");
    const body = await formBody(c);
    const logo = await uploadedLogo(c);
    return handleForm(
      c,
      async () => {
        await updateOrganisation(c.get("deps"), actor, id, body, logo);
        return redirectWithFlash(c, `/instance/organisations/${id}`, "organisations.saved");
      },
      again(c, "details", body),
    );
  });

  app.post("/instance/organisations/:id/admins", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await addOrganisationAdmin(c.get("deps"), actor, id, body);
        return redirectWithFlash(c, `/instance/organisations/${id}`, "organisations.admin_added");
      },
      again(c, "admin", { name: body.name ?? "", email: body.email ?? "" }),
    );
  });

  for (const [path, disabled, flash] of [["disable", true, "organisations.disabled_done"], ["enable", false, "organisations.enabled_done"]] as const) {
    app.post(`/instance/organisations/:id/${path}`, async (c) => {
      const actor = requireActor(c);
      const id = c.req.param("id");
      const body = await formBody(c);
      return handleForm(
        c,
        async () => {
          await setOrganisationDisabled(c.get("deps"), actor, id, disabled, body);
          return redirectWithFlash(c, `/instance/organisations/${id}`, flash);
        },
        again(c, "status", body),
      );
    });
  }

  // The organisation's whole record as a ZIP: any organisation for the instance administrator, one's own for its admin.
  const download = async (c: AppContext, organisationId: string) => {
    const { filename, stream } = await exportOrganisation(c.get("deps"), requireActor(c), organisationId);
    return c.body(stream, 200, { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" });
  };
  app.get("/instance/organisations/:id/export", (c) => download(c, c.req.param("id")));
  app.get("/admin/organisation/export", (c) => download(c, requireActor(c).organisationId));

  return app;
}
