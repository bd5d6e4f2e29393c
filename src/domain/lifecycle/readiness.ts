// Gate readiness: what the next phase still needs and from whom, since when,
// as codes with parameters; the projects feature words them from its
// catalogue. applyGateDecision refuses a "go" on exactly this result, so the
// page and the transition can never disagree.
import { gateFor, type Phase, type Transition } from "./phases.ts";
import type { MaterialChangeKind } from "./material-change.ts";
import type { GateDecisionRecord, IsoDate, ProjectSnapshot, VerdictRecord } from "./snapshot.ts";

/** Who has to act; RESPONSIBLE_ROLES maps each to the roles that can. */
export type Responsible = "owner" | "lead" | "expert_table" | "fg" | "iso" | "second_line" | "facilitator";

export const RESPONSIBLE_ROLES: Record<Responsible, readonly string[]> = {
  owner: ["owner"],
  lead: ["lead"],
  expert_table: ["expert_table_member", "ethics_advisor"],
  fg: ["fg"],
  iso: ["iso"],
  second_line: ["privacy_officer", "iso", "jurist"],
  facilitator: ["ethics_advisor", "lead"],
};

export type MissingKey =
  | "canvas"
  | "expert_advice_request"
  | "expert_advice"
  | "advice_responses"
  | "screening"
  | "screening_redo"
  | "depia"
  | "depia_submission"
  | "depia_fg_review"
  | "depia_iso_review"
  | "residual_risk_acceptance"
  | "ap_prior_consultation"
  | "contract_signoff"
  | "open_deliberations"
  | "measures"
  | "periodic_evaluation"
  | "evaluation"
  | "ai_act_prohibited"
  | "ai_act_redo"
  | "ai_act_review"
  | "ai_act_fria"
  | "ai_act_eu_registration";

/** The DEPIA reviewers whose verdict the gate waits for. */
export type Reviewer = "fg" | "iso";

/** Why an item is missing, with what the sentence needs; worded by the projects catalogue (projects.missing.*). */
export type MissingMessage =
  | { code: "canvas_not_started" }
  | { code: "canvas_in_progress" }
  | { code: "advice_not_requested" }
  | { code: "advice_not_given"; params: { requestedOn: IsoDate } }
  | { code: "advice_responses"; params: { answered: number; total: number } }
  | { code: "screening_not_done" }
  | { code: "screening_redo"; params: { change: MaterialChangeKind; since: IsoDate } }
  | { code: "depia_required" }
  | { code: "depia_submission"; params: { version: number } }
  | { code: "depia_rework"; params: { reviewer: Reviewer; version: number; verdict: "to_correct" | "improvable"; on: IsoDate } }
  | { code: "depia_review"; params: { reviewer: Reviewer; version: number; submittedOn: IsoDate } }
  | { code: "residual_risk_acceptance"; params: { version: number } }
  | { code: "ap_prior_consultation" }
  | { code: "contract_signoff" }
  | { code: "open_deliberations"; params: { count: number } }
  | { code: "measures"; params: { open: number; total: number } }
  | { code: "periodic_evaluation" }
  | { code: "evaluation" }
  | { code: "ai_act_prohibited" }
  | { code: "ai_act_redo" }
  | { code: "ai_act_review" }
  | { code: "ai_act_fria" }
  | { code: "ai_act_eu_registration" };

export interface MissingItem {
  key: MissingKey;
  who: Responsible;
  message: MissingMessage;
  since?: IsoDate;
}

/** The one line about the gate as a whole (projects.readiness.summary.*). */
export type ReadinessSummary =
  | { code: "stopped" }
  | { code: "closed" }
  | { code: "wrong_transition"; params: { phase: Phase } }
  | { code: "ready"; params: { to: Phase } }
  | { code: "not_ready"; params: { count: number; to: Phase } };

/** After an "adjust" at this gate: the owner chose to rework the project on that day. */
export interface DecisionNote {
  code: "adjusted";
  params: { on: IsoDate };
}

