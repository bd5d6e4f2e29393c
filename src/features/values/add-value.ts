import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { NewValueInput } from "./inputs.ts";
import { readValues } from "./queries.ts";
import { contentColumns, recordVersion, requireValueManagement } from "./value-rows.ts";

const keyTaken = () => invalid([{ field: "key", messageKey: "values.key_taken" }]);

/** Adds a value with a new key to the organisation's set, after the others. Returns its id. */
export async function addValue(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  requireValueManagement(actor);
  const data = parseInput(NewValueInput, { active: true, ...(input as object) });
  return inTransaction(deps, actor, async (tx) => {
    const values = await readValues(tx, actor.organisationId);
    if (values.some((v) => v.key === data.key)) throw keyTaken();
    const id = tx.newId();
    const now = tx.now().toISOString();
    const sortOrder = Math.max(0, ...values.map((v) => v.sortOrder)) + 10;
    const inserted = await tx.db
      .insertInto("org_values")
      .values({ id, organisation_id: actor.organisationId, key: data.key, sort_order: sortOrder, version: 1, ...contentColumns(data), created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(["organisation_id", "key"]).doNothing())
      .executeTakeFirst();
    // Someone added the same key at the same moment.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw keyTaken();
    await recordVersion(tx, actor.organisationId, { id, key: data.key, version: 1 }, data, { at: now, by: actor.userId, byName: actor.name });
    await tx.audit({ action: "value.added", entityType: "value", entityId: id, after: { key: data.key, name: { nl: data.nameNl, en: data.nameEn }, active: data.active } });
    return id;
  });
}
