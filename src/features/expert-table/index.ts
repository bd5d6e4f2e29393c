import { addNavItem } from "../../ui/layout.tsx";
import { registerMessages } from "../../platform/i18n/index.ts";
import { addDemoSeedStep } from "../demo/steps.ts";
import { addHomeTask } from "../home/routes.tsx";
import { addProjectPanel, addSnapshotContributor } from "../projects/extension-points.ts";
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import { expertTableApi } from "./api.ts";
import { seedExpertTableDemo } from "./demo-seed.ts";
import { en, nl } from "./messages.ts";
import * as m007 from "./migrations/007-expert-table.ts";
import { ExpertAdvicePanel } from "./panel.tsx";
import { expertTableRoutes } from "./routes.tsx";
import { expertAdviceState, isTableMember } from "./service.ts";

registerMessages({ nl, en });

function usesExpertTable(actor: Actor): boolean {
  return isTableMember(actor) || [...actor.projectRoles.keys()].some((id) => hasProjectRole(actor, id, ["owner", "lead"]));
}

addNavItem({ href: "/expert-table", labelKey: "expert_table.nav", visible: (c) => !!c.actor && usesExpertTable(c.actor) });
addHomeTask({ href: "/expert-table", labelKey: "expert_table.home_task", visible: (c) => usesExpertTable(c.actor!) });
addProjectPanel({ id: "expert-table", order: 30, render: (args) => ExpertAdvicePanel(args) });
addSnapshotContributor(async (deps, project, snapshot) => {
  snapshot.expertAdvice = await expertAdviceState(deps, project.organisationId, project.id);
});
addDemoSeedStep({ name: "expert-table", run: seedExpertTableDemo });

export const routes = expertTableRoutes;
export const api = expertTableApi;
export const migrations = { "007-expert-table": m007 };
