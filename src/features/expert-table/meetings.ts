import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { dateField } from "./fields.ts";
import { LIMITS } from "./limits.ts";
import "./schema.ts";

/**
 * Meetings of the expert table and of the ethics committee: a date and an
 * agenda. The expert table's secretary (a table member or the ethics advisor)
 * keeps the table's meetings; the committee's secretary or chair keeps the
 * committee's.
 */
export type MeetingType = "expert_table" | "committee";

const MANAGERS: Record<MeetingType, readonly string[]> = {
  expert_table: ["expert_table_member", "ethics_advisor"],
  committee: ["committee_secretary", "committee_chair"],
};
const READERS: Record<MeetingType, readonly string[]> = {
  expert_table: ["expert_table_member", "ethics_advisor"],
  committee: ["committee_secretary", "committee_chair", "committee_member", "fg", "board_member"],
};

export function canManageMeetings(actor: Actor, type: MeetingType): boolean {
  return MANAGERS[type].some((r) => actor.organisationRoles.has(r as never));
}
export function canReadMeetings(actor: Actor, type: MeetingType): boolean {
  return READERS[type].some((r) => actor.organisationRoles.has(r as never));
}

export const MeetingInput = z.object({
  date: dateField(),
  title: fields.text(LIMITS.meetingTitle),
  notes: fields.optionalText(LIMITS.meetingNotes),
});

/** The meeting a subject is put on the agenda of. */
export const MeetingChoice = z.object({ meetingId: z.string().trim().min(1, "field.required").max(64, "field.too_long") });

export interface MeetingSummary {
  id: string;
  type: MeetingType;
  date: string;
  title: string;
  notes: string | null;
  agenda: { id: string; subjectType: string; subjectId: string; position: number }[];
}

export async function createMeeting(deps: Deps, actor: Actor, type: MeetingType, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    if (!canManageMeetings(actor, type)) throw forbidden();
    const data = parseInput(MeetingInput, input);
    const id = tx.newId();
    await tx.db
      .insertInto("meetings")
      .values({ id, organisation_id: actor.organisationId, type, date: data.date, title: data.title, notes: data.notes, created_by: actor.userId, created_at: tx.now().toISOString() })
      .execute();
    await tx.audit({ action: "meeting.created", entityType: "meeting", entityId: id, after: { type, ...data } });
    return id;
  });
}

export async function listMeetings(deps: Deps, actor: Actor, type: MeetingType): Promise<MeetingSummary[]> {
  if (!canReadMeetings(actor, type)) throw forbidden();
  const meetings = await deps.db
    .selectFrom("meetings")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("type", "=", type)
    .orderBy("date", "desc")
    .orderBy("id")
    .execute();
  const items = meetings.length
    ? await deps.db
        .selectFrom("meeting_agenda_items")
        .selectAll()
        .where("organisation_id", "=", actor.organisationId)
        .where("meeting_id", "in", meetings.map((m) => m.id))
        .orderBy("position")
        .execute()
    : [];
  return meetings.map((m) => ({
    id: m.id,
    type: m.type as MeetingType,
    date: m.date,
    title: m.title,
    notes: m.notes,
    agenda: items.filter((i) => i.meeting_id === m.id).map((i) => ({ id: i.id, subjectType: i.subject_type, subjectId: i.subject_id, position: i.position })),
  }));
}

/** Puts a subject on a meeting's agenda inside the caller's transaction; the caller checks permission. */
export async function addToAgenda(tx: Tx, organisationId: string, type: MeetingType, meetingId: string, subject: { type: string; id: string }): Promise<void> {
  const meeting = await tx.db.selectFrom("meetings").select(["id", "type"]).where("id", "=", meetingId).where("organisation_id", "=", organisationId).executeTakeFirst();
  if (!meeting || meeting.type !== type) throw invalid([{ field: "meetingId", messageKey: "expert_table.meeting_unknown" }]);
  const existing = await tx.db
    .selectFrom("meeting_agenda_items")
    .select("id")
    .where("meeting_id", "=", meetingId)
    .where("subject_type", "=", subject.type)
    .where("subject_id", "=", subject.id)
    .executeTakeFirst();
  if (existing) return;
  const last = await tx.db
    .selectFrom("meeting_agenda_items")
    .select((eb) => eb.fn.max<number>("position").as("p"))
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  await tx.db
    .insertInto("meeting_agenda_items")
    .values({ id: tx.newId(), organisation_id: organisationId, meeting_id: meetingId, subject_type: subject.type, subject_id: subject.id, position: Number(last?.p ?? 0) + 1, created_at: tx.now().toISOString() })
    .execute();
  await tx.audit({ action: "meeting.agenda_item_added", entityType: "meeting", entityId: meetingId, after: { subjectType: subject.type, subjectId: subject.id } });
}
