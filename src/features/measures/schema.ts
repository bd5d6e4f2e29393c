// The measures feature's table.

export interface MeasureTable {
  id: string;
  organisation_id: string;
  project_id: string;
  title: string;
  description: string;
  owner_user_id: string | null;
  /** YYYY-MM-DD */
  due_date: string | null;
  /** open, in_progress, awaiting_signoff, done or explained. */
  status: string;
  /** Why the measure is not done (status explained). */
  explanation: string | null;
  /** Text or a link that shows the measure works. */
  evidence: string | null;
  /** none, monthly, quarterly or yearly. */
  review_cadence: string;
  /** canvas, risk, advice, deliberation, finding or manual. */
  source_type: string;
  source_id: string | null;
  /** JSON array of risk ids (a later issue links risks). */
  risk_ids_json: string;
  /** Who said it was done (awaiting sign-off). */
  done_requested_by: string | null;
  done_requested_at: string | null;
  signed_off_by: string | null;
  signed_off_by_name: string | null;
  signed_off_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    measures: MeasureTable;
  }
}
