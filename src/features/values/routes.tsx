import { Hono } from "hono";
import { can } from "../../domain/permissions/permissions.ts";
import { forbidden } from "../../platform/errors.ts";
import type { AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { valuesProfile } from "./profile.ts";
import { addValue } from "./add-value.ts";
import { getValue, listValues } from "./queries.ts";
import { updateValue } from "./update-value.ts";
import { EditValuePage, NewValuePage, ValuesListPage, ValuesProfilePage } from "./views/values-pages.tsx";

export function valuesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/admin/values", async (c) => {
    const actor = requireActor(c);
    if (!can(actor, "organisation.manage")) throw forbidden();
    const values = await listValues(c.get("deps"), actor);
    return renderPage(c, c.get("t")("values.title"), (ctx) => <ValuesListPage ctx={ctx} values={values} />);
  });

  app.get("/admin/values/new", (c) => {
    const actor = requireActor(c);
    if (!can(actor, "organisation.manage")) throw forbidden();
    return renderPage(c, c.get("t")("values.new"), (ctx) => <NewValuePage ctx={ctx} />);
  });

  app.post("/admin/values", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await addValue(c.get("deps"), actor, body);
        return redirectWithFlash(c, "/admin/values", "values.added");
      },
      (errors, status) => renderPage(c, c.get("t")("values.new"), (ctx) => <NewValuePage ctx={ctx} values={body} errors={errors} />, status),
    );
  });

  app.get("/admin/values/:key", async (c) => {
    const actor = requireActor(c);
    if (!can(actor, "organisation.manage")) throw forbidden();
    const value = await getValue(c.get("deps"), actor, c.req.param("key"));
    return renderPage(c, value.name[c.get("lang")], (ctx) => <EditValuePage ctx={ctx} value={value} />);
  });

  app.post("/admin/values/:key", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const key = c.req.param("key");
    return handleForm(
      c,
      async () => {
        await updateValue(c.get("deps"), actor, key, body);
        return redirectWithFlash(c, `/admin/values/${encodeURIComponent(key)}`, "values.updated");
      },
      async (errors, status) => {
        const value = await getValue(c.get("deps"), actor, key);
        return renderPage(c, value.name[c.get("lang")], (ctx) => <EditValuePage ctx={ctx} value={value} values={body} errors={errors} />, status);
      },
    );
  });

  app.get("/projects/:id/values", async (c) => {
    const actor = requireActor(c);
    const profile = await valuesProfile(c.get("deps"), actor, c.req.param("id"));
    return renderPage(c, c.get("t")("values.profile.page_title", { project: profile.project.title }), (ctx) => <ValuesProfilePage ctx={ctx} profile={profile} />);
  });

  return app;
}
