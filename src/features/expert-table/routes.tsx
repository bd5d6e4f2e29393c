import type { MessageKey } from "../../platform/i18n/index.ts";
import { Hono } from "hono";
import { forbidden } from "../../platform/errors.ts";
import type { FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { canManageMeetings, createMeeting, listMeetings } from "./meetings.ts";
import {
  addRecommendation,
  finaliseAdvice,
  getAdviceRequest,
  isTableMember,
  recommendationRef,
  listAdviceRequests,
  projectsActorMayRequestFor,
  recommendationToMeasure,
  removeRecommendation,
  requestAdvice,
  respondToRecommendation,
  saveAdvice,
  scheduleAdviceRequest,
} from "./service.ts";
import { VALUE_KEYS } from "./values.ts";
import { ExpertTablePage, MeetingsPage, NewRequestPage, RequestPage } from "./views/pages.tsx";

/** Form fields → the advice input of the service, and its error paths back to the form's field names. */
export function adviceFromForm(body: Record<string, string>) {
  return {
    summary: body.summary ?? "",
    findings: Object.fromEntries(VALUE_KEYS.map((k) => [k, body[`finding_${k}`] ?? ""])),
  };
}
function adviceErrorsToForm(errors: FieldError[]): FieldError[] {
  return errors.map((e) => (e.field.startsWith("findings.") ? { ...e, field: `finding_${e.field.slice("findings.".length)}` } : e));
}

export function expertTableRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/expert-table", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const requests = await listAdviceRequests(deps, actor);
    const canRequest = (await projectsActorMayRequestFor(deps, actor)).length > 0;
    if (!isTableMember(actor) && !canRequest && requests.length === 0) throw forbidden();
    return renderPage(c, c.get("t")("expert_table.title"), (ctx) => <ExpertTablePage ctx={ctx} requests={requests} canRequest={canRequest} isMember={isTableMember(actor)} />);
  });

  app.get("/expert-table/requests/new", async (c) => {
    const actor = requireActor(c);
    const projects = await projectsActorMayRequestFor(c.get("deps"), actor);
    const wanted = c.req.query("project");
    return renderPage(c, c.get("t")("expert_table.request_new"), (ctx) => <NewRequestPage ctx={ctx} projects={projects} values={wanted ? { projectId: wanted } : undefined} />);
  });

  app.post("/expert-table/requests", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const body = await formBody(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, `/expert-table/requests/${await requestAdvice(deps, actor, body)}`, "expert_table.requested"),
      async (errors, status) => {
        const projects = await projectsActorMayRequestFor(deps, actor);
        return renderPage(c, c.get("t")("expert_table.request_new"), (ctx) => <NewRequestPage ctx={ctx} projects={projects} values={body} errors={errors} />, status);
      },
    );
  });

  const showRequest = async (c: AppContext, id: string, extra: { values?: Values; errors?: FieldError[]; errorsFor?: string; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const request = await getAdviceRequest(deps, actor, id);
    const meetings = request.may.schedule ? await listMeetings(deps, actor, "expert_table") : [];
    return renderPage(c, c.get("t")("expert_table.request_title", { project: request.projectTitle }), (ctx) => <RequestPage ctx={ctx} request={request} meetings={meetings} {...extra} />, extra.status ?? 200);
  };

  app.get("/expert-table/requests/:id", (c) => showRequest(c, c.req.param("id")));

  const post = (path: string, run: (c: AppContext, id: string, body: Record<string, string>) => Promise<string>, part: string | ((id: string) => string), flash: MessageKey, mapErrors: (e: FieldError[]) => FieldError[] = (e) => e) => {
    app.post(path, async (c) => {
      requireActor(c);
      const id = c.req.param("id")!;
      const body = await formBody(c);
      return handleForm(
        c,
        async () => redirectWithFlash(c, await run(c, id, body), flash),
        async (errors, status) => {
          // Errors of a recommendation's form are shown on its request's page.
          const requestId = path.startsWith("/expert-table/recommendations") ? await requestIdOfRecommendation(c, id) : id;
          return showRequest(c, requestId, { values: body, errors: mapErrors(errors), errorsFor: typeof part === "string" ? part : part(id), status });
        },
      );
    });
  };

  const requestIdOfRecommendation = async (c: AppContext, recommendationId: string): Promise<string> =>
    (await recommendationRef(c.get("deps"), requireActor(c), recommendationId)).requestId;

  post("/expert-table/requests/:id/schedule", async (c, id, body) => {
    await scheduleAdviceRequest(c.get("deps"), requireActor(c), id, body);
    return `/expert-table/requests/${id}`;
  }, "schedule", "expert_table.scheduled");

  post("/expert-table/requests/:id/advice", async (c, id, body) => {
    await saveAdvice(c.get("deps"), requireActor(c), id, adviceFromForm(body));
    return `/expert-table/requests/${id}#advice`;
  }, "advice", "expert_table.advice_saved", adviceErrorsToForm);

  post("/expert-table/requests/:id/recommendations", async (c, id, body) => {
    await addRecommendation(c.get("deps"), requireActor(c), id, { text: body.text ?? "" });
    return `/expert-table/requests/${id}#recommendations`;
  }, "recommendation", "expert_table.recommendation_added");

  post("/expert-table/requests/:id/finalise", async (c, id) => {
    await finaliseAdvice(c.get("deps"), requireActor(c), id);
    return `/expert-table/requests/${id}`;
  }, "finalise", "expert_table.advice_given");

  post("/expert-table/recommendations/:id/remove", async (c, id) => {
    const requestId = await requestIdOfRecommendation(c, id);
    await removeRecommendation(c.get("deps"), requireActor(c), id);
    return `/expert-table/requests/${requestId}#recommendations`;
  }, "recommendation", "expert_table.recommendation_removed");

  app.post("/expert-table/recommendations/:id/response", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const id = c.req.param("id");
    const body = await formBody(c);
    const ref = await recommendationRef(deps, actor, id);
    return handleForm(
      c,
      async () => {
        await respondToRecommendation(deps, actor, id, { response: body[`response_${ref.number}`] ?? "", text: body[`text_${ref.number}`] ?? "" });
        return redirectWithFlash(c, `/expert-table/requests/${ref.requestId}#recommendations`, "expert_table.response_saved");
      },
      (errors, status) =>
        showRequest(c, ref.requestId, {
          values: body,
          errors: errors.map((e) => (e.field === "text" || e.field === "response" ? { ...e, field: `${e.field}_${ref.number}` } : e)),
          errorsFor: `respond_${id}`,
          status,
        }),
    );
  });

  post("/expert-table/recommendations/:id/measure", async (c, id) => {
    const requestId = await requestIdOfRecommendation(c, id);
    await recommendationToMeasure(c.get("deps"), requireActor(c), id, {});
    return `/expert-table/requests/${requestId}#recommendations`;
  }, "measure", "expert_table.measure_created");

  const showMeetings = async (c: AppContext, extra: { values?: Values; errors?: FieldError[]; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const meetings = await listMeetings(deps, actor, "expert_table");
    const requests = await listAdviceRequests(deps, actor);
    const subjects = new Map(requests.map((r) => [r.id, { href: `/expert-table/requests/${r.id}`, label: r.projectTitle }]));
    return renderPage(c, c.get("t")("expert_table.meetings"), (ctx) => <MeetingsPage ctx={ctx} meetings={meetings} subjects={subjects} basePath="/expert-table/meetings" titleKey="expert_table.meetings" {...extra} />, extra.status ?? 200);
  };

  app.get("/expert-table/meetings", (c) => showMeetings(c));
  app.post("/expert-table/meetings", async (c) => {
    const actor = requireActor(c);
    if (!canManageMeetings(actor, "expert_table")) throw forbidden();
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await createMeeting(c.get("deps"), actor, "expert_table", body);
        return redirectWithFlash(c, "/expert-table/meetings", "expert_table.meeting_created");
      },
      (errors, status) => showMeetings(c, { values: body, errors, status }),
    );
  });

  return app;
}
