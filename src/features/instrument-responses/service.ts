// A project's responses to instruments: generic for every instrument (canvas,
// screening, DEPIA, deliberations, evaluations). Each response is pinned to
// one instrument version; answers are checked by the instrument engine before
// anything is stored; versions freeze the answers with a number, who, when and
// a note; colleagues comment per question. One use case per file; this is the
// feature's public surface.
export * from "./model.ts";
export { answerWords } from "./answer-words.ts";
export { findResponse, getResponse, getVersion, listComments, listProjectResponses, listVersions, projectResponseStatus, responseProgress } from "./queries.ts";
export { getOrCreateResponse, OpenResponseInput } from "./get-or-create-response.ts";
export { answerFieldErrors, AnswersInput, saveAnswers, SaveAnswersInput, type SaveOptions } from "./save-answers.ts";
export { markSectionForReview, SectionReviewInput } from "./mark-section-for-review.ts";
export { freezeAnswers, freezeVersion, NoteInput, type FrozenVersion } from "./freeze-version.ts";
export { diffVersions } from "./diff-versions.ts";
export { addComment, CommentInput } from "./add-comment.ts";
export { previewUpgrade, upgradeResponse, UpgradeInput } from "./upgrade-response.ts";
