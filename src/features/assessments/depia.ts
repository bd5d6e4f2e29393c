// The DEPIA of a project: an instrument response (instrument-responses) with
// versions submitted for review, verdicts per section and an overall advice by
// the FG, the ISO and any extra reviewers the organisation sets, the owner's
// acceptance of the residual risks and the prior consultation of the AP.
// One use case per file; this is the DEPIA's public surface.
export * from "./depia-records.ts";
export { getAssessmentSettings, SettingsInput, updateAssessmentSettings } from "./update-assessment-settings.ts";
export { startDepia } from "./start-depia.ts";
export { getDepia, getDepiaVersion, type DepiaOverview, type ReviewerStatus, type VersionDetail } from "./get-depia.ts";
export { submitDepiaVersion, SubmitInput } from "./submit-depia-version.ts";
export { giveReview, ReviewInput, reviewInputFromForm } from "./give-review.ts";
export { acceptResidualRisks, AcceptanceInput } from "./accept-residual-risks.ts";
export { ApConsultationInput, recordApConsultation } from "./record-ap-consultation.ts";
