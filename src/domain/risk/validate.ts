// Checks one risk's scores: both positions on the scale, each justified, and
// an explicit reason when measures would make things worse than before.
import { isRiskLevel, levelRank, RISK_AXES, riskLevel, type RiskLevel } from "./scale.ts";

export type RiskScoreErrorCode =
  | "invalid_level"
  | "justification_required"
  | "residual_above_inherent_requires_reason";

/** A refused score: which field, and a code the feature words from its catalogue. */
export interface RiskScoreError {
  field: string;
  code: RiskScoreErrorCode;
}

export interface RiskScoreInput {
  inherent: { likelihood: unknown; impact: unknown; justification?: string | null };
  /** Absent while measures are still being planned. */
  residual?: { likelihood: unknown; impact: unknown; justification?: string | null } | null;
  /** Why the residual position is above the inherent one, e.g. a measure that introduces its own risk. */
  residualAboveInherentReason?: string | null;
}

export function validateRiskScores(input: RiskScoreInput): RiskScoreError[] {
  const errors: RiskScoreError[] = [];
  const add = (field: string, code: RiskScoreErrorCode) => errors.push({ field, code });
  const filled = (s: string | null | undefined) => typeof s === "string" && s.trim() !== "";

  for (const axis of RISK_AXES) {
    if (!isRiskLevel(input.inherent[axis])) add(`inherent.${axis}`, "invalid_level");
  }
  if (!filled(input.inherent.justification)) add("inherent.justification", "justification_required");
  const residual = input.residual;
  if (!residual) return errors;
  for (const axis of RISK_AXES) {
    if (!isRiskLevel(residual[axis])) add(`residual.${axis}`, "invalid_level");
  }
  if (!filled(residual.justification)) add("residual.justification", "justification_required");
  if (errors.some((e) => e.code === "invalid_level")) return errors;

  const inherent = { likelihood: input.inherent.likelihood as RiskLevel, impact: input.inherent.impact as RiskLevel };
  const after = { likelihood: residual.likelihood as RiskLevel, impact: residual.impact as RiskLevel };
  if (isAboveInherent(inherent, after) && !filled(input.residualAboveInherentReason)) {
    add("residualAboveInherentReason", "residual_above_inherent_requires_reason");
  }
  return errors;
}

/** Above on either axis or in level: measures are meant to lower a risk, so any rise must be explained. */
export function isAboveInherent(
  inherent: { likelihood: RiskLevel; impact: RiskLevel },
  residual: { likelihood: RiskLevel; impact: RiskLevel },
): boolean {
  return (
    levelRank(residual.likelihood) > levelRank(inherent.likelihood) ||
    levelRank(residual.impact) > levelRank(inherent.impact) ||
    levelRank(riskLevel(residual)) > levelRank(riskLevel(inherent))
  );
}
