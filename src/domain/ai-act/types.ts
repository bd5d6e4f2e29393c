// The AI Act classification's result: codes with parameters, never texts. The
// texts of questions, rules, provisions and contradictions live in the
// instrument file (instruments/ai-act-classification); a view maps the codes
// below to message keys and may add the file's own labels.
import { LAW_RULE_EFFECTS, type LawDuty, type LawRuleEffect, type ProvisionStatus } from "../../instruments/types.ts";

/** The single outcome the rest of Afweging acts on. `minimal` is the aid's "neither". */
export type AiActOutcome = "prohibited" | "high_risk" | "transparency" | "minimal" | "outside_scope";

/** The risk group as the Algoritmekader labels it; transparency is its own dimension beside it. */
export type RiskGroup = "prohibited" | "high_risk" | "not_high_risk" | "not_applicable";

export type AiType = "none" | "algorithm" | "ai_system" | "gpai_system" | "gpai_model";

export type AiActRole = "provider" | "deployer" | "importer" | "distributor";

/** Algoritmeregister v1.0 `publication_category`, the standard's own strings. */
export type PublicationCategory = "Hoog-risico AI-systeem" | "Impactvolle algoritmes" | "Overige algoritmes";

/** A reason from a rule in the file: `ai_act.<effect>`. */
export type RuleReasonCode = `ai_act.${LawRuleEffect}`;

/** Reasons the classification derives from the rules that fired. */
export const DERIVED_REASON_CODES = [
  "ai_act.scope.open_source",
  "ai_act.high_risk.profiling_always",
  "ai_act.not_high_risk.art_6_3",
  "ai_act.high_risk.art_6_3_not_met",
  "ai_act.role.becomes_provider",
  "ai_act.gpai.open_model",
  "ai_act.outcome.pending",
  "ai_act.register.high_risk",
  "ai_act.register.impactful",
  "ai_act.register.prohibited",
  "ai_act.register.other",
] as const;
export type DerivedReasonCode = (typeof DERIVED_REASON_CODES)[number];

/** Every reason code, for a message catalogue that must cover them all. */
export const REASON_CODES: readonly ReasonCode[] = [...LAW_RULE_EFFECTS.map((e) => `ai_act.${e}` as const), ...DERIVED_REASON_CODES];

export type ReasonCode = RuleReasonCode | DerivedReasonCode;

export interface Reason {
  code: ReasonCode;
  /** The rule in the file that fired, when the reason comes from one. */
  rule?: string;
  /** The questions the rule read: the answers that made it fire. */
  questions?: string[];
  article?: string;
  annexPoint?: string;
  role?: AiActRole;
  provision?: string;
  /** ISO date from which the rule applies; absent for scope and facts, which are not dated. */
  appliesFrom?: string;
  /** Whether the rule applies on the classification date. */
  inForce: boolean;
  /** For `ai_act.outcome.pending`: the outcome once the rule applies. */
  outcome?: AiActOutcome;
  provisionStatus?: ProvisionStatus;
}

export interface TransparencyDuty {
  rule: string;
  article: string;
  /** Who carries the duty: 50(1)-(2) the provider, 50(3)-(4) the deployer. */
  role: "provider" | "deployer";
  /** True when the organisation holds that role. */
  bindsOrganisation: boolean;
  appliesFrom: string;
  inForce: boolean;
}

export interface DutyResult {
  duty: LawDuty;
  article: string;
  appliesFrom: string;
  inForce: boolean;
  provisionStatus: ProvisionStatus;
  /** For the deployer's EU registration: points 1, 6 and 7 go in the non-public section. */
  nonPublicSection?: boolean;
}

export interface ContradictionError {
  code: "ai_act.contradictory_answers";
  /** The contradiction's id in the instrument file; its `message` there says it in words. */
  contradiction: string;
  questions: string[];
}

export type ClassificationState = "classified" | "incomplete" | "contradictory";

/** What the answers mean on one date. */
export type OutsideScopeBecause = "no_algorithm" | "no_role" | "not_ai_system" | "excluded" | "open_source";

export interface ClassificationView {
  outcome: AiActOutcome;
  /** Set when the outcome is outside_scope. */
  outsideScopeBecause: OutsideScopeBecause | null;
  riskGroup: RiskGroup;
  /** Annex III points that make it high-risk (after the Art. 6(3) exception), e.g. `5(a)`. */
  annexIiiPoints: string[];
  highRiskBasis: Array<"annex_i" | "annex_iii">;
  /** The roles declared, plus provider when Art. 25(1) makes a deployer the provider of a high-risk system. */
  roles: AiActRole[];
  transparencyDuties: TransparencyDuty[];
  publicationCategory: PublicationCategory | null;
  /** The Dutch decision aid's conclusion id X.Y.Z, for comparing with the aid. */
  aidConclusion: string | null;
}

export interface ClassificationResult {
  instrumentId: string;
  instrumentVersion: string;
  lawVersion: string;
  onDate: string;
  state: ClassificationState;
  /** Required questions still open (only in state incomplete). */
  missing: string[];
  errors: ContradictionError[];
  aiType: AiType | null;
  /** The roles as declared (see the views for Art. 25). */
  roles: AiActRole[];
  openSource: boolean;
  systemicRisk: boolean;
  /** The outcome on `onDate`; null unless classified. */
  current: ClassificationView | null;
  /** The outcome once every rule that fired applies; equal to `current` when nothing is pending. */
  eventual: ClassificationView | null;
  /** The outcome on `onDate`, then each later date on which it changes. */
  timeline: Array<{ from: string; outcome: AiActOutcome }>;
  /** Every reason, rules and derived, with the date it applies from. */
  reasons: Reason[];
  /** Duties the eventual outcome brings, each with its date. */
  duties: DutyResult[];
}
