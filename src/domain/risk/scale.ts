// The one risk scale of the platform: 3×3, laag / midden / hoog, as in the
// Model DPIA Rijksdienst. Chosen over CNIL's 4×4 because Dutch FGs, ISOs and
// the Autoriteit Persoonsgegevens work in these three levels, and the rule
// "high residual risk → prior consultation of the AP" is stated in them; a
// finer scale would need a mapping back at exactly the moment that matters.
// Levels are codes; their names and the words that define them for likelihood
// and impact are in the catalogue of the feature that shows them
// (assessments: `assessments.level.<level>`, `assessments.scale.<axis>.<level>`).

export type RiskLevel = "low" | "medium" | "high";

export const RISK_LEVELS: readonly RiskLevel[] = ["low", "medium", "high"];

/** The two axes a risk is scored on. */
export type RiskAxis = "likelihood" | "impact";
export const RISK_AXES: readonly RiskAxis[] = ["likelihood", "impact"];

/** MATRIX[likelihood][impact]: a high impact is never low, whatever the likelihood. */
export const MATRIX: Record<RiskLevel, Record<RiskLevel, RiskLevel>> = {
  low: { low: "low", medium: "low", high: "medium" },
  medium: { low: "low", medium: "medium", high: "high" },
  high: { low: "medium", medium: "high", high: "high" },
};

export interface RiskPosition {
  likelihood: RiskLevel;
  impact: RiskLevel;
}

export function riskLevel(position: RiskPosition): RiskLevel {
  return MATRIX[position.likelihood][position.impact];
}

export function levelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

export function compareLevels(a: RiskLevel, b: RiskLevel): number {
  return levelRank(a) - levelRank(b);
}

export function highestLevel(levels: Iterable<RiskLevel>): RiskLevel | null {
  let highest: RiskLevel | null = null;
  for (const level of levels) if (highest === null || compareLevels(level, highest) > 0) highest = level;
  return highest;
}

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === "string" && (RISK_LEVELS as readonly string[]).includes(value);
}

/** A high residual risk must be put to the Autoriteit Persoonsgegevens before processing starts (AVG art. 36). */
export function requiresPriorConsultation(residual: RiskLevel): boolean {
  return residual === "high";
}

/** All nine cells, impact rows from high to low, for the heat map and its table equivalent. */
export function heatMapCells(): Array<RiskPosition & { level: RiskLevel }> {
  return [...RISK_LEVELS].reverse().flatMap((impact) =>
    RISK_LEVELS.map((likelihood) => ({ likelihood, impact, level: MATRIX[likelihood][impact] })),
  );
}
