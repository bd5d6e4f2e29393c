// The instrument-responses feature's tables: a project's response to one
// instrument, pinned to one instrument version; its frozen versions; and
// comments per question.

export interface InstrumentResponseTable {
  id: string;
  organisation_id: string;
  project_id: string;
  instrument_id: string;
  /** The pinned instrument version: a newer version never changes this response. */
  instrument_version: string;
  /** "" for the one response of a project to an instrument; otherwise what it is about (e.g. one deliberation). */
  subject: string;
  /** The current answers, keyed by question id (JSON). */
  answers_json: string;
  /** Explicit marks per section, e.g. {"data_sources":"for_review"} (JSON). */
  section_marks_json: string;
  /** Increases with every save; guards against lost updates from two tabs. */
  revision: number;
  /** The number of the last frozen version; 0 when none. */
  last_version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
}

export interface InstrumentResponseVersionTable {
  id: string;
  organisation_id: string;
  response_id: string;
  number: number;
  instrument_version: string;
  answers_json: string;
  note: string;
  created_at: string;
  created_by: string;
  created_by_name: string;
}

export interface InstrumentResponseCommentTable {
  id: string;
  organisation_id: string;
  response_id: string;
  question_id: string;
  body: string;
  author_id: string;
  author_name: string;
  created_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    instrument_responses: InstrumentResponseTable;
    instrument_response_versions: InstrumentResponseVersionTable;
    instrument_response_comments: InstrumentResponseCommentTable;
  }
}
