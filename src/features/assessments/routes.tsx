// Pages of the assessments feature: screening, DEPIA, risk register, versions
// with reviews, acceptance, AP consultation, exports and the organisation
// setting. Every form is POST → redirect → GET; routes never query the database.
import { Hono } from "hono";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { AppError, notFound, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
import { mountFormActions, type FormAction, type FormAgain } from "../../platform/http/form-actions.ts";
import { formBody, handleForm, redirectWithFlash, renderPage, requireActor } from "../../platform/http/render.tsx";
import { listOrganisationPeople } from "../projects/service.ts";
import { valueKeys } from "../values/service.ts";
import {
  acceptResidualRisks,
  getAssessmentSettings,
  getDepia,
  getDepiaVersion,
  giveReview,
  recordApConsultation,
  reviewInputFromForm,
  startDepia,
  submitDepiaVersion,
  updateAssessmentSettings,
} from "./depia.ts";
import { depiaPdf } from "./depia-pdf.ts";
import { exportActionPlanCsv, exportDepiaJson, importDepiaJson } from "./exports.ts";
import { addMeasureForRisk, addRisk, getRisk, linkMeasure, riskRegister, updateRisk } from "./risks.ts";
import { decideScreeningAsFg, finishScreening, getScreening } from "./screening.ts";
import { EXTRA_REVIEWER_ROLES } from "./rules.ts";
import { DepiaPage } from "./views/depia-page.tsx";
import { depiaPath, SettingsPage } from "./views/depia-pages.tsx";
import { RiskPage, RisksPage } from "./views/risk-pages.tsx";
import { projectPath, ScreeningPage } from "./views/screening-page.tsx";
import { VersionPage } from "./views/version-page.tsx";
import { listEvidence } from "../evidence/service.ts";

type Extra = { values?: Record<string, string>; errors?: FieldError[]; errorsFor?: string; status?: number };

const id = (c: AppContext) => c.req.param("id") ?? "";
const riskId = (c: AppContext) => c.req.param("riskId") ?? "";
const again = ({ values, errors, errorsFor, status }: FormAgain): Extra => ({ values, errors, errorsFor, status });

function fileName(title: string, ext: string): string {
  const slug = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "project";
  return `depia-${slug}.${ext}`;
}

/** The text of an uploaded JSON file, as a document. */
async function uploadedDocument(c: AppContext): Promise<unknown> {
  const file = (await c.req.parseBody())["file"];
  const text = typeof file === "string" ? file : file instanceof File ? await file.text() : "";
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation", "assessments.import.not_json", { fieldErrors: [{ field: "file", messageKey: "assessments.import.not_json" }] });
  }
}

// ------------------------------------------------------------ screening
const showScreening = async (c: AppContext, extra: Extra = {}) => {
  const model = await getScreening(c.get("deps"), requireActor(c), id(c));
  return renderPage(c, c.get("t")("assessments.screening.title"), (ctx) => <ScreeningPage ctx={ctx} model={model} values={extra.values} errors={extra.errors} />, extra.status ?? 200);
};
const screeningPath = (projectId: string) => `${projectPath(projectId)}/screening`;
const toScreening = (_c: AppContext, projectId: string) => screeningPath(projectId);
const screeningForms: FormAction[] = [
  { path: "finish", form: "finish", flash: "assessments.flash.screening_finished", run: (c, projectId) => finishScreening(c.get("deps"), requireActor(c), projectId), redirectTo: toScreening },
  { path: "fg", form: "fg", flash: "assessments.flash.fg_decided", run: (c, projectId, body) => decideScreeningAsFg(c.get("deps"), requireActor(c), projectId, body), redirectTo: toScreening },
];

