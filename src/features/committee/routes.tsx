import type { MessageKey } from "../../platform/i18n/index.ts";
import { Hono } from "hono";
import { forbidden, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import type { Values } from "../../ui/form.tsx";
import { canManageMeetings, canReadMeetings, createMeeting, listMeetings } from "../expert-table/meetings.ts";
import { MeetingsPage } from "../expert-table/views/pages.tsx";
import { canSearchPrecedents, precedentFacets, searchPrecedents } from "./precedents.ts";
import { periodicReport } from "./report.ts";
import {
  addFgNote,
  adoptAdvice,
  canSeeCases,
  castVote,
  createCase,
  decidePublication,
  getCase,
  getPublicAdvice,
  isCommittee,
  listCases,
  projectChoicesForCase,
  publishAdvice,
  recordBoardResponse,
  saveCommitteeAdvice,
  scheduleCase,
  setResponseWeeks,
  similarCases,
  type Origin,
} from "./service.ts";
import { listFromText, valuesFromForm } from "./views/fields.tsx";
import { CasePage, CommitteePage, NewCasePage, PrecedentsPage, PublicAdvicePage } from "./views/pages.tsx";
import { ReportPage } from "./views/report.tsx";

function originsFor(actor: import("../../domain/permissions/permissions.ts").Actor): Origin[] {
  const r = actor.organisationRoles;
  const out: Origin[] = [];
  if (r.has("board_member") || r.has("committee_secretary")) out.push("board");
  if (r.has("committee_secretary") || [...actor.projectRoles.values()].some((s) => s.has("owner") || s.has("lead"))) out.push("project");
  if (r.has("committee_secretary")) out.push("resident");
  if (isCommittee(actor)) out.push("own_initiative");
  return out;
}

export function caseFromForm(body: Record<string, string>) {
  return {
    title: body.title ?? "",
    question: body.question ?? "",
    origin: body.origin ?? "",
    projectId: body.projectId ?? "",
    submitter: body.submitter ?? "",
    values: valuesFromForm(body),
    technologies: listFromText(body.technologies),
    domain: body.domain ?? "",
    responseWeeks: body.responseWeeks ? body.responseWeeks : undefined,
  };
}

export function committeeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The public page of a published advice: no login, no organisation session needed.
  app.get("/openbaar/advies/:id", async (c) => {
    const advice = await getPublicAdvice(c.get("deps"), c.req.param("id"));
    return renderPage(c, advice.title, (ctx) => <PublicAdvicePage ctx={ctx} advice={advice} />);
  });

  app.get("/committee", async (c) => {
    const actor = requireActor(c);
    const cases = await listCases(c.get("deps"), actor);
    if (!canSeeCases(actor) && cases.length === 0) throw forbidden();
    return renderPage(c, c.get("t")("committee.title"), (ctx) => <CommitteePage ctx={ctx} cases={cases} canCreate={originsFor(actor).length > 0} />);
  });

  const projectsFor = (c: AppContext) => projectChoicesForCase(c.get("deps"), requireActor(c));

  app.get("/committee/cases/new", async (c) => {
    const actor = requireActor(c);
    const origins = originsFor(actor);
    if (!origins.length) throw forbidden();
    const projects = await projectsFor(c);
    return renderPage(c, c.get("t")("committee.case_new"), (ctx) => <NewCasePage ctx={ctx} origins={origins} projects={projects} />);
  });

  app.post("/committee/cases", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => redirectWithFlash(c, `/committee/cases/${await createCase(c.get("deps"), actor, caseFromForm(body))}`, "committee.case_created"),
      async (errors, status) => {
        const projects = await projectsFor(c);
        return renderPage(c, c.get("t")("committee.case_new"), (ctx) => <NewCasePage ctx={ctx} origins={originsFor(actor)} projects={projects} values={body} errors={errors} />, status);
      },
    );
  });

  const showCase = async (c: AppContext, id: string, extra: { values?: Values; errors?: FieldError[]; errorsFor?: string; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const view = await getCase(deps, actor, id);
    const similar = await similarCases(deps, actor, id);
    const meetings = view.may.schedule ? await listMeetings(deps, actor, "committee") : [];
    return renderPage(c, view.title, (ctx) => <CasePage ctx={ctx} c={view} similar={similar} meetings={meetings} {...extra} />, extra.status ?? 200);
  };

  app.get("/committee/cases/:id", (c) => showCase(c, c.req.param("id")));

  const acts: [string, string, MessageKey, (c: AppContext, id: string, body: Record<string, string>) => Promise<unknown>][] = [
    ["advice", "advice", "committee.advice_saved", (c, id, body) => saveCommitteeAdvice(c.get("deps"), requireActor(c), id, body)],
    ["vote", "vote", "committee.voted", (c, id, body) => castVote(c.get("deps"), requireActor(c), id, body)],
    ["adopt", "adopt", "committee.adopted", (c, id) => adoptAdvice(c.get("deps"), requireActor(c), id)],
    ["publication", "publication", "committee.publication_saved", (c, id, body) => decidePublication(c.get("deps"), requireActor(c), id, body)],
    ["publish", "publish", "committee.published", (c, id) => publishAdvice(c.get("deps"), requireActor(c), id)],
    ["deadline", "deadline", "committee.deadline_saved", (c, id, body) => setResponseWeeks(c.get("deps"), requireActor(c), id, body)],
    ["board-response", "board", "committee.board_saved", (c, id, body) => recordBoardResponse(c.get("deps"), requireActor(c), id, body)],
    ["fg-note", "fg", "committee.fg_note_saved", (c, id, body) => addFgNote(c.get("deps"), requireActor(c), id, body)],
    ["schedule", "schedule", "committee.scheduled", (c, id, body) => scheduleCase(c.get("deps"), requireActor(c), id, body)],
  ];
  for (const [path, part, flash, run] of acts) {
    app.post(`/committee/cases/:id/${path}`, async (c) => {
      requireActor(c);
      const id = c.req.param("id");
      const body = await formBody(c);
      return handleForm(
        c,
        async () => {
          await run(c, id, body);
          return redirectWithFlash(c, `/committee/cases/${id}`, flash);
        },
        (errors, status) => showCase(c, id, { values: body, errors, errorsFor: part, status }),
      );
    });
  }

  const showMeetings = async (c: AppContext, extra: { values?: Values; errors?: FieldError[]; status?: number } = {}) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    if (!canReadMeetings(actor, "committee")) throw forbidden();
    const meetings = await listMeetings(deps, actor, "committee");
    const cases = await listCases(deps, actor);
    const subjects = new Map(cases.map((k) => [k.id, { href: `/committee/cases/${k.id}`, label: k.title }]));
    return renderPage(c, c.get("t")("committee.meetings"), (ctx) => <MeetingsPage ctx={ctx} meetings={meetings} subjects={subjects} basePath="/committee/meetings" titleKey="committee.meetings" {...extra} />, extra.status ?? 200);
  };
  app.get("/committee/meetings", (c) => showMeetings(c));
  app.post("/committee/meetings", async (c) => {
    const actor = requireActor(c);
    if (!canManageMeetings(actor, "committee")) throw forbidden();
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await createMeeting(c.get("deps"), actor, "committee", body);
        return redirectWithFlash(c, "/committee/meetings", "expert_table.meeting_created");
      },
      (errors, status) => showMeetings(c, { values: body, errors, status }),
    );
  });

  app.get("/committee/precedents", async (c) => {
    const actor = requireActor(c);
    if (!canSearchPrecedents(actor)) throw forbidden();
    const deps = c.get("deps");
    const q = (c.req.query("q") ?? "").slice(0, 200);
    const value = c.req.query("value") ?? "";
    const technology = c.req.query("technology") ?? "";
    const domain = c.req.query("domain") ?? "";
    const year = Number(c.req.query("year") ?? "") || undefined;
    const searched = !!(q || value || technology || domain || year);
    const hits = await searchPrecedents(deps, actor, { q, value: value || undefined, technology: technology || undefined, domain: domain || undefined, year });
    const facets = await precedentFacets(deps, actor);
    return renderPage(c, c.get("t")("committee.precedents"), (ctx) => <PrecedentsPage ctx={ctx} hits={hits} facets={facets} searched={searched} query={{ q, value, technology, domain, year: year ? String(year) : "" }} />);
  });

  app.get("/committee/report", async (c) => {
    const actor = requireActor(c);
    if (!canSeeCases(actor)) throw forbidden();
    const deps = c.get("deps");
    const now = deps.now().toISOString().slice(0, 10);
    const values = { from: c.req.query("from") ?? `${now.slice(0, 4)}-01-01`, to: c.req.query("to") ?? now };
    return handleForm(
      c,
      async () => {
        const report = await periodicReport(deps, actor, values);
        return renderPage(c, c.get("t")("committee.report"), (ctx) => <ReportPage ctx={ctx} report={report} values={values} />);
      },
      (errors, status) => renderPage(c, c.get("t")("committee.report"), (ctx) => <ReportPage ctx={ctx} report={null} values={values} errors={errors} />, status),
    );
  });

  return app;
}
