import { ROLE_GROUPS, type OrganisationRole } from "./roles.ts";
import { hasProjectRole, isInvolvedIn, type Actor } from "./permissions.ts";

const SECOND_AND_THIRD_LINE: readonly OrganisationRole[] = [...ROLE_GROUPS.second_line, ...ROLE_GROUPS.third_line];

/**
 * Who may see a project: its own team (any project role) and the 2nd and 3rd
 * line, who advise on, review and audit every project of the organisation.
 */
export function canViewProject(actor: Actor, projectId: string): boolean {
  return isInvolvedIn(actor, projectId) || SECOND_AND_THIRD_LINE.some((r) => actor.organisationRoles.has(r));
}

/** The project's details and its working documents are kept by its owner and lead. */
export function canEditProject(actor: Actor, projectId: string): boolean {
  return hasProjectRole(actor, projectId, ["owner", "lead"]);
}

/** Members work on the project's instruments (canvas answers, comments) with owner and lead. */
export function canWorkOnProject(actor: Actor, projectId: string): boolean {
  return hasProjectRole(actor, projectId, ["owner", "lead", "member"]);
}

/** Any project role holder may register a new project; so may anyone in the organisation (they become its lead). */
export function canRegisterProject(actor: Actor): boolean {
  return actor.organisationId.length > 0;
}

export function isSecondOrThirdLine(actor: Actor): boolean {
  return SECOND_AND_THIRD_LINE.some((r) => actor.organisationRoles.has(r));
}
