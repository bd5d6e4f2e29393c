import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { has, refuseIfExcluded } from "./access.ts";
import { adviceOf, lockCaseRow } from "./case-rows.ts";
import { VOTES } from "./types.ts";

export const VoteInput = z.object({
  vote: z.enum(VOTES, "field.invalid_choice"),
  /**
   * The member's vote as they saw it ("none" when they had not voted; the form
   * sends it): when their vote changed since (a second click, another tab), the
   * vote is a conflict and nothing changes.
   */
  expectedVote: z.enum(["none", ...VOTES], "field.invalid_choice").optional(),
});

/** Members and the chair vote on the draft; an excluded member's vote is refused; the FG does not vote. */
export async function castVote(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const r = await lockCaseRow(tx, actor, caseId);
    if (!has(actor, "committee_member", "committee_chair")) throw new AppError("forbidden", "committee.no_vote");
    refuseIfExcluded(actor, r);
    const { vote, expectedVote } = parseInput(VoteInput, input);
    const advice = await adviceOf(tx, r);
    if (!advice) throw new AppError("rule_refused", "committee.no_advice_yet");
    if (advice.status === "adopted") throw new AppError("rule_refused", "committee.already_adopted");
    const existing = await tx.db.selectFrom("committee_votes").select(["id", "vote"]).where("advice_id", "=", advice.id).where("user_id", "=", actor.userId).executeTakeFirst();
    if (expectedVote && expectedVote !== (existing?.vote ?? "none")) throw new AppError("conflict", "committee.vote_changed_meanwhile");
    const now = tx.now().toISOString();
    if (existing) await tx.db.updateTable("committee_votes").set({ vote, at: now }).where("id", "=", existing.id).execute();
    else await tx.db.insertInto("committee_votes").values({ id: tx.newId(), organisation_id: actor.organisationId, advice_id: advice.id, user_id: actor.userId, vote, at: now }).execute();
    await tx.audit({ action: "committee_advice.voted", entityType: "committee_advice", entityId: advice.id, before: existing ? { vote: existing.vote } : undefined, after: { vote } });
  });
}
