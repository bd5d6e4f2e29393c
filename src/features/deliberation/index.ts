import { registerMessages } from "../../platform/i18n/index.ts";
import { addNavItem } from "../../ui/layout.tsx";
import { addDemoSeedStep } from "../demo/steps.ts";
import { addHomeTask } from "../home/routes.tsx";
import { addProjectPanel, addSnapshotContributor } from "../projects/extension-points.ts";
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import { deliberationApi } from "./api.ts";
import { seedDeliberationDemo } from "./demo-seed.ts";
import { en, nl } from "./messages.ts";
import * as m008 from "./migrations/008-deliberation.ts";
import { DeliberationPanel } from "./panel.tsx";
import { deliberationRoutes } from "./routes.tsx";
import { openDeliberationCount } from "./service.ts";

registerMessages({ nl, en });

function usesDeliberation(actor: Actor): boolean {
  return actor.organisationRoles.has("ethics_advisor") || [...actor.projectRoles.keys()].some((id) => hasProjectRole(actor, id, ["lead"]));
}

addNavItem({ href: "/deliberations", labelKey: "deliberation.nav", visible: (c) => !!c.actor && usesDeliberation(c.actor) });
addHomeTask({ href: "/deliberations", labelKey: "deliberation.home_task", visible: (c) => usesDeliberation(c.actor!) });
addProjectPanel({ id: "deliberation", order: 60, render: (args) => DeliberationPanel(args) });
addSnapshotContributor(async (deps, project, snapshot) => {
  snapshot.openDeliberations = await openDeliberationCount(deps, project.organisationId, project.id);
});
addDemoSeedStep({ name: "deliberation", run: seedDeliberationDemo });

export const routes = deliberationRoutes;
export const api = deliberationApi;
export const migrations = { "008-deliberation": m008 };