// ------------------------------------------------------------ DEPIA
const showDepia = async (c: AppContext, extra: Extra = {}) => {
  const model = await getDepia(c.get("deps"), requireActor(c), id(c));
  return renderPage(c, c.get("t")("assessments.depia.title"), (ctx) => <DepiaPage ctx={ctx} model={model} {...extra} />, extra.status ?? 200);
};
const toDepia = (_c: AppContext, projectId: string) => depiaPath(projectId);
const depiaForms: FormAction[] = [
  { path: "start", form: "start", flash: "assessments.flash.depia_started", run: (c, projectId) => startDepia(c.get("deps"), requireActor(c), projectId), redirectTo: toDepia },
  { path: "versions", form: "submit", flash: "assessments.flash.version_submitted", run: (c, projectId, body) => submitDepiaVersion(c.get("deps"), requireActor(c), projectId, body), redirectTo: toDepia },
  { path: "acceptance", form: "acceptance", flash: "assessments.flash.accepted", run: (c, projectId, body) => acceptResidualRisks(c.get("deps"), requireActor(c), projectId, body), redirectTo: toDepia },
  { path: "ap-consultation", form: "ap", flash: "assessments.flash.ap_recorded", run: (c, projectId, body) => recordApConsultation(c.get("deps"), requireActor(c), projectId, body), redirectTo: toDepia },
  { path: "import", form: "import", flash: "assessments.flash.imported", run: async (c, projectId) => importDepiaJson(c.get("deps"), requireActor(c), projectId, await uploadedDocument(c)), redirectTo: toDepia },
];

// ------------------------------------------------------------ versions and reviews
const showVersion = async (c: AppContext, number: number, extra: Extra = {}) => {
  const deps = c.get("deps");
  const actor = requireActor(c);
  const detail = await getDepiaVersion(deps, actor, id(c), number);
  const people = detail.overview.can.review.length ? await listOrganisationPeople(deps, actor) : [];
  const reviews = detail.overview.records?.reviews.filter((r) => r.version === number) ?? [];
  const evidence = Object.fromEntries(await Promise.all(reviews.map(async (r) => [r.id, await listEvidence(deps, actor, "depia_review", r.id)] as const)));
  return renderPage(c, c.get("t")("assessments.depia.version_title", { version: number }), (ctx) => <VersionPage ctx={ctx} detail={detail} people={people} values={extra.values} errors={extra.errors} evidence={evidence} />, extra.status ?? 200);
};

// ------------------------------------------------------------ risks
const showRisks = async (c: AppContext, extra: Extra = {}) => {
  const deps = c.get("deps");
  const actor = requireActor(c);
  const model = await riskRegister(deps, actor, id(c));
  const keys = await valueKeys(deps, actor.organisationId);
  return renderPage(c, c.get("t")("assessments.risk.register_title"), (ctx) => <RisksPage ctx={ctx} model={model} valueKeys={keys} values={extra.values} errors={extra.errors} />, extra.status ?? 200);
};
const showRisk = async (c: AppContext, extra: Extra = {}) => {
  const deps = c.get("deps");
  const actor = requireActor(c);
  const risk = await getRisk(deps, actor, riskId(c));
  if (risk.projectId !== id(c)) throw notFound();
  const model = await riskRegister(deps, actor, risk.projectId);
  const people = model.canEdit ? await listOrganisationPeople(deps, actor) : [];
  const keys = await valueKeys(deps, actor.organisationId);
  return renderPage(c, c.get("t")("assessments.risk.page_title", { label: risk.label }), (ctx) => <RiskPage ctx={ctx} model={model} risk={risk} people={people} valueKeys={keys} {...extra} />, extra.status ?? 200);
};
const riskPath = (c: AppContext) => `${depiaPath(id(c))}/risks/${encodeURIComponent(riskId(c))}`;
const riskForms: FormAction[] = [
  { path: "measures", form: "measure", flash: "assessments.flash.measure_added", run: (c, _projectId, body) => addMeasureForRisk(c.get("deps"), requireActor(c), riskId(c), body), redirectTo: riskPath },
  { path: "links", form: "link", flash: "assessments.flash.measure_linked", run: (c, _projectId, body) => linkMeasure(c.get("deps"), requireActor(c), riskId(c), body), redirectTo: riskPath },
];

/** A page's single form: run it, then the page with a message; refused, the page again with what was typed. */
function singleForm(app: Hono<AppEnv>, path: string, run: (c: AppContext, body: Record<string, string>) => Promise<{ to: string; flash: MessageKey }>, showAgain: (c: AppContext, extra: Extra, body: Record<string, string>) => Promise<Response>): void {
  app.post(path, async (c) => {
    requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        const { to, flash } = await run(c, body);
        return redirectWithFlash(c, to, flash);
      },
      (errors, status) => showAgain(c, { values: body, errors, status }, body),
    );
  });
}

