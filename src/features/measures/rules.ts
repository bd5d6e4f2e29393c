// Who may do what with a measure. Segregation of duties: a measure's owner
// does not sign off its own evidence; "done" waits for someone else's sign-off.
import { isFinal, isPhase } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject, isSecondOrThirdLine } from "../../domain/permissions/project-access.ts";
import { ROLE_GROUPS } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import type { MeasureSourceType } from "./inputs.ts";

/** Who may add measures: the project team; the 2nd and 3rd line too, for measures that come from their advice, risks or findings. */
export function canAddMeasure(actor: Actor, projectId: string, sourceType: MeasureSourceType): boolean {
  if (canWorkOnProject(actor, projectId)) return true;
  return isSecondOrThirdLine(actor) && (sourceType === "advice" || sourceType === "finding" || sourceType === "risk");
}

/** Sign-off: someone else on the team, or the 2nd line. */
export function canSignOff(actor: Actor, projectId: string): boolean {
  return canWorkOnProject(actor, projectId) || ROLE_GROUPS.second_line.some((r) => actor.organisationRoles.has(r));
}

/** May this actor sign off this measure now? For showing the button. */
export function maySignOff(actor: Actor, measure: { status: string; projectId: string; ownerUserId: string | null; doneRequestedBy: string | null }): boolean {
  return measure.status === "awaiting_signoff" && canSignOff(actor, measure.projectId) && measure.ownerUserId !== actor.userId && measure.doneRequestedBy !== actor.userId;
}

/** A stopped or finished project's measures no longer change. */
export function requireActive(project: ProjectRef): void {
  if (isPhase(project.phase) && isFinal(project.phase)) throw new AppError("rule_refused", "measures.project_final");
}

/** An owner must be an active person of the organisation. */
export async function assertPerson(deps: Deps, organisationId: string, userId: string | undefined): Promise<void> {
  if (!userId) return;
  const user = await deps.db.selectFrom("users").select("id").where("id", "=", userId).where("organisation_id", "=", organisationId).where("active", "=", 1).executeTakeFirst();
  if (!user) throw invalid([{ field: "ownerUserId", messageKey: "measures.owner_unknown" }]);
}
