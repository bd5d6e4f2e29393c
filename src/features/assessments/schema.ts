// The assessments feature's tables: screening records, the DEPIA with its
// submitted versions, reviews and section verdicts, the risk register, the
// links from risks to measures, residual-risk acceptance, the prior
// consultation of the Autoriteit Persoonsgegevens, and an organisation setting.
// The answers themselves live in instrument_responses (instrument-responses).

export interface ScreeningTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** The pre-dpia instrument response. */
  response_id: string;
  /** The frozen response version this record was made from. */
  response_version: number;
  instrument_version: string;
  /** required, recommended or not_required, as evaluated from the answers. */
  outcome: string;
  /** FiredItem[] as JSON. */
  fired_json: string;
  /** Signals (IAMA/DTIA/KIA) as JSON. */
  signals_json: string;
  /** The weighted score as JSON. */
  score_json: string;
  completed_by: string;
  completed_by_name: string;
  completed_at: string;
  /** null, confirmed or overruled. */
  fg_decision: string | null;
  /** The effective outcome set by the FG when overruled. */
  fg_outcome: string | null;
  fg_reason: string | null;
  fg_by: string | null;
  fg_by_name: string | null;
  fg_at: string | null;
}

export interface DepiaTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** The depia instrument response. */
  response_id: string;
  created_by: string;
  created_at: string;
}

export interface DepiaVersionTable {
  id: string;
  organisation_id: string;
  depia_id: string;
  /** 1, 2, 3 … per DEPIA. */
  number: number;
  /** The frozen instrument-response version. */
  response_version: number;
  /** The risk register as it was at submission (JSON). */
  risks_json: string;
  /** Section ids changed since the previous version (JSON); all sections for version 1. */
  changed_sections_json: string;
  note: string;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: string;
}

export interface DepiaReviewTable {
  id: string;
  organisation_id: string;
  depia_id: string;
  version_number: number;
  /** fg, iso, ciso or privacy_officer. */
  reviewer_role: string;
  reviewer_id: string;
  reviewer_name: string;
  /** to_correct, improvable or acceptable. */
  overall: string;
  advice: string;
  given_at: string;
}

export interface DepiaSectionVerdictTable {
  id: string;
  organisation_id: string;
  review_id: string;
  depia_id: string;
  version_number: number;
  reviewer_role: string;
  section_id: string;
  verdict: string;
  note: string;
  /** The action (measure) made for an "improvable" verdict. */
  measure_id: string | null;
}

export interface RiskTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** R1, R2 … per project. */
  number: number;
  /** privacy, ethics, security or fundamental_rights. */
  category: string;
  values_json: string;
  description: string;
  inherent_likelihood: string;
  inherent_impact: string;
  inherent_justification: string;
  residual_likelihood: string | null;
  residual_impact: string | null;
  residual_justification: string | null;
  residual_above_reason: string | null;
  accepted_by: string | null;
  accepted_by_name: string | null;
  accepted_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface RiskMeasureTable {
  organisation_id: string;
  risk_id: string;
  measure_id: string;
  created_at: string;
}

export interface ResidualAcceptanceTable {
  id: string;
  organisation_id: string;
  project_id: string;
  depia_id: string;
  version_number: number;
  statement: string;
  accepted_by: string;
  accepted_by_name: string;
  accepted_at: string;
}

export interface ApConsultationTable {
  id: string;
  organisation_id: string;
  project_id: string;
  depia_id: string;
  /** YYYY-MM-DD */
  consulted_on: string;
  reference: string;
  outcome: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

export interface AssessmentSettingsTable {
  organisation_id: string;
  /** JSON array: extra reviewer roles beside the FG and the ISO (ciso, privacy_officer). */
  extra_reviewers_json: string;
  updated_by: string;
  updated_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    screenings: ScreeningTable;
    depias: DepiaTable;
    depia_versions: DepiaVersionTable;
    depia_reviews: DepiaReviewTable;
    depia_section_verdicts: DepiaSectionVerdictTable;
    risks: RiskTable;
    risk_measures: RiskMeasureTable;
    residual_acceptances: ResidualAcceptanceTable;
    ap_consultations: ApConsultationTable;
    assessment_settings: AssessmentSettingsTable;
  }
}
