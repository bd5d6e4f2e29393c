import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { inTransaction, lockForUpdate, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { ensureValueSet } from "./ensure-value-set.ts";
import { ValueChangeInput, ValueInput, type ValueContent } from "./inputs.ts";
import { contentColumns, recordVersion, requireValueManagement, toValue, VALUE_COLUMNS, type OrgValue } from "./value-rows.ts";

/** The value a change is about, locked until the transaction ends: two changes of one value line up. */
async function lockValue(tx: Tx, actor: Actor, key: string): Promise<OrgValue> {
  await ensureValueSet(tx, actor.organisationId);
  const row = await lockForUpdate(tx, tx.db.selectFrom("org_values").select(VALUE_COLUMNS).where("organisation_id", "=", actor.organisationId).where("key", "=", key)).executeTakeFirst();
  if (!row) throw notFound();
  return toValue(row);
}

/** Changes a value's names, description or state (the edit form sends all of them); the old version stays in value_versions. */
export async function updateValue(deps: Deps, actor: Actor, key: string, input: unknown): Promise<void> {
  requireValueManagement(actor);
  const data = parseInput(ValueInput, input);
  await inTransaction(deps, actor, async (tx) => applyValueChange(tx, actor, await lockValue(tx, actor, key), data));
}

/** The same for the API's PATCH: what is not sent stays as it is, read in the same transaction as the change. */
export async function changeValue(deps: Deps, actor: Actor, key: string, input: unknown): Promise<void> {
  requireValueManagement(actor);
  const patch = parseInput(ValueChangeInput, input);
  await inTransaction(deps, actor, async (tx) => {
    const before = await lockValue(tx, actor, key);
    await applyValueChange(tx, actor, before, {
      nameNl: patch.nameNl ?? before.name.nl,
      nameEn: patch.nameEn ?? before.name.en,
      descriptionNl: patch.descriptionNl ?? before.description.nl,
      descriptionEn: patch.descriptionEn ?? before.description.en,
      active: patch.active ?? before.active,
    });
  });
}

function unchanged(before: OrgValue, data: ValueContent): boolean {
  return before.name.nl === data.nameNl && before.name.en === data.nameEn && before.description.nl === data.descriptionNl && before.description.en === data.descriptionEn && before.active === data.active;
}

/** Stores the value's next version, unless nothing changed. */
async function applyValueChange(tx: Tx, actor: Actor, before: OrgValue, data: ValueContent): Promise<void> {
  if (unchanged(before, data)) return;
  const now = tx.now().toISOString();
  const version = before.version + 1;
  const updated = await tx.db
    .updateTable("org_values")
    .set({ version, ...contentColumns(data), updated_at: now })
    .where("id", "=", before.id)
    .where("organisation_id", "=", actor.organisationId)
    .where("version", "=", before.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError("conflict", "values.changed_meanwhile");
  await recordVersion(tx, actor.organisationId, { id: before.id, key: before.key, version }, data, { at: now, by: actor.userId, byName: actor.name });
  await tx.audit({
    action: before.active && !data.active ? "value.retired" : !before.active && data.active ? "value.reactivated" : "value.updated",
    entityType: "value",
    entityId: before.id,
    before: { key: before.key, version: before.version, name: before.name, description: before.description, active: before.active },
    after: { key: before.key, version, name: { nl: data.nameNl, en: data.nameEn }, description: { nl: data.descriptionNl, en: data.descriptionEn }, active: data.active },
  });
}
