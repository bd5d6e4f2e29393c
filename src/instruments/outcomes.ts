// Evaluates an instrument's declared outcomes: criteria, weighted scores,
// decisions and signals. Only answers to visible questions count.
import type { Answers, Instrument, LocalText } from "./types.ts";
import { evaluateCondition, type ConditionContext } from "./conditions.ts";
import { effectiveAnswers, questionIndex } from "./visibility.ts";

export interface CriterionResult {
  id: string;
  group?: string;
  label: LocalText;
  holds: boolean;
  explanation: LocalText;
}

export interface ScoreResult {
  id: string;
  label: LocalText;
  value: number;
  max: number;
  threshold?: number;
  aboveThreshold?: boolean;
  /** Weighted questions still unanswered: the score may still rise. */
  unanswered: string[];
}

export interface FiredRule {
  id: string;
  result: string;
  explanation: LocalText;
}

export interface DecisionOutcome {
  id: string;
  result: string;
  resultLabel: LocalText;
  /** Every rule whose condition holds, in file order. */
  fired: FiredRule[];
  /** True when no rule fired and the default applies; `explanation` then says why. */
  defaulted: boolean;
  explanation: LocalText | null;
}

export interface SignalResult {
  id: string;
  label: LocalText;
  raised: boolean;
  explanation: LocalText;
}

export interface OutcomeEvaluation {
  criteria: CriterionResult[];
  scores: ScoreResult[];
  decisions: DecisionOutcome[];
  signals: SignalResult[];
}

export function evaluateOutcomes(instrument: Instrument, answers: Answers): OutcomeEvaluation {
  const outcomes = instrument.outcomes ?? {};
  const byId = questionIndex(instrument);
  const effective = effectiveAnswers(instrument, answers);
  const base: ConditionContext = { question: (id) => byId.get(id), answer: (id) => effective[id] };

  const criteria: CriterionResult[] = (outcomes.criteria ?? []).map((c) => ({
    id: c.id,
    ...(c.group !== undefined ? { group: c.group } : {}),
    label: c.label,
    holds: evaluateCondition(c.when, base),
    explanation: c.explanation,
  }));

  const scores: ScoreResult[] = (outcomes.scores ?? []).map((s) => {
    let value = 0;
    let max = 0;
    const unanswered: string[] = [];
    for (const term of s.weighted_sum) {
      const q = byId.get(term.question);
      if (q?.type !== "scale") continue;
      max += term.weight * q.max;
      const answer = effective[term.question];
      if (typeof answer === "number") value += term.weight * answer;
      else unanswered.push(term.question);
    }
    return {
      id: s.id,
      label: s.label,
      value,
      max,
      ...(s.threshold !== undefined ? { threshold: s.threshold, aboveThreshold: value > s.threshold } : {}),
      unanswered,
    };
  });

  const ctx: ConditionContext = {
    ...base,
    criterion: (id) => criteria.some((c) => c.id === id && c.holds),
    count: (group) => criteria.filter((c) => c.group === group && c.holds).length,
    score: (id) => {
      const s = scores.find((x) => x.id === id);
      return s ? { value: s.value, ...(s.threshold !== undefined ? { threshold: s.threshold } : {}) } : undefined;
    },
  };

  const decisions: DecisionOutcome[] = (outcomes.decisions ?? []).map((d) => {
    const fired = d.rules
      .filter((r) => evaluateCondition(r.when, ctx))
      .map((r) => ({ id: r.id, result: r.result, explanation: r.explanation }));
    const winner = d.results.find((res) => fired.some((f) => f.result === res.value));
    const result = winner?.value ?? d.default;
    const resultLabel = d.results.find((r) => r.value === result)?.label ?? { nl: result, en: result };
    return {
      id: d.id,
      result,
      resultLabel,
      fired,
      defaulted: winner === undefined,
      explanation: winner === undefined ? d.default_explanation : null,
    };
  });

  const signals: SignalResult[] = (outcomes.signals ?? []).map((s) => ({
    id: s.id,
    label: s.label,
    raised: evaluateCondition(s.when, ctx),
    explanation: s.explanation,
  }));

  return { criteria, scores, decisions, signals };
}
