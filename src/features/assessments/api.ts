// /api/v1 endpoints of the assessments feature: the same use cases and
// permissions as the pages, in the OpenAPI document.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../platform/http/env.ts";
import { apiRouter, IdParam, jsonBody, jsonResponse, problemResponses } from "../../platform/http/api.ts";
import { requireActor } from "../../platform/http/render.tsx";
import {
  AcceptanceInput,
  acceptResidualRisks,
  ApConsultationInput,
  getAssessmentSettings,
  getDepia,
  getDepiaVersion,
  giveReview,
  recordApConsultation,
  ReviewInput,
  SettingsInput,
  startDepia,
  submitDepiaVersion,
  SubmitInput,
  updateAssessmentSettings,
} from "./depia.ts";
import { DepiaExportSchema, exportActionPlanCsv, exportDepiaJson, importDepiaJson } from "./exports.ts";
import { addMeasureForRisk, addRisk, getRisk, linkMeasure, LinkMeasureInput, listRisks, NewRiskMeasureInput, removeRisk, RiskInput, unlinkMeasure, updateRisk } from "./risks.ts";
import { EXTRA_REVIEWER_ROLES, REVIEW_VERDICTS, REVIEWER_ROLES, RISK_CATEGORIES, SCREENING_OUTCOMES } from "./rules.ts";
import { decideScreeningAsFg, FgDecisionInput, finishScreening, getScreening } from "./screening.ts";

const Level = z.enum(["low", "medium", "high"]);
const Verdict = z.enum(REVIEW_VERDICTS);
const Outcome = z.enum(SCREENING_OUTCOMES);
const LocalText = z.object({ nl: z.string(), en: z.string() });
/** Runs the use case; the answer is 204 without a body. */
async function noContent(c: Context<AppEnv>, work: Promise<unknown>): Promise<Response> {
  await work;
  return c.body(null, 204);
}

const Created = z.object({ id: z.string() });

const Fired = z.object({ kind: z.enum(["rule", "criterion"]), id: z.string(), group: z.string().optional(), result: Outcome.optional(), label: LocalText.optional(), explanation: LocalText });
const Signals = z.record(z.string(), z.object({ needed: z.boolean(), reasons: z.array(LocalText) }));
const ScreeningRecord = z
  .object({
    id: z.string(),
    responseId: z.string(),
    responseVersion: z.number(),
    instrumentVersion: z.string(),
    outcome: Outcome,
    effectiveOutcome: Outcome,
    fired: z.array(Fired),
    signals: Signals,
    completedByName: z.string(),
    completedAt: z.string(),
    fg: z.object({ decision: z.enum(["confirmed", "overruled"]), outcome: Outcome.nullable(), reason: z.string(), byName: z.string(), at: z.string() }).nullable(),
  })
  .openapi("ScreeningRecord");
const Screening = z
  .object({
    responseId: z.string().nullable(),
    live: z.object({ outcome: Outcome, complete: z.boolean(), fired: z.array(Fired), signals: Signals }).nullable(),
    current: ScreeningRecord.nullable(),
    records: z.array(ScreeningRecord),
  })
  .openapi("Screening");

const Position = z.object({ likelihood: Level, impact: Level, level: Level, justification: z.string() });
const Risk = z
  .object({
    id: z.string(),
    label: z.string(),
    category: z.enum(RISK_CATEGORIES),
    values: z.array(z.string()),
    description: z.string(),
    inherent: Position,
    residual: Position.nullable(),
    residualAboveInherentReason: z.string().nullable(),
    accepted: z.object({ byName: z.string(), at: z.string() }).nullable(),
    measureIds: z.array(z.string()),
  })
  .openapi("Risk");

