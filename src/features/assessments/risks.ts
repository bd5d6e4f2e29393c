// The risk register of a project: an open list of privacy, ethics, security
// and fundamental-rights risks, each scored before (inherent) and after
// (residual) measures on the platform's 3×3 scale, with justifications.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { highestLevel, riskLevel, RISK_LEVELS, validateRiskScores, type RiskLevel } from "../../domain/risk/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound, type FieldError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { createMeasure, listMeasures, type Measure } from "../measures/service.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { valueKeys } from "../values/service.ts";
import { openProject, requireActive } from "./common.ts";
import { evidenceForRisks, type RiskEvidence } from "./evidence.ts";
import { RISK_CATEGORIES, type RiskCategory } from "./rules.ts";

export const RISK_LIMITS = { description: 4000, justification: 4000, values: 20 } as const;

export interface RiskPositionView {
  likelihood: RiskLevel;
  impact: RiskLevel;
  level: RiskLevel;
  justification: string;
}

export interface Risk {
  id: string;
  projectId: string;
  number: number;
  /** "R1", "R2" … */
  label: string;
  category: RiskCategory;
  values: string[];
  description: string;
  inherent: RiskPositionView;
  residual: RiskPositionView | null;
  residualAboveInherentReason: string | null;
  accepted: { byName: string; at: string } | null;
  measureIds: string[];
  createdAt: string;
  updatedAt: string;
}

const level = z.string().trim().optional().default("");
const optionalText = (max: number) => z.string().trim().max(max, "field.too_long").optional().default("");

/** Flat, form-friendly input; the API sends the same names. */
export const RiskInput = z.object({
  category: z.enum(RISK_CATEGORIES, "field.invalid_choice"),
  values: z
    .union([z.array(z.string().trim().max(40, "field.too_long")), z.string().trim().max(1000, "field.too_long")])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(/[,\s]+/)).filter((x) => x !== ""))
    .pipe(z.array(z.string()).max(RISK_LIMITS.values, "field.too_long")),
  description: fields.text(RISK_LIMITS.description),
  inherentLikelihood: level,
  inherentImpact: level,
  inherentJustification: optionalText(RISK_LIMITS.justification),
  residualLikelihood: level,
  residualImpact: level,
  residualJustification: optionalText(RISK_LIMITS.justification),
  residualAboveInherentReason: optionalText(RISK_LIMITS.justification),
});
export type RiskInputData = z.infer<typeof RiskInput>;

const FIELD_NAMES: Record<string, string> = {
  "inherent.likelihood": "inherentLikelihood",
  "inherent.impact": "inherentImpact",
  "inherent.justification": "inherentJustification",
  "residual.likelihood": "residualLikelihood",
  "residual.impact": "residualImpact",
  "residual.justification": "residualJustification",
  residualAboveInherentReason: "residualAboveInherentReason",
};

/** Parses and checks a risk: the scale, the justifications, and a reason when the residual score is above the inherent one. */
export async function parseRisk(deps: Deps, organisationId: string, input: unknown): Promise<RiskInputData> {
  const data = parseInput(RiskInput, input);
  const hasResidual = data.residualLikelihood !== "" || data.residualImpact !== "" || data.residualJustification !== "";
  const errors = validateRiskScores({
    inherent: { likelihood: data.inherentLikelihood, impact: data.inherentImpact, justification: data.inherentJustification },
    residual: hasResidual ? { likelihood: data.residualLikelihood, impact: data.residualImpact, justification: data.residualJustification } : null,
    residualAboveInherentReason: data.residualAboveInherentReason,
  });
  const known = new Set(await valueKeys(deps, organisationId));
  const fieldErrors: FieldError[] = errors.map((e) => ({ field: FIELD_NAMES[e.field] ?? e.field, messageKey: `assessments.${e.messageKey}` }));
  if (data.values.some((v) => !known.has(v))) fieldErrors.push({ field: "values", messageKey: "assessments.risk.unknown_value" });
  if (fieldErrors.length) throw invalid(fieldErrors);
  return { ...data, values: [...new Set(data.values)] };
}

type Row = import("kysely").Selectable<import("./schema.ts").RiskTable>;

function position(likelihood: string | null, impact: string | null, justification: string | null): RiskPositionView | null {
  if (!likelihood || !impact) return null;
  const p = { likelihood: likelihood as RiskLevel, impact: impact as RiskLevel };
  return { ...p, level: riskLevel(p), justification: justification ?? "" };
}

