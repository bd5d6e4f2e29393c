export const ORIGINS = ["board", "project", "deliberation", "resident", "own_initiative"] as const;
export type Origin = (typeof ORIGINS)[number];
/** The origins a person brings a case from; a deliberation escalates through its own use case. */
export const OPEN_ORIGINS = ["board", "project", "resident", "own_initiative"] as const satisfies readonly Origin[];
export type OpenOrigin = (typeof OPEN_ORIGINS)[number];
export const CASE_STATUSES = ["open", "adopted", "answered"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const PUBLICATIONS = ["undecided", "public", "confidential"] as const;
export type Publication = (typeof PUBLICATIONS)[number];
export const VOTES = ["for", "against", "abstain"] as const;
export type Vote = (typeof VOTES)[number];
export const BOARD_DECISIONS = ["follow", "deviate"] as const;
export type BoardDecision = (typeof BOARD_DECISIONS)[number];
export const DEFAULT_RESPONSE_WEEKS = 6;

export interface CaseListItem {
  id: string;
  title: string;
  origin: Origin;
  status: CaseStatus;
  projectId: string | null;
  projectTitle: string | null;
  createdAt: string;
  adviceStatus: "none" | "draft" | "adopted";
  adoptedAt: string | null;
  responseDue: string | null;
  boardDecision: BoardDecision | null;
  overdue: boolean;
  published: boolean;
  excluded: boolean;
}

export interface CaseAdviceView {
  id: string;
  text: string;
  status: "draft" | "adopted";
  publication: Publication;
  publishedAt: string | null;
  adoptedAt: string | null;
  adoptedBy: string | null;
  responseDue: string | null;
  writtenBy: string;
  votes: { name: string; vote: Vote }[];
  /** The viewer's own vote, so the vote form can tell a vote changed meanwhile. */
  ownVote: Vote | null;
}

export interface CaseView extends CaseListItem {
  question: string;
  submitter: string | null;
  deliberationId: string | null;
  record: Record<string, unknown> | null;
  values: string[];
  technologies: string[];
  domain: string;
  responseWeeks: number;
  meeting: { id: string; date: string; title: string } | null;
  createdBy: string;
  /** Committee members and FG who hold a role in the project: excluded from this case. */
  excludedPeople: string[];
  /** Null when the viewer may not see the advice (non-public advice, or still a draft). */
  advice: CaseAdviceView | null;
  boardResponse: { decision: BoardDecision; reasons: string; respondedBy: string; respondedAt: string } | null;
  fgNotes: { text: string; author: string; at: string }[];
  may: {
    draft: boolean;
    vote: boolean;
    adopt: boolean;
    publish: boolean;
    respond: boolean;
    fgNote: boolean;
    schedule: boolean;
    setDeadline: boolean;
  };
}

export interface PublicAdvice {
  id: string;
  organisationName: string;
  title: string;
  question: string;
  origin: Origin;
  text: string;
  adoptedAt: string;
  publishedAt: string;
  values: string[];
  boardResponse: { decision: BoardDecision; reasons: string; respondedAt: string } | null;
}
