import { Hono } from "hono";
import { forbidden, notFound, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAction, type FormAgain } from "../../platform/http/form-actions.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { formLists } from "../expert-table/form-lists.ts";
import { valueChoices } from "../expert-table/values.ts";
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
import { stepAnswersFromForm, stepErrorsToForm, stepForm } from "./views/step-form.tsx";

const deliberationPath = (id: string) => `/deliberations/${id}`;
const deps = (c: AppContext) => c.get("deps");

async function showNew(c: AppContext, values?: Values, errors?: FieldError[], status = 200) {
  const actor = requireActor(c);
  const projects = await projectChoices(deps(c), actor);
  if (!projects.length && !canOpenDeliberation(actor, null)) throw forbidden();
  const initial = { heldOn: deps(c).now().toISOString().slice(0, 10), projectId: c.req.query("project") ?? "" };
  return renderPage(c, c.get("t")("deliberation.new"), (ctx) => <NewDeliberationPage ctx={ctx} projects={projects} values={values ?? initial} errors={errors} />, status);
}

async function show(c: AppContext, id: string, extra: Partial<FormAgain> & { selectedValues?: string[] } = {}) {
  const actor = requireActor(c);
  const d = await getDeliberation(deps(c), actor, id);
  const instrument = methodInstrument(deps(c), d.method, d.methodVersion);
  const people = d.may.edit ? await peopleChoices(deps(c), actor) : [];
  const valueSet = await valueChoices(deps(c), actor, d.values);
  return renderPage(c, d.title, (ctx) => <DeliberationPage ctx={ctx} d={d} instrument={instrument} people={people} valueSet={valueSet} {...extra} />, extra.status ?? 200);
}

/** A refused form is shown again; the record's ticked values come from the posted form. */
async function showAgain(c: AppContext, id: string, again: FormAgain) {
  const selectedValues = again.errorsFor === "record" ? ((await formLists(c)).values ?? []) : undefined;
  return show(c, id, { ...again, selectedValues });
}

/** The forms of a deliberation's page, posted to /deliberations/:id/<path>. */
const FORMS: FormAction[] = [
  { path: "participants", form: "participant", flash: "deliberation.participant_added", run: (c, id, b) => addParticipant(deps(c), requireActor(c), id, b), redirectTo: (_c, id) => `${deliberationPath(id)}#participants` },
  {
    path: "record",
    form: "record",
    flash: "deliberation.record_saved",
    run: async (c, id, b) => saveRecord(deps(c), requireActor(c), id, { moralQuestion: b.moralQuestion ?? "", stakeholders: b.stakeholders ?? "", values: (await formLists(c)).values ?? [], options: b.options ?? "", conclusion: b.conclusion ?? "" }),
    redirectTo: (_c, id) => `${deliberationPath(id)}#record`,
  },
  { path: "positions", form: "position", flash: "deliberation.position_added", run: (c, id, b) => addPosition(deps(c), requireActor(c), id, b), redirectTo: (_c, id) => `${deliberationPath(id)}#positions` },
  { path: "actions", form: "action", flash: "deliberation.action_added", run: (c, id, b) => addAction(deps(c), requireActor(c), id, b), redirectTo: (_c, id) => `${deliberationPath(id)}#actions` },
  { path: "close", form: "finish", flash: "deliberation.closed", run: (c, id) => closeDeliberation(deps(c), requireActor(c), id), redirectTo: (_c, id) => `${deliberationPath(id)}#steps` },
  { path: "escalate", form: "finish", flash: "deliberation.escalated", run: (c, id) => escalateDeliberation(deps(c), requireActor(c), id), redirectTo: (_c, _id, caseId) => `/committee/cases/${String(caseId)}` },
];

/** The inline forms of one participant or action: /deliberations/:id/<kind>/:item/<verb>. */
function mountItemActions(app: Hono<AppEnv>) {
  app.post("/deliberations/:id/participants/:pid/remove", (c) => itemAction(c, "participant", "deliberation.participant_removed", "#participants", (id) => removeParticipant(deps(c), requireActor(c), id, c.req.param("pid"))));
  app.post("/deliberations/:id/actions/:aid/measure", (c) => itemAction(c, "action", "deliberation.measure_created", "#actions", (id) => actionToMeasure(deps(c), requireActor(c), id, c.req.param("aid"))));
}

function itemAction(c: AppContext, form: string, flash: "deliberation.participant_removed" | "deliberation.measure_created", anchor: string, run: (id: string) => Promise<unknown>) {
  requireActor(c);
  const id = c.req.param("id") ?? "";
  return handleForm(
    c,
    async () => {
      await run(id);
      return redirectWithFlash(c, `${deliberationPath(id)}${anchor}`, flash);
    },
    (errors, status) => show(c, id, { errors, errorsFor: form, status }),
  );
}

