// A person's status for an Algoritmekader requirement in one project: not
// applicable (with the reason), or met where Afweging holds no evidence for it.
export interface AkRequirementStatusTable {
  id: string;
  organisation_id: string;
  project_id: string;
  requirement_id: string;
  framework_version: string;
  /** met or not_applicable */
  status: string;
  reason: string;
  set_by: string;
  set_by_name: string;
  set_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    ak_requirement_statuses: AkRequirementStatusTable;
  }
}
