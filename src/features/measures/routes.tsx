import type { MessageKey } from "../../platform/i18n/index.ts";
import { Hono } from "hono";
import { isFinal, isPhase } from "../../domain/lifecycle/index.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { notFound, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { listOrganisationPeople, loadProjectForActor } from "../projects/service.ts";
import { listEvidence } from "../evidence/service.ts";
import { addMeasure } from "./add-measure.ts";
import { getMeasure, listMeasures } from "./queries.ts";
import { maySignOff } from "./rules.ts";
import { setMeasureStatus } from "./set-measure-status.ts";
import { signOffMeasure } from "./sign-off-measure.ts";
import { updateMeasure } from "./update-measure.ts";
import { MeasurePage, MeasuresPage } from "./views.tsx";

export function measureRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const listPage = async (c: AppContext, values?: Values, errors?: FieldError[], status = 200) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const project = await loadProjectForActor(deps.db, actor, c.req.param("id")!);
    const measures = await listMeasures(deps, actor, project.id);
    const people = await listOrganisationPeople(deps, actor);
    const active = !(isPhase(project.phase) && isFinal(project.phase));
    return renderPage(
      c,
      c.get("t")("measures.page_title", { title: project.title }),
      (ctx) => <MeasuresPage ctx={ctx} project={project} measures={measures} people={people} mayAdd={active && canWorkOnProject(actor, project.id)} values={values} errors={errors} />,
      status,
    );
  };

  app.get("/projects/:id/measures", (c) => listPage(c));

  app.post("/projects/:id/measures", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        const measureId = await addMeasure(c.get("deps"), actor, { ...body, projectId: id, source: { type: "manual" } });
        return redirectWithFlash(c, `/projects/${id}/measures/${measureId}`, "measures.created");
      },
      (errors, status) => listPage(c, body, errors, status),
    );
  });

  const measurePage = async (c: AppContext, extra: { values?: Values; errors?: FieldError[]; errorsFor?: "edit" | "status" | "signoff"; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const project = await loadProjectForActor(deps.db, actor, c.req.param("id")!);
    const measure = await getMeasure(deps, actor, c.req.param("measureId")!);
    if (measure.projectId !== project.id) throw notFound();
    const people = await listOrganisationPeople(deps, actor);
    const active = !(isPhase(project.phase) && isFinal(project.phase));
    const team = canWorkOnProject(actor, project.id);
    const may = { edit: active && team, status: active && (team || measure.ownerUserId === actor.userId), signOff: active && maySignOff(actor, measure) };
    const evidence = await listEvidence(deps, actor, "measure", measure.id);
    return renderPage(c, measure.title, (ctx) => <MeasurePage ctx={ctx} project={project} measure={measure} people={people} may={may} evidence={evidence} {...extra} />, extra.status ?? 200);
  };

  app.get("/projects/:id/measures/:measureId", (c) => measurePage(c));

  const measurePost = (suffix: string, errorsFor: "edit" | "status" | "signoff", run: (c: AppContext, measureId: string, body: Record<string, string>) => Promise<MessageKey>) => {
    app.post(`/projects/:id/measures/:measureId${suffix}`, async (c) => {
      const actor = requireActor(c);
      const body = await formBody(c);
      const deps = c.get("deps");
      const id = c.req.param("id")!;
      const measureId = c.req.param("measureId")!;
      const measure = await getMeasure(deps, actor, measureId);
      if (measure.projectId !== id) throw notFound();
      return handleForm(
        c,
        async () => redirectWithFlash(c, `/projects/${id}/measures/${measureId}`, await run(c, measureId, body)),
        (errors, status) => measurePage(c, { values: body, errors, errorsFor, status }),
      );
    });
  };

  measurePost("", "edit", async (c, measureId, body) => {
    await updateMeasure(c.get("deps"), requireActor(c), measureId, body);
    return "measures.updated";
  });
  measurePost("/status", "status", async (c, measureId, body) => {
    const status = await setMeasureStatus(c.get("deps"), requireActor(c), measureId, body);
    return status === "awaiting_signoff" ? "measures.awaiting_signoff" : "measures.status_saved";
  });
  measurePost("/signoff", "signoff", async (c, measureId, body) => {
    await signOffMeasure(c.get("deps"), requireActor(c), measureId, { expectedStatus: body.expectedStatus || undefined });
    return "measures.signed_off_flash";
  });

  return app;
}
