// Everything the gate rules need to know about a project, gathered by the
// service from its records. Keeping it a plain value keeps the rules pure.
import type { RiskLevel } from "../risk/scale.ts";
import type { Phase } from "./phases.ts";
import type { MaterialChangeKind } from "./material-change.ts";

/** `YYYY-MM-DD`; a full ISO timestamp is accepted and read up to the date. */
export type IsoDate = string;

export type GateDecision = "go" | "adjust" | "stop";
export type ScreeningOutcome = "required" | "recommended" | "not_required";
export type ReviewVerdict = "to_correct" | "improvable" | "acceptable";

export type ExpertAdviceState =
  | { status: "none" }
  | { status: "requested"; requestedOn: IsoDate }
  | {
      status: "given";
      requestedOn?: IsoDate;
      givenOn: IsoDate;
      recommendationsTotal: number;
      /** Recommendations the project has responded to: comply, or explain why not. */
      recommendationsAnswered: number;
    };

export type ScreeningState =
  | { status: "not_done" }
  /** `outcome` is the effective one: the FG's overrule where there is one. */
  | { status: "done"; outcome: ScreeningOutcome; on: IsoDate }
  | { status: "reopened"; reason: MaterialChangeKind; on: IsoDate; previousOutcome?: ScreeningOutcome };

export interface VerdictRecord {
  verdict: ReviewVerdict;
  /** The DEPIA version the verdict was given on. */
  version: number;
  on: IsoDate;
}

export type DepiaState =
  | { exists: false }
  | {
      exists: true;
      currentVersion: number;
      /** When the current version was submitted for review; absent while it is still a draft. */
      submittedOn?: IsoDate;
      fg: VerdictRecord | null;
      iso: VerdictRecord | null;
      residualRiskAcceptance: { version: number; on: IsoDate } | null;
      /** Highest residual level in the risk register; null when no risk is scored yet. */
      highestResidualLevel: RiskLevel | null;
      apPriorConsultation: { on: IsoDate } | null;
    };

export type SupplierState =
  | { involved: false }
  | { involved: true; contractSignedOff: boolean; signedOffOn?: IsoDate };

export interface GateDecisionRecord {
  decision: GateDecision;
  /** The phase the decision was taken in, i.e. the gate it was about. */
  phase: Phase;
  on: IsoDate;
}

/**
 * The AI Act classification as the gates see it (issue 17). Absent or
 * `not_done`: nothing is asked. `stop`: a prohibited practice applies, so the
 * next gate stops the project. The FRIA and the EU registration are needed
 * before start → execution when the outcome makes them duties on its date.
 */
export type AiActGateState =
  | { status: "not_done" }
  | { status: "redo"; since: IsoDate }
  | {
      status: "done";
      on: IsoDate;
      reviewed: boolean;
      stop: boolean;
      fria: "not_required" | "missing" | "done";
      euRegistration: "not_required" | "missing" | "done";
    };

export interface ProjectSnapshot {
  phase: Phase;
  canvas: { status: "not_started" | "in_progress" | "complete" };
  expertAdvice: ExpertAdviceState;
  /** The owner's most recent decision at the gate the project stands before. */
  latestDecision: GateDecisionRecord | null;
  screening: ScreeningState;
  depia: DepiaState;
  supplier: SupplierState;
  /** Deliberations neither closed nor escalated to the ethics committee. */
  openDeliberations: number;
  measures: { total: number; doneOrExplained: number };
  evaluation: { recorded: boolean; on?: IsoDate };
  /** Periodic evaluations recorded while in execution; absent where no feature keeps them (the gate then does not ask). */
  periodicEvaluation?: { inExecution: number };
  /** Filled by the ai-act feature; absent in snapshots of projects without it. */
  aiAct?: AiActGateState;
}
