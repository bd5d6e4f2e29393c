// A DEPIA review carries evidence: the reviewer adds it to their review, the
// project's team adds what answers it. Whoever sees the project reads it.
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { notFound } from "../../platform/errors.ts";
import type { EvidenceSubject } from "../evidence/extension-points.ts";
import { loadProjectForActor } from "../projects/access.ts";
import { isActive } from "./common.ts";

export const reviewEvidence: EvidenceSubject = {
  kind: "depia_review",
  async open(deps, actor, subjectId) {
    const review = await deps.db
      .selectFrom("depia_reviews")
      .innerJoin("depias", "depias.id", "depia_reviews.depia_id")
      .select(["depia_reviews.id", "depia_reviews.reviewer_id", "depia_reviews.version_number", "depias.project_id"])
      .where("depia_reviews.id", "=", subjectId)
      .where("depia_reviews.organisation_id", "=", actor.organisationId)
      .where("depias.organisation_id", "=", actor.organisationId)
      .executeTakeFirst();
    if (!review) throw notFound();
    const project = await loadProjectForActor(deps.db, actor, review.project_id);
    const mayAdd = isActive(project) && (review.reviewer_id === actor.userId || canWorkOnProject(actor, project.id));
    return { projectId: project.id, href: `/projects/${project.id}/depia/versions/${review.version_number}`, mayAdd };
  },
};
