import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { has } from "./access.ts";
import { adviceOf, lockCaseRow } from "./case-rows.ts";
import { LIMITS } from "./limits.ts";

export const BoardResponseInput = z.discriminatedUnion(
  "decision",
  [z.object({ decision: z.literal("follow"), reasons: z.string().trim().max(LIMITS.reasons, "field.too_long").default("") }), z.object({ decision: z.literal("deviate"), reasons: fields.text(LIMITS.reasons) })],
  { error: "field.invalid_choice" },
);

/** The board answers an adopted advice once: follow it, or deviate with reasons (comply or explain). */
export async function recordBoardResponse(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const r = await lockCaseRow(tx, actor, caseId);
    if (!has(actor, "board_member")) throw new AppError("forbidden", "committee.only_board_responds");
    const advice = await adviceOf(tx, r);
    if (!advice || advice.status !== "adopted") throw new AppError("rule_refused", "committee.board_response_draft");
    const data = parseInput(BoardResponseInput, input);
    const existing = await tx.db.selectFrom("board_responses").select("id").where("advice_id", "=", advice.id).executeTakeFirst();
    if (existing) throw new AppError("conflict", "committee.board_already_responded");
    const now = tx.now().toISOString();
    await tx.db.insertInto("board_responses").values({ id: tx.newId(), organisation_id: actor.organisationId, advice_id: advice.id, decision: data.decision, reasons: data.reasons, responded_by: actor.userId, responded_at: now }).execute();
    await tx.db.updateTable("committee_cases").set({ status: "answered" }).where("id", "=", r.id).execute();
    await tx.audit({ action: "committee_advice.board_responded", entityType: "committee_advice", entityId: advice.id, after: { decision: data.decision, reasons: data.reasons, onTime: !advice.response_due || now.slice(0, 10) <= advice.response_due } });
  });
}
