// The ethics committee's use cases, one per file; this module is their one entrance for the rest of the application.
export { canSeeCases, isCommittee, isExcluded } from "./access.ts";
export { addFgNote, FgNoteInput } from "./add-fg-note.ts";
export { adoptAdvice } from "./adopt-advice.ts";
export { castVote, VoteInput } from "./cast-vote.ts";
export { originsFor, projectChoicesForCase } from "./choices.ts";
export { CaseInput, createCase, createCaseFromDeliberation } from "./create-case.ts";
export { decidePublication, PublicationInput } from "./decide-publication.ts";
export { committeeFigures } from "./figures.ts";
export { getCase, listCases } from "./get-case.ts";
export { getPublicAdvice, getPublicAdvicePage, listPublishedAdvice } from "./public-advice.ts";
export { publishAdvice } from "./publish-advice.ts";
export { BoardResponseInput, recordBoardResponse } from "./record-board-response.ts";
export { AdviceTextInput, saveCommitteeAdvice } from "./save-committee-advice.ts";
export { scheduleCase } from "./schedule-case.ts";
export { DeadlineInput, setResponseWeeks } from "./set-response-weeks.ts";
export { similarCases } from "./similar-cases.ts";
export * from "./types.ts";
