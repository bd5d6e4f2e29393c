// The Algoritmekader as data: what law/algoritmekader/<version>.yaml holds once
// it has passed the schema and the cross-checks. Field names follow the file;
// label values are the Algoritmekader's own (validate_all_labels.py).
import type { LocalText } from "../../instruments/types.ts";

export const PHASE_IDS = [
  "organisatieverantwoordelijkheden",
  "probleemanalyse",
  "ontwerp",
  "dataverkenning-en-datapreparatie",
  "ontwikkelen",
  "verificatie-en-validatie",
  "implementatie",
  "monitoring-en-beheer",
  "uitfaseren",
] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

export const APPLICATION_TYPES = ["ai-systeem", "ai-systeem-voor-algemene-doeleinden", "ai-model-voor-algemene-doeleinden"] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const RISK_GROUPS = ["hoog-risico-ai-systeem", "geen-hoog-risico-ai-systeem", "verboden-ai", "uitzondering-van-toepassing", "niet-van-toepassing"] as const;
export type AkRiskGroup = (typeof RISK_GROUPS)[number];

export const AI_ACT_ROLES = ["aanbieder", "gebruiksverantwoordelijke", "importeur", "distributeur"] as const;
export type AkRole = (typeof AI_ACT_ROLES)[number];

/** Afweging's reading of the reference's trigger notes ("all; personal data"): each must hold. */
export const TRIGGERS = ["personal_data", "public_body", "decisions", "protected_works", "third_party_databases", "impactful_or_high_risk"] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Afweging's own additions to a requirement's labels, each explained in the requirement's note. */
export const ADDITIONS = ["deployer_transparency"] as const;
export type Addition = (typeof ADDITIONS)[number];

/** The facts about a project's evidence that evidence links may read. */
export const EVIDENCE_FACTS = {
  classification: ["none", "draft", "reviewed"],
  classificationOutcome: ["none", "prohibited", "high_risk", "transparency", "minimal", "outside_scope"],
  screening: ["none", "depia_required", "depia_recommended", "depia_not_required"],
  depia: ["none", "in_progress", "accepted", "reviews_reopened"],
  fria: ["none", "in_progress", "accepted", "reviews_reopened"],
  friaNotified: "boolean",
  euRegistration: "boolean",
  registerPublished: "boolean",
  biasAudits: "count",
  contractSignedOff: "boolean",
  canvasComplete: "boolean",
  expertAdviceAnswered: "boolean",
  aiLiteracyCovered: "boolean",
} as const;
export type EvidenceFactName = keyof typeof EVIDENCE_FACTS;
type FactValue<K extends EvidenceFactName> = (typeof EVIDENCE_FACTS)[K] extends readonly string[]
  ? (typeof EVIDENCE_FACTS)[K][number]
  : (typeof EVIDENCE_FACTS)[K] extends "boolean"
    ? boolean
    : number;
/** What Afweging holds for one project, as the evidence links read it. */
export type EvidenceFacts = { [K in EvidenceFactName]: FactValue<K> };

export type EvidenceCondition =
  | { all: EvidenceCondition[] }
  | { any: EvidenceCondition[] }
  | { not: EvidenceCondition }
  | { fact: EvidenceFactName; equals?: string | boolean | number; in?: Array<string | number>; gte?: number };

export interface EvidenceLink {
  id: string;
  label: LocalText;
  when: EvidenceCondition;
}

export interface AiActLabels {
  "soort-toepassing"?: ApplicationType[];
  risicogroep?: AkRiskGroup[];
  "rol-ai-act"?: AkRole[];
  transparantieverplichting?: Array<"transparantieverplichting">;
  systeemrisico?: Array<"systeemrisico">;
}

export interface Applies {
  /** The Algoritmekader's "every value" (task-registry always_applicable). */
  always?: boolean;
  when?: Trigger[];
  ai_act?: AiActLabels;
  uitzondering?: Array<"risicogroep-uitzondering-van-toepassing">;
  /** Art. 2(12): not for an open-source system that is not high-risk and has no transparency duty. */
  open_source_exception?: boolean;
  also_when?: Addition[];
}

export interface LawSource {
  law: string;
  articles?: string[];
}

export interface Requirement {
  /** `urn:nl:ak:ver:<prefix>-<nn>` */
  id: string;
  title: LocalText;
  sources: LawSource[];
  phases: PhaseId[];
  applies: Applies;
  /** Evidence links, any one of which meets the requirement. */
  evidence?: string[];
  note?: LocalText;
}

export interface FrameworkMeasure {
  /** `urn:nl:ak:mtr:<code>-<nn>` */
  id: string;
  title: LocalText;
  phases: PhaseId[];
  serves?: string[];
  serves_all_except?: string[];
}

export interface Framework {
  id: "algoritmekader";
  version: string;
  title: LocalText;
  source: { repository: string; tag: string; commit: string; date: string; note?: LocalText };
  licence: { id: string; note?: LocalText };
  /** How many the source version holds: every requirement must be here; measures may be a selection. */
  counts: { requirements: number; measures: number };
  phases: Array<{ id: PhaseId; number: number; title: LocalText }>;
  laws: Array<{ id: string; title: LocalText }>;
  evidence_links: EvidenceLink[];
  requirements: Requirement[];
  measures: FrameworkMeasure[];
}