const Review = z.object({
  id: z.string(),
  version: z.number(),
  role: z.enum(REVIEWER_ROLES),
  reviewerName: z.string(),
  overall: Verdict,
  advice: z.string(),
  givenAt: z.string(),
  sections: z.array(z.object({ sectionId: z.string(), verdict: Verdict, note: z.string(), measureId: z.string().nullable() })),
});
const Depia = z
  .object({
    exists: z.boolean(),
    id: z.string().nullable(),
    responseId: z.string().nullable(),
    currentVersion: z.number().nullable(),
    versions: z.array(z.object({ number: z.number(), responseVersion: z.number(), changedSections: z.array(z.string()), note: z.string(), submittedByName: z.string(), submittedAt: z.string() })),
    reviews: z.array(Review),
    pendingReviewers: z.array(z.enum(REVIEWER_ROLES)),
    acceptances: z.array(z.object({ id: z.string(), version: z.number(), statement: z.string(), acceptedByName: z.string(), acceptedAt: z.string() })),
    apConsultations: z.array(z.object({ id: z.string(), consultedOn: z.string(), reference: z.string(), outcome: z.string(), recordedByName: z.string(), recordedAt: z.string() })),
    highestResidualLevel: Level.nullable(),
  })
  .openapi("Depia");

/** The project's id in the path. */
const ProjectParam = IdParam;
const VersionParam = IdParam.extend({ n: z.coerce.number().int().min(1).openapi({ param: { name: "n", in: "path" } }) });
const LinkParam = IdParam.extend({ measureId: LinkMeasureInput.shape.measureId.openapi({ param: { name: "measureId", in: "path" } }) });

