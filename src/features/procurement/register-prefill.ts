// The register entry's provider and contract reference from the project's
// newest contract that is not withdrawn.
import type { RegisterPrefillSource } from "../register/prefill.ts";
import "./schema.ts";

export const contractRegisterPrefill: RegisterPrefillSource = {
  labelKey: "register.source.contract",
  order: 60,
  async propose(deps, project) {
    const c = await deps.db
      .selectFrom("contracts")
      .select(["supplier", "reference"])
      .where("organisation_id", "=", project.organisationId)
      .where("project_id", "=", project.id)
      .where("status", "!=", "withdrawn")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    return c ? { provider: c.supplier.slice(0, 200), contract_reference: c.reference.slice(0, 200) } : {};
  },
};
