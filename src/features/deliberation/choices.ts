import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { isAdvisor } from "./access.ts";

/** Projects a lead may open a session for, or all projects for the ethics advisor. */
export async function projectChoices(deps: Deps, actor: Actor): Promise<{ id: string; title: string }[]> {
  const rows = await deps.db.selectFrom("projects").select(["id", "title"]).where("organisation_id", "=", actor.organisationId).orderBy("title").execute();
  return isAdvisor(actor) ? rows : rows.filter((r) => hasProjectRole(actor, r.id, ["lead"]));
}

/** People of the organisation, for linking participants and action owners. */
export async function peopleChoices(deps: Deps, actor: Actor): Promise<{ id: string; name: string }[]> {
  return deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", actor.organisationId).where("active", "=", 1).orderBy("name").execute();
}
