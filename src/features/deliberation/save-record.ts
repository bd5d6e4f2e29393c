import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { parseStringList } from "../expert-table/fields.ts";
import { assertValueKeys, valueKeyList } from "../expert-table/values.ts";
import { lockEditable } from "./access.ts";
import { LIMITS } from "./limits.ts";

const optionalLong = (max: number) => z.string().trim().max(max, "field.too_long").default("");

export const RecordInput = z.object({
  moralQuestion: optionalLong(LIMITS.moralQuestion),
  stakeholders: optionalLong(LIMITS.stakeholders),
  /** Keys of the organisation's value set. */
  values: valueKeyList(),
  options: optionalLong(LIMITS.options),
  conclusion: optionalLong(LIMITS.conclusion),
});

/** The write-up: moral question, stakeholders, values in tension, options, conclusion. */
export async function saveRecord(deps: Deps, actor: Actor, id: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const d = await lockEditable(tx, actor, id);
    const data = parseInput(RecordInput, input);
    await assertValueKeys(tx, actor.organisationId, data.values, "values");
    await tx.db
      .updateTable("deliberations")
      .set({ moral_question: data.moralQuestion, stakeholders: data.stakeholders, values_json: JSON.stringify(data.values), options: data.options, conclusion: data.conclusion })
      .where("id", "=", d.id)
      .execute();
    await tx.audit({
      action: "deliberation.record_saved",
      entityType: "deliberation",
      entityId: d.id,
      before: { moralQuestion: d.moral_question, stakeholders: d.stakeholders, values: parseStringList(d.values_json), options: d.options, conclusion: d.conclusion },
      after: data,
    });
  });
}
