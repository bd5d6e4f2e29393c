export interface AiLiteracyTrainingTable {
  id: string;
  organisation_id: string;
  title: string;
  description: string | null;
  validity_months: number;
  audience_json: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AiLiteracySessionTable {
  id: string;
  organisation_id: string;
  training_id: string;
  activity_id: string;
  date: string;
  valid_until: string;
  created_by: string;
  created_at: string;
}

export interface AiLiteracyParticipantTable {
  session_id: string;
  organisation_id: string;
  user_id: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    ai_literacy_trainings: AiLiteracyTrainingTable;
    ai_literacy_sessions: AiLiteracySessionTable;
    ai_literacy_participants: AiLiteracyParticipantTable;
  }
}
