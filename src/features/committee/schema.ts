export interface CommitteeCaseTable {
  id: string;
  organisation_id: string;
  title: string;
  question: string;
  origin: string;
  project_id: string | null;
  deliberation_id: string | null;
  submitter: string | null;
  record_json: string | null;
  values_json: string;
  technologies_json: string;
  domain: string;
  status: string;
  response_weeks: number;
  meeting_id: string | null;
  created_by: string;
  created_at: string;
}

export interface CommitteeAdviceTable {
  id: string;
  organisation_id: string;
  case_id: string;
  text: string;
  status: string;
  publication: string;
  published_at: string | null;
  adopted_at: string | null;
  adopted_by: string | null;
  response_due: string | null;
  written_by: string;
  created_at: string;
  updated_at: string;
}

export interface CommitteeVoteTable {
  id: string;
  organisation_id: string;
  advice_id: string;
  user_id: string;
  vote: string;
  at: string;
}

export interface BoardResponseTable {
  id: string;
  organisation_id: string;
  advice_id: string;
  decision: string;
  reasons: string;
  responded_by: string;
  responded_at: string;
}

export interface CommitteeFgNoteTable {
  id: string;
  organisation_id: string;
  case_id: string;
  text: string;
  author_id: string;
  created_at: string;
}

export interface PrecedentIndexTable {
  id: string;
  organisation_id: string;
  source_type: string;
  source_id: string;
  title: string;
  summary: string;
  text_norm: string;
  values_json: string;
  technologies_json: string;
  domain: string;
  year: number;
  visibility: string;
  url: string;
  indexed_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    committee_cases: CommitteeCaseTable;
    committee_advice: CommitteeAdviceTable;
    committee_votes: CommitteeVoteTable;
    board_responses: BoardResponseTable;
    committee_fg_notes: CommitteeFgNoteTable;
    precedent_index: PrecedentIndexTable;
  }
}
