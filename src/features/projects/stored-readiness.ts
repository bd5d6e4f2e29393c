// Stored readiness: what each project's next gate waits for and from whom,
// kept in project_readiness / project_waits so that lists filter on it and
// count "waiting for me" in SQL instead of building every project's snapshot.
// Every transaction that touched a project (opened it through access.ts, or
// recorded an audit event about it) recomputes that project's row just before
// it commits (the platform's beforeCommit), so the stored row changes exactly
// when the project does. Start-up fills rows that are missing or were computed
// by older rules (READINESS_RULES_VERSION).
import { sql } from "kysely";
import { gateReadiness, RESPONSIBLE_ROLES, type MissingItem, type Responsible } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { isProjectRole } from "../../domain/permissions/roles.ts";
import { readJsonAs } from "../../platform/db/json-columns.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction, type BeforeCommit, type Tx } from "../../platform/transaction.ts";
import { buildSnapshots } from "./build-snapshot.ts";
import type { ProjectRef } from "./extension-points.ts";

/** Raise when the gate rules or a snapshot contributor change: start-up then recomputes every stored row. */
export const READINESS_RULES_VERSION = 1;

const BATCH = 500;

/** Recomputes and stores the readiness of the given projects (any organisations), inside the transaction. */
export async function storeReadiness(tx: Tx, projectIds: Iterable<string>): Promise<void> {
  const all = [...new Set(projectIds)];
  for (let at = 0; at < all.length; at += BATCH) {
    const ids = all.slice(at, at + BATCH);
    const rows = await tx.db
      .selectFrom("projects")
      .select(["id", "organisation_id", "title", "phase", "domain", "supplier_involved"])
      .where("id", "in", ids)
      .orderBy("organisation_id")
      .execute();
    const byOrganisation = new Map<string, ProjectRef[]>();
    for (const r of rows) {
      const refs = byOrganisation.get(r.organisation_id) ?? [];
      refs.push({ id: r.id, organisationId: r.organisation_id, title: r.title, phase: r.phase, domain: r.domain, supplierInvolved: r.supplier_involved === 1 });
      byOrganisation.set(r.organisation_id, refs);
    }
    const readiness: { project_id: string; organisation_id: string; missing_count: number; missing_json: string; rules_version: number; computed_at: string }[] = [];
    const waits: { project_id: string; who: string; organisation_id: string }[] = [];
    const now = tx.now().toISOString();
    for (const refs of byOrganisation.values()) {
      const snapshots = await buildSnapshots(tx, refs);
      for (const p of refs) {
        const missing = gateReadiness(snapshots.get(p.id)!).missing;
        readiness.push({ project_id: p.id, organisation_id: p.organisationId, missing_count: missing.length, missing_json: JSON.stringify(missing), rules_version: READINESS_RULES_VERSION, computed_at: now });
        for (const who of new Set(missing.map((m) => m.who))) waits.push({ project_id: p.id, who, organisation_id: p.organisationId });
      }
    }
    await tx.db.deleteFrom("project_waits").where("project_id", "in", ids).execute();
    await tx.db.deleteFrom("project_readiness").where("project_id", "in", ids).execute();
    if (readiness.length > 0) await tx.db.insertInto("project_readiness").values(readiness).execute();
    if (waits.length > 0) await tx.db.insertInto("project_waits").values(waits).execute();
  }
}

/** The platform hook: the projects a transaction touched get their readiness recomputed before it commits. */
export const storeTouchedReadiness: BeforeCommit = async (tx, touched) => {
  const ids = touched.get("project");
  if (ids && ids.size > 0) await storeReadiness(tx, ids);
};

/**
 * Fills the rows that are missing (projects written before this table, or by
 * SQL outside the application) or stale (older rules), in batches, each its
 * own transaction. `organisationId` limits it to one organisation.
 */
export async function fillMissingReadiness(deps: Deps, organisationId?: string): Promise<number> {
  let filled = 0;
  for (;;) {
    let query = deps.db
      .selectFrom("projects")
      .leftJoin("project_readiness", "project_readiness.project_id", "projects.id")
      .select("projects.id")
      .where((eb) => eb.or([eb("project_readiness.project_id", "is", null), eb("project_readiness.rules_version", "<>", READINESS_RULES_VERSION)]))
      .limit(BATCH);
    if (organisationId !== undefined) query = query.where("projects.organisation_id", "=", organisationId);
    const ids = (await query.execute()).map((r) => r.id);
    if (ids.length === 0) return filled;
    await inTransaction(deps, null, (tx) => storeReadiness(tx, ids));
    filled += ids.length;
  }
}

/** The parties whose work the actor can do through an organisation role, on every project. */
function partiesByOrganisationRole(actor: Actor): Responsible[] {
  return (Object.keys(RESPONSIBLE_ROLES) as Responsible[]).filter((who) => RESPONSIBLE_ROLES[who].some((r) => (actor.organisationRoles as ReadonlySet<string>).has(r)));
}

/** For each party, the project roles through which someone does its work (owner → owner, facilitator → lead …). */
const PARTIES_BY_PROJECT_ROLE = (Object.keys(RESPONSIBLE_ROLES) as Responsible[])
  .map((who) => [who, RESPONSIBLE_ROLES[who].filter(isProjectRole)] as const)
  .filter(([, roles]) => roles.length > 0);

/**
 * SQL: the project (as `projects.id` of the enclosing query) waits for the
 * actor — one of its stored waits is for a party the actor is, through an
 * organisation role or a role on that project. The same rule as isWaitingFor.
 */
export function waitsForActor(actor: Actor) {
  const byOrganisation = partiesByOrganisationRole(actor);
  const projectRoleMatch = sql.join(
    PARTIES_BY_PROJECT_ROLE.map(([who, roles]) => sql`(w.who = ${who} and ra.role in (${sql.join(roles)}))`),
    sql` or `,
  );
  const byProjectRole = sql`exists (select 1 from role_assignments ra where ra.user_id = ${actor.userId} and ra.organisation_id = ${actor.organisationId} and ra.project_id = w.project_id and (${projectRoleMatch}))`;
  const condition = byOrganisation.length > 0 ? sql`(w.who in (${sql.join(byOrganisation)}) or ${byProjectRole})` : byProjectRole;
  return sql<boolean>`exists (select 1 from project_waits w where w.project_id = projects.id and ${condition})`;
}

/** SQL: the project waits for the given party. */
export function waitsFor(who: Responsible) {
  return sql<boolean>`exists (select 1 from project_waits w where w.project_id = projects.id and w.who = ${who})`;
}

/** The stored missing items of a project row read with project_readiness.missing_json. */
export function storedMissing(json: string | null): MissingItem[] {
  return readJsonAs<MissingItem[]>(json, []);
}
