// /notifications (the reader's list), /account/notifications (their choices per kind),
// /admin/jobs (failed background work, for administrators).
import { Hono } from "hono";
import type { FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { backgroundFailures, getPreferences, listNotifications, markAllRead, markRead, retryFailedJob, updatePreferences } from "./service.ts";
import { JobsPage, NotificationsPage, PreferencesPage } from "./views.tsx";

/** The form's `preferences.<kind>` fields as the use case's input. */
export function preferencesFromForm(body: Record<string, string>): { preferences: Record<string, string> } {
  const preferences: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (name.startsWith("preferences.")) preferences[name.slice("preferences.".length)] = value;
  return { preferences };
}

export function notificationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/notifications", async (c) => {
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const list = await listNotifications(c.get("deps"), requireActor(c), page);
    return renderPage(c, c.get("t")("notifications.title"), (ctx) => <NotificationsPage ctx={ctx} {...list} page={page} />);
  });
  app.post("/notifications/read-all", async (c) => {
    await markAllRead(c.get("deps"), requireActor(c));
    return redirectWithFlash(c, "/notifications", "notifications.all_marked_read");
  });
  app.post("/notifications/:id/read", async (c) => {
    await markRead(c.get("deps"), requireActor(c), c.req.param("id"));
    return redirectWithFlash(c, "/notifications", "notifications.marked_read");
  });

  const showPreferences = async (c: AppContext, again?: { values: Values; errors: FieldError[] }, status = 200) => {
    const preferences = await getPreferences(c.get("deps"), requireActor(c));
    return renderPage(c, c.get("t")("notifications.prefs.title"), (ctx) => <PreferencesPage ctx={ctx} preferences={preferences} values={again?.values} errors={again?.errors} />, status);
  };
  app.get("/account/notifications", (c) => showPreferences(c));
  app.post("/account/notifications", async (c) => {
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await updatePreferences(c.get("deps"), requireActor(c), preferencesFromForm(body));
        return redirectWithFlash(c, "/account/notifications", "notifications.prefs.saved");
      },
      (errors, status) => showPreferences(c, { values: body, errors }, status),
    );
  });

  app.get("/admin/jobs", async (c) => {
    const failures = await backgroundFailures(c.get("deps"), requireActor(c));
    return renderPage(c, c.get("t")("notifications.jobs.title"), (ctx) => <JobsPage ctx={ctx} failures={failures} />);
  });
  app.post("/admin/jobs/:jobId/retry", async (c) => {
    await retryFailedJob(c.get("deps"), requireActor(c), c.req.param("jobId"));
    return redirectWithFlash(c, "/admin/jobs", "notifications.jobs.retried");
  });
  return app;
}
