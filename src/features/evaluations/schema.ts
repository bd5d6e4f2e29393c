export interface PeriodicEvaluationTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** execution or evaluation: the phase it was recorded in. */
  phase: string;
  instrument_id: string;
  instrument_version: string;
  answers_json: string;
  needs_attention: number;
  /** The material change it reported (a MaterialChangeKind), or null. */
  material_change: string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

/** The lead's choice of rhythm; without a row the rhythm follows from the risk level. */
export interface EvaluationCadenceTable {
  project_id: string;
  organisation_id: string;
  months: number;
  set_by: string;
  set_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    periodic_evaluations: PeriodicEvaluationTable;
    evaluation_cadences: EvaluationCadenceTable;
  }
}
