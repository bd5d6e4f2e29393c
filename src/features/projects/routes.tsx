import type { MessageKey } from "../../platform/i18n/index.ts";
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import { forbidden, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { pageContext } from "../../platform/http/render.tsx";
import { projectDashboard } from "./dashboard.ts";
import { projectPanels } from "./extension-points.ts";
import {
  addMember,
  getProject,
  listOrganisationPeople,
  loadProjectForActor,
  projectPage,
  recordEvaluation,
  recordGateDecision,
  recordMaterialChange,
  registerProject,
  removeMember,
  rolesOnProject,
  updateProject,
} from "./service.ts";
import { DashboardPage, EditProjectPage, NewProjectPage, ProjectPage, type FormValues } from "./views/pages.tsx";

/** A form body with repeated fields (checkbox groups) kept as lists. */
export async function formBodyWithLists(c: AppContext): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

type Extra = { values?: FormValues; errors?: FieldError[]; errorsFor?: "gate" | "members" | "evaluation" | "change"; status?: number };

/** The project page, also shown again with errors after a refused form on it. */
export async function showProject(c: AppContext, extra: Extra = {}): Promise<Response> {
  const actor = requireActor(c);
  const deps = c.get("deps");
  const id = c.req.param("id")!;
  const { project, ref, readiness, decisions, evaluations, changes, people } = await projectPage(deps, actor, id);
  const may = {
    edit: canEditProject(actor, id),
    decide: rolesOnProject(actor, id).includes("owner"),
    manageMembers: canEditProject(actor, id) || actor.organisationRoles.has("admin"),
  };
  const ctx = pageContext(c);
  const panels: Child[] = [];
  for (const panel of projectPanels(deps)) panels.push(await panel.render({ deps, ctx, actor, project: ref }));
  return renderPage(
    c,
    project.title,
    (pageCtx) => <ProjectPage ctx={pageCtx} project={project} readiness={readiness} decisions={decisions} evaluations={evaluations} changes={changes} people={people} may={may} panels={panels} {...extra} />,
    extra.status ?? 200,
  );
}

export function projectRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/projects", async (c) => {
    const actor = requireActor(c);
    const q = c.req.query();
    const query: Record<string, string> = {};
    for (const k of ["domain", "phase", "waitingOn", "mine"]) if (q[k]) query[k] = String(q[k]).slice(0, 40);
    const dashboard = await projectDashboard(c.get("deps"), actor, { ...query, mine: query.mine === "1", page: Number(q.page ?? 1) || 1 });
    return renderPage(c, c.get("t")("projects.dashboard.title"), (ctx) => <DashboardPage ctx={ctx} dashboard={dashboard} query={query} />);
  });

  const newPage = async (c: AppContext, values?: FormValues, errors?: FieldError[], status = 200) => {
    const actor = requireActor(c);
    const people = await listOrganisationPeople(c.get("deps"), actor);
    return renderPage(c, c.get("t")("projects.register"), (ctx) => <NewProjectPage ctx={ctx} people={people} values={values} errors={errors} />, status);
  };

  app.get("/projects/new", (c) => newPage(c));

  app.post("/projects", async (c) => {
    const actor = requireActor(c);
    const body = await formBodyWithLists(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, `/projects/${await registerProject(c.get("deps"), actor, body)}`, "projects.registered"),
      (errors, status) => newPage(c, body, errors, status),
    );
  });

  app.get("/projects/:id", (c) => showProject(c));

  const editPage = async (c: AppContext, values?: FormValues, errors?: FieldError[], status = 200) => {
    const actor = requireActor(c);
    const project = await getProject(c.get("deps"), actor, c.req.param("id")!);
    return renderPage(c, c.get("t")("projects.edit"), (ctx) => <EditProjectPage ctx={ctx} project={project} values={values} errors={errors} />, status);
  };

  app.get("/projects/:id/edit", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    await loadProjectForActor(c.get("deps").db, actor, id);
    if (!canEditProject(actor, id)) throw forbidden();
    return editPage(c);
  });

  app.post("/projects/:id/edit", async (c) => {
    const actor = requireActor(c);
    const body = await formBodyWithLists(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        const changes = await updateProject(c.get("deps"), actor, id, body);
        return redirectWithFlash(c, `/projects/${id}`, changes.length ? "projects.updated_material" : "projects.updated");
      },
      (errors, status) => editPage(c, body, errors, status),
    );
  });

  const formOnProject = (path: string, errorsFor: Extra["errorsFor"], run: (c: AppContext, body: FormValues) => Promise<MessageKey>) => {
    app.post(`/projects/:id/${path}`, async (c) => {
      requireActor(c);
      const body = await formBodyWithLists(c);
      const id = c.req.param("id")!;
      return handleForm(
        c,
        async () => redirectWithFlash(c, `/projects/${id}#${errorsFor === "gate" ? "decisions" : errorsFor}`, await run(c, body)),
        (errors, status) => showProject(c, { values: body, errors, errorsFor, status }),
      );
    });
  };

  formOnProject("gate-decisions", "gate", async (c, body) => {
    const result = await recordGateDecision(c.get("deps"), requireActor(c), c.req.param("id")!, body);
    return result.to === "stopped" ? "projects.gate.recorded_stop" : result.from === result.to ? "projects.gate.recorded_adjust" : "projects.gate.recorded_go";
  });
  formOnProject("evaluations", "evaluation", async (c, body) => {
    await recordEvaluation(c.get("deps"), requireActor(c), c.req.param("id")!, body);
    return "projects.evaluation.recorded";
  });
  formOnProject("material-changes", "change", async (c, body) => {
    await recordMaterialChange(c.get("deps"), requireActor(c), c.req.param("id")!, body);
    return "projects.changes.recorded";
  });
  formOnProject("members", "members", async (c, body) => {
    await addMember(c.get("deps"), requireActor(c), c.req.param("id")!, body);
    return "projects.members.added";
  });

  app.post("/projects/:id/members/:assignmentId/remove", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await removeMember(c.get("deps"), actor, id, c.req.param("assignmentId"));
        return redirectWithFlash(c, `/projects/${id}#members`, "projects.members.removed");
      },
      (errors, status) => showProject(c, { errors, errorsFor: "members", status }),
    );
  });

  return app;
}
