import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { canSeeCases, isCommittee } from "./access.ts";
import type { OpenOrigin } from "./types.ts";

/** Projects a case may be about: all for the committee side, otherwise the actor's own. */
export async function projectChoicesForCase(deps: Deps, actor: Actor): Promise<{ id: string; title: string }[]> {
  const rows = await deps.db.selectFrom("projects").select(["id", "title"]).where("organisation_id", "=", actor.organisationId).orderBy("title").execute();
  return canSeeCases(actor) ? rows : rows.filter((p) => actor.projectRoles.has(p.id));
}

/** The origins the actor may bring a case from (the new-case form offers these). */
export function originsFor(actor: Actor): OpenOrigin[] {
  const r = actor.organisationRoles;
  const out: OpenOrigin[] = [];
  if (r.has("board_member") || r.has("committee_secretary")) out.push("board");
  if (r.has("committee_secretary") || [...actor.projectRoles.values()].some((s) => s.has("owner") || s.has("lead"))) out.push("project");
  if (r.has("committee_secretary")) out.push("resident");
  if (isCommittee(actor)) out.push("own_initiative");
  return out;
}
