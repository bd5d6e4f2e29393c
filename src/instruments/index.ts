// The instrument engine's public surface for the web layer.
export * from "./types.ts";
export { loadInstruments, parseInstrumentFile, INSTRUMENTS_DIR, type LoadOptions } from "./loader.ts";
export { InstrumentRegistry } from "./registry.ts";
export { InstrumentLoadError, type InstrumentFileProblem } from "./errors.ts";
export { instrumentSchema } from "./schema.ts";
export { validateAnswers, type ValidateOptions } from "./validate-answers.ts";
export { isIsoDate } from "../domain/dates.ts";
export type { AnswerError, AnswerErrorCode } from "./answer-errors.ts";
export { visibleQuestions, visibleSections, effectiveAnswers, computeVisibility, type Visibility } from "./visibility.ts";
export { isAnswered } from "./answer-reading.ts";
export { sectionStatus, responseStatus, type SectionStatus, type SectionProgress, type ResponseProgress } from "./status.ts";
export { diffAnswers, changedSections, type AnswerChange, type ChangeKind, type DiffOptions } from "./diff.ts";
export { formatAnswer, type AnswerWords, type FormatOptions } from "./format-answer.ts";
export { evaluateOutcomes } from "./outcomes.ts";
export type { OutcomeEvaluation, CriterionResult, ScoreResult, DecisionOutcome, FiredRule, SignalResult } from "./outcomes.ts";
export { compareVersions } from "./semver.ts";
export { prefillAnswers, type PrefilledAnswer } from "./prefill.ts";
