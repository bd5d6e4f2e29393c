// The pre-DPIA outcome. The rules live in the instrument file
// (instruments/pre-dpia); this function only reads the declared decision,
// score and signals and shapes them for the screening record.
import type { Answers, Instrument, LocalText } from "../../instruments/types.ts";
import { evaluateOutcomes } from "../../instruments/outcomes.ts";
import { responseStatus } from "../../instruments/status.ts";

export const SCREENING_INSTRUMENT_ID = "pre-dpia";
const DECISION_ID = "depia";
const SCORE_ID = "risk_score";

export type ScreeningOutcome = "required" | "recommended" | "not_required";
export type ScreeningSignal = "iama" | "dtia" | "kia";
export const SCREENING_SIGNALS: readonly ScreeningSignal[] = ["iama", "dtia", "kia"];

export interface FiredItem {
  kind: "rule" | "criterion";
  /** Rule id (e.g. `edpb_two_or_more`) or criterion id (e.g. `edpb_scoring`). */
  id: string;
  /** For criteria: edpb, ap or legislation. */
  group?: string;
  /** For rules: the outcome this rule leads to. */
  result?: ScreeningOutcome;
  label?: LocalText;
  explanation: LocalText;
}

export interface ScreeningResult {
  outcome: ScreeningOutcome;
  outcomeLabel: LocalText;
  /** Why nothing fired, when the outcome is the default. */
  explanation: LocalText | null;
  /** Fired rules first, then every criterion that holds, in file order. */
  fired: FiredItem[];
  signals: Record<ScreeningSignal, { needed: boolean; reasons: LocalText[] }>;
  score: { value: number; max: number; threshold: number | null; aboveThreshold: boolean; unanswered: string[] };
  /** False while required questions are open: the outcome is then provisional. */
  complete: boolean;
}

export class ScreeningDefinitionError extends Error {
  readonly code = "screening_definition_invalid";
}

export function evaluateScreening(instrument: Instrument, answers: Answers): ScreeningResult {
  const evaluation = evaluateOutcomes(instrument, answers);
  const decision = evaluation.decisions.find((d) => d.id === DECISION_ID);
  const score = evaluation.scores.find((s) => s.id === SCORE_ID);
  if (!decision || !score) {
    throw new ScreeningDefinitionError(`instrument ${instrument.id} ${instrument.version} lacks the '${DECISION_ID}' decision or the '${SCORE_ID}' score`);
  }
  if (!isOutcome(decision.result)) {
    throw new ScreeningDefinitionError(`decision result '${decision.result}' is not one of required, recommended, not_required`);
  }

  const fired: FiredItem[] = [
    ...decision.fired.map((r) => ({
      kind: "rule" as const,
      id: r.id,
      ...(isOutcome(r.result) ? { result: r.result } : {}),
      explanation: r.explanation,
    })),
    ...evaluation.criteria
      .filter((c) => c.holds)
      .map((c) => ({
        kind: "criterion" as const,
        id: c.id,
        ...(c.group !== undefined ? { group: c.group } : {}),
        label: c.label,
        explanation: c.explanation,
      })),
  ];

  const signals = Object.fromEntries(
    SCREENING_SIGNALS.map((id) => {
      const s = evaluation.signals.find((x) => x.id === id);
      return [id, { needed: s?.raised ?? false, reasons: s?.raised ? [s.explanation] : [] }];
    }),
  ) as ScreeningResult["signals"];

  return {
    outcome: decision.result,
    outcomeLabel: decision.resultLabel,
    explanation: decision.explanation,
    fired,
    signals,
    score: {
      value: score.value,
      max: score.max,
      threshold: score.threshold ?? null,
      aboveThreshold: score.aboveThreshold ?? false,
      unanswered: score.unanswered,
    },
    complete: responseStatus(instrument, answers) === "complete",
  };
}

function isOutcome(value: string): value is ScreeningOutcome {
  return value === "required" || value === "recommended" || value === "not_required";
}
