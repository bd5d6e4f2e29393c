// A recommendation of the expert table's advice on the project, as the source of a measure.
import type { MeasureSource } from "../measures/extension-points.ts";

export const adviceMeasureSources: MeasureSource[] = [
  {
    type: "advice",
    known: async (deps, project, ids) =>
      (
        await deps.db
          .selectFrom("expert_recommendations")
          .innerJoin("expert_advice", "expert_advice.id", "expert_recommendations.advice_id")
          .innerJoin("advice_requests", "advice_requests.id", "expert_advice.request_id")
          .select("expert_recommendations.id")
          .where("advice_requests.organisation_id", "=", project.organisationId)
          .where("advice_requests.project_id", "=", project.id)
          .where("expert_recommendations.id", "in", [...ids])
          .execute()
      ).map((r) => r.id),
  },
];
