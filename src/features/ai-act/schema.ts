// The ai-act feature's tables: classification records (frozen answers with the
// outcome and every reason, and the review by the FG or the CIO's delegate), the
// FRIA's notification to the market surveillance authority, and the EU database
// registration. The answers themselves live in instrument_responses.

export interface AiActClassificationTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** The ai-act-classification instrument response. */
  response_id: string;
  /** The frozen response version this record was made from. */
  response_version: number;
  instrument_version: string;
  /** The classification date (yyyy-mm-dd): the outcome as the law stands on it. */
  on_date: string;
  /** prohibited, high_risk, transparency, minimal or outside_scope, on on_date. */
  outcome: string;
  /** The ClassificationResult as JSON: every reason, duty and date. */
  result_json: string;
  completed_by: string;
  completed_by_name: string;
  completed_at: string;
  /** null, confirmed or rejected. */
  review_decision: string | null;
  /** fg or cio: in which capacity the reviewer reviewed. */
  review_role: string | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
}

export interface AiActEuRegistrationTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** The fields of Annex VIII section C as prepared and edited (JSON). */
  fields_json: string;
  /** The number the EU database gave; null while only prepared. */
  registration_number: string | null;
  registered_at: string | null;
  updated_by: string;
  updated_by_name: string;
  updated_at: string;
}

export interface AiActFriaNotificationTable {
  id: string;
  organisation_id: string;
  project_id: string;
  /** The DEPIA version whose FRIA section was notified. */
  depia_version: number;
  authority: string;
  notified_on: string;
  reference: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    ai_act_classifications: AiActClassificationTable;
    ai_act_eu_registrations: AiActEuRegistrationTable;
    ai_act_fria_notifications: AiActFriaNotificationTable;
  }
}