export interface GateReadiness {
  /** The gate asked about; null when the project is closed or stopped. */
  transition: Transition | null;
  /** True exactly when the owner's "go" would be accepted. */
  ready: boolean;
  missing: MissingItem[];
  summary: ReadinessSummary;
  latestDecision: GateDecisionRecord | null;
  /** Set after an "adjust" at this gate: the project is being reworked. */
  decisionNote?: DecisionNote;
}

export function gateReadiness(snapshot: ProjectSnapshot, transition?: Transition): GateReadiness {
  const gate = gateFor(snapshot.phase);
  const latestDecision = snapshot.latestDecision;
  if (gate === null) {
    return { transition: null, ready: false, missing: [], summary: { code: snapshot.phase === "stopped" ? "stopped" : "closed" }, latestDecision };
  }
  if (transition && (transition.from !== gate.from || transition.to !== gate.to)) {
    return { transition, ready: false, missing: [], summary: { code: "wrong_transition", params: { phase: snapshot.phase } }, latestDecision };
  }
  const missing = missingFor(snapshot);
  const summary: ReadinessSummary =
    missing.length === 0 ? { code: "ready", params: { to: gate.to } } : { code: "not_ready", params: { count: missing.length, to: gate.to } };
  const adjusted = latestDecision?.decision === "adjust" && latestDecision.phase === snapshot.phase;
  return {
    transition: gate,
    ready: missing.length === 0,
    missing,
    summary,
    latestDecision,
    ...(adjusted ? { decisionNote: { code: "adjusted", params: { on: latestDecision.on } } } : {}),
  };
}

function missingFor(s: ProjectSnapshot): MissingItem[] {
  return [...aiActStop(s), ...phaseItems(s)];
}

function phaseItems(s: ProjectSnapshot): MissingItem[] {
  switch (s.phase) {
    case "pre_start":
      return [...canvasItems(s), ...adviceItems(s)];
    case "start":
      return [...screeningItems(s), ...depiaItems(s), ...contractItems(s), ...deliberationItems(s), ...aiActItems(s)];
    case "execution":
      return [...reopenedScreening(s), ...measureItems(s), ...periodicEvaluationItems(s)];
    case "evaluation":
      return [...reopenedScreening(s), ...evaluationItems(s)];
    default:
      return [];
  }
}

function canvasItems(s: ProjectSnapshot): MissingItem[] {
  if (s.canvas.status === "complete") return [];
  return [{ key: "canvas", who: "lead", message: { code: s.canvas.status === "not_started" ? "canvas_not_started" : "canvas_in_progress" } }];
}

function adviceItems(s: ProjectSnapshot): MissingItem[] {
  const a = s.expertAdvice;
  if (a.status === "none") return [{ key: "expert_advice_request", who: "lead", message: { code: "advice_not_requested" } }];
  if (a.status === "requested") {
    return [{ key: "expert_advice", who: "expert_table", since: a.requestedOn, message: { code: "advice_not_given", params: { requestedOn: a.requestedOn } } }];
  }
  if (a.recommendationsAnswered >= a.recommendationsTotal) return [];
  return [
    {
      key: "advice_responses",
      who: "lead",
      since: a.givenOn,
      message: { code: "advice_responses", params: { answered: a.recommendationsAnswered, total: a.recommendationsTotal } },
    },
  ];
}

function reopenedScreening(s: ProjectSnapshot): MissingItem[] {
  if (s.screening.status !== "reopened") return [];
  const { reason, on } = s.screening;
  return [{ key: "screening_redo", who: "lead", since: on, message: { code: "screening_redo", params: { change: reason, since: on } } }];
}

function screeningItems(s: ProjectSnapshot): MissingItem[] {
  if (s.screening.status === "not_done") return [{ key: "screening", who: "lead", message: { code: "screening_not_done" } }];
  return reopenedScreening(s);
}

