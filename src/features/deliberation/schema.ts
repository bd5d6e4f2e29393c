export interface DeliberationTable {
  id: string;
  organisation_id: string;
  title: string;
  case_description: string;
  project_id: string | null;
  method: string;
  method_version: string;
  facilitator_id: string;
  status: string;
  held_on: string;
  moral_question: string;
  stakeholders: string;
  values_json: string;
  options: string;
  conclusion: string;
  committee_case_id: string | null;
  created_at: string;
  closed_at: string | null;
  escalated_at: string | null;
}

export interface DeliberationParticipantTable {
  id: string;
  organisation_id: string;
  deliberation_id: string;
  name: string;
  user_id: string | null;
  role: string;
}

export interface DeliberationStepTable {
  id: string;
  organisation_id: string;
  deliberation_id: string;
  section_id: string;
  answers_json: string;
  status: string;
  updated_by: string;
  updated_at: string;
}

export interface DeliberationPositionTable {
  id: string;
  organisation_id: string;
  deliberation_id: string;
  holder: string;
  position: string;
  arguments: string;
  created_at: string;
}

export interface DeliberationActionTable {
  id: string;
  organisation_id: string;
  deliberation_id: string;
  title: string;
  description: string | null;
  owner_user_id: string | null;
  due_date: string | null;
  measure_id: string | null;
  created_at: string;
}

export interface AwarenessActivityTable {
  id: string;
  organisation_id: string;
  kind: string;
  date: string;
  topic: string;
  participant_names_json: string;
  participant_user_ids_json: string;
  participant_count: number;
  deliberation_id: string | null;
  created_by: string;
  created_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    deliberations: DeliberationTable;
    deliberation_participants: DeliberationParticipantTable;
    deliberation_steps: DeliberationStepTable;
    deliberation_positions: DeliberationPositionTable;
    deliberation_actions: DeliberationActionTable;
    awareness_activities: AwarenessActivityTable;
  }
}
