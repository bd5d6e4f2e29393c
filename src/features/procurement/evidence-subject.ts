// Contracts carry evidence (the signed contract, the processing agreement): the
// team adds it, and so do the 2nd-line signers who hold no role in the project.
import { isInvolvedIn } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { EvidenceSubject } from "../evidence/extension-points.ts";
import { isActiveProject, openContract } from "./access.ts";
import { isSigner } from "./queries.ts";

export const contractEvidence: EvidenceSubject = {
  kind: "contract",
  async open(deps, actor, subjectId) {
    const { row, project } = await openContract(deps, actor, subjectId);
    const works = canWorkOnProject(actor, project.id) || (isSigner(actor) && !isInvolvedIn(actor, project.id));
    return { projectId: project.id, href: `/contracts/${row.id}`, mayAdd: isActiveProject(project) && row.status === "active" && works };
  },
};