export function assessmentsApi() {
  const api = apiRouter();

  // ------------------------------------------------------------ screening
  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}/screening", tags: ["assessments"], summary: "The project's screening (pre-DPIA): live outcome of the answers and the recorded screenings", request: { params: ProjectParam }, responses: { 200: jsonResponse(Screening, "The screening"), ...problemResponses } }),
    async (c) => {
      const s = await getScreening(c.get("deps"), requireActor(c), c.req.valid("param").id);
      return c.json({ responseId: s.response?.id ?? null, live: s.live ? { outcome: s.live.outcome, complete: s.live.complete, fired: s.live.fired, signals: s.live.signals } : null, current: s.current, records: s.records }, 200);
    },
  );
  api.openapi(
    createRoute({ method: "post", path: "/projects/{id}/screening/finish", tags: ["assessments"], summary: "Finish ('afronden') the screening: freeze the answers and record the outcome with the fired criteria (owner, lead)", request: { params: ProjectParam }, responses: { 201: jsonResponse(Created, "Recorded"), 422: problemResponses[400], ...problemResponses } }),
    async (c) => c.json({ id: await finishScreening(c.get("deps"), requireActor(c), c.req.valid("param").id) }, 201),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{id}/screening/fg-decision",
      tags: ["assessments"],
      summary: "The FG confirms or overrules (with outcome and reason) the latest screening",
      request: { params: ProjectParam, body: jsonBody(FgDecisionInput) },
      responses: { 204: { description: "Recorded" }, 409: problemResponses[400], ...problemResponses },
    }),
    async (c) => noContent(c, decideScreeningAsFg(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json"))),
  );

  // ------------------------------------------------------------ DEPIA
  const depiaJson = async (c: Parameters<Parameters<typeof api.openapi>[1]>[0], projectId: string) => {
    const d = await getDepia(c.get("deps"), requireActor(c), projectId);
    const r = d.records;
    return {
      exists: !!r,
      id: r?.id ?? null,
      responseId: r?.responseId ?? null,
      currentVersion: d.latest?.number ?? null,
      versions: (r?.versions ?? []).map(({ risks: _risks, ...v }) => v),
      reviews: r?.reviews ?? [],
      pendingReviewers: d.pending,
      acceptances: r?.acceptances ?? [],
      apConsultations: r?.consultations ?? [],
      highestResidualLevel: d.state.exists ? d.state.highestResidualLevel : null,
    };
  };
  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}/depia", tags: ["assessments"], summary: "The project's DEPIA: versions, reviews, acceptance and AP consultation", request: { params: ProjectParam }, responses: { 200: jsonResponse(Depia, "The DEPIA"), ...problemResponses } }),
    async (c) => c.json(await depiaJson(c, c.req.valid("param").id), 200),
  );
  api.openapi(
    createRoute({ method: "post", path: "/projects/{id}/depia", tags: ["assessments"], summary: "Start the DEPIA (pre-filled from the canvas and the screening); returns the existing one when started", request: { params: ProjectParam }, responses: { 201: jsonResponse(Created, "Started"), ...problemResponses } }),
    async (c) => c.json({ id: await startDepia(c.get("deps"), requireActor(c), c.req.valid("param").id) }, 201),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{id}/depia/versions",
      tags: ["assessments"],
      summary: "Submit the DEPIA for review: freeze the answers and the risk register as the next version (owner, lead)",
      request: { params: ProjectParam, body: jsonBody(SubmitInput) },
      responses: { 201: jsonResponse(z.object({ number: z.number() }), "Submitted"), 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => c.json({ number: await submitDepiaVersion(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/projects/{id}/depia/versions/{n}",
      tags: ["assessments"],
      summary: "One DEPIA version: its answers, its changes against the version before, and its risk register",
      request: { params: VersionParam },
      responses: { 200: jsonResponse(z.object({ number: z.number(), isLatest: z.boolean(), changedSections: z.array(z.string()), answers: z.record(z.string(), z.unknown()), changes: z.array(z.object({ questionId: z.string(), sectionId: z.string().nullable(), kind: z.string(), label: LocalText, before: LocalText.nullable(), after: LocalText.nullable() })), risks: z.array(Risk) }), "The version"), ...problemResponses },
    }),
    async (c) => {
      const { id, n } = c.req.valid("param");
      const d = await getDepiaVersion(c.get("deps"), requireActor(c), id, n);
      return c.json({ number: d.version.number, isLatest: d.isLatest, changedSections: d.version.changedSections, answers: d.answers, changes: d.changes, risks: d.version.risks }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{id}/depia/reviews",
      tags: ["assessments"],
      summary: "A reviewer's verdicts per section and overall advice on the latest version (FG, ISO, or an extra reviewer role; never the project's own team)",
      request: {
        params: ProjectParam,
        body: jsonBody(ReviewInput),
      },
      responses: { 201: jsonResponse(Created, "Given"), 409: problemResponses[400], 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => c.json({ id: await giveReview(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{id}/depia/acceptance",
      tags: ["assessments"],
      summary: "The owner accepts the residual risks of the latest version in a recorded statement",
      request: { params: ProjectParam, body: jsonBody(AcceptanceInput) },
      responses: { 201: jsonResponse(Created, "Accepted"), 409: problemResponses[400], 422: problemResponses[400], ...problemResponses },
    }),
    async (c) => c.json({ id: await acceptResidualRisks(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{id}/depia/ap-consultations",
      tags: ["assessments"],
      summary: "Record the prior consultation of the Autoriteit Persoonsgegevens (owner, lead)",
      request: { params: ProjectParam, body: jsonBody(ApConsultationInput) },
      responses: { 201: jsonResponse(Created, "Recorded"), 409: problemResponses[400], ...problemResponses },
    }),
    async (c) => c.json({ id: await recordApConsultation(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );
  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}/depia/export", tags: ["assessments"], summary: "The DEPIA with reviews and action plan as JSON (format: src/features/assessments/EXPORT-FORMAT.md)", request: { params: ProjectParam }, responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi("DepiaExport"), "The export"), ...problemResponses } }),
    async (c) => c.json((await exportDepiaJson(c.get("deps"), requireActor(c), c.req.valid("param").id)) as unknown as Record<string, unknown>, 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/projects/{id}/depia/import",
      tags: ["assessments"],
      summary: "Recreate a DEPIA draft (answers, risks, their measures) from an export; refused when the project has a DEPIA or risks",
      request: { params: ProjectParam, body: jsonBody(DepiaExportSchema) },
      responses: { 201: jsonResponse(z.object({ depiaId: z.string(), risks: z.number(), measures: z.number() }), "Imported"), 409: problemResponses[400], ...problemResponses },
    }),
    async (c) => c.json(await importDepiaJson(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}/depia/action-plan.csv", tags: ["assessments"], summary: "The action plan as CSV (UTF-8 with BOM, semicolons)", request: { params: ProjectParam }, responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, ...problemResponses } }),
    async (c) => c.body(await exportActionPlanCsv(c.get("deps"), requireActor(c), c.req.valid("param").id, c.get("t")), 200, { "Content-Type": "text/csv; charset=utf-8" }),
  );

  // ------------------------------------------------------------ risks
  api.openapi(
    createRoute({ method: "get", path: "/projects/{id}/risks", tags: ["assessments"], summary: "The project's risk register", request: { params: ProjectParam }, responses: { 200: jsonResponse(z.array(Risk), "Risks"), ...problemResponses } }),
    async (c) => c.json(await listRisks(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );
  api.openapi(
    createRoute({ method: "post", path: "/projects/{id}/risks", tags: ["assessments"], summary: "Add a risk (project team); a residual score above the inherent one needs residualAboveInherentReason", request: { params: ProjectParam, body: jsonBody(RiskInput) }, responses: { 201: jsonResponse(Created, "Added"), ...problemResponses } }),
    async (c) => c.json({ id: await addRisk(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );
  api.openapi(
    createRoute({ method: "get", path: "/risks/{id}", tags: ["assessments"], summary: "One risk", request: { params: IdParam }, responses: { 200: jsonResponse(Risk, "The risk"), ...problemResponses } }),
    async (c) => c.json(await getRisk(c.get("deps"), requireActor(c), c.req.valid("param").id), 200),
  );
  api.openapi(
    createRoute({ method: "put", path: "/risks/{id}", tags: ["assessments"], summary: "Change a risk (project team)", request: { params: IdParam, body: jsonBody(RiskInput) }, responses: { 200: jsonResponse(Risk, "The risk after the change"), ...problemResponses } }),
    async (c) => {
      const { id } = c.req.valid("param");
      await updateRisk(c.get("deps"), requireActor(c), id, c.req.valid("json"));
      return c.json(await getRisk(c.get("deps"), requireActor(c), id), 200);
    },
  );
  api.openapi(
    createRoute({ method: "delete", path: "/risks/{id}", tags: ["assessments"], summary: "Remove a risk without linked measures (project team)", request: { params: IdParam }, responses: { 204: { description: "Removed" }, ...problemResponses } }),
    async (c) => noContent(c, removeRisk(c.get("deps"), requireActor(c), c.req.valid("param").id)),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/risks/{id}/measures",
      tags: ["assessments"],
      summary: "Make a new measure for a risk and link it",
      request: { params: IdParam, body: jsonBody(NewRiskMeasureInput) },
      responses: { 201: jsonResponse(Created, "The measure"), ...problemResponses },
    }),
    async (c) => c.json({ id: await addMeasureForRisk(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );
  api.openapi(
    createRoute({ method: "post", path: "/risks/{id}/measure-links", tags: ["assessments"], summary: "Link an existing measure of the project to a risk", request: { params: IdParam, body: jsonBody(LinkMeasureInput) }, responses: { 204: { description: "Linked" }, 409: problemResponses[400], ...problemResponses } }),
    async (c) => noContent(c, linkMeasure(c.get("deps"), requireActor(c), c.req.valid("param").id, c.req.valid("json"))),
  );
  api.openapi(
    createRoute({ method: "delete", path: "/risks/{id}/measure-links/{measureId}", tags: ["assessments"], summary: "Unlink a measure from a risk", request: { params: LinkParam }, responses: { 204: { description: "Unlinked" }, ...problemResponses } }),
    async (c) => {
      const { id, measureId } = c.req.valid("param");
      return noContent(c, unlinkMeasure(c.get("deps"), requireActor(c), id, measureId));
    },
  );

  // ------------------------------------------------------------ settings
  const Settings = z.object({ extraReviewers: z.array(z.enum(EXTRA_REVIEWER_ROLES)) }).openapi("AssessmentSettings");
  api.openapi(
    createRoute({ method: "get", path: "/assessment-settings", tags: ["assessments"], summary: "Which extra roles review every DEPIA (admin)", responses: { 200: jsonResponse(Settings, "Settings"), ...problemResponses } }),
    async (c) => c.json(await getAssessmentSettings(c.get("deps"), requireActor(c)), 200),
  );
  api.openapi(
    createRoute({ method: "put", path: "/assessment-settings", tags: ["assessments"], summary: "Set the extra reviewer roles (admin)", request: { body: jsonBody(SettingsInput) }, responses: { 200: jsonResponse(Settings, "Settings"), ...problemResponses } }),
    async (c) => {
      await updateAssessmentSettings(c.get("deps"), requireActor(c), c.req.valid("json"));
      return c.json(await getAssessmentSettings(c.get("deps"), requireActor(c)), 200);
    },
  );

  return api;
}
