// What a classification means for the project's gates: a prohibited practice
// stops the project at its next gate (the process working, not failing), and a
// high-risk system needs its FRIA and EU registration before execution. Duties
// that only apply from a later date are listed as upcoming, not as blocking.
import type { LawDuty } from "../../instruments/types.ts";
import type { ClassificationResult, DutyResult, PublicationCategory } from "./types.ts";

export const AI_ACT_INSTRUMENT_ID = "ai-act-classification";

/** The duties that are records of their own, to be in place before start → execution. */
const BEFORE_EXECUTION: readonly LawDuty[] = [
  "fria",
  "eu_registration_deployer",
  "eu_registration_provider",
  "national_registration",
  "not_high_risk_documentation",
];

export interface GateRequirement {
  duty: LawDuty;
  article: string;
  appliesFrom: string;
}

export interface ClassificationImplications {
  /** Set when a prohibited practice applies now or will: the next gate stops the project. */
  stop: { from: string; inForce: boolean } | null;
  /** Needed before start → execution, because the duty applies on the classification date. */
  requiredBeforeExecution: GateRequirement[];
  /** The same kinds of duty that apply only from a later date: shown, not blocking. */
  upcoming: GateRequirement[];
  publicationCategory: PublicationCategory | null;
}

export function classificationImplications(result: ClassificationResult): ClassificationImplications {
  if (result.state !== "classified" || !result.current) {
    return { stop: null, requiredBeforeExecution: [], upcoming: [], publicationCategory: null };
  }
  const gateDuties = result.duties.filter((d) => BEFORE_EXECUTION.includes(d.duty));
  const toRequirement = (d: DutyResult): GateRequirement => ({ duty: d.duty, article: d.article, appliesFrom: d.appliesFrom });
  const prohibitedFrom = result.timeline.find((step) => step.outcome === "prohibited")?.from;
  return {
    stop: prohibitedFrom === undefined ? null : { from: prohibitedFrom, inForce: result.current.outcome === "prohibited" },
    requiredBeforeExecution: gateDuties.filter((d) => d.inForce).map(toRequirement),
    upcoming: gateDuties.filter((d) => !d.inForce).map(toRequirement),
    publicationCategory: result.current.publicationCategory,
  };
}
