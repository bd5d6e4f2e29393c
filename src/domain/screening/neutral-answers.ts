// A complete pre-DPIA response in which nothing applies and the score is 0:
// where demo data and tests start, changing only what their case is about.
// The question ids are those of the pre-dpia instrument (instruments/pre-dpia).

/** The nine EDPB criteria, in the instrument's order. */
export const EDPB_CRITERIA = [
  "edpb_scoring",
  "edpb_automated_decision",
  "edpb_monitoring",
  "edpb_sensitive_data",
  "edpb_large_scale",
  "edpb_combining",
  "edpb_vulnerable",
  "edpb_innovative",
  "edpb_blocks_rights",
] as const;

export const NO = { choice: "no" } as const;
export const yes = (explanation: string) => ({ choice: "yes", explanation });

export function neutralScreeningAnswers(processingDescription: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    processing_description: processingDescription,
    ...Object.fromEntries(EDPB_CRITERIA.map((id) => [id, NO])),
    ap_processing: ["none"],
    new_legislation: NO,
    risk_people: 0,
    risk_sensitivity: 0,
    risk_impact: 0,
    risk_automation: 0,
    algorithm_affects_people: NO,
    transfer_outside_eu: NO,
    children: NO,
    ...changes,
  };
}
