// classify(answers, instrument, onDate): the AI Act outcome of a project's
// answers on a date, with every reason as a code with parameters. The rules,
// their articles and dates are the instrument's data (law block); this file
// only knows what each kind of rule means and in which order they count.
import type { Answers, Instrument } from "../../instruments/types.ts";
import { evaluateCondition } from "../../instruments/conditions.ts";
import { isAnswered } from "../../instruments/answer-reading.ts";
import { visibleQuestions } from "../../instruments/visibility.ts";
import type { ClassificationResult, ClassificationView, ContradictionError, Reason } from "./types.ts";
import { answerContext, assertIsoDate, END_OF_TIME, fireRules, inForce, requireLaw, RulesOnDate, type FiredRule } from "./fired-rules.ts";
import { aiTypeOf, declaredRoles, highRisk, viewOn } from "./view.ts";
import { checkDutiesDeclared, dutiesIn, dutyResults } from "./duties.ts";

export function classify(answers: Answers, instrument: Instrument, onDate: string): ClassificationResult {
  const law = requireLaw(instrument);
  assertIsoDate(onDate);
  const ctx = answerContext(instrument, answers);
  const errors: ContradictionError[] = (law.contradictions ?? [])
    .filter((c) => evaluateCondition(c.when, ctx))
    .map((c) => ({ code: "ai_act.contradictory_answers", contradiction: c.id, questions: c.questions }));
  const missing = visibleQuestions(instrument, answers)
    .filter((q) => q.required && !isAnswered(q, answers[q.id]))
    .map((q) => q.id);
  const base = { instrumentId: instrument.id, instrumentVersion: instrument.version, lawVersion: law.version, onDate, missing, errors };
  if (errors.length > 0 || missing.length > 0) {
    const state = errors.length > 0 ? "contradictory" : "incomplete";
    return { ...base, state, aiType: null, roles: [], openSource: false, systemicRisk: false, current: null, eventual: null, timeline: [], reasons: [], duties: [] };
  }

  const fired = fireRules(law, ctx);
  const today = new RulesOnDate(fired, onDate);
  const always = new RulesOnDate(fired, END_OF_TIME);
  const aiType = aiTypeOf(today);
  const current = viewOn(today, aiType, onDate);
  const eventual = viewOn(always, aiType, onDate);
  const timeline = timelineOf(fired, aiType, onDate, current);
  const currentDuties = dutiesIn(current, today, aiType);
  const eventualDuties = dutiesIn(eventual, always, aiType);
  checkDutiesDeclared(law, eventualDuties);

  return {
    ...base,
    state: "classified",
    aiType,
    roles: declaredRoles(today),
    openSource: today.any("open_source"),
    systemicRisk: today.any("systemic_risk"),
    current,
    eventual,
    timeline,
    reasons: [...fired.map((f) => ruleReason(f, onDate)), ...derivedReasons(today, always, current, eventual, timeline)],
    duties: dutyResults(law, eventualDuties, currentDuties, eventual, onDate),
  };
}

/** The outcome today, then on each later date from which a fired rule applies, where it changes. */
function timelineOf(fired: readonly FiredRule[], aiType: ReturnType<typeof aiTypeOf>, onDate: string, current: ClassificationView) {
  const later = [...new Set(fired.map((f) => f.appliesFrom).filter((d): d is string => d !== undefined && d > onDate))].sort();
  const timeline = [{ from: onDate, outcome: current.outcome }];
  for (const date of later) {
    const outcome = viewOn(new RulesOnDate(fired, date), aiType, onDate).outcome;
    if (outcome !== timeline[timeline.length - 1]!.outcome) timeline.push({ from: date, outcome });
  }
  return timeline;
}

function ruleReason(f: FiredRule, onDate: string): Reason {
  const r = f.rule;
  return {
    code: `ai_act.${r.effect}`,
    rule: r.id,
    questions: f.questions,
    ...(r.article !== undefined ? { article: r.article } : {}),
    ...(r.annex_point !== undefined ? { annexPoint: r.annex_point } : {}),
    ...(r.role !== undefined ? { role: r.role } : {}),
    ...(f.provision ? { provision: f.provision.id, provisionStatus: f.provision.status } : {}),
    ...(f.appliesFrom !== undefined ? { appliesFrom: f.appliesFrom } : {}),
    inForce: inForce(f, onDate),
  };
}

function derivedReasons(today: RulesOnDate, always: RulesOnDate, current: ClassificationView, eventual: ClassificationView, timeline: ClassificationResult["timeline"]): Reason[] {
  const reasons = viewReasons(current, today, true);
  const known = new Set(reasons.map((r) => r.code));
  reasons.push(...viewReasons(eventual, always, false).filter((r) => !known.has(r.code)));
  if (today.any("gpai_model") && today.any("open_source") && !today.any("systemic_risk")) {
    reasons.push({ code: "ai_act.gpai.open_model", article: "53(2), 54(6)", inForce: today.has("gpai_model") });
  }
  for (const step of timeline.slice(1)) reasons.push({ code: "ai_act.outcome.pending", outcome: step.outcome, appliesFrom: step.from, inForce: false });
  const register = registerReason(current);
  if (register) reasons.push(register);
  return reasons;
}

/** What the view concluded beyond single rules: the exception, profiling, Art. 25, the open-source exclusion. */
function viewReasons(view: ClassificationView, rules: RulesOnDate, inForce: boolean): Reason[] {
  const hr = highRisk(rules);
  const reasons: Reason[] = [];
  if (view.outsideScopeBecause === "open_source") reasons.push({ code: "ai_act.scope.open_source", article: "2(12)", inForce });
  if (hr.annexIiiFired.length > 0) {
    if (hr.profiling) reasons.push({ code: "ai_act.high_risk.profiling_always", article: "6(3)", inForce });
    else if (hr.exceptionApplies) reasons.push({ code: "ai_act.not_high_risk.art_6_3", article: "6(3)", inForce });
    else if (hr.exceptionClaimed) reasons.push({ code: "ai_act.high_risk.art_6_3_not_met", article: "6(3)", inForce });
  }
  if (view.roles.includes("provider") && !declaredRoles(rules).includes("provider")) {
    reasons.push({ code: "ai_act.role.becomes_provider", article: "25(1)", role: "provider", inForce });
  }
  return reasons;
}

function registerReason(view: ClassificationView): Reason | null {
  switch (view.publicationCategory) {
    case null:
      return null;
    case "Hoog-risico AI-systeem":
      return { code: "ai_act.register.high_risk", inForce: true };
    case "Impactvolle algoritmes":
      return { code: view.outcome === "prohibited" ? "ai_act.register.prohibited" : "ai_act.register.impactful", inForce: true };
    case "Overige algoritmes":
      return { code: "ai_act.register.other", inForce: true };
  }
}
