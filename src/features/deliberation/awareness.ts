import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { dateField, optionalId, parseStringList } from "../expert-table/fields.ts";
import { LIMITS } from "./limits.ts";
import "./schema.ts";

/** Awareness (plan step 7): trainings, presentations and sessions the ethics advisor records. */
export const ACTIVITY_KINDS = ["training", "presentation", "session"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export function canRecordAwareness(actor: Actor): boolean {
  return actor.organisationRoles.has("ethics_advisor");
}
export function canReadAwareness(actor: Actor): boolean {
  return ["ethics_advisor", "committee_member", "committee_chair", "committee_secretary", "cio", "board_member"].some((r) => actor.organisationRoles.has(r as never));
}

export const ActivityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS, "field.invalid_choice"),
  date: dateField(),
  topic: fields.text(LIMITS.topic),
  /** One name per line; people without an account are welcome. */
  participantNames: z.array(z.string().trim().min(1).max(LIMITS.name, "field.too_long")).max(500).default([]),
  participantUserIds: z.array(z.string().trim().min(1).max(64)).max(500).default([]),
  deliberationId: optionalId(),
});

export async function recordActivity(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    if (!canRecordAwareness(actor)) throw forbidden();
    return insertAwarenessActivity(tx, actor, parseInput(ActivityInput, input));
  });
}

/**
 * Writes one activity and its audit event, inside the caller's transaction: the
 * caller has checked who may record it (here the ethics advisor; AI literacy
 * sessions are recorded by its own recorders and are awareness activities too).
 */
export async function insertAwarenessActivity(tx: Tx, actor: Actor, data: z.output<typeof ActivityInput>): Promise<string> {
  const userIds = [...new Set(data.participantUserIds)];
  const names = [...new Set(data.participantNames)];
  if (userIds.length) {
    const found = await tx.db.selectFrom("users").select("id").where("organisation_id", "=", actor.organisationId).where("id", "in", userIds).execute();
    if (found.length !== userIds.length) throw invalid([{ field: "participantUserIds", messageKey: "deliberation.user_unknown" }]);
  }
  if (names.length + userIds.length === 0) throw invalid([{ field: "participantNames", messageKey: "deliberation.awareness.participants_required" }]);
  const id = tx.newId();
  await tx.db
    .insertInto("awareness_activities")
    .values({
      id,
      organisation_id: actor.organisationId,
      kind: data.kind,
      date: data.date,
      topic: data.topic,
      participant_names_json: JSON.stringify(names),
      participant_user_ids_json: JSON.stringify(userIds),
      participant_count: names.length + userIds.length,
      deliberation_id: data.deliberationId,
      created_by: actor.userId,
      created_at: tx.now().toISOString(),
    })
    .execute();
  await tx.audit({ action: "awareness.recorded", entityType: "awareness_activity", entityId: id, after: { kind: data.kind, date: data.date, topic: data.topic, participants: names.length + userIds.length } });
  return id;
}

export interface AwarenessYear {
  year: number;
  activities: { id: string; kind: ActivityKind; date: string; topic: string; participants: string[] }[];
  quarters: { quarter: 1 | 2 | 3 | 4; activities: number; participants: number; uniquePeople: number; cumulativeUniquePeople: number }[];
  byKind: Record<ActivityKind, number>;
}

/** The year's overview: counts and participants per quarter, and how many different people were reached so far. */
export async function awarenessOverview(deps: Deps, actor: Actor, year: number): Promise<AwarenessYear> {
  if (!canReadAwareness(actor)) throw forbidden();
  const rows = await deps.db
    .selectFrom("awareness_activities")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("date", ">=", `${year}-01-01`)
    .where("date", "<=", `${year}-12-31`)
    .orderBy("date")
    .orderBy("id")
    .execute();
  const users = await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", actor.organisationId).execute();
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const activities = rows.map((r) => ({
    id: r.id,
    kind: r.kind as ActivityKind,
    date: r.date,
    topic: r.topic,
    people: [...parseStringList(r.participant_user_ids_json).map((id) => `user:${id}`), ...parseStringList(r.participant_names_json).map((n) => `name:${n.toLowerCase()}`)],
    participants: [...parseStringList(r.participant_user_ids_json).map((id) => nameOf.get(id) ?? id), ...parseStringList(r.participant_names_json)],
    count: Number(r.participant_count),
  }));
  const seen = new Set<string>();
  const quarters = ([1, 2, 3, 4] as const).map((quarter) => {
    const here = activities.filter((a) => Math.floor((Number(a.date.slice(5, 7)) - 1) / 3) + 1 === quarter);
    const unique = new Set(here.flatMap((a) => a.people));
    unique.forEach((p) => seen.add(p));
    return { quarter, activities: here.length, participants: here.reduce((n, a) => n + a.count, 0), uniquePeople: unique.size, cumulativeUniquePeople: seen.size };
  });
  return {
    year,
    activities: activities.map(({ id, kind, date, topic, participants }) => ({ id, kind, date, topic, participants })),
    quarters,
    byKind: Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, activities.filter((a) => a.kind === k).length])) as Record<ActivityKind, number>,
  };
}
