// Exports of a project's DEPIA: JSON (documented in EXPORT-FORMAT.md and
// re-importable as a new draft), the action plan as CSV for Dutch Excel, and
// an accessible PDF (pdf/depia-pdf.ts).
import type { Translate } from "../../platform/i18n/index.ts";
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { RISK_LEVELS } from "../../domain/risk/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { toFieldErrors } from "../../platform/validation.ts";
import { answerFieldErrors, findResponse, getVersion, saveAnswers } from "../instrument-responses/service.ts";
import { validateAnswers } from "../../instruments/index.ts";
import { valueKeys } from "../values/service.ts";
import { createMeasure, listMeasures, MEASURE_LIMITS, MEASURE_STATUSES, type Measure } from "../measures/service.ts";
import { lockProjectForActor } from "../projects/access.ts";
import { insertRisk } from "./add-risk.ts";
import { DATE_MAX, openProject, requireActive } from "./common.ts";
import { DEPIA_INSTRUMENT_ID, DEPIA_LIMITS, depiaIdOf, depiaRecordsOf } from "./depia-records.ts";
import { linkMeasure } from "./link-measure.ts";
import { parseRisk, riskFields, RISK_LIMITS, risksOf, type RiskInputData } from "./risk-register.ts";
import { startDepia } from "./start-depia.ts";
import { REVIEW_VERDICTS, REVIEWER_ROLES, RISK_CATEGORIES, toCsv } from "./rules.ts";

export const EXPORT_FORMAT = "afweging.depia";
export const EXPORT_FORMAT_VERSION = 1;
/** The largest JSON document the import reads. */
export const IMPORT_MAX_BYTES = 2_000_000;

const level = z.enum(RISK_LEVELS as unknown as ["low", "medium", "high"]);
const position = z.object({ likelihood: level, impact: level, level: level.optional(), justification: z.string().max(RISK_LIMITS.justification) });
const NAME_MAX = 200;
const ID_MAX = 64;
const TIME_MAX = 40;
const measureSchema = z.object({
  id: z.string().max(ID_MAX),
  title: z.string().max(MEASURE_LIMITS.title),
  description: z.string().max(MEASURE_LIMITS.description).optional().default(""),
  owner: z.string().max(NAME_MAX).nullable().optional(),
  dueDate: z.string().max(DATE_MAX).nullable().optional(),
  status: z.enum(MEASURE_STATUSES),
  evidence: z.string().max(MEASURE_LIMITS.evidence).nullable().optional(),
  source: z.object({ type: z.string().max(40), id: z.string().max(ID_MAX).nullable() }).optional(),
});
const riskSchema = z.object({
  ref: z.string().max(10),
  category: z.enum(RISK_CATEGORIES),
  values: z.array(z.string().max(RISK_LIMITS.value)).max(RISK_LIMITS.values),
  description: z.string().max(RISK_LIMITS.description),
  inherent: position,
  residual: position.nullable(),
  residualAboveInherentReason: z.string().max(RISK_LIMITS.justification).nullable(),
  acceptedBy: z.string().max(NAME_MAX).nullable().optional(),
  measureIds: z.array(z.string().max(ID_MAX)).max(100),
});

