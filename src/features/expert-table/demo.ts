import { loadActor } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";

/**
 * The demo projects, key → id. Uses the projects feature's demoProjectIds when
 * it is there; otherwise the organisation's projects in the order they were made.
 */
export async function demoProjects(deps: Deps, organisationId: string): Promise<{ id: string; title: string; phase: string; key: string | null }[]> {
  const rows = await deps.db.selectFrom("projects").select(["id", "title", "phase"]).where("organisation_id", "=", organisationId).orderBy("created_at").orderBy("id").execute();
  let keys = new Map<string, string>();
  try {
    const path = "../projects/demo.ts";
    const mod = (await import(/* @vite-ignore */ path)) as { demoProjectIds?: (deps: Deps, organisationId: string) => Promise<Record<string, string> | Map<string, string>> };
    if (mod.demoProjectIds) {
      const ids = await mod.demoProjectIds(deps, organisationId);
      const entries = ids instanceof Map ? [...ids.entries()] : Object.entries(ids);
      keys = new Map(entries.map(([k, v]) => [v, k]));
    }
  } catch {
    // The projects feature has no demo helper: fall back to the rows.
  }
  return rows.map((r) => ({ ...r, key: keys.get(r.id) ?? null }));
}

/** The first user holding one of the roles in the project, loaded as an actor. */
export async function projectRoleHolder(deps: Deps, organisationId: string, projectId: string, roles: string[]) {
  const row = await deps.db
    .selectFrom("role_assignments")
    .select("user_id")
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .where("role", "in", roles)
    .orderBy("role")
    .executeTakeFirst();
  return row ? loadActor(deps.db, row.user_id) : null;
}
