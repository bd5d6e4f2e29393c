// The audits feature's use cases, for other features and the routes.
export { advanceAudit } from "./advance-audit.ts";
export { attachBiasAudit } from "./attach-bias-audit.ts";
export { getAudit, type AuditView, type FindingView } from "./get-audit.ts";
export { findingsToAnswer, leadsAProject, listAudits, projectAudits, type AuditListItem, type AuditPlanView } from "./list-audits.ts";
export { planAudit } from "./plan-audit.ts";
export { recordFinding } from "./record-finding.ts";
export { respondToFinding } from "./respond-to-finding.ts";
export { saveAuditPlan } from "./save-audit-plan.ts";
export * from "./types.ts";
