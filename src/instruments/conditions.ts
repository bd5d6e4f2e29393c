// Evaluates declarative conditions. Visibility conditions only look at
// answers; outcome conditions may also look at criteria, counts and scores,
// which the caller supplies as an OutcomeFacts lookup.
import type { Condition, NumberComparison, Question, QuestionCondition } from "./types.ts";
import { isAnswered, isStringArray, scalarOf } from "./answer-reading.ts";

export interface ConditionContext {
  question(id: string): Question | undefined;
  /** The answer as seen by conditions: undefined when unanswered or hidden. */
  answer(id: string): unknown;
  criterion?(id: string): boolean;
  count?(group: string): number;
  score?(id: string): { value: number; threshold?: number } | undefined;
}

export function evaluateCondition(c: Condition, ctx: ConditionContext): boolean {
  if ("all" in c) return c.all.every((x) => evaluateCondition(x, ctx));
  if ("any" in c) return c.any.some((x) => evaluateCondition(x, ctx));
  if ("not" in c) return !evaluateCondition(c.not, ctx);
  if ("question" in c) return evaluateQuestion(c, ctx);
  if ("criterion" in c) return ctx.criterion?.(c.criterion) ?? false;
  if ("count" in c) return compareNumber(ctx.count?.(c.count) ?? 0, c);
  if ("score" in c) {
    const s = ctx.score?.(c.score);
    if (!s) return false;
    if (c.above_threshold !== undefined) {
      return s.threshold !== undefined && s.value > s.threshold === c.above_threshold;
    }
    return compareNumber(s.value, c);
  }
  return false;
}

function evaluateQuestion(c: QuestionCondition, ctx: ConditionContext): boolean {
  const q = ctx.question(c.question);
  if (!q) return false;
  const value = ctx.answer(c.question);
  if (c.answered !== undefined) return isAnswered(q, value) === c.answered;
  if (c.includes !== undefined) return isStringArray(value) && value.includes(c.includes);
  const scalar = scalarOf(q, value);
  const same = (v: unknown) => scalar !== undefined && String(scalar) === String(v);
  if (c.equals !== undefined) return same(c.equals);
  if (c.not_equals !== undefined) return !same(c.not_equals);
  if (c.in !== undefined) return c.in.some(same);
  const numeric: NumberComparison = { gt: c.gt, gte: c.gte, lt: c.lt, lte: c.lte };
  return typeof scalar === "number" && compareNumber(scalar, numeric);
}

function compareNumber(value: number, c: NumberComparison): boolean {
  if (c.equals !== undefined) return value === c.equals;
  if (c.gt !== undefined) return value > c.gt;
  if (c.gte !== undefined) return value >= c.gte;
  if (c.lt !== undefined) return value < c.lt;
  if (c.lte !== undefined) return value <= c.lte;
  return false;
}
