// Which of the instrument's legal rules fire on the answers, and from which
// date each applies. Dates come from the file's provisions; a rule without a
// provision (scope, facts) is not dated and always counts.
import { isIsoDate } from "../dates.ts";
import type { Answers, Condition, Instrument, LawBlock, LawRule, LawRuleEffect, Provision } from "../../instruments/types.ts";
import { evaluateCondition, type ConditionContext } from "../../instruments/conditions.ts";
import { effectiveAnswers, questionIndex } from "../../instruments/visibility.ts";

export class ClassificationDefinitionError extends Error {
  readonly code = "classification_definition_invalid";
}

export interface FiredRule {
  rule: LawRule;
  provision: Provision | undefined;
  /** Undefined for undated rules. */
  appliesFrom: string | undefined;
  questions: string[];
}

/** The day after which every rule has applied: used for the eventual outcome. */
export const END_OF_TIME = "9999-12-31";


export function requireLaw(instrument: Instrument): LawBlock {
  if (instrument.kind !== "classification" || !instrument.law) {
    throw new ClassificationDefinitionError(`instrument ${instrument.id} ${instrument.version} is not a classification instrument with a law block`);
  }
  return instrument.law;
}

export function assertIsoDate(onDate: string): void {
  if (!isIsoDate(onDate)) throw new RangeError(`'${onDate}' is not a date (yyyy-mm-dd)`);
}

/** The condition context over the answers that count (visible questions only). */
export function answerContext(instrument: Instrument, answers: Answers): ConditionContext {
  const effective = effectiveAnswers(instrument, answers);
  const byId = questionIndex(instrument);
  return { question: (id) => byId.get(id), answer: (id) => effective[id] };
}

export function fireRules(law: LawBlock, ctx: ConditionContext): FiredRule[] {
  const provisions = new Map(law.provisions.map((p) => [p.id, p]));
  return law.rules
    .filter((rule) => evaluateCondition(rule.when, ctx))
    .map((rule) => {
      const provision = rule.provision === undefined ? undefined : provisions.get(rule.provision);
      if (rule.provision !== undefined && !provision) throw new ClassificationDefinitionError(`rule ${rule.id} names unknown provision ${rule.provision}`);
      return { rule, provision, appliesFrom: provision?.applies_from, questions: questionsOf(rule.when) };
    });
}

export function inForce(fired: { appliesFrom: string | undefined }, onDate: string): boolean {
  return fired.appliesFrom === undefined || fired.appliesFrom <= onDate;
}

/** The fired rules as seen on one date: which hold, by effect. */
export class RulesOnDate {
  constructor(
    private readonly fired: readonly FiredRule[],
    readonly onDate: string,
  ) {}

  /** Rules of this effect that fired, whatever their date: facts about the system. */
  any(effect: LawRuleEffect): boolean {
    return this.fired.some((f) => f.rule.effect === effect);
  }

  /** Rules of this effect that fired and apply on the date. */
  applying(effect: LawRuleEffect): FiredRule[] {
    return this.fired.filter((f) => f.rule.effect === effect && inForce(f, this.onDate));
  }

  has(effect: LawRuleEffect): boolean {
    return this.applying(effect).length > 0;
  }
}

/** Every question a condition reads, in the order it reads them. */
export function questionsOf(condition: Condition): string[] {
  const out: string[] = [];
  const walk = (c: Condition): void => {
    if ("all" in c) c.all.forEach(walk);
    else if ("any" in c) c.any.forEach(walk);
    else if ("not" in c) walk(c.not);
    else if ("question" in c && !out.includes(c.question)) out.push(c.question);
  };
  walk(condition);
  return out;
}
