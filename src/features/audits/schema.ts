// The audits feature's tables (plan step 6: supervision and audits).
// Evidence files belong to the evidence feature (issue 12, another part): a
// finding's evidence here is text and links; files attach there by entity.

/** The organisation's audit plan for one year. */
export interface AuditPlanTable {
  id: string;
  organisation_id: string;
  year: number;
  /** What the plan is about: focus, capacity, why these audits. */
  description: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_by_name: string;
  updated_at: string;
}

export interface AuditTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  title: string;
  /** process, algorithm, data_protection, information_security or ethics. */
  type: string;
  /** JSON array of value keys of the organisation's value set. */
  criteria_values_json: string;
  /** Further criteria in words (laws, standards, own requirements). */
  requirements: string;
  /** YYYY-MM-DD */
  period_from: string;
  period_to: string;
  /** planned, fieldwork, draft_report, final or followed_up; only forward. */
  status: string;
  /** The earlier audit this one follows up, or null. */
  follows_audit_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The audit's scope: one row per audited project. */
export interface AuditProjectTable {
  audit_id: string;
  project_id: string;
  organisation_id: string;
}

export interface AuditAuditorTable {
  audit_id: string;
  user_id: string;
  organisation_id: string;
}

/** Every status step of an audit: who and when. */
export interface AuditStatusChangeTable {
  id: string;
  organisation_id: string;
  audit_id: string;
  from_status: string | null;
  to_status: string;
  by_user_id: string;
  by_name: string;
  at: string;
}

export interface AuditFindingTable {
  id: string;
  organisation_id: string;
  audit_id: string;
  project_id: string;
  /** 1, 2, … within the audit. */
  number: number;
  title: string;
  description: string;
  /** low, medium, high or critical. */
  severity: string;
  values_json: string;
  evidence_text: string;
  /** JSON array of http(s) links. */
  evidence_links_json: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
  /** The management response: agree (and act) or explain; null while owed. */
  response: string | null;
  response_text: string | null;
  responded_by: string | null;
  responded_by_name: string | null;
  responded_at: string | null;
  /** The measure an agreed finding became. */
  measure_id: string | null;
}

/** A bias-audit run attached to an audit as evidence. */
export interface AuditBiasAuditTable {
  audit_id: string;
  bias_audit_id: string;
  organisation_id: string;
  linked_by: string;
  linked_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    audit_plans: AuditPlanTable;
    audits: AuditTable;
    audit_projects: AuditProjectTable;
    audit_auditors: AuditAuditorTable;
    audit_status_changes: AuditStatusChangeTable;
    audit_findings: AuditFindingTable;
    audit_bias_audits: AuditBiasAuditTable;
  }
}