/** The document's schema; the import validates against it before anything is stored. */
export const DepiaExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.string().max(TIME_MAX),
  project: z.object({ id: z.string().max(ID_MAX), title: z.string().max(NAME_MAX) }),
  instrument: z.object({ id: z.literal(DEPIA_INSTRUMENT_ID), version: z.string().max(20) }),
  answers: z.record(z.string().max(100), z.unknown()),
  versions: z
    .array(
      z.object({
        number: z.number().int().min(1),
        submittedAt: z.string().max(TIME_MAX),
        submittedBy: z.string().max(NAME_MAX),
        note: z.string().max(DEPIA_LIMITS.note),
        changedSections: z.array(z.string().max(100)),
        answers: z.record(z.string().max(100), z.unknown()),
      }),
    )
    .max(1000),
  risks: z.array(riskSchema).max(500),
  reviews: z
    .array(
      z.object({
        version: z.number().int().min(1),
        role: z.enum(REVIEWER_ROLES),
        reviewer: z.string().max(NAME_MAX),
        overall: z.enum(REVIEW_VERDICTS),
        advice: z.string().max(DEPIA_LIMITS.advice),
        givenAt: z.string().max(TIME_MAX),
        sections: z.array(z.object({ sectionId: z.string().max(100), verdict: z.enum(REVIEW_VERDICTS), note: z.string().max(DEPIA_LIMITS.sectionNote), measureId: z.string().max(ID_MAX).nullable() })),
      }),
    )
    .max(1000),
  residualRiskAcceptances: z.array(z.object({ version: z.number().int(), statement: z.string().max(DEPIA_LIMITS.statement), acceptedBy: z.string().max(NAME_MAX), acceptedAt: z.string().max(TIME_MAX) })).max(1000),
  apPriorConsultations: z.array(z.object({ consultedOn: z.string().max(DATE_MAX), reference: z.string().max(DEPIA_LIMITS.reference), outcome: z.string().max(DEPIA_LIMITS.outcome), recordedBy: z.string().max(NAME_MAX) })).max(1000),
  actionPlan: z.array(measureSchema).max(2000),
});
export type DepiaExport = z.infer<typeof DepiaExportSchema>;

function measureOut(m: Measure) {
  return { id: m.id, title: m.title, description: m.description, owner: m.ownerName, dueDate: m.dueDate, status: m.status, evidence: m.evidence, source: { type: m.source.type, id: m.source.id } };
}

/** The action plan: every measure of the project (from risks, review findings and elsewhere). */
async function actionPlan(deps: Deps, actor: Actor, projectId: string): Promise<Measure[]> {
  return listMeasures(deps, actor, projectId);
}

export async function exportDepiaJson(deps: Deps, actor: Actor, projectId: string): Promise<DepiaExport> {
  const project = await openProject(deps, actor, projectId);
  const records = await depiaRecordsOf(deps, actor.organisationId, project.id);
  if (!records) throw new AppError("rule_refused", "assessments.depia.not_started");
  const response = await findResponse(deps, actor, project.id, DEPIA_INSTRUMENT_ID, { project });
  const risks = await risksOf(deps, actor.organisationId, project.id);
  const measures = await actionPlan(deps, actor, project.id);
  const versions = [];
  for (const v of records.versions) {
    const frozen = await getVersion(deps, actor, records.responseId, v.responseVersion, { project });
    versions.push({ number: v.number, submittedAt: v.submittedAt, submittedBy: v.submittedByName, note: v.note, changedSections: v.changedSections, answers: frozen.answers });
  }
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: deps.now().toISOString(),
    project: { id: project.id, title: project.title },
    instrument: { id: DEPIA_INSTRUMENT_ID, version: response?.instrumentVersion ?? "" },
    answers: response?.answers ?? {},
    versions,
    risks: risks.map((r) => ({
      ref: r.label,
      category: r.category,
      values: r.values,
      description: r.description,
      inherent: r.inherent,
      residual: r.residual,
      residualAboveInherentReason: r.residualAboveInherentReason,
      acceptedBy: r.accepted?.byName ?? null,
      measureIds: r.measureIds,
    })),
    reviews: records.reviews.map((r) => ({ version: r.version, role: r.role, reviewer: r.reviewerName, overall: r.overall, advice: r.advice, givenAt: r.givenAt, sections: r.sections })),
    residualRiskAcceptances: records.acceptances.map((a) => ({ version: a.version, statement: a.statement, acceptedBy: a.acceptedByName, acceptedAt: a.acceptedAt })),
    apPriorConsultations: records.consultations.map((c) => ({ consultedOn: c.consultedOn, reference: c.reference, outcome: c.outcome, recordedBy: c.recordedByName })),
    actionPlan: measures.map(measureOut),
  };
}

