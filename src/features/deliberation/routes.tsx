import type { MessageKey } from "../../platform/i18n/index.ts";
import { Hono } from "hono";
import { forbidden, notFound, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { valuesFromForm } from "../committee/views/fields.tsx";
import { awarenessOverview, canReadAwareness, canRecordAwareness, recordActivity } from "./awareness.ts";
import {
  actionToMeasure,
  addAction,
  addParticipant,
  addPosition,
  canOpenDeliberation,
  closeDeliberation,
  escalateDeliberation,
  getDeliberation,
  listDeliberations,
  methodInstrument,
  openDeliberation,
  peopleChoices,
  projectChoices,
  removeParticipant,
  saveRecord,
  saveStep,
} from "./service.ts";
import { AwarenessPage, DeliberationPage, DeliberationsPage, NewDeliberationPage, StepPage } from "./views/pages.tsx";
import { stepAnswersFromForm, stepErrorsToForm, stepFormValues } from "./views/step-form.tsx";

export function deliberationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/deliberations", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const items = await listDeliberations(deps, actor);
    const canOpen = (await projectChoices(deps, actor)).length > 0 || canOpenDeliberation(actor, null);
    return renderPage(c, c.get("t")("deliberation.title"), (ctx) => <DeliberationsPage ctx={ctx} items={items} canOpen={canOpen} canAwareness={canReadAwareness(actor)} />);
  });

  const showNew = async (c: AppContext, values?: Values, errors?: FieldError[], status = 200) => {
    const actor = requireActor(c);
    const projects = await projectChoices(c.get("deps"), actor);
    if (!projects.length && !canOpenDeliberation(actor, null)) throw forbidden();
    return renderPage(c, c.get("t")("deliberation.new"), (ctx) => <NewDeliberationPage ctx={ctx} projects={projects} values={values ?? { heldOn: c.get("deps").now().toISOString().slice(0, 10), projectId: c.req.query("project") ?? "" }} errors={errors} />, status);
  };
  app.get("/deliberations/new", (c) => showNew(c));
  app.post("/deliberations", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, `/deliberations/${await openDeliberation(c.get("deps"), actor, body)}`, "deliberation.opened"),
      (errors, status) => showNew(c, body, errors, status),
    );
  });

  const show = async (c: AppContext, id: string, extra: { values?: Values; errors?: FieldError[]; errorsFor?: string; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const d = await getDeliberation(deps, actor, id);
    const instrument = methodInstrument(deps, d.method, d.methodVersion);
    const people = d.may.edit ? await peopleChoices(deps, actor) : [];
    return renderPage(c, d.title, (ctx) => <DeliberationPage ctx={ctx} d={d} instrument={instrument} people={people} {...extra} />, extra.status ?? 200);
  };
  app.get("/deliberations/:id", (c) => show(c, c.req.param("id")));

  const acts: [string, string, MessageKey, (c: AppContext, id: string, body: Record<string, string>) => Promise<unknown>][] = [
    ["participants", "participant", "deliberation.participant_added", (c, id, b) => addParticipant(c.get("deps"), requireActor(c), id, b)],
    ["record", "record", "deliberation.record_saved", (c, id, b) => saveRecord(c.get("deps"), requireActor(c), id, { moralQuestion: b.moralQuestion ?? "", stakeholders: b.stakeholders ?? "", values: valuesFromForm(b), options: b.options ?? "", conclusion: b.conclusion ?? "" })],
    ["positions", "position", "deliberation.position_added", (c, id, b) => addPosition(c.get("deps"), requireActor(c), id, b)],
    ["actions", "action", "deliberation.action_added", (c, id, b) => addAction(c.get("deps"), requireActor(c), id, b)],
    ["close", "finish", "deliberation.closed", (c, id) => closeDeliberation(c.get("deps"), requireActor(c), id)],
  ];
  for (const [path, part, flash, run] of acts) {
    app.post(`/deliberations/:id/${path}`, async (c) => {
      requireActor(c);
      const id = c.req.param("id");
      const body = await formBody(c);
      return handleForm(
        c,
        async () => {
          await run(c, id, body);
          return redirectWithFlash(c, `/deliberations/${id}#${part === "finish" ? "steps" : `${part}s`}`, flash);
        },
        (errors, status) => show(c, id, { values: body, errors, errorsFor: part, status }),
      );
    });
  }

  app.post("/deliberations/:id/escalate", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => redirectWithFlash(c, `/committee/cases/${await escalateDeliberation(c.get("deps"), actor, id)}`, "deliberation.escalated"),
      (errors, status) => show(c, id, { errors, errorsFor: "finish", status }),
    );
  });

  app.post("/deliberations/:id/participants/:pid/remove", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await removeParticipant(c.get("deps"), actor, id, c.req.param("pid"));
        return redirectWithFlash(c, `/deliberations/${id}#participants`, "deliberation.participant_removed");
      },
      (errors, status) => show(c, id, { errors, errorsFor: "participant", status }),
    );
  });

  app.post("/deliberations/:id/actions/:aid/measure", async (c) => {
    const actor = requireActor(c);
    const id = c.req.param("id");
    return handleForm(
      c,
      async () => {
        await actionToMeasure(c.get("deps"), actor, id, c.req.param("aid"));
        return redirectWithFlash(c, `/deliberations/${id}#actions`, "deliberation.measure_created");
      },
      (errors, status) => show(c, id, { errors, errorsFor: "action", status }),
    );
  });

  const showStep = async (c: AppContext, id: string, sectionId: string, extra: { values?: Values; errors?: FieldError[]; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const d = await getDeliberation(deps, actor, id);
    const instrument = methodInstrument(deps, d.method, d.methodVersion);
    const section = instrument.sections.find((s) => s.id === sectionId);
    if (!section) throw notFound();
    const values = extra.values ?? stepFormValues(section, d.steps.find((s) => s.sectionId === sectionId)?.answers ?? {});
    return renderPage(c, section.title[c.get("lang")], (ctx) => <StepPage ctx={ctx} d={d} instrument={instrument} sectionId={sectionId} values={values} errors={extra.errors} />, extra.status ?? 200);
  };
  app.get("/deliberations/:id/steps/:sectionId", (c) => showStep(c, c.req.param("id"), c.req.param("sectionId")));
  app.post("/deliberations/:id/steps/:sectionId", async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const id = c.req.param("id");
    const sectionId = c.req.param("sectionId");
    const body = await formBody(c);
    const d = await getDeliberation(deps, actor, id);
    const section = methodInstrument(deps, d.method, d.methodVersion).sections.find((s) => s.id === sectionId);
    if (!section) throw notFound();
    return handleForm(
      c,
      async () => {
        await saveStep(deps, actor, id, sectionId, stepAnswersFromForm(section, body));
        const next = body._next && /^[a-z0-9_]+$/.test(body._next) ? `/deliberations/${id}/steps/${body._next}` : `/deliberations/${id}#steps`;
        return redirectWithFlash(c, next, "deliberation.step_saved");
      },
      (errors, status) => showStep(c, id, sectionId, { values: body, errors: stepErrorsToForm(errors), status }),
    );
  });

  const showAwareness = async (c: AppContext, extra: { values?: Values; errors?: FieldError[]; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const year = Number(c.req.query("year")) || Number(deps.now().toISOString().slice(0, 4));
    const overview = await awarenessOverview(deps, actor, Math.min(2100, Math.max(2000, year)));
    const people = canRecordAwareness(actor) ? await peopleChoices(deps, actor) : [];
    return renderPage(c, c.get("t")("deliberation.awareness.title"), (ctx) => <AwarenessPage ctx={ctx} overview={overview} canRecord={canRecordAwareness(actor)} people={people} {...extra} />, extra.status ?? 200);
  };
  app.get("/awareness", (c) => showAwareness(c));
  app.post("/awareness", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await recordActivity(c.get("deps"), actor, {
          kind: body.kind ?? "",
          date: body.date ?? "",
          topic: body.topic ?? "",
          participantNames: (body.participantNames ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean),
          participantUserIds: Object.keys(body).filter((k) => k.startsWith("user_") && body[k] === "on").map((k) => k.slice(5)),
        });
        return redirectWithFlash(c, `/awareness?year=${(body.date ?? "").slice(0, 4)}`, "deliberation.awareness.saved");
      },
      (errors, status) => showAwareness(c, { values: body, errors, status }),
    );
  });

  return app;
}
