// The expert table: advice requests, meetings, written advice, comply-or-explain per recommendation.
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import { adviceMeasureSources } from "./measure-sources.ts";
import type { Feature } from "../../platform/feature.ts";
import { expertTableApi } from "./api.ts";
import { seedExpertTableDemo } from "./demo-seed.ts";
import { en, nl } from "./messages.ts";
import * as m007 from "./migrations/007-expert-table.ts";
import { ExpertAdvicePanel } from "./panel.tsx";
import { expertTableRoutes } from "./routes.tsx";
import { expertAdviceState, isTableMember } from "./service.ts";
import { expertAdviceStates } from "./figures.ts";

function usesExpertTable(actor: Actor): boolean {
  return isTableMember(actor) || [...actor.projectRoles.keys()].some((id) => hasProjectRole(actor, id, ["owner", "lead"]));
}

export const expertTableFeature: Feature = {
  name: "expert-table",
  messages: { nl, en },
  migrations: { "007-expert-table": m007 },
  measureSources: adviceMeasureSources,
  routes: expertTableRoutes,
  api: expertTableApi,
  nav: [{ href: "/expert-table", labelKey: "expert_table.nav", visible: (c) => !!c.actor && usesExpertTable(c.actor) }],
  homeTasks: [{ href: "/expert-table", labelKey: "expert_table.home_task", visible: (c) => usesExpertTable(c.actor!) }],
  projectPanels: [{ id: "expert-table", order: 30, render: (args) => ExpertAdvicePanel(args) }],
  snapshotContributors: [
    {
      async one(deps, project, snapshot) {
        snapshot.expertAdvice = await expertAdviceState(deps, project.organisationId, project.id);
      },
      async many(deps, projects, snapshots) {
        const states = await expertAdviceStates(deps, projects[0]!.organisationId, projects.map((p) => p.id));
        for (const [id, s] of states) snapshots.get(id)!.expertAdvice = s;
      },
    },
  ],
  demoSteps: [{ name: "expert-table", run: seedExpertTableDemo }],
};
