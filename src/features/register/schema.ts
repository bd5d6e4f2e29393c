// The register feature's tables.

export interface RegisterEntryTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** The register id the standard calls `lars`: 8 characters, stable for the entry's life. */
  lars: string;
  /** The team's working copy (JSON of EntryFields). */
  draft_json: string;
  /** draft, approved (ready to publish), or published (the working copy is what is public). */
  draft_state: string;
  /** Goes up with every save, for the conflict check. */
  revision: number;
  prepared_by: string | null;
  prepared_by_name: string | null;
  prepared_at: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
  /** unpublished, published or retracted (what residents see). */
  public_state: string;
  published_version: number | null;
  first_published_at: string | null;
  retract_reason: string | null;
  retracted_at: string | null;
  /** The published version's revision date, for the overdue flag. */
  revision_date: string | null;
  /** Published columns for the public search and filters. */
  pub_name: string | null;
  pub_summary: string | null;
  pub_status: string | null;
  pub_category: string | null;
  pub_policy_areas_json: string | null;
  pub_values_json: string | null;
  pub_technologies_json: string | null;
  pub_updated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RegisterEntryVersionTable {
  id: string;
  organisation_id: string;
  entry_id: string;
  version: number;
  fields_json: string;
  prepared_by: string | null;
  prepared_by_name: string;
  approved_by: string | null;
  approved_by_name: string;
  published_at: string;
}

export interface RegisterSearchTermTable {
  organisation_id: string;
  entry_id: string;
  term: string;
}

export interface RegisterFeedbackTable {
  id: string;
  organisation_id: string;
  entry_id: string;
  /** error or question */
  kind: string;
  message: string;
  reply_to: string | null;
  /** A keyed hash of the sender's address, for the rate limit; never the address itself. */
  address_hash: string;
  created_at: string;
}

/** The national register's delivery API of one organisation (off by default). */
export interface RegisterConnectorTable {
  organisation_id: string;
  enabled: number;
  /** The API's base address; the paths below it are assumed as written in deliver.ts. */
  api_url: string;
  token_url: string;
  client_id: string;
  /** The OAuth2 client secret, sealed with the platform's secret box (never stored in the clear). */
  client_secret_sealed: string | null;
  updated_by: string;
  updated_by_name: string;
  updated_at: string;
}

/** One published version on its way to the national register. */
export interface RegisterDeliveryTable {
  id: string;
  organisation_id: string;
  entry_id: string;
  version: number;
  /** pending, delivering, delivered, failed (tried again later) or given_up. */
  status: string;
  attempts: number;
  /** A code of what went wrong the last time (token_refused, status_500, timeout, unreachable, …). */
  last_error: string | null;
  /** The register's id of the entry, as its API answered. */
  remote_lars: string | null;
  next_attempt_at: string;
  created_at: string;
  updated_at: string;
}

export interface RegisterTermCountTable {
  term: string;
  /** Public entries with this term. */
  entries: number;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    register_entries: RegisterEntryTable;
    register_entry_versions: RegisterEntryVersionTable;
    register_search_terms: RegisterSearchTermTable;
    register_feedback: RegisterFeedbackTable;
    register_connectors: RegisterConnectorTable;
    register_deliveries: RegisterDeliveryTable;
    register_term_counts: RegisterTermCountTable;
  }
}
