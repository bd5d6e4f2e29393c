// The procurement feature's tables: a project's supplier contracts with their
// clause checklist, the measures the lead marked as depending on the supplier,
// the verdicts on carried-over attention points, the 2nd line's sign-offs and
// the organisation's choice of who signs off.

export interface ContractTable {
  id: string;
  organisation_id: string;
  project_id: string;
  supplier: string;
  reference: string;
  subject: string;
  /** YYYY-MM-DD */
  start_date: string;
  /** YYYY-MM-DD; null for an open-ended contract. */
  end_date: string | null;
  value_band: string;
  procedure: string;
  /** active or withdrawn. */
  status: string;
  /** Increases with every change to the contract, its checklist, its marked measures or its verdicts; a sign-off holds for one revision. */
  revision: number;
  /** The clause checklist: instrument id and the version it is pinned to, and the answers (JSON). */
  checklist_instrument_id: string;
  checklist_instrument_version: string;
  checklist_answers_json: string;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_by_name: string;
  updated_at: string;
}

/** A measure of the project that depends on this contract's supplier: the risks it covers become attention points. */
export interface ContractSupplierMeasureTable {
  organisation_id: string;
  contract_id: string;
  measure_id: string;
  marked_by: string;
  marked_at: string;
}

/** The verdict on one attention point: covered by a clause, or not covered with a reason and who accepted that. */
export interface ContractPointResolutionTable {
  id: string;
  organisation_id: string;
  contract_id: string;
  /** e.g. advice:<recommendation id>, review:<review id>, risk:<risk id>; see points.ts. */
  point_key: string;
  /** covered or not_covered. */
  verdict: string;
  clause_ref: string | null;
  reason: string | null;
  accepted_by: string | null;
  accepted_by_name: string | null;
  /** The point as it read when the verdict was given, shown when its source is gone. */
  point_text: string;
  resolved_by: string;
  resolved_by_name: string;
  resolved_at: string;
}

export interface ContractSignoffTable {
  id: string;
  organisation_id: string;
  contract_id: string;
  /** The contract revision signed. */
  revision: number;
  /** The place in the sign-off the signer fills: jurist, iso_or_privacy, iso or privacy_officer. */
  slot: string;
  /** The role the signer signed in. */
  role: string;
  user_id: string;
  user_name: string;
  note: string;
  signed_at: string;
}

export interface ProcurementSettingsTable {
  organisation_id: string;
  /** Who signs beside the jurist: iso_or_privacy, iso, privacy_officer or iso_and_privacy. */
  second_signer: string;
  updated_by: string;
  updated_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    contracts: ContractTable;
    contract_supplier_measures: ContractSupplierMeasureTable;
    contract_point_resolutions: ContractPointResolutionTable;
    contract_signoffs: ContractSignoffTable;
    procurement_settings: ProcurementSettingsTable;
  }
}
