// Moral deliberation's use cases, one per file; this module is their one entrance for the rest of the application.
export { canOpenDeliberation } from "./access.ts";
export { actionToMeasure } from "./action-to-measure.ts";
export { ActionInput, addAction } from "./add-action.ts";
export { addParticipant, ParticipantInput } from "./add-participant.ts";
export { addPosition, PositionInput } from "./add-position.ts";
export { peopleChoices, projectChoices } from "./choices.ts";
export { closeDeliberation } from "./close-deliberation.ts";
export { escalateDeliberation } from "./escalate-deliberation.ts";
export { deliberationFigures, openDeliberationCount, openDeliberationCounts } from "./figures.ts";
export { getDeliberation, listDeliberations } from "./get-deliberation.ts";
export { DELIBERATION_STATUSES, METHODS, methodInstrument, PARTICIPANT_ROLES, type DeliberationMethod, type DeliberationStatus, type Method, type ParticipantRole } from "./methods.ts";
export { openDeliberation, OpenInput } from "./open-deliberation.ts";
export { removeParticipant } from "./remove-participant.ts";
export { RecordInput, saveRecord } from "./save-record.ts";
export { saveStep } from "./save-step.ts";
export type { DeliberationListItem, DeliberationView, StepView } from "./types.ts";
