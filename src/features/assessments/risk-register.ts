// The risk register of a project: an open list of privacy, ethics, security
// and fundamental-rights risks, each scored before (inherent) and after
// (residual) measures on the platform's 3×3 scale, with justifications.
// This file reads and checks; the changes are use cases of their own
// (add-risk.ts, update-risk.ts, …), gathered in risks.ts.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { highestLevel, riskLevel, validateRiskScores, type RiskLevel } from "../../domain/risk/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid, notFound, type FieldError } from "../../platform/errors.ts";
import { lockProjectForActor } from "../projects/access.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { listMeasures, type Measure } from "../measures/service.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import type { Tx } from "../../platform/transaction.ts";
import { valueKeys } from "../values/service.ts";
import { isActive, openProject, parseStringList, requireActive } from "./common.ts";
import { evidenceForRisks, type RiskEvidence } from "./evidence.ts";
import { RISK_CATEGORIES, type RiskCategory } from "./rules.ts";

export const RISK_LIMITS = { description: 4000, justification: 4000, values: 20, value: 40, valueList: 1000 } as const;

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

/** Flat, form-friendly input; the API sends the same names. The scale is checked by the domain (parseRisk). */
export const RiskInput = z.object({
  category: z.enum(RISK_CATEGORIES, "field.invalid_choice"),
  values: z
    .union([z.array(z.string().trim().max(RISK_LIMITS.value, "field.too_long")), z.string().trim().max(RISK_LIMITS.valueList, "field.too_long")])
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

/** The flat fields of a risk as it stands (a stored one, or one in an export), for a form or a new register. */
export function riskFields(risk: Pick<Risk, "category" | "values" | "description" | "residualAboveInherentReason"> & { inherent: Omit<RiskPositionView, "level">; residual: Omit<RiskPositionView, "level"> | null }) {
  return {
    category: risk.category,
    values: risk.values,
    description: risk.description,
    inherentLikelihood: risk.inherent.likelihood,
    inherentImpact: risk.inherent.impact,
    inherentJustification: risk.inherent.justification,
    residualLikelihood: risk.residual?.likelihood ?? "",
    residualImpact: risk.residual?.impact ?? "",
    residualJustification: risk.residual?.justification ?? "",
    residualAboveInherentReason: risk.residualAboveInherentReason ?? "",
  };
}

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
  const fieldErrors: FieldError[] = errors.map((e) => ({ field: FIELD_NAMES[e.field] ?? e.field, messageKey: `assessments.risk.${e.code}` }));
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

export function toRisk(r: Row, measureIds: string[]): Risk {
  return {
    id: r.id,
    projectId: r.project_id,
    number: r.number,
    label: `R${r.number}`,
    category: r.category as RiskCategory,
    values: parseStringList(r.values_json),
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

async function riskRow(deps: Deps, actor: Actor, riskId: string): Promise<{ project_id: string }> {
  const row = await deps.db.selectFrom("risks").select(["project_id"]).where("id", "=", riskId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

async function withRisk(deps: Deps, actor: Actor, project: ProjectRef, riskId: string): Promise<{ risk: Risk; project: ProjectRef }> {
  const risk = (await risksOf(deps, actor.organisationId, project.id)).find((r) => r.id === riskId);
  if (!risk) throw notFound();
  return { risk, project };
}

/** A risk the actor may see, with its project. */
export async function openRisk(deps: Deps, actor: Actor, riskId: string): Promise<{ risk: Risk; project: ProjectRef }> {
  const row = await riskRow(deps, actor, riskId);
  return withRisk(deps, actor, await openProject(deps, actor, row.project_id), riskId);
}

/** The same for a use case that changes the register: its project stays locked until the transaction ends. */
export async function lockRisk(tx: Tx, actor: Actor, riskId: string): Promise<{ risk: Risk; project: ProjectRef }> {
  const row = await riskRow(tx, actor, riskId);
  return withRisk(tx, actor, await lockProjectForActor(tx, actor, row.project_id), riskId);
}

export async function getRisk(deps: Deps, actor: Actor, riskId: string): Promise<Risk> {
  return (await openRisk(deps, actor, riskId)).risk;
}

/** The highest residual level in the register; null when no risk has a residual score yet. */
export function highestResidual(risks: readonly Risk[]): RiskLevel | null {
  return highestLevel(risks.flatMap((r) => (r.residual ? [r.residual.level] : [])));
}

/** Changes to the register are for the project team, while the project is active. */
export function requireTeam(actor: Actor, project: ProjectRef): void {
  if (!canWorkOnProject(actor, project.id)) throw forbidden();
  requireActive(project);
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
  return { project, risks, measures, highestResidual: highestResidual(risks), canEdit: canWorkOnProject(actor, project.id) && isActive(project), evidence };
}
