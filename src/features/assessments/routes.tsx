// Pages of the assessments feature: screening, DEPIA, risk register, versions
// with reviews, acceptance, AP consultation, exports and the organisation
// setting. Every form is POST → redirect → GET; routes never query the database.
import type { MessageKey } from "../../platform/i18n/index.ts";
import { Hono } from "hono";
import { AppError, type FieldError } from "../../platform/errors.ts";
import type { AppContext, AppEnv } from "../../platform/http/env.ts";
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
import { DepiaPage, depiaPath, RiskPage, RisksPage, SettingsPage, VersionPage } from "./views/depia-pages.tsx";
import { projectPath, ScreeningPage } from "./views/screening-page.tsx";

type Extra = { values?: Record<string, string>; errors?: FieldError[]; errorsFor?: string; status?: number };

function fileName(title: string, ext: string): string {
  const slug = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "project";
  return `depia-${slug}.${ext}`;
}

export function assessmentRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const id = (c: AppContext) => c.req.param("id") ?? "";

  // ------------------------------------------------------------ screening
  const showScreening = async (c: AppContext, extra: Extra = {}) => {
    const model = await getScreening(c.get("deps"), requireActor(c), id(c));
    return renderPage(c, c.get("t")("assessments.screening.title"), (ctx) => <ScreeningPage ctx={ctx} model={model} values={extra.values} errors={extra.errors} />, extra.status ?? 200);
  };
  app.get("/projects/:id/screening", (c) => showScreening(c));
  app.post("/projects/:id/screening/finish", async (c) => {
    const actor = requireActor(c);
    return handleForm(
      c,
      async () => {
        await finishScreening(c.get("deps"), actor, id(c));
        return redirectWithFlash(c, `${projectPath(id(c))}/screening`, "assessments.flash.screening_finished");
      },
      (errors, status) => showScreening(c, { errors, status }),
    );
  });
  app.post("/projects/:id/screening/fg", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await decideScreeningAsFg(c.get("deps"), actor, id(c), body);
        return redirectWithFlash(c, `${projectPath(id(c))}/screening`, "assessments.flash.fg_decided");
      },
      (errors, status) => showScreening(c, { values: body, errors, status }),
    );
  });

  // ------------------------------------------------------------ DEPIA
  const showDepia = async (c: AppContext, extra: Extra = {}) => {
    const model = await getDepia(c.get("deps"), requireActor(c), id(c));
    return renderPage(c, c.get("t")("assessments.depia.title"), (ctx) => <DepiaPage ctx={ctx} model={model} {...extra} />, extra.status ?? 200);
  };
  app.get("/projects/:id/depia", (c) => showDepia(c));
  const post = (path: string, form: string, flash: MessageKey, run: (c: AppContext, body: Record<string, string>) => Promise<unknown>, after?: (c: AppContext) => string) => {
    app.post(path, async (c) => {
      requireActor(c);
      const body = await formBody(c);
      return handleForm(
        c,
        async () => {
          await run(c, body);
          return redirectWithFlash(c, after ? after(c) : depiaPath(id(c)), flash);
        },
        (errors, status) => showDepia(c, { values: body, errors, errorsFor: form, status }),
      );
    });
  };
  post("/projects/:id/depia/start", "start", "assessments.flash.depia_started", (c) => startDepia(c.get("deps"), requireActor(c), id(c)));
  post("/projects/:id/depia/versions", "submit", "assessments.flash.version_submitted", (c, body) => submitDepiaVersion(c.get("deps"), requireActor(c), id(c), body));
  post("/projects/:id/depia/acceptance", "acceptance", "assessments.flash.accepted", (c, body) => acceptResidualRisks(c.get("deps"), requireActor(c), id(c), body));
  post("/projects/:id/depia/ap-consultation", "ap", "assessments.flash.ap_recorded", (c, body) => recordApConsultation(c.get("deps"), requireActor(c), id(c), body));

  app.post("/projects/:id/depia/import", async (c) => {
    const actor = requireActor(c);
    return handleForm(
      c,
      async () => {
        const body = await c.req.parseBody();
        const file = body["file"];
        const text = typeof file === "string" ? file : file instanceof File ? await file.text() : "";
        let document: unknown;
        try {
          document = JSON.parse(text);
        } catch {
          throw new AppError("validation", "assessments.import.not_json", { fieldErrors: [{ field: "file", messageKey: "assessments.import.not_json" }] });
        }
        await importDepiaJson(c.get("deps"), actor, id(c), document);
        return redirectWithFlash(c, depiaPath(id(c)), "assessments.flash.imported");
      },
      (errors, status) => showDepia(c, { errors, errorsFor: "import", status }),
    );
  });

  // ------------------------------------------------------------ versions and reviews
  const showVersion = async (c: AppContext, number: number, extra: Extra = {}) => {
    const deps = c.get("deps");
    const actor = requireActor(c);
    const detail = await getDepiaVersion(deps, actor, id(c), number);
    const people = detail.overview.can.review.length ? await listOrganisationPeople(deps, actor) : [];
    return renderPage(c, c.get("t")("assessments.depia.version_title", { version: number }), (ctx) => <VersionPage ctx={ctx} detail={detail} people={people} values={extra.values} errors={extra.errors} />, extra.status ?? 200);
  };
  app.get("/projects/:id/depia/versions/:n", (c) => showVersion(c, Number(c.req.param("n")) || 0));
  app.post("/projects/:id/depia/reviews", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    const input = reviewInputFromForm(body);
    return handleForm(
      c,
      async () => {
        await giveReview(c.get("deps"), actor, id(c), input);
        return redirectWithFlash(c, depiaPath(id(c)), "assessments.flash.review_given");
      },
      (errors, status) => showVersion(c, Number(body.version) || 0, { values: body, errors, status }),
    );
  });

  // ------------------------------------------------------------ risks
  const showRisks = async (c: AppContext, extra: Extra = {}) => {
    const deps = c.get("deps");
    const actor = requireActor(c);
    const model = await riskRegister(deps, actor, id(c));
    const keys = await valueKeys(deps, actor.organisationId);
    return renderPage(c, c.get("t")("assessments.risk.register_title"), (ctx) => <RisksPage ctx={ctx} model={model} valueKeys={keys} values={extra.values} errors={extra.errors} />, extra.status ?? 200);
  };
  app.get("/projects/:id/depia/risks", (c) => showRisks(c));
  app.post("/projects/:id/depia/risks", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await addRisk(c.get("deps"), actor, id(c), body);
        return redirectWithFlash(c, `${depiaPath(id(c))}/risks`, "assessments.flash.risk_added");
      },
      (errors, status) => showRisks(c, { values: body, errors, status }),
    );
  });

  const showRisk = async (c: AppContext, extra: Extra = {}) => {
    const deps = c.get("deps");
    const actor = requireActor(c);
    const risk = await getRisk(deps, actor, c.req.param("riskId") ?? "");
    if (risk.projectId !== id(c)) throw new AppError("not_found", "error.not_found");
    const model = await riskRegister(deps, actor, risk.projectId);
    const people = model.canEdit ? await listOrganisationPeople(deps, actor) : [];
    const keys = await valueKeys(deps, actor.organisationId);
    return renderPage(c, c.get("t")("assessments.risk.page_title", { label: risk.label }), (ctx) => <RiskPage ctx={ctx} model={model} risk={risk} people={people} valueKeys={keys} {...extra} />, extra.status ?? 200);
  };
  app.get("/projects/:id/depia/risks/:riskId", (c) => showRisk(c));
  const riskPost = (suffix: string, form: string, flash: MessageKey, run: (c: AppContext, body: Record<string, string>) => Promise<unknown>) => {
    app.post(`/projects/:id/depia/risks/:riskId${suffix}`, async (c) => {
      requireActor(c);
      const body = await formBody(c);
      return handleForm(
        c,
        async () => {
          await run(c, body);
          return redirectWithFlash(c, `${depiaPath(id(c))}/risks/${encodeURIComponent(c.req.param("riskId") ?? "")}`, flash);
        },
        (errors, status) => showRisk(c, { values: body, errors, errorsFor: form, status }),
      );
    });
  };
  riskPost("", "risk", "assessments.flash.risk_saved", (c, body) => updateRisk(c.get("deps"), requireActor(c), c.req.param("riskId") ?? "", body));
  riskPost("/measures", "measure", "assessments.flash.measure_added", (c, body) => addMeasureForRisk(c.get("deps"), requireActor(c), c.req.param("riskId") ?? "", body));
  riskPost("/links", "link", "assessments.flash.measure_linked", (c, body) => linkMeasure(c.get("deps"), requireActor(c), c.req.param("riskId") ?? "", body.measureId ?? ""));

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
  app.post("/admin/assessments", async (c) => {
    const actor = requireActor(c);
    const body = await formBody(c);
    return handleForm(
      c,
      async () => {
        await updateAssessmentSettings(c.get("deps"), actor, { extraReviewers: EXTRA_REVIEWER_ROLES.filter((r) => body[`extra_${r}`] === "1") });
        return redirectWithFlash(c, "/admin/assessments", "assessments.flash.settings_saved");
      },
      (errors, status) => showSettings(c, { errors, status }),
    );
  });

  return app;
}
