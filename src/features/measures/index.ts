// Measures: owner, due date, status, evidence and a sign-off by someone other than the owner.
import type { Feature } from "../../platform/feature.ts";
import { measuresApi } from "./api.ts";
import { measureEvidence } from "./evidence-subject.ts";
import { measuresInbox } from "./inbox.ts";
import { en, nl } from "./messages.ts";
import * as m003 from "./migrations/003-measures.ts";
import { measureRoutes } from "./routes.tsx";
import { listMeasures, measureCounts, measureCountsMany } from "./queries.ts";
import { MeasuresPanel } from "./views.tsx";
import { measuresRegisterPrefill } from "./register-prefill.ts";

export const measuresFeature: Feature = {
  name: "measures",
  // What the project's register entry is pre-filled with from this feature.
  registerPrefillSources: [measuresRegisterPrefill],
  messages: { nl, en },
  migrations: { "003-measures": m003 },
  // Names kept beside ids, replaced when a user is anonymised.
  personalData: [
    { table: "measures", name: "signed_off_by_name", by: "signed_off_by" },
  ],
  routes: measureRoutes,
  evidenceSubjects: [measureEvidence],
  inboxSources: [measuresInbox],
  api: measuresApi,
  // The gate execution → evaluation asks for every measure done or explained.
  snapshotContributors: [
    {
      async one(deps, project, snapshot) {
        const { total, doneOrExplained } = await measureCounts(deps, project);
        snapshot.measures = { total, doneOrExplained };
      },
      async many(deps, projects, snapshots) {
        const counts = await measureCountsMany(deps, projects[0]!.organisationId, projects.map((p) => p.id));
        for (const [id, c] of counts) snapshots.get(id)!.measures = c;
      },
    },
  ],
  projectPanels: [
    {
      id: "measures",
      order: 50,
      render: async ({ deps, ctx, actor, project }) => MeasuresPanel({ ctx, project, measures: await listMeasures(deps, actor, project.id) }),
    },
  ],
};