function toRisk(r: Row, measureIds: string[]): Risk {
  let values: string[] = [];
  try {
    const v: unknown = JSON.parse(r.values_json);
    if (Array.isArray(v)) values = v.filter((x): x is string => typeof x === "string");
  } catch {
    values = [];
  }
  return {
    id: r.id,
    projectId: r.project_id,
    number: r.number,
    label: `R${r.number}`,
    category: r.category as RiskCategory,
    values,
    description: r.description,
    inherent: position(r.inherent_likelihood, r.inherent_impact, r.inherent_justification)!,
    residual: position(r.residual_likelihood, r.residual_impact, r.residual_justification),
    residualAboveInherentReason: r.residual_above_reason,
    accepted: r.accepted_by_name && r.accepted_at ? { byName: r.accepted_by_name, at: r.accepted_at } : null,
    measureIds,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Risks of a project in register order, without an acting user (snapshot, exports within one organisation). */
export async function risksOf(deps: Deps, organisationId: string, projectId: string): Promise<Risk[]> {
  const rows = await deps.db.selectFrom("risks").selectAll().where("organisation_id", "=", organisationId).where("project_id", "=", projectId).orderBy("number").execute();
  const links = rows.length
    ? await deps.db.selectFrom("risk_measures").select(["risk_id", "measure_id"]).where("organisation_id", "=", organisationId).where("risk_id", "in", rows.map((r) => r.id)).orderBy("created_at").execute()
    : [];
  return rows.map((r) => toRisk(r, links.filter((l) => l.risk_id === r.id).map((l) => l.measure_id)));
}

export async function listRisks(deps: Deps, actor: Actor, projectId: string): Promise<Risk[]> {
  const project = await openProject(deps, actor, projectId);
  return risksOf(deps, actor.organisationId, project.id);
}

export async function getRisk(deps: Deps, actor: Actor, riskId: string): Promise<Risk> {
  const row = await deps.db.selectFrom("risks").select(["project_id"]).where("id", "=", riskId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  if (!row) throw notFound();
  const risks = await listRisks(deps, actor, row.project_id);
  const risk = risks.find((r) => r.id === riskId);
  if (!risk) throw notFound();
  return risk;
}

/** The highest residual level in the register; null when no risk has a residual score yet. */
export function highestResidual(risks: readonly Risk[]): RiskLevel | null {
  return highestLevel(risks.flatMap((r) => (r.residual ? [r.residual.level] : [])));
}

function requireTeam(actor: Actor, project: ProjectRef): void {
  if (!canWorkOnProject(actor, project.id)) throw forbidden();
  requireActive(project);
}

function columns(data: RiskInputData) {
  const hasResidual = data.residualLikelihood !== "";
  return {
    category: data.category,
    values_json: JSON.stringify(data.values),
    description: data.description,
    inherent_likelihood: data.inherentLikelihood,
    inherent_impact: data.inherentImpact,
    inherent_justification: data.inherentJustification,
    residual_likelihood: hasResidual ? data.residualLikelihood : null,
    residual_impact: hasResidual ? data.residualImpact : null,
    residual_justification: hasResidual ? data.residualJustification : null,
    residual_above_reason: hasResidual && data.residualAboveInherentReason ? data.residualAboveInherentReason : null,
  };
}

/** Adds a risk to the register (project team). Returns its id. */
export async function addRisk(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  const project = await openProject(deps, actor, projectId);
  requireTeam(actor, project);
  const data = await parseRisk(deps, actor.organisationId, input);
  return insertRisk(deps, actor, project, data);
}

/** Used by addRisk and the JSON import: the data is already checked. */
export async function insertRisk(deps: Deps, actor: Actor, project: ProjectRef, data: RiskInputData): Promise<string> {
  const id = deps.newId();
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    const last = await tx.db.selectFrom("risks").select((eb) => eb.fn.max("number").as("n")).where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    await tx.db
      .insertInto("risks")
      .values({ id, organisation_id: actor.organisationId, project_id: project.id, number, ...columns(data), accepted_by: null, accepted_by_name: null, accepted_at: null, created_by: actor.userId, created_at: now, updated_at: now })
      .execute();
    await tx.audit({ action: "risk.added", entityType: "risk", entityId: id, after: { projectId: project.id, number, ...data } });
  });
  return id;
}

/** Changes a risk. An earlier acceptance no longer covers it. */
export async function updateRisk(deps: Deps, actor: Actor, riskId: string, input: unknown): Promise<void> {
  const before = await getRisk(deps, actor, riskId);
  const project = await openProject(deps, actor, before.projectId);
  requireTeam(actor, project);
  const data = await parseRisk(deps, actor.organisationId, input);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .updateTable("risks")
      .set({ ...columns(data), accepted_by: null, accepted_by_name: null, accepted_at: null, updated_at: deps.now().toISOString() })
      .where("id", "=", riskId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({ action: "risk.updated", entityType: "risk", entityId: riskId, before: riskAudit(before), after: data });
  });
}

