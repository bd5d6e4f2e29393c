import { Hono } from "hono";
import { forbidden, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAction, type FormAgain } from "../../platform/http/form-actions.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { parseInput } from "../../platform/validation.ts";
import type { Values } from "../../ui/form.tsx";
import { formLists } from "../expert-table/form-lists.ts";
import { mountMeetingPages } from "../expert-table/meeting-pages.tsx";
import { listMeetings } from "../expert-table/meetings.ts";
import { valueChoices, valueNames } from "../expert-table/values.ts";
import { canSearchPrecedents, precedentFacets, PrecedentQuery, searchPrecedents } from "./precedents.ts";
import { periodicReport } from "./report.ts";
import {
  addFgNote,
  adoptAdvice,
  canSeeCases,
  castVote,
  createCase,
  decidePublication,
  getCase,
  getPublicAdvicePage,
  listCases,
  originsFor,
  projectChoicesForCase,
  publishAdvice,
  recordBoardResponse,
  saveCommitteeAdvice,
  scheduleCase,
  setResponseWeeks,
  similarCases,
} from "./service.ts";
import { CasePage, CommitteePage, NewCasePage, PrecedentsPage, PublicAdvicePage } from "./views/pages.tsx";
import { ReportPage } from "./views/report.tsx";

const casePath = (id: string) => `/committee/cases/${id}`;
const deps = (c: AppContext) => c.get("deps");