function depiaItems(s: ProjectSnapshot): MissingItem[] {
  if (s.screening.status !== "done" || s.screening.outcome !== "required") return [];
  const d = s.depia;
  if (!d.exists) return [{ key: "depia", who: "lead", since: s.screening.on, message: { code: "depia_required" } }];
  const items: MissingItem[] = [];
  const v = d.currentVersion;
  const onCurrent = (r: VerdictRecord | null) => (r && r.version === v ? r : null);
  const fg = onCurrent(d.fg);
  const iso = onCurrent(d.iso);
  if ((!fg || !iso) && d.submittedOn === undefined) {
    items.push({ key: "depia_submission", who: "lead", message: { code: "depia_submission", params: { version: v } } });
  }
  items.push(...reviewItem("depia_fg_review", "fg", fg, v, d.submittedOn));
  items.push(...reviewItem("depia_iso_review", "iso", iso, v, d.submittedOn));
  if (!d.residualRiskAcceptance || d.residualRiskAcceptance.version !== v) {
    items.push({ key: "residual_risk_acceptance", who: "owner", message: { code: "residual_risk_acceptance", params: { version: v } } });
  }
  if (d.highestResidualLevel === "high" && !d.apPriorConsultation) {
    items.push({ key: "ap_prior_consultation", who: "owner", message: { code: "ap_prior_consultation" } });
  }
  return items;
}

function reviewItem(key: "depia_fg_review" | "depia_iso_review", reviewer: Reviewer, verdict: VerdictRecord | null, version: number, submittedOn: IsoDate | undefined): MissingItem[] {
  if (verdict?.verdict === "acceptable") return [];
  if (verdict) {
    return [{ key, who: "lead", since: verdict.on, message: { code: "depia_rework", params: { reviewer, version, verdict: verdict.verdict, on: verdict.on } } }];
  }
  if (submittedOn === undefined) return [];
  return [{ key, who: reviewer, since: submittedOn, message: { code: "depia_review", params: { reviewer, version, submittedOn } } }];
}

function contractItems(s: ProjectSnapshot): MissingItem[] {
  if (!s.supplier.involved || s.supplier.contractSignedOff) return [];
  return [{ key: "contract_signoff", who: "second_line", message: { code: "contract_signoff" } }];
}

function deliberationItems(s: ProjectSnapshot): MissingItem[] {
  const count = s.openDeliberations;
  if (count <= 0) return [];
  return [{ key: "open_deliberations", who: "facilitator", message: { code: "open_deliberations", params: { count } } }];
}

function measureItems(s: ProjectSnapshot): MissingItem[] {
  const { total, doneOrExplained } = s.measures;
  if (doneOrExplained >= total) return [];
  return [{ key: "measures", who: "lead", message: { code: "measures", params: { open: total - doneOrExplained, total } } }];
}

/** Execution → evaluation: at least one periodic evaluation of the project in execution. */
function periodicEvaluationItems(s: ProjectSnapshot): MissingItem[] {
  if (!s.periodicEvaluation || s.periodicEvaluation.inExecution > 0) return [];
  return [{ key: "periodic_evaluation", who: "lead", message: { code: "periodic_evaluation" } }];
}

function evaluationItems(s: ProjectSnapshot): MissingItem[] {
  if (s.evaluation.recorded) return [];
  return [{ key: "evaluation", who: "lead", message: { code: "evaluation" } }];
}

/** A prohibited practice: every gate waits for the owner to stop the project, the process doing its work. */
function aiActStop(s: ProjectSnapshot): MissingItem[] {
  const a = s.aiAct;
  if (a?.status !== "done" || !a.stop) return [];
  return [{ key: "ai_act_prohibited", who: "owner", since: a.on, message: { code: "ai_act_prohibited" } }];
}

/** Before start → execution: a classification asked again is redone, reviewed, and a high-risk one has its FRIA and EU registration. */
function aiActItems(s: ProjectSnapshot): MissingItem[] {
  const a = s.aiAct;
  if (!a || a.status === "not_done") return [];
  if (a.status === "redo") return [{ key: "ai_act_redo", who: "lead", since: a.since, message: { code: "ai_act_redo" } }];
  const items: MissingItem[] = [];
  if (!a.reviewed) items.push({ key: "ai_act_review", who: "fg", since: a.on, message: { code: "ai_act_review" } });
  if (a.fria === "missing") items.push({ key: "ai_act_fria", who: "lead", since: a.on, message: { code: "ai_act_fria" } });
  if (a.euRegistration === "missing") items.push({ key: "ai_act_eu_registration", who: "lead", since: a.on, message: { code: "ai_act_eu_registration" } });
  return items;
}
