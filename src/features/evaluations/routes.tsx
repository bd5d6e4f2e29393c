import { Hono } from "hono";
import type { FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { evaluationOverview } from "./queries.ts";
import { recordPeriodicEvaluation } from "./record-periodic-evaluation.ts";
import { setEvaluationCadence } from "./set-cadence.ts";
import { EvaluationsPage } from "./views/pages.tsx";

export function evaluationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const show = async (c: AppContext, extra: { values?: Values; errors?: FieldError[]; errorsFor?: "evaluation" | "cadence"; status?: number } = {}) => {
    const o = await evaluationOverview(c.get("deps"), requireActor(c), c.req.param("id")!);
    return renderPage(c, c.get("t")("evaluations.page_title", { title: o.project.title }), (ctx) => <EvaluationsPage ctx={ctx} o={o} {...extra} />, extra.status ?? 200);
  };

  app.get("/projects/:id/evaluations", (c) => show(c));

  app.post("/projects/:id/evaluations", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await recordPeriodicEvaluation(c.get("deps"), actor, id, { answers: body });
        const changed = (body.material_change ?? "none") !== "none";
        return redirectWithFlash(c, `/projects/${id}/evaluations`, changed ? "evaluations.recorded_change" : "evaluations.recorded");
      },
      (errors, status) => show(c, { values: body, errors, errorsFor: "evaluation", status }),
    );
  });

  app.post("/projects/:id/evaluations/cadence", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await setEvaluationCadence(c.get("deps"), actor, id, body);
        return redirectWithFlash(c, `/projects/${id}/evaluations`, "evaluations.cadence_saved");
      },
      (errors, status) => show(c, { errors, errorsFor: "cadence", status }),
    );
  });

  return app;
}
