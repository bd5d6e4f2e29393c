// What the procurement feature hands out: the contract with its checklist,
// attention points and sign-offs, and the limits and choices of its inputs
// (written once here, used by the schemas, the forms and the API).
import type { LocalText, ResponseProgress, SectionStatus } from "../../instruments/index.ts";

export const CHECKLIST_INSTRUMENT_ID = "procurement-clauses";

export const LIMITS = { supplier: 200, reference: 100, subject: 2000, clauseRef: 200, reason: 2000, note: 1000, withdrawReason: 1000, date: 10, id: 64, measures: 200 } as const;

/** The contract's value, in the bands that decide the procurement procedure. */
export const VALUE_BANDS = ["below_50k", "50k_to_threshold", "threshold_to_1m", "above_1m"] as const;
export type ValueBand = (typeof VALUE_BANDS)[number];

export const PROCEDURES = ["single_private", "multiple_private", "national_open", "european_open", "european_restricted", "negotiated", "competitive_dialogue", "framework_call", "other"] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** Who signs off beside the jurist, as the organisation sets it. */
export const SECOND_SIGNERS = ["iso_or_privacy", "iso", "privacy_officer", "iso_and_privacy"] as const;
export type SecondSigner = (typeof SECOND_SIGNERS)[number];
export const DEFAULT_SECOND_SIGNER: SecondSigner = "iso_or_privacy";

/** A place in the sign-off, filled by one person holding one of its roles. */
export const SLOTS = ["jurist", "iso_or_privacy", "iso", "privacy_officer"] as const;
export type Slot = (typeof SLOTS)[number];
export const SIGNER_ROLES = ["jurist", "iso", "privacy_officer"] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export const VERDICTS = ["covered", "not_covered"] as const;
export type PointVerdict = (typeof VERDICTS)[number];

/** Where an attention point comes from. */
export const POINT_SOURCES = ["advice", "review", "review_section", "risk", "bias_audit", "bias_duty"] as const;
export type PointSource = (typeof POINT_SOURCES)[number];

export type ContractStatus = "active" | "withdrawn";
/** in_progress: points or checklist still open; ready: waiting for sign-off; signed_off; withdrawn. */
export type ContractState = "in_progress" | "ready" | "signed_off" | "withdrawn";

export interface PointResolution {
  verdict: PointVerdict;
  clauseRef: string | null;
  reason: string | null;
  acceptedById: string | null;
  acceptedByName: string | null;
  resolvedByName: string;
  resolvedAt: string;
}

/** A point as its source gives it, before the contract's verdicts are put beside it. */
export interface SourcePoint {
  key: string;
  source: PointSource;
  params: Record<string, string | number>;
  sectionTitle?: LocalText;
  text: string;
  context?: string;
  href: string | null;
}

/** One attention point as computed from its source now (sources.ts), with the verdict given on it (if any). */
export interface AttentionPoint extends SourcePoint {
  resolution: PointResolution | null;
}

/** A verdict whose point is no longer carried over (its source was removed). Kept, with its verdict. */
export interface StalePoint {
  key: string;
  source: PointSource | null;
  text: string;
  resolution: PointResolution;
}

export interface SignoffView {
  id: string;
  revision: number;
  slot: Slot;
  role: SignerRole;
  userId: string;
  userName: string;
  note: string;
  signedAt: string;
}

export interface SlotView {
  slot: Slot;
  roles: readonly SignerRole[];
  /** The signature on the current revision, if any. */
  signoff: SignoffView | null;
}

export interface SupplierMeasureChoice {
  id: string;
  title: string;
  status: string;
  marked: boolean;
  /** Labels of the risks the measure is linked to (R1, R2 …). */
  riskLabels: string[];
}

export interface ChecklistView {
  instrumentId: string;
  instrumentVersion: string;
  answers: Record<string, unknown>;
  progress: ResponseProgress;
  sections: SectionStatus[];
}

export interface ContractSummary {
  id: string;
  projectId: string;
  projectTitle: string;
  supplier: string;
  reference: string;
  subject: string;
  startDate: string;
  endDate: string | null;
  status: ContractStatus;
  state: ContractState;
  openPoints: number;
  totalPoints: number;
  signedOffOn: string | null;
  reopened: boolean;
  updatedAt: string;
}

export interface ContractView extends ContractSummary {
  projectPhase: string;
  valueBand: ValueBand;
  procedure: Procedure;
  revision: number;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  checklist: ChecklistView;
  points: AttentionPoint[];
  stalePoints: StalePoint[];
  slots: SlotView[];
  /** Per place: the people who may sign it (the role, and no role in the project). */
  signers: { slot: Slot; names: string[] }[];
  earlierSignoffs: SignoffView[];
  supplierMeasures: SupplierMeasureChoice[];
  createdAt: string;
  updatedByName: string;
  may: {
    edit: boolean;
    /** The places the actor may sign now (empty when they may not, or nothing is left to sign). */
    signOff: Slot[];
    /** Why the actor, a 2nd-line signer, may not sign: a role in the project. */
    involved: boolean;
    delete: boolean;
    withdraw: boolean;
  };
}