/** The action plan as CSV: UTF-8 with BOM, semicolons, one measure per line, with the risks it covers. */
export async function exportActionPlanCsv(deps: Deps, actor: Actor, projectId: string, t: Translate): Promise<string> {
  const project = await openProject(deps, actor, projectId);
  const measures = await actionPlan(deps, actor, project.id);
  const risks = await risksOf(deps, actor.organisationId, project.id);
  const header = ["id", "titel", "omschrijving", "eigenaar", "deadline", "status", "bewijs", "bron", "risicos"];
  const rows = measures.map((m) => [
    m.id,
    m.title,
    m.description,
    m.ownerName ?? "",
    m.dueDate ?? "",
    t(`assessments.measure.status.${m.status}`),
    m.evidence ?? "",
    m.source.type,
    risks.filter((r) => r.measureIds.includes(m.id)).map((r) => r.label).join(" "),
  ]);
  return toCsv(header, rows);
}

/** The export's risks as register input, each checked on the scale before anything is stored. */
async function importedRisks(deps: Deps, actor: Actor, data: DepiaExport): Promise<RiskInputData[]> {
  const risks: RiskInputData[] = [];
  for (const [i, r] of data.risks.entries()) {
    try {
      risks.push(await parseRisk(deps, actor.organisationId, riskFields(r)));
    } catch (e) {
      if (e instanceof AppError) throw invalid(e.fieldErrors.map((f) => ({ field: `risks.${i}.${f.field}`, messageKey: f.messageKey, params: f.params })));
      throw e;
    }
  }
  return risks;
}

/**
 * Recreates a DEPIA draft from an export: the current answers (checked by the
 * instrument engine), the risks (checked on the scale, with their
 * justifications) and the measures linked to them (as new, open measures).
 * Reviews, acceptances and versions are not imported: they belong to the
 * original. Refused when the project already has a DEPIA or risks. Everything
 * is stored in one transaction, or nothing.
 */
export async function importDepiaJson(deps: Deps, actor: Actor, projectId: string, document: unknown): Promise<{ depiaId: string; risks: number; measures: number }> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (!canWorkOnProject(actor, project.id)) throw forbidden();
    const parsed = DepiaExportSchema.safeParse(document);
    if (!parsed.success) throw new AppError("validation", "assessments.import.invalid", { fieldErrors: toFieldErrors(parsed.error).map((e) => ({ ...e, messageKey: "assessments.import.invalid_field", params: { path: e.field } })) });
    const data = parsed.data;
    if (await depiaIdOf(tx, actor.organisationId, project.id)) throw new AppError("conflict", "assessments.import.depia_exists");
    if ((await risksOf(tx, actor.organisationId, project.id)).length) throw new AppError("conflict", "assessments.import.risks_exist");
    const risks = await importedRisks(tx, actor, data);
    const instrument = tx.instruments.get(DEPIA_INSTRUMENT_ID, data.instrument.version) ?? tx.instruments.latest(DEPIA_INSTRUMENT_ID)!;
    const answerErrors = validateAnswers(instrument, data.answers, { partial: true, valueKeys: await valueKeys(tx, actor.organisationId) });
    if (answerErrors.length) throw invalid(answerFieldErrors(answerErrors).map((f) => ({ ...f, field: `answers.${f.field}` })));
    const depiaId = await startDepia(tx, actor, project.id);
    const records = (await depiaRecordsOf(tx, actor.organisationId, project.id))!;
    if (Object.keys(data.answers).length) await saveAnswers(tx, actor, records.responseId, data.answers, { project });
    let measures = 0;
    for (const [i, r] of risks.entries()) {
      const riskId = await insertRisk(tx, actor, project, r);
      for (const measureId of data.risks[i]!.measureIds) {
        const m = data.actionPlan.find((x) => x.id === measureId);
        if (!m) continue;
        const id = await createMeasure(tx, actor, { projectId: project.id, title: m.title, description: m.description, source: { type: "risk", id: riskId } });
        await linkMeasure(tx, actor, riskId, { measureId: id });
        measures++;
      }
    }
    return { depiaId, risks: risks.length, measures };
  });
}
