// Procurement (plan step 4): a supplier project's contracts, each with a clause
// checklist, the attention points carried over from the advice, the DEPIA, the
// risks and the bias audits, and the sign-off by the 2nd line that the
// start → execution gate asks for.
import { can, hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import type { Feature } from "../../platform/feature.ts";
import { procurementApi } from "./api.ts";
import { contractEvidence } from "./evidence-subject.ts";
import { isActiveProject } from "./access.ts";
import { seedProcurementDemo } from "./demo.ts";
import { en, nl } from "./messages.ts";
import * as m020 from "./migrations/020-procurement.ts";
import { procurementRoutes } from "./routes.tsx";
import { isSigner, listContracts, supplierState } from "./service.ts";
import { ContractsPanel } from "./views/panel.tsx";
import "./schema.ts";
import { contractRegisterPrefill } from "./register-prefill.ts";

/** Who uses the contracts overview: the 2nd line that signs, and the owners and leads of projects. */
function usesContracts(actor: Actor): boolean {
  return isSigner(actor) || [...actor.projectRoles.keys()].some((id) => hasProjectRole(actor, id, ["owner", "lead"]));
}

export const procurementFeature: Feature = {
  name: "procurement",
  // What the project's register entry is pre-filled with from this feature.
  registerPrefillSources: [contractRegisterPrefill],
  messages: { nl, en },
  migrations: { "020-procurement": m020 },
  // Names kept beside ids, replaced when a user is anonymised.
  personalData: [
    { table: "contracts", name: "updated_by_name", by: "updated_by" },
    { table: "contract_point_resolutions", name: "accepted_by_name", by: "accepted_by" },
    { table: "contract_point_resolutions", name: "resolved_by_name", by: "resolved_by" },
    { table: "contract_signoffs", name: "user_name", by: "user_id" },
  ],
  routes: procurementRoutes,
  evidenceSubjects: [contractEvidence],
  api: procurementApi,
  nav: [
    { href: "/contracts", labelKey: "procurement.nav", visible: (c) => !!c.actor && usesContracts(c.actor) },
    { href: "/admin/procurement", labelKey: "procurement.nav_settings", visible: (c) => !!c.actor && can(c.actor, "organisation.manage"), before: "/audit-log" },
  ],
  homeTasks: [{ href: "/contracts", labelKey: "procurement.home_task", visible: (c) => isSigner(c.actor!) }],
  projectPanels: [
    {
      id: "procurement",
      order: 45,
      async render({ deps, ctx, actor, project }) {
        if (!project.supplierInvolved) return null;
        const items = await listContracts(deps, actor, project.id);
        return ContractsPanel({ ctx, projectId: project.id, items, mayRegister: hasProjectRole(actor, project.id, ["owner", "lead"]) && isActiveProject(project) });
      },
    },
  ],
  // The start → execution gate asks for the contract checklist signed off by the 2nd line.
  snapshotContributors: [
    async (deps, project, snapshot) => {
      snapshot.supplier = await supplierState(deps, project);
    },
  ],
  demoSteps: [{ name: "procurement", run: seedProcurementDemo }],
};
