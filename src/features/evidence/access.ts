// How the evidence use cases open the record evidence is attached to: through
// the feature that owns it (evidenceSubjects), which checks organisation,
// project and who may see it. An unknown kind or id is not found.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { SUBJECT_KINDS, type EvidenceSubjectInfo, type SubjectKind } from "./extension-points.ts";

export function isSubjectKind(x: string): x is SubjectKind {
  return (SUBJECT_KINDS as readonly string[]).includes(x);
}

export async function openSubject(deps: Deps, actor: Actor, kind: string, subjectId: string): Promise<EvidenceSubjectInfo & { kind: SubjectKind; id: string }> {
  if (!isSubjectKind(kind)) throw notFound();
  const owner = deps.extensions.get("evidenceSubjects").find((s) => s.kind === kind);
  if (!owner) throw notFound();
  return { ...(await owner.open(deps, actor, subjectId)), kind, id: subjectId };
}

export async function userName(deps: Deps, actor: Actor): Promise<string> {
  const row = await deps.db.selectFrom("users").select("name").where("id", "=", actor.userId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  return row?.name ?? actor.name;
}
