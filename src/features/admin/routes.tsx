import { anonymiseUser } from "./anonymise-user.ts";
import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { can } from "../../domain/permissions/permissions.ts";
import { forbidden, notFound } from "../../platform/errors.ts";
import { findOrganisation, organisationLogo, updateOrganisationSettings } from "./organisation.ts";
import { assignRole, createUser, getUser, listProjectsForRoles, listUsers, removeRole, resetPassword, setUserActive, updateUser } from "./service.ts";
import { ConfirmAnonymisePage, ConfirmDeactivatePage, NewUserPage, OrganisationPage, UserPage, UsersPage } from "./views.tsx";

export function adminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/admin/users", async (c) => {
    const actor = requireActor(c);
    const query = c.req.query("q") ?? "";
    const result = await listUsers(c.get("deps"), actor, { page: Number(c.req.query("page") ?? 1) || 1, query });
    return renderPage(c, c.get("t")("users.title"), (ctx) => <UsersPage ctx={ctx} {...result} query={query} />);
  });

  app.get("/admin/users/new", async (c) => {
    const actor = requireActor(c);
    await listUsers(c.get("deps"), actor, { page: 1 }); // permission check before showing the form
    return renderPage(c, c.get("t")("users.new"), (ctx) => <NewUserPage ctx={ctx} />);
  });

  app.post("/admin/users", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, `/admin/users/${await createUser(c.get("deps"), actor, body)}`, "user.created"),
      (errors, status) => renderPage(c, c.get("t")("users.new"), (ctx) => <NewUserPage ctx={ctx} values={body} errors={errors} />, status),
    );
  });

  const showUser = async (c: AppContext, extra: { values?: Record<string, string>; errors?: import("../../platform/errors.ts").FieldError[]; errorsFor?: "details" | "role" | "password"; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const user = await getUser(deps, actor, c.req.param("id")!);
    const projects = await listProjectsForRoles(deps, actor);
    return renderPage(c, user.name, (ctx) => <UserPage ctx={ctx} user={user} projects={projects} {...extra} />, extra.status ?? 200);
  };

  app.get("/admin/users/:id", (c) => showUser(c));

  app.post("/admin/users/:id", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await updateUser(c.get("deps"), actor, id, body);
        return redirectWithFlash(c, `/admin/users/${id}`, "user.updated");
      },
      (errors, status) => showUser(c, { values: body, errors, errorsFor: "details", status }),
    );
  });

  app.post("/admin/users/:id/roles", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await assignRole(c.get("deps"), actor, id, body);
        return redirectWithFlash(c, `/admin/users/${id}`, "role.assigned");
      },
      (errors, status) => showUser(c, { values: body, errors, errorsFor: "role", status }),
    );
  });

  app.post("/admin/users/:id/roles/:assignmentId/remove", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await removeRole(c.get("deps"), actor, c.req.param("assignmentId"));
        return redirectWithFlash(c, `/admin/users/${id}`, "role.removed");
      },
      (errors, status) => showUser(c, { errors, errorsFor: "role", status }),
    );
  });

  app.post("/admin/users/:id/password", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await resetPassword(c.get("deps"), actor, id, body);
        return redirectWithFlash(c, `/admin/users/${id}`, "user.password_reset");
      },
      (errors, status) => showUser(c, { errors, errorsFor: "password", status }),
    );
  });

  app.get("/admin/users/:id/deactivate", async (c) => {
    const actor = requireActor(c);
    const user = await getUser(c.get("deps"), actor, c.req.param("id"));
    return renderPage(c, c.get("t")("user.confirm_title"), (ctx) => <ConfirmDeactivatePage ctx={ctx} user={user} />);
  });

  app.get("/admin/users/:id/anonymise", async (c) => {
    const actor = requireActor(c);
    const user = await getUser(c.get("deps"), actor, c.req.param("id"));
    return renderPage(c, c.get("t")("user.anonymise_title"), (ctx) => <ConfirmAnonymisePage ctx={ctx} user={user} />);
  });

  app.post("/admin/users/:id/anonymise", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await anonymiseUser(c.get("deps"), actor, id);
        return redirectWithFlash(c, `/admin/users/${id}`, "user.anonymised");
      },
      (errors, status) => showUser(c, { errors, status }),
    );
  });

  for (const [path, active, flash] of [["deactivate", false, "user.deactivated"], ["activate", true, "user.activated"]] as const) {
    app.post(`/admin/users/:id/${path}`, async (c) => {
      const actor = requireActor(c);
      const id = c.req.param("id");
      return handleForm(
        c,
        async () => {
          await setUserActive(c.get("deps"), actor, id, active);
          return redirectWithFlash(c, `/admin/users/${id}`, flash);
        },
        (errors, status) => showUser(c, { errors, status }),
      );
    });
  }

  app.get("/admin/organisation", async (c) => {
    const actor = requireActor(c);
    const organisation = await findOrganisation(c.get("deps").db, actor.organisationId);
    if (!organisation) throw notFound();
    if (!can(actor, "organisation.manage")) throw forbidden();
    return renderPage(c, c.get("t")("organisation.title"), (ctx) => <OrganisationPage ctx={ctx} organisation={organisation} />);
  });

  app.post("/admin/organisation", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const raw = await c.req.parseBody();
    const body = await formBody(c);
    const file = raw.logo instanceof File && raw.logo.size > 0 ? raw.logo : null;
    return handleForm(
      c,
      async () => {
        await updateOrganisationSettings(deps, actor, body, file ? { type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) } : null);
        return redirectWithFlash(c, "/admin/organisation", "organisation.saved");
      },
      async (errors, status) => {
        const organisation = (await findOrganisation(deps.db, actor.organisationId))!;
        return renderPage(c, c.get("t")("organisation.title"), (ctx) => <OrganisationPage ctx={ctx} organisation={organisation} values={body} errors={errors} />, status);
      },
    );
  });

  // Theme and logo of the viewer's own organisation (the query only busts caches).
  app.get("/organisation/theme.css", async (c) => {
    const organisation = c.get("organisation");
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "private, max-age=60");
    return c.body(organisation?.themeCss ?? "");
  });

  app.get("/organisation/logo", async (c) => {
    const organisation = c.get("organisation");
    const logo = organisation ? await organisationLogo(c.get("deps").db, organisation.id) : null;
    if (!logo) throw notFound();
    c.header("Content-Type", logo.type);
    // An SVG logo is shown as an image only; this stops it running script when opened directly.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    c.header("Cache-Control", "private, max-age=60");
    return c.body(new Uint8Array(logo.bytes));
  });

  return app;
}
