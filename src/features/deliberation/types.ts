import type { SectionProgress } from "../../instruments/index.ts";
import type { DeliberationMethod, DeliberationStatus, ParticipantRole } from "./methods.ts";

export interface DeliberationListItem {
  id: string;
  title: string;
  method: DeliberationMethod;
  status: DeliberationStatus;
  heldOn: string;
  projectId: string | null;
  projectTitle: string | null;
  committeeCaseId: string | null;
}

export interface StepView {
  sectionId: string;
  answers: Record<string, unknown>;
  status: SectionProgress;
  updatedAt: string | null;
}

export interface DeliberationView extends DeliberationListItem {
  caseDescription: string;
  methodVersion: string;
  facilitator: string;
  moralQuestion: string;
  stakeholders: string;
  values: string[];
  options: string;
  conclusion: string;
  participants: { id: string; name: string; userId: string | null; role: ParticipantRole }[];
  steps: StepView[];
  positions: { id: string; holder: string; position: string; arguments: string }[];
  actions: { id: string; title: string; description: string | null; ownerUserId: string | null; ownerName: string | null; dueDate: string | null; measureId: string | null }[];
  closedAt: string | null;
  escalatedAt: string | null;
  may: { edit: boolean; escalate: boolean; makeMeasure: boolean };
}
