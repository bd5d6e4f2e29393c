// Pages for a project's instrument responses. The same handlers serve every
// instrument at /projects/:id/instruments/:instrumentId, and the canvas at
// /projects/:id/canvas with its actions. Every form is a plain POST → redirect
// → GET; with htmx (HX-Request) a section save answers with a fragment that
// updates the live region and the statuses in place.
import { Hono } from "hono";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { computeVisibility, type Instrument } from "../../instruments/index.ts";
import { AppError, notFound, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { pageContext, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
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
import { AutosaveResult, DiffPage, sectionAnchor, timeOfDay, UpgradePage, type InstrumentPageModel } from "./views/instrument-form.tsx";
import { ResponsePage } from "./views/response-page.tsx";

const FORM_ERROR_CODES = new Set(["validation", "conflict", "rule_refused"]);

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

function pinned(c: AppContext, response: ResponseView): Instrument {
  return c.get("deps").instruments.get(response.instrumentId, response.instrumentVersion)!;
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
  const response = await getOrCreateResponse(deps, actor, project.id, where.instrumentId);
  const instrument = pinned(c, response);
  const [values, comments, versions] = await Promise.all([listValues(deps, actor), listComments(deps, actor, response.id), listVersions(deps, actor, response.id)]);
  const canvas = where.isCanvas
    ? { actions: await listCanvasActions(deps, actor, project.id), people: response.canEdit ? await listOrganisationPeople(deps, actor) : [] }
    : null;
  const title = where.isCanvas ? c.get("t")("instrument_responses.canvas.title") : instrument.title[c.get("lang")];
  return renderPage(
    c,
    `${title} · ${project.title}`,
    (ctx) => {
      const model: InstrumentPageModel = {
        ctx,
        instrument,
        response,
        basePath: where.basePath,
        values,
        comments,
        failed: extras.failed,
        commentFailed: extras.commentFailed,
        extraRows: parseExtraRows(c.req.query("extra")),
      };
      return (
        <ResponsePage
          model={model}
          project={project}
          title={title}
          versions={versions}
          summaryErrors={extras.summaryErrors}
          extra={
            canvas ? (
              <CanvasActions ctx={ctx} instrument={instrument} actions={canvas.actions} people={canvas.people} canEdit={response.canEdit} action={`${where.basePath}/actions`} values={extras.actionForm?.values} errors={extras.actionForm?.errors} />
            ) : null
          }
        />
      );
    },
    extras.status ?? 200,
  );
}

async function saveSection(c: AppContext): Promise<Response> {
  const actor = requireActor(c);
  const deps = c.get("deps");
  const where = target(c);
  const body = (await c.req.parseBody({ all: true })) as FormBody;
  const isHx = c.req.header("HX-Request") === "true";
  const response = await getOrCreateResponse(deps, actor, where.projectId, where.instrumentId);
  const instrument = pinned(c, response);
  const sectionId = c.req.param("sectionId") ?? "";
  const section = instrument.sections.find((s) => s.id === sectionId);
  if (!section) throw notFound();
  const { patch, errors } = answersFromForm(section, body);
  const more = typeof body._more === "string" && section.questions.some((q) => q.id === body._more) ? body._more : undefined;
  try {
    if (errors.length) throw new AppError("validation", "instrument_responses.answers_refused", { fieldErrors: errors });
    const saved = await saveAnswers(deps, actor, response.id, patch);
    if (isHx) return autosaveFragment(c, instrument, response, saved, sectionId, c.get("t")("instrument_responses.saved_at", { time: timeOfDay(saved.updatedAt, c.get("lang")) }));
    const extra = more ? `?extra=${more}:${MORE_ROWS}` : "";
    return redirectWithFlash(c, `${where.basePath}${extra}#${sectionAnchor(sectionId)}`, more ? undefined : "instrument_responses.saved");
  } catch (e) {
    if (!(e instanceof AppError) || !FORM_ERROR_CODES.has(e.code)) throw e;
    const fieldErrors = e.fieldErrors.length ? e.fieldErrors : [{ field: "_", messageKey: e.messageKey, params: e.params }];
    if (isHx) {
      const first = summaryErrors(c, instrument, fieldErrors)[0]!;
      const message = c.get("t")("instrument_responses.not_saved", { message: c.get("t")(first.messageKey, first.params) });
      return autosaveFragment(c, instrument, response, response, sectionId, message);
    }
    return showPage(c, {
      failed: { sectionId, errors: fieldErrors, answers: { ...response.answers, ...patch } },
      summaryErrors: summaryErrors(c, instrument, fieldErrors),
      status: e.status,
    });
  }
}

/** The htmx answer: live region, statuses, and the questions of any section whose visible questions changed. */
async function autosaveFragment(c: AppContext, instrument: Instrument, before: ResponseView, after: ResponseView, sectionId: string, message: string): Promise<Response> {
  const deps = c.get("deps");
  const actor = requireActor(c);
  const was = computeVisibility(instrument, before.answers);
  const now = computeVisibility(instrument, after.answers);
  const changed = instrument.sections.filter((s) => was.sections.has(s.id) !== now.sections.has(s.id) || s.questions.some((q) => was.questions.has(q.id) !== now.questions.has(q.id)));
  const model: InstrumentPageModel = { ctx: pageContext(c), instrument, response: after, basePath: target(c).basePath, values: changed.length ? await listValues(deps, actor) : [], comments: [] };
  c.header("Cache-Control", "no-store");
  const html = await (<AutosaveResult model={model} sectionId={sectionId} message={message} reRender={changed} />).toString();
  return c.html(html);
}

function instrumentPages(app: Hono<AppEnv>, base: string): void {
  app.get(base, (c) => showPage(c));

  app.post(`${base}/sections/:sectionId`, (c) => saveSection(c));

  app.post(`${base}/sections/:sectionId/review`, async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const where = target(c);
    const body = await c.req.parseBody();
    const response = await getOrCreateResponse(deps, actor, where.projectId, where.instrumentId);
    const sectionId = c.req.param("sectionId") ?? "";
    await markSectionForReview(deps, actor, response.id, sectionId, body.forReview === "1");
    return redirectWithFlash(c, `${where.basePath}#${sectionAnchor(sectionId)}`, "instrument_responses.marked");
  });

  app.post(`${base}/comments`, async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const where = target(c);
    const body = await c.req.parseBody();
    const sectionId = typeof body.sectionId === "string" ? body.sectionId : "";
    const question = `comment-${sectionId}-question`;
    const text = `comment-${sectionId}-body`;
    const values = { [question]: String(body[question] ?? ""), [text]: String(body[text] ?? "") };
    const response = await getOrCreateResponse(deps, actor, where.projectId, where.instrumentId);
    try {
      await addComment(deps, actor, response.id, { questionId: values[question], body: values[text] });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "validation") throw e;
      const errors = e.fieldErrors.map((f) => ({ ...f, field: f.field === "questionId" ? question : text }));
      return showPage(c, { commentFailed: { sectionId, errors, values }, summaryErrors: errors, status: 400 });
    }
    return redirectWithFlash(c, `${where.basePath}#comments-${sectionId}`, "instrument_responses.comment_added");
  });

  app.post(`${base}/versions`, async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const where = target(c);
    const body = await c.req.parseBody();
    const response = await getOrCreateResponse(deps, actor, where.projectId, where.instrumentId);
    try {
      await freezeVersion(deps, actor, response.id, typeof body.note === "string" ? body.note : "");
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "validation") throw e;
      return showPage(c, { summaryErrors: e.fieldErrors, status: 400 });
    }
    return redirectWithFlash(c, `${where.basePath}#versions-title`, "instrument_responses.frozen_flash");
  });

  app.get(`${base}/diff`, async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const where = target(c);
    const response = await getOrCreateResponse(deps, actor, where.projectId, where.instrumentId);
    const ref = (v: string | undefined): VersionRef => {
      if (v === undefined || v === "current") return "current";
      if (!/^\d{1,6}$/.test(v)) throw notFound();
      return Number(v);
    };
    const diff = await diffVersions(deps, actor, response.id, ref(c.req.query("from")), ref(c.req.query("to")));
    const title = where.isCanvas ? c.get("t")("instrument_responses.canvas.title") : pinned(c, response).title[c.get("lang")];
    return renderPage(c, c.get("t")("instrument_responses.diff_title"), (ctx) => <DiffPage ctx={ctx} title={title} backHref={where.basePath} diff={diff} />);
  });

  app.get(`${base}/upgrade`, async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const where = target(c);
    const response = await getOrCreateResponse(deps, actor, where.projectId, where.instrumentId);
    const preview = await previewUpgrade(deps, actor, response.id);
    const title = where.isCanvas ? c.get("t")("instrument_responses.canvas.title") : pinned(c, response).title[c.get("lang")];
    return renderPage(c, c.get("t")("instrument_responses.upgrade_title", { version: preview.to }), (ctx) => (
      <UpgradePage ctx={ctx} title={title} backHref={where.basePath} basePath={where.basePath} preview={preview} canEdit={response.canEdit} />
    ));
  });

  app.post(`${base}/upgrade`, async (c) => {
    const actor = requireActor(c);
    const deps = c.get("deps");
    const where = target(c);
    const body = await c.req.parseBody();
    const response = await getOrCreateResponse(deps, actor, where.projectId, where.instrumentId);
    await upgradeResponse(deps, actor, response.id, typeof body.toVersion === "string" ? body.toVersion : "");
    return redirectWithFlash(c, where.basePath, "instrument_responses.upgraded");
  });
}

export function instrumentResponseRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  instrumentPages(app, "/projects/:id/canvas");
  instrumentPages(app, "/projects/:id/instruments/:instrumentId");

  app.post("/projects/:id/canvas/actions", async (c) => {
    const actor: Actor = requireActor(c);
    const deps = c.get("deps");
    const projectId = c.req.param("id");
    const body = await c.req.parseBody();
    const values: Record<string, string> = {};
    for (const k of ["title", "description", "areaId", "ownerUserId", "dueDate"]) values[k] = typeof body[k] === "string" ? (body[k] as string) : "";
    try {
      await addCanvasAction(deps, actor, projectId, values);
    } catch (e) {
      if (!(e instanceof AppError) || !FORM_ERROR_CODES.has(e.code)) throw e;
      const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: "title", messageKey: e.messageKey, params: e.params }];
      return showPage(c, { actionForm: { values, errors }, status: e.status });
    }
    return redirectWithFlash(c, `${canvasPath(projectId)}#actions-title`, "instrument_responses.canvas.action_added");
  });
  return app;
}
