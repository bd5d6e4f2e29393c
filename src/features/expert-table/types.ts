export type RequestStatus = "requested" | "scheduled" | "given";
export type RecommendationResponse = "comply" | "explain";

export interface RecommendationView {
  id: string;
  number: number;
  text: string;
  response: RecommendationResponse | null;
  responseText: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
  measureId: string | null;
}

export interface AdviceView {
  id: string;
  status: "draft" | "given";
  summary: string;
  /** Finding per value key of the organisation's value set. */
  findings: Record<string, string>;
  writtenBy: string;
  givenAt: string | null;
  givenBy: string | null;
  recommendations: RecommendationView[];
}

export interface AdviceRequestView {
  id: string;
  projectId: string;
  projectTitle: string;
  question: string;
  canvasLink: string;
  status: RequestStatus;
  requestedBy: string;
  requestedAt: string;
  givenAt: string | null;
  meeting: { id: string; date: string; title: string } | null;
  advice: AdviceView | null;
  /** What the viewer may do here. */
  may: { schedule: boolean; write: boolean; respond: boolean; involved: boolean };
}

export interface AdviceRequestListItem {
  id: string;
  projectId: string;
  projectTitle: string;
  question: string;
  status: RequestStatus;
  requestedAt: string;
  givenAt: string | null;
  meetingDate: string | null;
  recommendationsTotal: number;
  recommendationsAnswered: number;
}
