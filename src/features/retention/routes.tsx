// The organisation's retention periods at /admin/retention (the administrator).
import { Hono } from "hono";
import type { FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { listRetentionPeriods, periodsFromForm, updateRetentionPeriods } from "./update-retention-periods.ts";
import { RetentionPage } from "./views.tsx";

export function retentionRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const show = async (c: AppContext, again?: { values: Values; errors: FieldError[] }, status = 200) => {
    const periods = await listRetentionPeriods(c.get("deps"), requireActor(c));
    return renderPage(c, c.get("t")("retention.title"), (ctx) => <RetentionPage ctx={ctx} periods={periods} values={again?.values} errors={again?.errors} />, status);
  };
  app.get("/admin/retention", (c) => show(c));
  app.post("/admin/retention", async (c) => {
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await updateRetentionPeriods(c.get("deps"), requireActor(c), periodsFromForm(body));
        return redirectWithFlash(c, "/admin/retention", "retention.saved");
      },
      (errors, status) => show(c, { values: body, errors }, status),
    );
  });
  return app;
}
