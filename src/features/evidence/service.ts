// The evidence feature's use cases and queries, for routes, the API and other features.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { openSubject } from "./access.ts";

export { linkEvidence, uploadEvidence, type ReceivedFile } from "./add-evidence.ts";
export { downloadEvidence, evidenceVersions, listEvidence, type EvidenceDocument, type EvidenceList, type EvidenceVersion } from "./queries.ts";
export { LinkInput, UploadInput } from "./model.ts";
export { SUBJECT_KINDS, type SubjectKind } from "./extension-points.ts";

/** The subject someone is about to add evidence to: refused when they may not. */
export async function evidenceTarget(deps: Deps, actor: Actor, kind: string, subjectId: string) {
  const subject = await openSubject(deps, actor, kind, subjectId);
  if (!subject.mayAdd) throw new AppError("forbidden", "evidence.may_not_add");
  return subject;
}
