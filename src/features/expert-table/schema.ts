export interface MeetingTable {
  id: string;
  organisation_id: string;
  type: string;
  date: string;
  title: string;
  notes: string | null;
  created_by: string;
  created_at: string;
}

export interface MeetingAgendaItemTable {
  id: string;
  organisation_id: string;
  meeting_id: string;
  subject_type: string;
  subject_id: string;
  position: number;
  created_at: string;
}

export interface AdviceRequestTable {
  id: string;
  organisation_id: string;
  project_id: string;
  question: string;
  canvas_link: string;
  status: string;
  meeting_id: string | null;
  requested_by: string;
  requested_at: string;
  given_at: string | null;
}

export interface ExpertAdviceTable {
  id: string;
  organisation_id: string;
  request_id: string;
  summary: string;
  findings_json: string;
  status: string;
  written_by: string;
  created_at: string;
  updated_at: string;
  given_by: string | null;
  given_at: string | null;
}

export interface ExpertRecommendationTable {
  id: string;
  organisation_id: string;
  advice_id: string;
  number: number;
  text: string;
  response: string | null;
  response_text: string | null;
  responded_by: string | null;
  responded_at: string | null;
  measure_id: string | null;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    meetings: MeetingTable;
    meeting_agenda_items: MeetingAgendaItemTable;
    advice_requests: AdviceRequestTable;
    expert_advice: ExpertAdviceTable;
    expert_recommendations: ExpertRecommendationTable;
  }
}
