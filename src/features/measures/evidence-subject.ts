// Measures carry evidence: the project's team and the measure's owner add it; whoever sees the project reads it.
import { isFinal, isPhase } from "../../domain/lifecycle/index.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { EvidenceSubject } from "../evidence/extension-points.ts";
import { loadMeasure } from "./measure-rows.ts";

export const measureEvidence: EvidenceSubject = {
  kind: "measure",
  async open(deps, actor, subjectId) {
    const { measure, project } = await loadMeasure(deps, actor, subjectId);
    const active = !(isPhase(project.phase) && isFinal(project.phase));
    return { projectId: project.id, href: `/projects/${project.id}/measures/${measure.id}`, mayAdd: active && (canWorkOnProject(actor, project.id) || measure.ownerUserId === actor.userId) };
  },
};
