import { hasProjectRole, isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { AppError } from "../../platform/errors.ts";

export const has = (actor: Actor, ...roles: string[]) => roles.some((r) => actor.organisationRoles.has(r as never));

/** The committee itself: members, chair and secretary. */
export function isCommittee(actor: Actor): boolean {
  return has(actor, "committee_member", "committee_chair", "committee_secretary");
}
/** Who sees committee cases: the committee, the FG as standing adviser, and the board. */
export function canSeeCases(actor: Actor): boolean {
  return isCommittee(actor) || has(actor, "fg", "board_member");
}
/** A committee member (or FG) holding a role in the project concerned is excluded from the case. */
export function isExcluded(actor: Actor, projectId: string | null): boolean {
  return !!projectId && isInvolvedIn(actor, projectId);
}

/** The project's owner sees the cases about their project (and their advice); whoever brought a case sees it. */
export function canSeeCase(actor: Actor, r: { project_id: string | null; created_by: string }): boolean {
  return canSeeCases(actor) || (!!r.project_id && hasProjectRole(actor, r.project_id, ["owner"])) || r.created_by === actor.userId;
}

export function canSeeAdvice(actor: Actor, r: { project_id: string | null }, advice: { status: string; published_at: string | null }): boolean {
  if (advice.status === "draft") return isCommittee(actor) || has(actor, "fg");
  if (advice.published_at) return true;
  return canSeeCases(actor) || (!!r.project_id && hasProjectRole(actor, r.project_id, ["owner"]));
}

export function refuseIfExcluded(actor: Actor, r: { project_id: string | null }): void {
  if (isExcluded(actor, r.project_id)) throw new AppError("forbidden", "committee.excluded");
}
