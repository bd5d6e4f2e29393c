// The bias-audit feature's table: one row per uploaded data set, its column
// mapping, the job that audits it and the resulting report.

export interface BiasAuditTable {
  id: string;
  organisation_id: string;
  /** The project this audit is evidence for, or null. */
  project_id: string | null;
  name: string;
  /** The uploaded file's own name (shown, never used as a path). */
  file_name: string;
  /** csv or parquet (detected from the file's first bytes). */
  file_format: string;
  file_bytes: number;
  /** Path of the stored upload relative to config.dataDir: uploads/<organisation>/<id>. */
  storage_key: string;
  /** JSON array of the header's column names. */
  columns_json: string;
  delimiter: string | null;
  /** JSON of the mapping the user chose (MappingInput), null until mapped. */
  mapping_json: string | null;
  /** uploaded, queued, running, done or failed. */
  status: string;
  progress_bytes: number;
  total_bytes: number;
  /** A BiasAuditError code, "interrupted" or "internal". */
  error_code: string | null;
  /** JSON of the error's parameters, so the message can be shown in nl and en. */
  error_params_json: string | null;
  /** The engine's report (afweging.bias-audit v1) as JSON, once done. */
  report_json: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** Last sign of life of the job (progress updates); a stale running job was interrupted. */
  heartbeat_at: string | null;
  /** When the uploaded file was removed after the organisation's retention period (the report stays). */
  data_removed_at: string | null;
}

/** A bias audit linked as evidence to a DEPIA risk of the audit's project. */
export interface BiasAuditRiskTable {
  bias_audit_id: string;
  risk_id: string;
  organisation_id: string;
  linked_by: string;
  linked_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    bias_audits: BiasAuditTable;
    bias_audit_risks: BiasAuditRiskTable;
  }
}
