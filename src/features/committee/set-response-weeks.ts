import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { adviceOf } from "./case-rows.ts";
import { addDays } from "./dates.ts";
import { lockCaseFor } from "./lock-case-for.ts";

export const DeadlineInput = z.object({ responseWeeks: z.coerce.number("field.number").int("field.number").min(1, "field.number").max(52, "field.number") });

/** The board's deadline per case (default 6 weeks after adoption). */
export async function setResponseWeeks(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const r = await lockCaseFor(tx, actor, caseId, "committee_chair", "committee_secretary");
    const { responseWeeks } = parseInput(DeadlineInput, input);
    const advice = await adviceOf(tx, r);
    await tx.db.updateTable("committee_cases").set({ response_weeks: responseWeeks }).where("id", "=", r.id).execute();
    if (advice?.adopted_at) await tx.db.updateTable("committee_advice").set({ response_due: addDays(advice.adopted_at, 7 * responseWeeks) }).where("id", "=", advice.id).execute();
    await tx.audit({ action: "committee_case.deadline_set", entityType: "committee_case", entityId: r.id, before: { responseWeeks: r.response_weeks }, after: { responseWeeks } });
  });
}
