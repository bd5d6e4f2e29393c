// A requirement's status for one project: met by the evidence Afweging already
// holds (the links in the framework file), or not yet; a person may mark it
// not applicable, with a reason, or met where no evidence in Afweging can show
// it, with what shows it instead. Where the framework links evidence, the
// evidence decides: a manual "met" cannot hide a DEPIA whose reviews reopened.
import type { EvidenceCondition, EvidenceFacts, Framework, Requirement } from "../../law/algoritmekader/types.ts";

export type RequirementStatus = "met" | "not_yet" | "not_applicable";

export interface StatusOverride {
  status: "met" | "not_applicable";
  /** Why not applicable, or what shows it is met; required. */
  reason?: string | null;
}

export type OverrideErrorCode = "ak.override.reason_required" | "ak.override.evidence_decides";

export interface OverrideError {
  code: OverrideErrorCode;
  requirementId: string;
  status: StatusOverride["status"];
}

export interface StatusResult {
  requirementId: string;
  status: RequirementStatus;
  /** What decided: linked evidence, a person's override, or nothing yet. */
  source: "evidence" | "override" | "none";
  /** The requirement's evidence links. */
  linked: string[];
  /** The links whose evidence holds. */
  metBy: string[];
  reason?: string;
  /** An override that was refused; the status is then what it would be without it. */
  errors: OverrideError[];
}

/** The problems with an override; empty when it may be recorded. */
export function validateOverride(requirement: Requirement, override: StatusOverride): OverrideError[] {
  const errors: OverrideError[] = [];
  const push = (code: OverrideErrorCode) => errors.push({ code, requirementId: requirement.id, status: override.status });
  if ((override.reason ?? "").trim() === "") push("ak.override.reason_required");
  if (override.status === "met" && (requirement.evidence?.length ?? 0) > 0) push("ak.override.evidence_decides");
  return errors;
}

export function requirementStatus(requirement: Requirement, framework: Framework, facts: EvidenceFacts, override?: StatusOverride | null): StatusResult {
  const linked = requirement.evidence ?? [];
  const links = new Map(framework.evidence_links.map((l) => [l.id, l]));
  const metBy = linked.filter((id) => {
    const link = links.get(id);
    if (!link) throw new Error(`requirement ${requirement.id} links unknown evidence ${id}`);
    return evidenceHolds(link.when, facts);
  });
  const errors = override ? validateOverride(requirement, override) : [];
  const base = { requirementId: requirement.id, linked, metBy, errors };
  if (override && errors.length === 0) return { ...base, status: override.status, source: "override", reason: override.reason!.trim() };
  if (linked.length > 0) return { ...base, status: metBy.length > 0 ? "met" : "not_yet", source: "evidence" };
  return { ...base, status: "not_yet", source: "none" };
}

export function evidenceHolds(condition: EvidenceCondition, facts: EvidenceFacts): boolean {
  if ("all" in condition) return condition.all.every((c) => evidenceHolds(c, facts));
  if ("any" in condition) return condition.any.some((c) => evidenceHolds(c, facts));
  if ("not" in condition) return !evidenceHolds(condition.not, facts);
  const value = facts[condition.fact];
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.in !== undefined) return condition.in.some((v) => v === value);
  if (condition.gte !== undefined) return typeof value === "number" && value >= condition.gte;
  return false;
}

/** Facts for a project with no evidence yet; callers spread what they know over it. */
export const NO_EVIDENCE: EvidenceFacts = {
  classification: "none",
  classificationOutcome: "none",
  screening: "none",
  depia: "none",
  fria: "none",
  friaNotified: false,
  euRegistration: false,
  registerPublished: false,
  biasAudits: 0,
  contractSignedOff: false,
  canvasComplete: false,
  expertAdviceAnswered: false,
  aiLiteracyCovered: false,
};
