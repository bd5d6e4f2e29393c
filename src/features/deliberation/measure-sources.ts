// A moral deliberation on the project, as the source of a measure.
import type { MeasureSource } from "../measures/extension-points.ts";

export const deliberationMeasureSources: MeasureSource[] = [
  {
    type: "deliberation",
    known: async (deps, project, ids) =>
      (
        await deps.db.selectFrom("deliberations").select("id").where("organisation_id", "=", project.organisationId).where("project_id", "=", project.id).where("id", "in", [...ids]).execute()
      ).map((r) => r.id),
  },
];
