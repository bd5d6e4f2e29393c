// Moral deliberation (moreel beraad) and awareness activities.
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import { deliberationMeasureSources } from "./measure-sources.ts";
import type { Feature } from "../../platform/feature.ts";
import { deliberationApi } from "./api.ts";
import { seedDeliberationDemo } from "./demo-seed.ts";
import { en, nl } from "./messages.ts";
import * as m008 from "./migrations/008-deliberation.ts";
import { DeliberationPanel } from "./panel.tsx";
import { deliberationRoutes } from "./routes.tsx";
import { deliberationFigures, openDeliberationCount, openDeliberationCounts } from "./service.ts";

function usesDeliberation(actor: Actor): boolean {
  return actor.organisationRoles.has("ethics_advisor") || [...actor.projectRoles.keys()].some((id) => hasProjectRole(actor, id, ["lead"]));
}

export const deliberationFeature: Feature = {
  name: "deliberation",
  messages: { nl, en },
  migrations: { "008-deliberation": m008 },
  measureSources: deliberationMeasureSources,
  routes: deliberationRoutes,
  api: deliberationApi,
  nav: [{ href: "/deliberations", labelKey: "deliberation.nav", visible: (c) => !!c.actor && usesDeliberation(c.actor) }],
  homeTasks: [{ href: "/deliberations", labelKey: "deliberation.home_task", visible: (c) => usesDeliberation(c.actor!) }],
  projectPanels: [{ id: "deliberation", order: 60, render: (args) => DeliberationPanel(args) }],
  snapshotContributors: [
    {
      async one(deps, project, snapshot) {
        snapshot.openDeliberations = await openDeliberationCount(deps, project.organisationId, project.id);
      },
      async many(deps, projects, snapshots) {
        const counts = await openDeliberationCounts(deps, projects[0]!.organisationId, projects.map((p) => p.id));
        for (const [id, n] of counts) snapshots.get(id)!.openDeliberations = n;
      },
    },
  ],
  demoSteps: [{ name: "deliberation", run: seedDeliberationDemo }],
  committeeReportSources: [{ deliberations: deliberationFigures }],
};
