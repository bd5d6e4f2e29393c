import { Hono } from "hono";
import { forbidden, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAction, type FormAgain } from "../../platform/http/form-actions.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { mountMeetingPages } from "./meeting-pages.tsx";
import { listMeetings } from "./meetings.ts";
import {
  addRecommendation,
  finaliseAdvice,
  getAdviceRequest,
  isTableMember,
  listAdviceRequests,
  projectsActorMayRequestFor,
  recommendationRef,
  recommendationToMeasure,
  removeRecommendation,
  requestAdvice,
  respondToRecommendation,
  saveAdvice,
  scheduleAdviceRequest,
} from "./service.ts";
import { valueChoices } from "./values.ts";
import { ExpertTablePage, NewRequestPage, RequestPage } from "./views/pages.tsx";

const requestPath = (id: string) => `/expert-table/requests/${id}`;

/** Form fields → the advice input of the service: `finding_<value key>` for each value's finding. */
export function adviceFromForm(body: Record<string, string>) {
  const findings = Object.entries(body).flatMap(([k, v]) => (k.startsWith("finding_") ? [[k.slice("finding_".length), v] as const] : []));
  return { summary: body.summary ?? "", findings: Object.fromEntries(findings) };
}

/** The service's error paths back to the form's field names. */
function adviceErrorsToForm(errors: FieldError[]): FieldError[] {
  return errors.map((e) => (e.field.startsWith("findings.") ? { ...e, field: `finding_${e.field.slice("findings.".length)}` } : e));
}

async function showRequest(c: AppContext, id: string, extra: { values?: Values; errors?: FieldError[]; errorsFor?: string; status?: number } = {}) {
  const actor = requireActor(c);
  const deps = c.get("deps");
  const request = await getAdviceRequest(deps, actor, id);
  const meetings = request.may.schedule ? await listMeetings(deps, actor, "expert_table") : [];
  const valueSet = await valueChoices(deps, actor, Object.keys(request.advice?.findings ?? {}));
  return renderPage(
    c,
    c.get("t")("expert_table.request_title", { project: request.projectTitle }),
    (ctx) => <RequestPage ctx={ctx} request={request} meetings={meetings} valueSet={valueSet} {...extra} />,
    extra.status ?? 200,
  );
}

const deps = (c: AppContext) => c.get("deps");

/** The forms of a request's page, posted to /expert-table/requests/:id/<path>. */
const REQUEST_FORMS: FormAction[] = [
  { path: "schedule", form: "schedule", flash: "expert_table.scheduled", run: (c, id, b) => scheduleAdviceRequest(deps(c), requireActor(c), id, b), redirectTo: (_c, id) => requestPath(id) },
  { path: "advice", form: "advice", flash: "expert_table.advice_saved", run: (c, id, b) => saveAdvice(deps(c), requireActor(c), id, adviceFromForm(b)) },
  { path: "recommendations", form: "recommendations", flash: "expert_table.recommendation_added", run: (c, id, b) => addRecommendation(deps(c), requireActor(c), id, { text: b.text ?? "" }) },
  { path: "finalise", form: "finalise", flash: "expert_table.advice_given", run: (c, id) => finaliseAdvice(deps(c), requireActor(c), id), redirectTo: (_c, id) => requestPath(id) },
];

/** Back to the recommendation's request, at its list. */
const toRecommendations = (_c: AppContext, _id: string, requestId: unknown) => `${requestPath(String(requestId))}#recommendations`;

/** The forms of one recommendation, posted to /expert-table/recommendations/:id/<path>; each returns its request's id. */
const RECOMMENDATION_FORMS: FormAction[] = [
  { path: "remove", form: "recommendations", flash: "expert_table.recommendation_removed", run: (c, id) => removeRecommendation(deps(c), requireActor(c), id), redirectTo: toRecommendations },
  {
    path: "response",
    form: "respond",
    flash: "expert_table.response_saved",
    run: async (c, id, b) => {
      const ref = await recommendationRef(deps(c), requireActor(c), id);
      await respondToRecommendation(deps(c), requireActor(c), id, { response: b[`response_${ref.number}`] ?? "", text: b[`text_${ref.number}`] ?? "", expectedResponse: b.expectedResponse || undefined });
      return ref.requestId;
    },
    redirectTo: toRecommendations,
  },
  { path: "measure", form: "recommendations", flash: "expert_table.measure_created", run: async (c, id) => (await recommendationToMeasure(deps(c), requireActor(c), id, {})).requestId, redirectTo: toRecommendations },
];

/** A refused form of a recommendation is shown on its request's page, beside that recommendation. */
async function showRecommendationAgain(c: AppContext, id: string, again: FormAgain) {
  const ref = await recommendationRef(deps(c), requireActor(c), id);
  if (again.errorsFor !== "respond") return showRequest(c, ref.requestId, again);
  const errors = again.errors.map((e) => (e.field === "text" || e.field === "response" ? { ...e, field: `${e.field}_${ref.number}` } : e));
  return showRequest(c, ref.requestId, { ...again, errors, errorsFor: `respond_${id}` });
}

export function expertTableRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/expert-table", async (c) => {
    const actor = requireActor(c);
    const requests = await listAdviceRequests(deps(c), actor);
    const canRequest = (await projectsActorMayRequestFor(deps(c), actor)).length > 0;
    if (!isTableMember(actor) && !canRequest && requests.length === 0) throw forbidden();
    return renderPage(c, c.get("t")("expert_table.title"), (ctx) => <ExpertTablePage ctx={ctx} requests={requests} canRequest={canRequest} isMember={isTableMember(actor)} />);
  });

  const showNew = async (c: AppContext, values?: Values, errors?: FieldError[], status = 200) => {
    const projects = await projectsActorMayRequestFor(deps(c), requireActor(c));
    return renderPage(c, c.get("t")("expert_table.request_new"), (ctx) => <NewRequestPage ctx={ctx} projects={projects} values={values} errors={errors} />, status);
  };
  app.get("/expert-table/requests/new", (c) => {
    const wanted = c.req.query("project");
    return showNew(c, wanted ? { projectId: wanted } : undefined);
  });
  app.post("/expert-table/requests", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, requestPath(await requestAdvice(deps(c), actor, body)), "expert_table.requested"),
      (errors, status) => showNew(c, body, errors, status),
    );
  });

  app.get("/expert-table/requests/:id", (c) => showRequest(c, c.req.param("id")));
  mountFormActions(app, "/expert-table/requests/:id", REQUEST_FORMS, (c, id, again) => showRequest(c, id, { ...again, errors: again.errorsFor === "advice" ? adviceErrorsToForm(again.errors) : again.errors }), requestPath);
  mountFormActions(app, "/expert-table/recommendations/:id", RECOMMENDATION_FORMS, showRecommendationAgain, requestPath);

  mountMeetingPages(app, {
    type: "expert_table",
    path: "/expert-table/meetings",
    titleKey: "expert_table.meetings",
    subjects: async (c) => new Map((await listAdviceRequests(deps(c), requireActor(c))).map((r) => [r.id, { href: requestPath(r.id), label: r.projectTitle }])),
  });

  return app;
}
