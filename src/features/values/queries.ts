// Reading the organisation's value set; handed a Tx, inside that transaction.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { ensureValueSet } from "./ensure-value-set.ts";
import { toValue, VALUE_COLUMNS, type OrgValue, type OrgValueWithHistory, type ValueLabel } from "./value-rows.ts";

/** Every value of the organisation in its order, the default set created at first use. */
export async function readValues(deps: Deps, organisationId: string): Promise<OrgValue[]> {
  await ensureValueSet(deps, organisationId);
  const rows = await deps.db.selectFrom("org_values").select(VALUE_COLUMNS).where("organisation_id", "=", organisationId).orderBy("sort_order").orderBy("key").execute();
  return rows.map(toValue);
}

/** Every value of the actor's organisation, active first in their order, then retired ones. */
export async function listValues(deps: Deps, actor: Actor, options: { includeRetired?: boolean } = {}): Promise<OrgValue[]> {
  const all = await readValues(deps, actor.organisationId);
  const active = all.filter((v) => v.active);
  return options.includeRetired === false ? active : [...active, ...all.filter((v) => !v.active)];
}

export async function getValue(deps: Deps, actor: Actor, key: string): Promise<OrgValueWithHistory> {
  const value = (await readValues(deps, actor.organisationId)).find((v) => v.key === key);
  if (!value) throw notFound();
  const history = await deps.db
    .selectFrom("value_versions")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("value_id", "=", value.id)
    .orderBy("version", "desc")
    .execute();
  return {
    ...value,
    history: history.map((h) => ({
      version: h.version,
      name: { nl: h.name_nl, en: h.name_en },
      description: { nl: h.description_nl, en: h.description_en },
      active: h.active === 1,
      changedAt: h.changed_at,
      changedByName: h.changed_by_name,
    })),
  };
}

/** Every key of the organisation's value set, retired ones included (for checking value tags). */
export async function valueKeys(deps: Deps, organisationId: string): Promise<string[]> {
  return (await readValues(deps, organisationId)).map((v) => v.key);
}

/**
 * Names of the organisation's values. With `at` (an ISO time), the names as
 * they were then: a record from last year shows the value it referred to.
 */
export async function valueLabels(deps: Deps, organisationId: string, at?: string): Promise<Record<string, ValueLabel>> {
  const values = await readValues(deps, organisationId);
  const labels: Record<string, ValueLabel> = {};
  for (const v of values) labels[v.key] = { name: v.name, active: v.active };
  if (!at) return labels;
  const versions = await deps.db
    .selectFrom("value_versions")
    .select(["value_key", "version", "name_nl", "name_en", "active"])
    .where("organisation_id", "=", organisationId)
    .where("changed_at", "<=", at)
    .orderBy("value_key")
    .orderBy("version")
    .execute();
  // Ordered by version: the last one per key is the one that held at `at`.
  for (const v of versions) labels[v.value_key] = { name: { nl: v.name_nl, en: v.name_en }, active: v.active === 1 };
  return labels;
}
