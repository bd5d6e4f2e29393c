import { registerMessages } from "../../platform/i18n/index.ts";
import { addProjectPanel, addSnapshotContributor } from "../projects/extension-points.ts";
import { measuresApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import * as m003 from "./migrations/003-measures.ts";
import { measureRoutes } from "./routes.tsx";
import { listMeasures, measureCounts } from "./service.ts";
import { MeasuresPanel } from "./views.tsx";

registerMessages({ nl, en });

// The gate execution → evaluation asks for every measure done or explained.
addSnapshotContributor(async (deps, project, snapshot) => {
  const { total, doneOrExplained } = await measureCounts(deps, project);
  snapshot.measures = { total, doneOrExplained };
});

addProjectPanel({
  id: "measures",
  order: 50,
  render: async ({ deps, ctx, actor, project }) => MeasuresPanel({ ctx, project, measures: await listMeasures(deps, actor, project.id) }),
});

export const routes = measureRoutes;
export const api = measuresApi;
export const migrations = { "003-measures": m003 };
