// Periodic evaluation (plan step 5): the periodic-evaluation instrument filled
// at a rhythm that follows from the risk level (the lead can change it), the
// next due date with overdue shown, a material change re-opening the
// screening, and the gates execution → evaluation → closed using them.
import type { Feature } from "../../platform/feature.ts";
import { evaluationsApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import * as m023 from "./migrations/023-evaluations.ts";
import { evaluationFactsMany, evaluationOverview } from "./queries.ts";
import { evaluationRoutes } from "./routes.tsx";
import { EvaluationPanel } from "./views/pages.tsx";
import "./schema.ts";

export const evaluationsFeature: Feature = {
  name: "evaluations",
  messages: { nl, en },
  migrations: { "023-evaluations": m023 },
  personalData: [{ table: "periodic_evaluations", name: "recorded_by_name", by: "recorded_by" }],
  routes: evaluationRoutes,
  api: evaluationsApi,
  projectPanels: [{ id: "evaluations", order: 55, render: async ({ deps, ctx, actor, project }) => EvaluationPanel({ ctx, o: await evaluationOverview(deps, actor, project.id) }) }],
  // Execution → evaluation asks for a periodic evaluation in execution; one in the evaluation phase counts as the evaluation that closing asks for.
  snapshotContributors: [
    {
      many: async (deps, projects, snapshots) => {
        const all = await evaluationFactsMany(deps, projects);
        for (const [id, facts] of all) {
          const snapshot = snapshots.get(id);
          if (!snapshot) continue;
          snapshot.periodicEvaluation = { inExecution: facts.inExecution };
          if (facts.finalOn && !snapshot.evaluation.recorded) snapshot.evaluation = { recorded: true, on: facts.finalOn };
        }
      },
    },
  ],
};
