import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockContract, requireChangeable, type ContractRow } from "./access.ts";
import { expectedRevision } from "./input.ts";
import { contractFields, endNotBeforeStart, type ContractData } from "./register-contract.ts";
import { writeRevision } from "./revise.ts";

export const UpdateContractInput = z.object({ ...contractFields, expectedRevision }).refine(endNotBeforeStart.check, endNotBeforeStart.message);

function detailsOf(row: ContractRow): ContractData {
  return { supplier: row.supplier, reference: row.reference, subject: row.subject, startDate: row.start_date, endDate: row.end_date, valueBand: row.value_band as ContractData["valueBand"], procedure: row.procedure as ContractData["procedure"] };
}

/**
 * The owner or lead changes a contract's details. A change to a contract that
 * was signed off re-opens its sign-off: the 2nd line signs the new revision.
 * Returns the new revision (the same one when nothing changed).
 */
export async function updateContract(deps: Deps, actor: Actor, contractId: string, input: unknown): Promise<number> {
  return inTransaction(deps, actor, async (tx) => {
    const { row, project } = await lockContract(tx, actor, contractId);
    const data = parseInput(UpdateContractInput, input);
    requireChangeable(actor, project, row, data.expectedRevision);
    const before = detailsOf(row);
    const { expectedRevision: _seen, ...after } = data;
    const changed = (Object.keys(after) as (keyof ContractData)[]).filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return row.revision;
    const revision = await writeRevision(tx, actor, row, {
      supplier: after.supplier,
      reference: after.reference,
      subject: after.subject,
      start_date: after.startDate,
      end_date: after.endDate,
      value_band: after.valueBand,
      procedure: after.procedure,
    });
    await tx.audit({
      action: "contract.updated",
      entityType: "contract",
      entityId: row.id,
      before: { revision: row.revision, ...Object.fromEntries(changed.map((k) => [k, before[k]])) },
      after: { revision, ...Object.fromEntries(changed.map((k) => [k, after[k]])) },
    });
    return revision;
  });
}
