// The number beside "Start" in the menu, on every page. Gathering the inbox reads every project
// the reader may see, so the count is kept per person until anything in the organisation
// changes (every change writes an audit event) or the day turns (a due date passes).
import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { inboxOf } from "./inbox.ts";

const MAX_KEPT = 2000;
/** Per database handle, so two databases (tests, several instances in one process) never share a count. */
const keptByDb = new WeakMap<object, Map<string, { version: string; count: number }>>();

async function organisationVersion(deps: Deps, actor: ActorWithProfile): Promise<string> {
  const row = await deps.db
    .selectFrom("audit_events")
    .select((eb) => [eb.fn.countAll<number | string>().as("n"), eb.fn.max("at").as("last")])
    .where("organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  const roles = [...actor.organisationRoles].sort().join(",");
  const projects = [...actor.projectRoles.entries()].map(([p, r]) => `${p}:${[...r].sort().join("+")}`).sort().join(",");
  return `${row?.n ?? 0}:${row?.last ?? ""}:${deps.now().toISOString().slice(0, 10)}:${roles}:${projects}`;
}

export async function inboxCount(deps: Deps, actor: ActorWithProfile): Promise<number> {
  const version = await organisationVersion(deps, actor);
  const id = `${actor.organisationId}:${actor.userId}`;
  let kept = keptByDb.get(deps.db);
  if (!kept) keptByDb.set(deps.db, (kept = new Map()));
  const hit = kept.get(id);
  if (hit && hit.version === version) return hit.count;
  const count = (await inboxOf(deps, actor)).length;
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(id, { version, count });
  return count;
}