/** "a, b ,c" → ["a","b","c"] */
function listFromText(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The new-case form → the service's input; the values are the ticked boxes. */
export function caseFromForm(body: Record<string, string>, values: string[]) {
  return {
    title: body.title ?? "",
    question: body.question ?? "",
    origin: body.origin ?? "",
    projectId: body.projectId ?? "",
    submitter: body.submitter ?? "",
    values,
    technologies: listFromText(body.technologies),
    domain: body.domain ?? "",
    responseWeeks: body.responseWeeks ? body.responseWeeks : undefined,
  };
}

async function showNewCase(c: AppContext, again: { values?: Values; selectedValues?: string[]; errors?: FieldError[]; status?: number } = {}) {
  const actor = requireActor(c);
  const origins = originsFor(actor);
  if (!origins.length) throw forbidden();
  const projects = await projectChoicesForCase(deps(c), actor);
  const valueSet = await valueChoices(deps(c), actor, again.selectedValues);
  return renderPage(c, c.get("t")("committee.case_new"), (ctx) => <NewCasePage ctx={ctx} origins={origins} projects={projects} valueSet={valueSet} {...again} />, again.status ?? 200);
}

async function showCase(c: AppContext, id: string, extra: Partial<FormAgain> = {}) {
  const actor = requireActor(c);
  const view = await getCase(deps(c), actor, id);
  const similar = await similarCases(deps(c), actor, id);
  const meetings = view.may.schedule ? await listMeetings(deps(c), actor, "committee") : [];
  const names = await valueNames(deps(c), actor.organisationId);
  return renderPage(c, view.title, (ctx) => <CasePage ctx={ctx} c={view} similar={similar} meetings={meetings} names={names} {...extra} />, extra.status ?? 200);
}

/** Back to the case page after each of its forms. */
const toCase = (_c: AppContext, id: string) => casePath(id);

/** The forms of a case's page, posted to /committee/cases/:id/<path>. */
const CASE_FORMS: FormAction[] = [
  { path: "advice", form: "advice", flash: "committee.advice_saved", run: (c, id, b) => saveCommitteeAdvice(deps(c), requireActor(c), id, b), redirectTo: toCase },
  { path: "vote", form: "vote", flash: "committee.voted", run: (c, id, b) => castVote(deps(c), requireActor(c), id, { vote: b.vote, expectedVote: b.expectedVote || undefined }), redirectTo: toCase },
  { path: "adopt", form: "adopt", flash: "committee.adopted", run: (c, id) => adoptAdvice(deps(c), requireActor(c), id), redirectTo: toCase },
  { path: "publication", form: "publication", flash: "committee.publication_saved", run: (c, id, b) => decidePublication(deps(c), requireActor(c), id, { publication: b.publication }), redirectTo: toCase },
  { path: "publish", form: "publish", flash: "committee.published", run: (c, id) => publishAdvice(deps(c), requireActor(c), id), redirectTo: toCase },
  { path: "deadline", form: "deadline", flash: "committee.deadline_saved", run: (c, id, b) => setResponseWeeks(deps(c), requireActor(c), id, b), redirectTo: toCase },
  { path: "board-response", form: "board", flash: "committee.board_saved", run: (c, id, b) => recordBoardResponse(deps(c), requireActor(c), id, b), redirectTo: toCase },
  { path: "fg-note", form: "fg", flash: "committee.fg_note_saved", run: (c, id, b) => addFgNote(deps(c), requireActor(c), id, b), redirectTo: toCase },
  { path: "schedule", form: "schedule", flash: "committee.scheduled", run: (c, id, b) => scheduleCase(deps(c), requireActor(c), id, b), redirectTo: toCase },
];

async function showPrecedents(c: AppContext) {
  const actor = requireActor(c);
  if (!canSearchPrecedents(actor)) throw forbidden();
  const raw = { q: c.req.query("q") ?? "", value: c.req.query("value") ?? "", technology: c.req.query("technology") ?? "", domain: c.req.query("domain") ?? "", year: c.req.query("year") ?? "" };
  const render = async (hits: Awaited<ReturnType<typeof searchPrecedents>>, errors?: FieldError[], status = 200) => {
    const facets = await precedentFacets(deps(c), actor);
    const valueSet = await valueChoices(deps(c), actor);
    const names = await valueNames(deps(c), actor.organisationId);
    const searched = Object.values(raw).some(Boolean);
    return renderPage(c, c.get("t")("committee.precedents"), (ctx) => <PrecedentsPage ctx={ctx} hits={hits} facets={facets} searched={searched} query={raw} valueSet={valueSet} names={names} errors={errors} />, status);
  };
  return handleForm(
    c,
    async () => render(await searchPrecedents(deps(c), actor, parseInput(PrecedentQuery, raw))),
    (errors, status) => render([], errors, status),
  );
}

export function committeeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The public page of a published advice: no login, no organisation session needed.
  app.get("/openbaar/advies/:id", async (c) => {
    const { advice, names } = await getPublicAdvicePage(deps(c), c.req.param("id"));
    return renderPage(c, advice.title, (ctx) => <PublicAdvicePage ctx={ctx} advice={advice} names={names} />);
  });

  app.get("/committee", async (c) => {
    const actor = requireActor(c);
    const cases = await listCases(deps(c), actor);
    if (!canSeeCases(actor) && cases.length === 0) throw forbidden();
    return renderPage(c, c.get("t")("committee.title"), (ctx) => <CommitteePage ctx={ctx} cases={cases} canCreate={originsFor(actor).length > 0} />);
  });

  app.get("/committee/cases/new", (c) => showNewCase(c));
  app.post("/committee/cases", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const selectedValues = (await formLists(c)).values ?? [];
    return handleForm(
      c,
      async () => redirectWithFlash(c, casePath(await createCase(deps(c), actor, caseFromForm(body, selectedValues))), "committee.case_created"),
      (errors, status) => showNewCase(c, { values: body, selectedValues, errors, status }),
    );
  });

  app.get("/committee/cases/:id", (c) => showCase(c, c.req.param("id")));
  mountFormActions(app, "/committee/cases/:id", CASE_FORMS, showCase, casePath);

  mountMeetingPages(app, {
    type: "committee",
    path: "/committee/meetings",
    titleKey: "committee.meetings",
    subjects: async (c) => new Map((await listCases(deps(c), requireActor(c))).map((k) => [k.id, { href: casePath(k.id), label: k.title }])),
  });

  app.get("/committee/precedents", showPrecedents);

  app.get("/committee/report", async (c) => {
    const actor = requireActor(c);
    if (!canSeeCases(actor)) throw forbidden();
    const now = deps(c).now().toISOString().slice(0, 10);
    const values = { from: c.req.query("from") ?? `${now.slice(0, 4)}-01-01`, to: c.req.query("to") ?? now };
    const show = (report: Awaited<ReturnType<typeof periodicReport>> | null, errors?: FieldError[], status = 200) =>
      renderPage(c, c.get("t")("committee.report"), (ctx) => <ReportPage ctx={ctx} report={report} values={values} errors={errors} />, status);
    return handleForm(
      c,
      async () => show(await periodicReport(deps(c), actor, values)),
      (errors, status) => show(null, errors, status),
    );
  });

  return app;
}
