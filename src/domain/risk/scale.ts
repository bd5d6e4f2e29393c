// The one risk scale of the platform: 3×3, laag / midden / hoog, as in the
// Model DPIA Rijksdienst. Chosen over CNIL's 4×4 because Dutch FGs, ISOs and
// the Autoriteit Persoonsgegevens work in these three levels, and the rule
// "high residual risk → prior consultation of the AP" is stated in them; a
// finer scale would need a mapping back at exactly the moment that matters.
import type { LocalText } from "../../instruments/types.ts";

export type RiskLevel = "low" | "medium" | "high";

export const RISK_LEVELS: readonly RiskLevel[] = ["low", "medium", "high"];

export interface LevelDefinition {
  label: LocalText;
  description: LocalText;
}

export const LEVEL_LABELS: Record<RiskLevel, LocalText> = {
  low: { nl: "laag", en: "low" },
  medium: { nl: "midden", en: "medium" },
  high: { nl: "hoog", en: "high" },
};

export const LIKELIHOOD: Record<RiskLevel, LevelDefinition> = {
  low: {
    label: LEVEL_LABELS.low,
    description: {
      nl: "Het gebeurt waarschijnlijk niet. Er is een bijzondere samenloop van omstandigheden voor nodig, of opzet die veel moeite kost.",
      en: "It is unlikely to happen. It needs an unusual combination of circumstances, or deliberate effort that takes a lot of work.",
    },
  },
  medium: {
    label: LEVEL_LABELS.medium,
    description: {
      nl: "Het kan gebeuren. Het is elders al eens voorgekomen, of een gewone fout of een gerichte poging is genoeg.",
      en: "It may happen. It has happened elsewhere, or an ordinary mistake or a targeted attempt is enough.",
    },
  },
  high: {
    label: LEVEL_LABELS.high,
    description: {
      nl: "Het gebeurt waarschijnlijk, of het gebeurt nu al. Er is weinig voor nodig.",
      en: "It is likely to happen, or it already happens. It takes little.",
    },
  },
};

export const IMPACT: Record<RiskLevel, LevelDefinition> = {
  low: {
    label: LEVEL_LABELS.low,
    description: {
      nl: "Mensen merken er weinig van: wat ongemak of extra moeite, snel en zonder blijvende gevolgen op te lossen.",
      en: "People notice little: some inconvenience or extra effort, solved quickly and without lasting effects.",
    },
  },
  medium: {
    label: LEVEL_LABELS.medium,
    description: {
      nl: "Mensen hebben er echt last van: geldverlies, stress, onterecht wantrouwen of een voorziening die later komt. Herstel kost moeite.",
      en: "People are really affected: loss of money, stress, undeserved suspicion or a service that comes late. Recovery takes effort.",
    },
  },
  high: {
    label: LEVEL_LABELS.high,
    description: {
      nl: "Ernstige of blijvende gevolgen: discriminatie, uitsluiting van een recht of voorziening, gevaar voor gezondheid of veiligheid, of schade die niet te herstellen is.",
      en: "Serious or lasting effects: discrimination, exclusion from a right or service, danger to health or safety, or harm that cannot be undone.",
    },
  },
};

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