export function assessmentRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/projects/:id/screening", (c) => showScreening(c));
  mountFormActions(app, "/projects/:id/screening", screeningForms, (c, _id, a) => showScreening(c, again(a)), screeningPath);

  app.get("/projects/:id/depia", (c) => showDepia(c));
  mountFormActions(app, "/projects/:id/depia", depiaForms, (c, _id, a) => showDepia(c, again(a)), depiaPath);

  app.get("/projects/:id/depia/versions/:n", (c) => showVersion(c, Number(c.req.param("n")) || 0));
  singleForm(
    app,
    "/projects/:id/depia/reviews",
    async (c, body) => {
      await giveReview(c.get("deps"), requireActor(c), id(c), reviewInputFromForm(body));
      return { to: depiaPath(id(c)), flash: "assessments.flash.review_given" };
    },
    (c, extra, body) => showVersion(c, Number(body.version) || 0, extra),
  );

  app.get("/projects/:id/depia/risks", (c) => showRisks(c));
  singleForm(
    app,
    "/projects/:id/depia/risks",
    async (c, body) => {
      await addRisk(c.get("deps"), requireActor(c), id(c), body);
      return { to: `${depiaPath(id(c))}/risks`, flash: "assessments.flash.risk_added" };
    },
    (c, extra) => showRisks(c, extra),
  );

  app.get("/projects/:id/depia/risks/:riskId", (c) => showRisk(c));
  // The risk page's own form changes the risk; its other forms add or link a measure.
  singleForm(
    app,
    "/projects/:id/depia/risks/:riskId",
    async (c, body) => {
      await updateRisk(c.get("deps"), requireActor(c), riskId(c), body);
      return { to: riskPath(c), flash: "assessments.flash.risk_saved" };
    },
    (c, extra) => showRisk(c, { ...extra, errorsFor: "risk" }),
  );
  mountFormActions(app, "/projects/:id/depia/risks/:riskId", riskForms, (c, _id, a) => showRisk(c, again(a)), depiaPath);

  // ------------------------------------------------------------ exports
  app.get("/projects/:id/depia/export.json", async (c) => {
    const data = await exportDepiaJson(c.get("deps"), requireActor(c), id(c));
    c.header("Content-Disposition", `attachment; filename="${fileName(data.project.title, "json")}"`);
    c.header("Cache-Control", "no-store");
    return c.body(JSON.stringify(data, null, 2), 200, { "Content-Type": "application/json; charset=utf-8" });
  });
  app.get("/projects/:id/depia/action-plan.csv", async (c) => {
    const csv = await exportActionPlanCsv(c.get("deps"), requireActor(c), id(c), c.get("t"));
    c.header("Content-Disposition", `attachment; filename="actieplan-${id(c).slice(0, 40).replace(/[^A-Za-z0-9_-]/g, "")}.csv"`);
    c.header("Cache-Control", "no-store");
    return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
  });
  app.get("/projects/:id/depia/export.pdf", async (c) => {
    const pdf = await depiaPdf(c.get("deps"), requireActor(c), id(c), c.get("t"), c.get("lang"));
    c.header("Content-Disposition", `attachment; filename="depia-${id(c).slice(0, 40).replace(/[^A-Za-z0-9_-]/g, "")}.pdf"`);
    c.header("Cache-Control", "no-store");
    return c.body(new Uint8Array(pdf), 200, { "Content-Type": "application/pdf" });
  });

  // ------------------------------------------------------------ organisation setting
  const showSettings = async (c: AppContext, extra: Extra = {}) => {
    const settings = await getAssessmentSettings(c.get("deps"), requireActor(c));
    return renderPage(c, c.get("t")("assessments.settings.title"), (ctx) => <SettingsPage ctx={ctx} extra={settings.extraReviewers} errors={extra.errors} />, extra.status ?? 200);
  };
  app.get("/admin/assessments", (c) => showSettings(c));
  singleForm(
    app,
    "/admin/assessments",
    async (c, body) => {
      await updateAssessmentSettings(c.get("deps"), requireActor(c), { extraReviewers: EXTRA_REVIEWER_ROLES.filter((r) => body[`extra_${r}`] === "1") });
      return { to: "/admin/assessments", flash: "assessments.flash.settings_saved" };
    },
    (c, extra) => showSettings(c, extra),
  );

  return app;
}
