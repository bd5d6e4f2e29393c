// Pages for a project's instrument responses. The same handlers serve every
// instrument at /projects/:id/instruments/:instrumentId, and the canvas at
// /projects/:id/canvas with its actions. Every form is a plain POST → redirect
// → GET; with htmx (HX-Request) a section save answers with a fragment that
// updates the live region and the statuses in place.
import { Hono } from "hono";
import { computeVisibility, type Instrument } from "../../instruments/index.ts";
import { AppError, notFound, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAction, type FormAgain } from "../../platform/http/form-actions.ts";
import { handleForm, pageContext, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { loadProjectForActor } from "../projects/access.ts";
import { listOrganisationPeople } from "../projects/service.ts";
import { listValues } from "../values/service.ts";
import { addCanvasAction, CANVAS_INSTRUMENT_ID, canvasPath, listCanvasActions } from "./canvas.ts";
import { answersFromForm, fieldForPath, MORE_ROWS, type FormBody } from "./form-input.ts";
import {
  addComment,
  diffVersions,
  freezeVersion,
  getOrCreateResponse,
  listComments,
  listVersions,
  markSectionForReview,
  previewUpgrade,
  saveAnswers,
  upgradeResponse,
  type ResponseView,
  type VersionRef,
} from "./service.ts";
import { CanvasActions } from "./views/canvas-actions.tsx";
import { AutosaveResult } from "./views/instrument-form.tsx";
import { sectionAnchor, timeOfDay, type InstrumentPageModel } from "./views/page-model.tsx";
import { ResponsePage } from "./views/response-page.tsx";
import { DiffPage, UpgradePage } from "./views/versions.tsx";

interface Target {
  projectId: string;
  instrumentId: string;
  basePath: string;
  isCanvas: boolean;
}

function target(c: AppContext): Target {
  const projectId = c.req.param("id") ?? "";
  const instrumentId = c.req.param("instrumentId") ?? CANVAS_INSTRUMENT_ID;
  const isCanvas = c.req.param("instrumentId") === undefined;
  const basePath = isCanvas ? canvasPath(projectId) : `/projects/${encodeURIComponent(projectId)}/instruments/${encodeURIComponent(instrumentId)}`;
  return { projectId, instrumentId, basePath, isCanvas };
}

/** The page's response (the first visit creates it). */
function responseOf(c: AppContext): Promise<ResponseView> {
  const where = target(c);
  return getOrCreateResponse(c.get("deps"), requireActor(c), where.projectId, where.instrumentId);
}

function pinned(c: AppContext, response: ResponseView): Instrument {
  return c.get("deps").instruments.get(response.instrumentId, response.instrumentVersion)!;
}

function pageTitle(c: AppContext, response: ResponseView): string {
  return target(c).isCanvas ? c.get("t")("instrument_responses.canvas.title") : pinned(c, response).title[c.get("lang")];
}

function parseExtraRows(raw: string | undefined): Record<string, number> {
  const match = /^([a-z0-9_]{1,100}):(\d{1,3})$/.exec(raw ?? "");
  return match ? { [match[1]!]: Math.min(Number(match[2]), 100) } : {};
}

/** Field errors of a refused save, pointing at form fields, with the question named for the summary. */
function summaryErrors(c: AppContext, instrument: Instrument, errors: FieldError[]): FieldError[] {
  const t = c.get("t");
  const lang = c.get("lang");
  const questions = instrument.sections.flatMap((s) => s.questions);
  return errors.map((e) => {
    const id = /^[a-z0-9_]+/i.exec(e.field)?.[0] ?? e.field;
    const q = questions.find((x) => x.id === id);
    return { field: fieldForPath(instrument, e.field), messageKey: "instrument_responses.error_in_question", params: { question: q ? q.label[lang] : id, message: t(e.messageKey, e.params) } };
  });
}

interface PageExtras {
  failed?: InstrumentPageModel["failed"];
  commentFailed?: InstrumentPageModel["commentFailed"];
  summaryErrors?: FieldError[];
  actionForm?: { values: Record<string, string>; errors: FieldError[] };
  status?: number;
}

async function showPage(c: AppContext, extras: PageExtras = {}): Promise<Response> {
  const actor = requireActor(c);
  const deps = c.get("deps");
  const where = target(c);
  const project = await loadProjectForActor(deps.db, actor, where.projectId);
  const response = await getOrCreateResponse(deps, actor, project.id, where.instrumentId, { project });
  const instrument = pinned(c, response);
  const [values, comments, versions] = await Promise.all([listValues(deps, actor), listComments(deps, actor, response.id), listVersions(deps, actor, response.id)]);
  const canvas = where.isCanvas
    ? { actions: await listCanvasActions(deps, actor, project.id), people: response.canEdit ? await listOrganisationPeople(deps, actor) : [] }
    : null;
  const title = pageTitle(c, response);
  return renderPage(
    c,
    `${title} · ${project.title}`,
    (ctx) => {
      const model: InstrumentPageModel = { ctx, instrument, response, basePath: where.basePath, values, comments, failed: extras.failed, commentFailed: extras.commentFailed, extraRows: parseExtraRows(c.req.query("extra")) };
      const extra = canvas ? (
        <CanvasActions ctx={ctx} instrument={instrument} actions={canvas.actions} people={canvas.people} canEdit={response.canEdit} action={`${where.basePath}/actions`} values={extras.actionForm?.values} errors={extras.actionForm?.errors} />
      ) : null;
      return <ResponsePage model={model} project={project} title={title} versions={versions} summaryErrors={extras.summaryErrors} extra={extra} />;
    },
    extras.status ?? 200,
  );
}

async function saveSection(c: AppContext): Promise<Response> {
  const where = target(c);
  const body = (await c.req.parseBody({ all: true })) as FormBody;
  const isHx = c.req.header("HX-Request") === "true";
  const response = await responseOf(c);
  const instrument = pinned(c, response);
  const sectionId = c.req.param("sectionId") ?? "";
  const section = instrument.sections.find((s) => s.id === sectionId);
  if (!section) throw notFound();
  const { patch, errors } = answersFromForm(section, body);
  const more = typeof body._more === "string" && section.questions.some((q) => q.id === body._more) ? body._more : undefined;
  return handleForm(
    c,
    async () => {
      if (errors.length) throw new AppError("validation", "instrument_responses.answers_refused", { fieldErrors: errors });
      const saved = await saveAnswers(c.get("deps"), requireActor(c), response.id, patch);
      if (isHx) return autosaveFragment(c, instrument, response, saved, sectionId, c.get("t")("instrument_responses.saved_at", { time: timeOfDay(saved.updatedAt, c.get("lang")) }));
      const extra = more ? `?extra=${more}:${MORE_ROWS}` : "";
      return redirectWithFlash(c, `${where.basePath}${extra}#${sectionAnchor(sectionId)}`, more ? undefined : "instrument_responses.saved");
    },
    (fieldErrors, status) => {
      if (isHx) {
        const first = summaryErrors(c, instrument, fieldErrors)[0]!;
        return autosaveFragment(c, instrument, response, response, sectionId, c.get("t")("instrument_responses.not_saved", { message: c.get("t")(first.messageKey, first.params) }));
      }
      return showPage(c, { failed: { sectionId, errors: fieldErrors, answers: { ...response.answers, ...patch } }, summaryErrors: summaryErrors(c, instrument, fieldErrors), status });
    },
  );
}

/** The htmx answer: live region, statuses, and the questions of any section whose visible questions changed. */
async function autosaveFragment(c: AppContext, instrument: Instrument, before: ResponseView, after: ResponseView, sectionId: string, message: string): Promise<Response> {
  const was = computeVisibility(instrument, before.answers);
  const now = computeVisibility(instrument, after.answers);
  const changed = instrument.sections.filter((s) => was.sections.has(s.id) !== now.sections.has(s.id) || s.questions.some((q) => was.questions.has(q.id) !== now.questions.has(q.id)));
  const values = changed.length ? await listValues(c.get("deps"), requireActor(c)) : [];
  const model: InstrumentPageModel = { ctx: pageContext(c), instrument, response: after, basePath: target(c).basePath, values, comments: [] };
  c.header("Cache-Control", "no-store");
  return c.html(await (<AutosaveResult model={model} sectionId={sectionId} message={message} reRender={changed} />).toString());
}

/** The comment form's fields are named per section, so each section's form shows its own errors. */
function commentFields(body: Record<string, string>) {
  const sectionId = body.sectionId ?? "";
  const question = `comment-${sectionId}-question`;
  const text = `comment-${sectionId}-body`;
  return { sectionId, question, text, values: { [question]: body[question] ?? "", [text]: body[text] ?? "" } };
}

/** The forms of an instrument page beside the sections' own: the review mark, comments, versions, the upgrade. */
const pageActions: FormAction[] = [
  {
    path: "sections/:sectionId/review",
    form: "review",
    flash: "instrument_responses.marked",
    run: async (c, _id, body) => markSectionForReview(c.get("deps"), requireActor(c), (await responseOf(c)).id, c.req.param("sectionId") ?? "", body.forReview === "1"),
    redirectTo: (c) => `${target(c).basePath}#${sectionAnchor(c.req.param("sectionId") ?? "")}`,
  },
  {
    path: "comments",
    form: "comments",
    flash: "instrument_responses.comment_added",
    run: async (c, _id, body) => {
      const { sectionId, question, text, values } = commentFields(body);
      await addComment(c.get("deps"), requireActor(c), (await responseOf(c)).id, { questionId: values[question], body: values[text] });
      return sectionId;
    },
    redirectTo: (c, _id, sectionId) => `${target(c).basePath}#comments-${String(sectionId)}`,
  },
  {
    path: "versions",
    form: "versions",
    flash: "instrument_responses.frozen_flash",
    run: async (c, _id, body) => freezeVersion(c.get("deps"), requireActor(c), (await responseOf(c)).id, body.note ?? ""),
    redirectTo: (c) => `${target(c).basePath}#versions-title`,
  },
  {
    path: "upgrade",
    form: "upgrade",
    flash: "instrument_responses.upgraded",
    run: async (c, _id, body) => upgradeResponse(c.get("deps"), requireActor(c), (await responseOf(c)).id, body.toVersion ?? ""),
    redirectTo: (c) => target(c).basePath,
  },
];

/** The canvas's own form: an action, recorded as a measure. */
const canvasActions: FormAction[] = [
  {
    path: "actions",
    form: "actions",
    flash: "instrument_responses.canvas.action_added",
    run: (c, id, body) => addCanvasAction(c.get("deps"), requireActor(c), id, body),
    redirectTo: (_c, id) => `${canvasPath(id)}#actions-title`,
  },
];

/** A refused form: the page again, with the errors beside the form they belong to. */
function showAgain(c: AppContext, _id: string, again: FormAgain): Promise<Response> {
  const status = again.status;
  if (again.errorsFor === "actions") return showPage(c, { actionForm: { values: again.values, errors: again.errors }, status });
  if (again.errorsFor !== "comments") return showPage(c, { summaryErrors: again.errors, status });
  const { sectionId, question, text, values } = commentFields(again.values);
  const errors = again.errors.map((f) => ({ ...f, field: f.field === "questionId" ? question : text }));
  return showPage(c, { commentFailed: { sectionId, errors, values }, summaryErrors: errors, status });
}

function versionRef(v: string | undefined): VersionRef {
  if (v === undefined || v === "current") return "current";
  if (!/^\d{1,6}$/.test(v)) throw notFound();
  return Number(v);
}

function instrumentPages(app: Hono<AppEnv>, base: string): void {
  app.get(base, (c) => showPage(c));
  app.post(`${base}/sections/:sectionId`, (c) => saveSection(c));
  mountFormActions(app, base, pageActions, showAgain, canvasPath);

  app.get(`${base}/diff`, async (c) => {
    const response = await responseOf(c);
    const diff = await diffVersions(c.get("deps"), requireActor(c), response.id, versionRef(c.req.query("from")), versionRef(c.req.query("to")));
    const title = pageTitle(c, response);
    return renderPage(c, c.get("t")("instrument_responses.diff_title"), (ctx) => <DiffPage ctx={ctx} title={title} backHref={target(c).basePath} diff={diff} />);
  });

  app.get(`${base}/upgrade`, async (c) => {
    const response = await responseOf(c);
    const preview = await previewUpgrade(c.get("deps"), requireActor(c), response.id);
    const { basePath } = target(c);
    const title = pageTitle(c, response);
    return renderPage(c, c.get("t")("instrument_responses.upgrade_title", { version: preview.to }), (ctx) => (
      <UpgradePage ctx={ctx} title={title} backHref={basePath} basePath={basePath} preview={preview} canEdit={response.canEdit} />
    ));
  });
}

export function instrumentResponseRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  instrumentPages(app, "/projects/:id/canvas");
  instrumentPages(app, "/projects/:id/instruments/:instrumentId");
  mountFormActions(app, "/projects/:id/canvas", canvasActions, showAgain, canvasPath);
  return app;
}
