import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockContract, requireChangeable } from "./access.ts";
import { markedMeasuresOf } from "./facts.ts";
import { expectedRevision } from "./input.ts";
import { LIMITS } from "./model.ts";
import { writeRevision } from "./revise.ts";
import { projectMeasures } from "./sources.ts";

/** The measures of the project that depend on this contract's supplier: the whole list, replacing the one before. */
export const SupplierMeasuresInput = z.object({
  measureIds: z.array(z.string().trim().max(LIMITS.id, "field.too_long")).max(LIMITS.measures, "field.too_long").transform((ids) => [...new Set(ids.filter(Boolean))]),
  expectedRevision,
});

/**
 * The owner or lead records which of the project's measures depend on this
 * contract's supplier (the supplier must do something for the measure to
 * work). The open risks those measures cover become attention points of the
 * contract. A change re-opens a sign-off. Returns the revision.
 */
export async function markSupplierMeasures(deps: Deps, actor: Actor, contractId: string, input: unknown): Promise<number> {
  return inTransaction(deps, actor, async (tx) => {
    const { row, project } = await lockContract(tx, actor, contractId);
    const data = parseInput(SupplierMeasuresInput, input);
    requireChangeable(actor, project, row, data.expectedRevision);
    const known = new Set((await projectMeasures(tx, actor.organisationId, project.id)).map((m) => m.id));
    if (data.measureIds.some((id) => !known.has(id))) throw invalid([{ field: "measureIds", messageKey: "procurement.measures.unknown" }]);
    const before = await markedMeasuresOf(tx, row);
    const added = data.measureIds.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !data.measureIds.includes(id));
    if (added.length === 0 && removed.length === 0) return row.revision;
    const now = tx.now().toISOString();
    if (removed.length) await tx.db.deleteFrom("contract_supplier_measures").where("organisation_id", "=", actor.organisationId).where("contract_id", "=", row.id).where("measure_id", "in", removed).execute();
    for (const id of added) await tx.db.insertInto("contract_supplier_measures").values({ organisation_id: actor.organisationId, contract_id: row.id, measure_id: id, marked_by: actor.userId, marked_at: now }).execute();
    const revision = await writeRevision(tx, actor, row, {});
    await tx.audit({ action: "contract.supplier_measures_marked", entityType: "contract", entityId: row.id, before: { revision: row.revision, measureIds: before }, after: { revision, measureIds: data.measureIds, added, removed } });
    return revision;
  });
}