function mountSteps(app: Hono<AppEnv>) {
  const section = async (c: AppContext, id: string, sectionId: string) => {
    const d = await getDeliberation(deps(c), requireActor(c), id);
    const instrument = methodInstrument(deps(c), d.method, d.methodVersion);
    const s = instrument.sections.find((x) => x.id === sectionId);
    if (!s) throw notFound();
    return { d, instrument, section: s };
  };
  const showStep = async (c: AppContext, id: string, sectionId: string, again?: { values: Values; lists: Record<string, string[]>; errors: FieldError[]; status: number }) => {
    const { d, instrument, section: s } = await section(c, id, sectionId);
    const form = again ?? stepForm(s, d.steps.find((x) => x.sectionId === sectionId)?.answers ?? {});
    const valueSet = await valueChoices(deps(c), requireActor(c), Object.values(form.lists).flat());
    return renderPage(c, s.title[c.get("lang")], (ctx) => <StepPage ctx={ctx} d={d} instrument={instrument} sectionId={sectionId} form={form} valueSet={valueSet} errors={again?.errors} />, again?.status ?? 200);
  };
  app.get("/deliberations/:id/steps/:sectionId", (c) => showStep(c, c.req.param("id"), c.req.param("sectionId")));
  app.post("/deliberations/:id/steps/:sectionId", async (c) => {
    const actor = requireActor(c);
    const { id, sectionId } = c.req.param();
    const body = await formBody(c);
    const lists = await formLists(c);
    const { section: s } = await section(c, id, sectionId);
    return handleForm(
      c,
      async () => {
        await saveStep(deps(c), actor, id, sectionId, stepAnswersFromForm(s, body, lists));
        const next = body._next && /^[a-z0-9_]+$/.test(body._next) ? `${deliberationPath(id)}/steps/${body._next}` : `${deliberationPath(id)}#steps`;
        return redirectWithFlash(c, next, "deliberation.step_saved");
      },
      (errors, status) => showStep(c, id, sectionId, { values: body, lists, errors: stepErrorsToForm(errors), status }),
    );
  });
}

function mountAwareness(app: Hono<AppEnv>) {
  const showAwareness = async (c: AppContext, extra: { values?: Values; selectedPeople?: string[]; errors?: FieldError[]; status?: number } = {}) => {
    const actor = requireActor(c);
    const year = Number(c.req.query("year")) || Number(deps(c).now().toISOString().slice(0, 4));
    const overview = await awarenessOverview(deps(c), actor, Math.min(2100, Math.max(2000, year)));
    const people = canRecordAwareness(actor) ? await peopleChoices(deps(c), actor) : [];
    return renderPage(c, c.get("t")("deliberation.awareness.title"), (ctx) => <AwarenessPage ctx={ctx} overview={overview} canRecord={canRecordAwareness(actor)} people={people} {...extra} />, extra.status ?? 200);
  };
  app.get("/awareness", (c) => showAwareness(c));
  app.post("/awareness", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const selectedPeople = (await formLists(c)).participantUserIds ?? [];
    return handleForm(
      c,
      async () => {
        await recordActivity(deps(c), actor, {
          kind: body.kind ?? "",
          date: body.date ?? "",
          topic: body.topic ?? "",
          participantNames: (body.participantNames ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean),
          participantUserIds: selectedPeople,
        });
        return redirectWithFlash(c, `/awareness?year=${(body.date ?? "").slice(0, 4)}`, "deliberation.awareness.saved");
      },
      (errors, status) => showAwareness(c, { values: body, selectedPeople, errors, status }),
    );
  });
}

export function deliberationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/deliberations", async (c) => {
    const actor = requireActor(c);
    const items = await listDeliberations(deps(c), actor);
    const canOpen = (await projectChoices(deps(c), actor)).length > 0 || canOpenDeliberation(actor, null);
    return renderPage(c, c.get("t")("deliberation.title"), (ctx) => <DeliberationsPage ctx={ctx} items={items} canOpen={canOpen} canAwareness={canReadAwareness(actor)} />);
  });

  app.get("/deliberations/new", (c) => showNew(c));
  app.post("/deliberations", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, deliberationPath(await openDeliberation(deps(c), actor, body)), "deliberation.opened"),
      (errors, status) => showNew(c, body, errors, status),
    );
  });

  app.get("/deliberations/:id", (c) => show(c, c.req.param("id")));
  mountFormActions(app, "/deliberations/:id", FORMS, showAgain, deliberationPath);
  mountItemActions(app);
  mountSteps(app);
  mountAwareness(app);
  return app;
}
