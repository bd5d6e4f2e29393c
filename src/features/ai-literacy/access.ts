import type { Actor } from "../../domain/permissions/permissions.ts";
import type { OrganisationRole } from "../../domain/permissions/roles.ts";

/**
 * Who records AI literacy: the administrator (who keeps the organisation's
 * people and roles), the CIO (who answers for the use of AI) and the ethics
 * advisor (who already records the awareness activities). Who reads the
 * overview: those, plus the DPO and the IT auditor, who check that Art. 4 is
 * met. Everyone sees their own trainings.
 */
const RECORDERS: readonly OrganisationRole[] = ["admin", "cio", "ethics_advisor"];
const READERS: readonly OrganisationRole[] = [...RECORDERS, "fg", "it_auditor"];

export function canRecordLiteracy(actor: Actor): boolean {
  return RECORDERS.some((r) => actor.organisationRoles.has(r));
}

export function canReadLiteracy(actor: Actor): boolean {
  return READERS.some((r) => actor.organisationRoles.has(r));
}

/** The start page's figure: for those who answer for the organisation's AI literacy. */
export function seesLiteracyFigure(actor: Actor): boolean {
  return actor.organisationRoles.has("admin") || actor.organisationRoles.has("cio");
}
