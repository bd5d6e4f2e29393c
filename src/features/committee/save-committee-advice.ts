import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { isCommittee, refuseIfExcluded } from "./access.ts";
import { adviceOf, lockCaseRow } from "./case-rows.ts";
import { LIMITS } from "./limits.ts";

export const AdviceTextInput = z.object({ text: fields.text(LIMITS.advice) });

/** Drafts (or redrafts) the committee's advice; excluded members are refused. A changed text needs fresh votes. */
export async function saveCommitteeAdvice(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const r = await lockCaseRow(tx, actor, caseId);
    if (!isCommittee(actor)) throw forbidden();
    refuseIfExcluded(actor, r);
    const { text } = parseInput(AdviceTextInput, input);
    const advice = await adviceOf(tx, r);
    if (advice?.status === "adopted") throw new AppError("rule_refused", "committee.already_adopted");
    const now = tx.now().toISOString();
    const id = advice?.id ?? tx.newId();
    if (advice) {
      await tx.db.updateTable("committee_advice").set({ text, updated_at: now }).where("id", "=", id).execute();
      await tx.db.deleteFrom("committee_votes").where("advice_id", "=", id).execute();
    } else {
      await tx.db
        .insertInto("committee_advice")
        .values({ id, organisation_id: actor.organisationId, case_id: r.id, text, status: "draft", publication: "undecided", published_at: null, adopted_at: null, adopted_by: null, response_due: null, written_by: actor.userId, created_at: now, updated_at: now })
        .execute();
    }
    await tx.audit({ action: advice ? "committee_advice.updated" : "committee_advice.drafted", entityType: "committee_advice", entityId: id, before: advice ? { text: advice.text } : undefined, after: { caseId: r.id, text } });
    return id;
  });
}
