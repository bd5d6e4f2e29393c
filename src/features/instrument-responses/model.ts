// What the instrument-responses feature hands out: a project's response to an
// instrument, its versions, diffs and comments, and the limits of its inputs
// (written once here, used by the schemas, the forms and the API).
import type { AnswerChange, LocalText, ResponseProgress, SectionStatus } from "../../instruments/index.ts";

/** Text answers without their own max_length in the instrument are limited to this many characters. */
export const TEXT_MAX = 10_000;
export const COMMENT_MAX = 2_000;
export const NOTE_MAX = 500;
export const SUBJECT_MAX = 64;
/** Ids of instruments, questions and sections. */
export const ID_MAX = 100;
/** An instrument version such as "1.10.0". */
export const VERSION_MAX = 20;

/** What a section shows: the engine's status, or "for_review" when the team marked it so. */
export type DisplayStatus = "not_started" | "in_progress" | "for_review" | "complete" | "not_applicable";

export interface SectionState extends SectionStatus {
  markedForReview: boolean;
  display: DisplayStatus;
}

export interface ResponseView {
  id: string;
  projectId: string;
  instrumentId: string;
  /** The pinned version. */
  instrumentVersion: string;
  /** The newest loaded version of the instrument; differs from instrumentVersion when an upgrade is possible. */
  latestInstrumentVersion: string;
  subject: string;
  answers: Record<string, unknown>;
  sections: SectionState[];
  status: ResponseProgress;
  revision: number;
  /** Number of the last frozen version; 0 when none. */
  lastVersion: number;
  createdAt: string;
  updatedAt: string;
  updatedByName: string;
  /** Whether the actor may change answers, marks and versions (project team, project not stopped or closed). */
  canEdit: boolean;
}

export interface ResponseSummary {
  id: string;
  instrumentId: string;
  instrumentVersion: string;
  subject: string;
  status: ResponseProgress;
  lastVersion: number;
  updatedAt: string;
}

export interface ResponseVersionSummary {
  number: number;
  instrumentVersion: string;
  note: string;
  createdAt: string;
  createdByName: string;
}

export interface ResponseVersion extends ResponseVersionSummary {
  answers: Record<string, unknown>;
}

/** "current" is the answers as they are now, not frozen. */
export type VersionRef = number | "current";

export interface VersionDiff {
  from: VersionRef;
  to: VersionRef;
  changes: AnswerChange[];
  /** Section ids with a change, in instrument order. */
  changedSections: string[];
}

export interface ResponseComment {
  id: string;
  questionId: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface ResponseProgressSummary {
  status: ResponseProgress;
  sectionsApplicable: number;
  sectionsComplete: number;
  sections: SectionState[];
}

export interface UpgradePreview {
  from: string;
  to: string;
  /** What changes in the answers, described with the new version's labels (or the old one's for dropped questions). */
  changes: AnswerChange[];
  /** Answers that cannot be carried over: their question is gone or no longer accepts the answer. */
  dropped: { questionId: string; label: LocalText }[];
  questionsAdded: { questionId: string; label: LocalText }[];
  /** Sections the new version brings (the FRIA in DEPIA 1.1.0): their questions are in questionsAdded too. */
  sectionsAdded: { sectionId: string; title: LocalText }[];
}
