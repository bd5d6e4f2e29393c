// The Algoritmekader per project: which requirements apply and why, their
// status from the evidence Afweging holds, the measures that serve them, and
// what a new framework version changes.
export { aiActProfile, FRAMEWORK_PHASES, type AiActProfile, type ProjectProfile } from "./profile.ts";
export { applicableRequirements, matchRequirement, type Applicability, type ApplicableRequirement, type Why, type WhyCode } from "./applicable.ts";
export { requirementStatus, validateOverride, evidenceHolds, NO_EVIDENCE } from "./status.ts";
export type { RequirementStatus, StatusOverride, StatusResult, OverrideError, OverrideErrorCode } from "./status.ts";
export { measuresFor, servedRequirements, type SuggestedMeasure } from "./measures.ts";
export { diffFrameworks, diffForProject, type FrameworkDiff, type ProjectFrameworkDiff, type RequirementField } from "./diff.ts";
export { coverage, type RequirementCoverage, type ProjectStatuses } from "./coverage.ts";
