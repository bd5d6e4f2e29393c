// The scheduler's and the outbox's tables (core migration 040-jobs-outbox).

export type JobState = "pending" | "running" | "done" | "failed";

export interface JobTable {
  id: string;
  kind: string;
  /** Recurring jobs: the job's kind, so each has one row; null for a one-off job. */
  unique_key: string | null;
  payload_json: string;
  state: JobState;
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  /** The worker that claimed it, and until when the claim holds (a crashed worker's claim runs out). */
  locked_by: string | null;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export type OutboxState = "pending" | "sending" | "sent" | "failed";

export interface OutboxTable {
  id: string;
  /** The organisation whose change caused the mail (null for the instance). */
  organisation_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  locked_by: string | null;
  locked_until: string | null;
  /** How it left: "smtp", or "log" when no mail server is configured. */
  transport: string | null;
  created_at: string;
  sent_at: string | null;
}

declare module "../db/schema.ts" {
  interface DatabaseSchema {
    jobs: JobTable;
    outbox: OutboxTable;
  }
}