function riskAudit(r: Risk) {
  return { category: r.category, values: r.values, description: r.description, inherent: r.inherent, residual: r.residual, residualAboveInherentReason: r.residualAboveInherentReason };
}

/** Removes a risk that has no measures linked (those would lose their reason). */
export async function removeRisk(deps: Deps, actor: Actor, riskId: string): Promise<void> {
  const before = await getRisk(deps, actor, riskId);
  const project = await openProject(deps, actor, before.projectId);
  requireTeam(actor, project);
  if (before.measureIds.length) throw new AppError("rule_refused", "assessments.risk.has_measures");
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.deleteFrom("risks").where("id", "=", riskId).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "risk.removed", entityType: "risk", entityId: riskId, before: riskAudit(before) });
  });
}

// ---------------------------------------------------------------- measures linked to risks

export const NewRiskMeasureInput = z.object({
  title: fields.text(200),
  description: z.string().trim().max(4000, "field.too_long").optional().default(""),
  ownerUserId: z.string().trim().max(64, "field.too_long").optional().transform((v) => v || undefined),
  dueDate: z.string().trim().max(10, "field.date").optional().transform((v) => v || undefined),
});

/** Makes a new measure (through the measures feature) for a risk and links it. Returns the measure id. */
export async function addMeasureForRisk(deps: Deps, actor: Actor, riskId: string, input: unknown): Promise<string> {
  const risk = await getRisk(deps, actor, riskId);
  const project = await openProject(deps, actor, risk.projectId);
  requireTeam(actor, project);
  const data = parseInput(NewRiskMeasureInput, input);
  const measureId = await createMeasure(deps, actor, { projectId: project.id, title: data.title, description: data.description, ownerUserId: data.ownerUserId, dueDate: data.dueDate, source: { type: "risk", id: risk.id } });
  await insertLink(deps, actor, risk, measureId);
  return measureId;
}

/** Links an existing measure of the same project to a risk. */
export async function linkMeasure(deps: Deps, actor: Actor, riskId: string, measureId: string): Promise<void> {
  const risk = await getRisk(deps, actor, riskId);
  const project = await openProject(deps, actor, risk.projectId);
  requireTeam(actor, project);
  const measures = await listMeasures(deps, actor, project.id);
  if (!measures.some((m) => m.id === measureId)) throw invalid([{ field: "measureId", messageKey: "assessments.risk.measure_unknown" }]);
  if (risk.measureIds.includes(measureId)) throw new AppError("conflict", "assessments.risk.already_linked");
  await insertLink(deps, actor, risk, measureId);
}

async function insertLink(deps: Deps, actor: Actor, risk: Risk, measureId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.insertInto("risk_measures").values({ organisation_id: actor.organisationId, risk_id: risk.id, measure_id: measureId, created_at: deps.now().toISOString() }).execute();
    await tx.audit({ action: "risk.measure_linked", entityType: "risk", entityId: risk.id, after: { measureId } });
  });
}

export async function unlinkMeasure(deps: Deps, actor: Actor, riskId: string, measureId: string): Promise<void> {
  const risk = await getRisk(deps, actor, riskId);
  const project = await openProject(deps, actor, risk.projectId);
  requireTeam(actor, project);
  if (!risk.measureIds.includes(measureId)) throw notFound();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.deleteFrom("risk_measures").where("organisation_id", "=", actor.organisationId).where("risk_id", "=", risk.id).where("measure_id", "=", measureId).execute();
    await tx.audit({ action: "risk.measure_unlinked", entityType: "risk", entityId: risk.id, before: { measureId } });
  });
}

export interface RiskRegister {
  project: ProjectRef;
  risks: Risk[];
  measures: Measure[];
  highestResidual: RiskLevel | null;
  canEdit: boolean;
  /** Evidence other features keep per risk id (bias audits). */
  evidence: Record<string, RiskEvidence[]>;
}

export async function riskRegister(deps: Deps, actor: Actor, projectId: string): Promise<RiskRegister> {
  const project = await openProject(deps, actor, projectId);
  const risks = await risksOf(deps, actor.organisationId, project.id);
  const measures = await listMeasures(deps, actor, project.id);
  const evidence = await evidenceForRisks(deps, actor, project.id, risks.map((r) => r.id));
  return { project, risks, measures, highestResidual: highestResidual(risks), canEdit: canWorkOnProject(actor, project.id) && !["stopped", "closed"].includes(project.phase), evidence };
}

export const LEVELS = RISK_LEVELS;
