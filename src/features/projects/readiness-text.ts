// The words for the lifecycle's codes: what a gate still needs, the line about
// the gate as a whole, the note after an "adjust", phase names, and what a
// material change means for the screening. The domain hands back codes with
// parameters; these turn them into the reader's language from the catalogue.
import type { DecisionNote, GateReadiness, GateRefusalCode, MaterialChangeEffect, MissingItem, Phase, ReadinessSummary } from "../../domain/lifecycle/index.ts";
import type { ErrorCode } from "../../platform/errors.ts";
import { translator, type Lang, type MessageKey, type Translate } from "../../platform/i18n/index.ts";
import { formatDate } from "./dates.ts";
import type {} from "./messages.ts";

/** What reads the words: the translator and the language it formats dates in. */
export interface Words {
  t: Translate;
  lang: Lang;
}

export function phaseName(t: Translate, phase: Phase): string {
  return t(`projects.phase.${phase}`);
}

/** A refused gate decision: the error it is, and the text the owner reads (shown again with the form). */
export const GATE_REFUSALS: Record<GateRefusalCode, readonly [Extract<ErrorCode, "validation" | "rule_refused" | "forbidden">, MessageKey]> = {
  invalid_decision: ["validation", "projects.gate.decision_required"],
  project_final: ["rule_refused", "projects.gate.refused_final"],
  not_owner: ["forbidden", "projects.gate.refused_not_owner"],
  not_ready: ["rule_refused", "projects.gate.refused_not_ready"],
};

export function missingText({ t, lang }: Words, item: MissingItem): string {
  const m = item.message;
  const date = (d: string) => formatDate(d, lang);
  switch (m.code) {
    case "advice_not_given":
      return t("projects.missing.advice_not_given", { date: date(m.params.requestedOn) });
    case "advice_responses":
      return t("projects.missing.advice_responses", m.params);
    case "screening_redo":
      return t("projects.missing.screening_redo", { change: t(`projects.change_reason.${m.params.change}`), date: date(m.params.since) });
    case "depia_submission":
    case "residual_risk_acceptance":
      return t(`projects.missing.${m.code}`, m.params);
    case "depia_rework":
      return t("projects.missing.depia_rework", { reviewer: t(`projects.reviewer.${m.params.reviewer}`), version: m.params.version, date: date(m.params.on), verdict: t(`projects.verdict.${m.params.verdict}`) });
    case "depia_review":
      return t("projects.missing.depia_review", { reviewer: t(`projects.reviewer.${m.params.reviewer}`), version: m.params.version, date: date(m.params.submittedOn) });
    case "open_deliberations":
      return t(m.params.count === 1 ? "projects.missing.open_deliberations_one" : "projects.missing.open_deliberations_many", m.params);
    case "measures":
      return t("projects.missing.measures", m.params);
    default:
      return t(`projects.missing.${m.code}`);
  }
}

export function summaryText({ t }: Words, summary: ReadinessSummary): string {
  const lower = (phase: Phase) => phaseName(t, phase).toLowerCase();
  switch (summary.code) {
    case "stopped":
    case "closed":
      return t(`projects.readiness.summary.${summary.code}`);
    case "wrong_transition":
      return t("projects.readiness.summary.wrong_transition", { phase: lower(summary.params.phase) });
    case "ready":
      return t("projects.readiness.summary.ready", { next: lower(summary.params.to) });
    case "not_ready": {
      const { count, to } = summary.params;
      return t(count === 1 ? "projects.readiness.summary.not_ready_one" : "projects.readiness.summary.not_ready_many", { count, next: lower(to) });
    }
  }
}

export function decisionNoteText({ t, lang }: Words, note: DecisionNote): string {
  return t("projects.readiness.adjusted", { date: formatDate(note.params.on, lang) });
}

export function changeEffectText({ t }: Words, effect: MaterialChangeEffect): string {
  return t(`projects.change_effect.${effect.reason.code}`, { change: t(`projects.change_reason.${effect.reason.params.change}`) });
}

type LocalText = Record<Lang, string>;

/** Both languages at once, for the API, which gives every text in Dutch and English. */
function inBoth(render: (words: Words) => string): LocalText {
  return { nl: render({ t: translator("nl"), lang: "nl" }), en: render({ t: translator("en"), lang: "en" }) };
}

/** The readiness as the API gives it: the codes worded in Dutch and English. */
export function readinessInBothLanguages(r: GateReadiness) {
  return {
    transition: r.transition,
    ready: r.ready,
    missing: r.missing.map((m) => missingInBothLanguages(m)),
    summary: inBoth((w) => summaryText(w, r.summary)),
    ...(r.decisionNote ? { decisionNote: inBoth((w) => decisionNoteText(w, r.decisionNote!)) } : {}),
  };
}

export function missingInBothLanguages(m: MissingItem): { key: string; who: string; message: LocalText; since?: string } {
  return { key: m.key, who: m.who, message: inBoth((w) => missingText(w, m)), ...(m.since ? { since: m.since } : {}) };
}
