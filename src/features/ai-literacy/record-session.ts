import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { insertAwarenessActivity } from "../deliberation/awareness.ts";
import { canRecordLiteracy } from "./access.ts";
import { LIMITS } from "./limits.ts";
import { trainingForUpdate } from "./trainings.ts";
import "./schema.ts";

export const SessionInput = z.object({
  trainingId: z.string().trim().min(1, "field.required").max(LIMITS.id, "field.too_long"),
  date: fields.date(),
  /** People with an account: they count for the overview per person and per role. */
  participantUserIds: z.array(z.string().trim().min(1).max(LIMITS.id, "field.too_long")).max(LIMITS.maxParticipants).default([]),
  /** People without an account (a hired expert, a new colleague): named in the awareness activity only. */
  participantNames: z.array(z.string().trim().min(1).max(120, "field.too_long")).max(LIMITS.maxParticipants).default([]),
});

/** The calendar date `months` after `date`; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * Records that a training was given and who took part. The session is an
 * awareness activity too (kind "training", the training's title as topic), so
 * the awareness overview counts it; here it keeps the date until which the
 * training stays valid for each participant.
 */
export async function recordSession(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    if (!canRecordLiteracy(actor)) throw forbidden();
    const data = parseInput(SessionInput, input);
    const training = await trainingForUpdate(tx, actor, data.trainingId);
    const today = tx.now().toISOString().slice(0, 10);
    if (data.date > today) throw invalid([{ field: "date", messageKey: "ai_literacy.date_in_future" }]);
    const userIds = [...new Set(data.participantUserIds)];
    if (userIds.length === 0) throw invalid([{ field: "participantUserIds", messageKey: "ai_literacy.participants_required" }]);
    const activityId = await insertAwarenessActivity(tx, actor, { kind: "training", date: data.date, topic: training.title, participantUserIds: userIds, participantNames: data.participantNames, deliberationId: null });
    const id = tx.newId();
    const validUntil = addMonths(data.date, training.validityMonths);
    await tx.db
      .insertInto("ai_literacy_sessions")
      .values({ id, organisation_id: actor.organisationId, training_id: training.id, activity_id: activityId, date: data.date, valid_until: validUntil, created_by: actor.userId, created_at: tx.now().toISOString() })
      .execute();
    await tx.db
      .insertInto("ai_literacy_participants")
      .values(userIds.map((userId) => ({ session_id: id, organisation_id: actor.organisationId, user_id: userId })))
      .execute();
    await tx.audit({ action: "ai_literacy.session_recorded", entityType: "ai_literacy_session", entityId: id, after: { trainingId: training.id, date: data.date, validUntil, participants: userIds.length, withoutAccount: data.participantNames.length } });
    return id;
  });
}
