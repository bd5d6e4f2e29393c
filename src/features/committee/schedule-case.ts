import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { addToAgenda, MeetingChoice } from "../expert-table/meetings.ts";
import { has } from "./access.ts";
import { lockCaseRow } from "./case-rows.ts";

/** The chair or secretary puts a case on a committee meeting's agenda. */
export async function scheduleCase(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const r = await lockCaseRow(tx, actor, caseId);
    if (!has(actor, "committee_chair", "committee_secretary")) throw forbidden();
    const { meetingId } = parseInput(MeetingChoice, input);
    await addToAgenda(tx, actor.organisationId, "committee", meetingId, { type: "committee_case", id: r.id });
    await tx.db.updateTable("committee_cases").set({ meeting_id: meetingId }).where("id", "=", r.id).execute();
    await tx.audit({ action: "committee_case.scheduled", entityType: "committee_case", entityId: r.id, after: { meetingId } });
  });
}
