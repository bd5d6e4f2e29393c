// The records of the assessments a measure can come from: a DEPIA risk, and
// a finding of a DEPIA review.
import type { MeasureSource } from "../measures/extension-points.ts";

export const assessmentMeasureSources: MeasureSource[] = [
  {
    type: "risk",
    known: async (deps, project, ids) =>
      (
        await deps.db.selectFrom("risks").select("id").where("organisation_id", "=", project.organisationId).where("project_id", "=", project.id).where("id", "in", [...ids]).execute()
      ).map((r) => r.id),
  },
  {
    type: "finding",
    known: async (deps, project, ids) =>
      (
        await deps.db
          .selectFrom("depia_reviews")
          .innerJoin("depias", "depias.id", "depia_reviews.depia_id")
          .select("depia_reviews.id")
          .where("depias.organisation_id", "=", project.organisationId)
          .where("depias.project_id", "=", project.id)
          .where("depia_reviews.id", "in", [...ids])
          .execute()
      ).map((r) => r.id),
  },
];
