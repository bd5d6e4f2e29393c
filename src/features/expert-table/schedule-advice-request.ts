import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { canScheduleRequests, lockRequestRow } from "./access.ts";
import { addToAgenda, MeetingChoice } from "./meetings.ts";

export const ScheduleInput = MeetingChoice;

/** The table's secretary puts a request on a meeting's agenda. */
export async function scheduleAdviceRequest(deps: Deps, actor: Actor, requestId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    if (!canScheduleRequests(actor)) throw forbidden();
    const { meetingId } = parseInput(ScheduleInput, input);
    const row = await lockRequestRow(tx, actor, requestId);
    if (row.status === "given") throw new AppError("rule_refused", "expert_table.already_given");
    await addToAgenda(tx, actor.organisationId, "expert_table", meetingId, { type: "advice_request", id: row.id });
    await tx.db.updateTable("advice_requests").set({ status: "scheduled", meeting_id: meetingId }).where("id", "=", row.id).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "advice_request.scheduled", entityType: "advice_request", entityId: row.id, before: { status: row.status, meetingId: row.meeting_id }, after: { status: "scheduled", meetingId } });
  });
}

