import type { ColumnType } from "kysely";

// The projects feature's own tables and the columns it adds to `projects`.

export interface GateDecisionTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** The phase the decision was taken in, i.e. the gate it was about. */
  phase: string;
  /** go, adjust or stop. */
  decision: string;
  /** The phase after the decision. */
  to_phase: string;
  rationale: string;
  decided_by: string;
  decided_by_name: string;
  decided_at: string;
  /** The GateReadiness at that moment, as JSON. */
  readiness_json: string;
}

export interface MaterialChangeTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** A MaterialChangeKind. */
  kind: string;
  description: string;
  reopens_screening: number;
  recorded_by: string;
  recorded_at: string;
}

export interface ProjectEvaluationTable {
  id: string;
  organisation_id: string;
  project_id: string;
  phase: string;
  text: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

/** A project's readiness as last computed (stored-readiness.ts). */
export interface ProjectReadinessTable {
  project_id: string;
  organisation_id: string;
  missing_count: number;
  /** The gate's missing items (MissingItem[]) as JSON, for lists that word them (the start page's inbox). */
  missing_json: string;
  rules_version: number;
  computed_at: string;
}

/** One row per party the project's next gate waits for (a Responsible). */
export interface ProjectWaitTable {
  project_id: string;
  who: string;
  organisation_id: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    project_readiness: ProjectReadinessTable;
    project_waits: ProjectWaitTable;
    gate_decisions: GateDecisionTable;
    material_changes: MaterialChangeTable;
    project_evaluations: ProjectEvaluationTable;
  }
  // Optional on insert (they have defaults), so code that inserts a project
  // row the way migration 002 knew it keeps compiling.
  interface ProjectTable {
    /** not_published, draft or published (the public register, a later issue). */
    publication_state: ColumnType<string, string | undefined, string>;
    stopped_reason: ColumnType<string | null, string | null | undefined, string | null>;
    stopped_at: ColumnType<string | null, string | null | undefined, string | null>;
    closed_at: ColumnType<string | null, string | null | undefined, string | null>;
    created_by: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
