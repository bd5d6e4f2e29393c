import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { DEFAULT_VALUES } from "./defaults.ts";
import { contentColumns, recordVersion } from "./value-rows.ts";

async function hasValueSet(deps: Deps, organisationId: string): Promise<boolean> {
  return !!(await deps.db.selectFrom("org_values").select("id").where("organisation_id", "=", organisationId).limit(1).executeTakeFirst());
}

/**
 * Creates the default value set for an organisation that has none yet. Safe
 * to call on every use, also inside another use case's transaction: it does
 * nothing when the set exists, also when two requests race. SQLite lets one
 * writer in at a time (it finds the set when it looks again); on PostgreSQL
 * the unique index on key decides, and the second request inserts nothing.
 */
export async function ensureValueSet(deps: Deps, organisationId: string): Promise<void> {
  if (await hasValueSet(deps, organisationId)) return;
  await inTransaction(
    deps,
    null,
    async (tx) => {
      if (await hasValueSet(tx, organisationId)) return;
      const now = tx.now().toISOString();
      for (const [i, value] of DEFAULT_VALUES.entries()) {
        const id = tx.newId();
        const content = { nameNl: value.name.nl, nameEn: value.name.en, descriptionNl: value.description.nl, descriptionEn: value.description.en, active: true };
        const inserted = await tx.db
          .insertInto("org_values")
          .values({ id, organisation_id: organisationId, key: value.key, sort_order: (i + 1) * 10, version: 1, ...contentColumns(content), created_at: now, updated_at: now })
          .onConflict((oc) => oc.columns(["organisation_id", "key"]).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
          // Another request created the set at the same moment: that is fine.
          if (i === 0) return;
          throw new AppError("conflict", "values.changed_meanwhile");
        }
        await recordVersion(tx, organisationId, { id, key: value.key, version: 1 }, content, { at: now, by: null, byName: "systeem" });
      }
      await tx.audit({ action: "values.initialised", entityType: "organisation", entityId: organisationId, after: { keys: DEFAULT_VALUES.map((v) => v.key) } });
    },
    organisationId,
  );
}
