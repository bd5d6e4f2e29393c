// Use cases of the bias audit, one per file: upload (register-upload.ts),
// column mapping and run (start-run.ts), attach to a project
// (attach-audit.ts), delete (delete-audit.ts), links to risks
// (risk-links.ts), reading (queries.ts); who may do what: access.ts. Each
// use case does its permission check, the reads it decides on, its writes
// and its audit event in one transaction. This module gathers them.

export { canManage, canStartBiasAudit, seesBiasAudits, type Row } from "./access.ts";
export { attachBiasAudit, AttachInput } from "./attach-audit.ts";
export { deleteBiasAudit } from "./delete-audit.ts";
export {
  attachableProjects,
  failInterruptedBiasAudits,
  getBiasAudit,
  getBiasAuditReport,
  ListFilter,
  listBiasAudits,
  waitForBiasAudit,
  type BiasAuditDetail,
  type BiasAuditStatus,
  type BiasAuditSummary,
} from "./queries.ts";
export { discardUpload, ensureUploadDir, fileFieldError, prepareUpload, registerUpload, UPLOAD_LIMITS, UploadFields, type UploadTarget } from "./register-upload.ts";
export { FAVOURABLE_CHOICES, MAPPING_LIMITS, mappingToConfig, MappingInput, REFERENCE_CHOICES, startBiasAuditRun } from "./start-run.ts";
