// The projects feature's use cases and reads, one file each; other features
// and the tests import them from here. Other features call these functions;
// they never query these tables.
export { loadProjectForActor } from "./access.ts";
export { addMember, AddMemberInput } from "./add-member.ts";
export { buildSnapshot } from "./build-snapshot.ts";
export { DATA_CATEGORIES, DOMAINS, EXPLICIT_CHANGE_KINDS, LIMITS, TECHNOLOGIES, type DataCategory, type Domain, type Technology } from "./fields.ts";
export { rolesOnProject, type MaterialChangeRecord, type ProjectDetail, type ProjectMember } from "./project-rows.ts";
export {
  getProject,
  listEvaluations,
  listGateDecisions,
  listMaterialChanges,
  listMembers,
  listOrganisationPeople,
  projectPage,
  projectReadiness,
  type EvaluationRecord,
  type GateDecisionView,
  type ProjectPageData,
  type ProjectReadiness,
} from "./queries.ts";
export { EvaluationInput, recordEvaluation, writeEvaluation } from "./record-evaluation.ts";
export { GateDecisionInput, GateRefusedError, recordGateDecision, writeGateDecision, type GateDecisionRecordInput } from "./record-gate-decision.ts";
export { MaterialChangeInput, recordMaterialChange } from "./record-material-change.ts";
export { registerProject, RegisterProjectInput } from "./register-project.ts";
export { removeMember } from "./remove-member.ts";
export { updateProject, UpdateProjectInput } from "./update-project.ts";
