// Who may open the accountability dashboard and the periodic reports.
//
// - The dashboard: the 3rd line (CIO, CISO, FG, VIC, IT-auditor). It shows
//   every project of the organisation, which the 3rd line may see anyway
//   (canViewProject); the board and the committee may not open projects.
// - The report for the board and the council: the 3rd line, who prepare it,
//   and the board (wethouder), to whom it is addressed.
// - The report for the ethics committee: the 3rd line and the committee
//   (members, chair, secretary), who are asked to evaluate it.
// Everyone else: forbidden.
import type { Actor } from "../../domain/permissions/permissions.ts";
import { ROLE_GROUPS, type OrganisationRole } from "../../domain/permissions/roles.ts";

const THIRD_LINE: readonly OrganisationRole[] = ROLE_GROUPS.third_line;
const COMMITTEE: readonly OrganisationRole[] = ["committee_member", "committee_chair", "committee_secretary"];

const holds = (actor: Actor, roles: readonly OrganisationRole[]) => roles.some((r) => actor.organisationRoles.has(r));

export type ReportKind = "board" | "committee";
export const REPORT_KINDS: readonly ReportKind[] = ["board", "committee"];

export function canSeeDashboard(actor: Actor): boolean {
  return holds(actor, THIRD_LINE);
}

export function canSeeReport(actor: Actor, kind: ReportKind): boolean {
  if (holds(actor, THIRD_LINE)) return true;
  return kind === "board" ? actor.organisationRoles.has("board_member") : holds(actor, COMMITTEE);
}

/** The menu entry: whoever may open the dashboard or one of the reports. */
export function seesAccountability(actor: Actor): boolean {
  return canSeeDashboard(actor) || REPORT_KINDS.some((k) => canSeeReport(actor, k));
}
