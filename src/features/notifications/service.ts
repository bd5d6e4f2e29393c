import type { MessageKey } from "../../platform/i18n/index.ts";
// A person's notifications (list, unread count, mark read) and their choices per kind;
// the administrator's view of failed background work.
import { z } from "zod";
import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound, type FieldError } from "../../platform/errors.ts";
import { failedMails } from "../../platform/mail/outbox.ts";
import { failedJobs, retryJob } from "../../platform/scheduler/index.ts";
import { allJobs } from "../../platform/scheduler/platform-jobs.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { DEFAULT_DELIVERY, DELIVERIES, NOTIFICATION_KINDS, isNotificationKind, type Delivery, type NotificationKind } from "./kinds.ts";
import "./schema.ts";
import type { NotificationTable } from "./schema.ts";

export const PAGE_SIZE = 50;

export async function listNotifications(deps: Deps, actor: Actor, page = 1): Promise<{ items: NotificationTable[]; total: number; unread: number }> {
  const mine = deps.db.selectFrom("notifications").where("organisation_id", "=", actor.organisationId).where("user_id", "=", actor.userId);
  const items = await mine.selectAll().orderBy("created_at", "desc").orderBy("id").limit(PAGE_SIZE).offset((Math.max(1, page) - 1) * PAGE_SIZE).execute();
  const counts = await mine
    .select((eb) => [eb.fn.countAll<number | string>().as("total"), eb.fn.sum<number | string | null>(eb.case().when("read_at", "is", null).then(1).else(0).end()).as("unread")])
    .executeTakeFirst();
  return { items, total: Number(counts?.total ?? 0), unread: Number(counts?.unread ?? 0) };
}

export async function unreadCount(deps: Deps, actor: Actor): Promise<number> {
  const row = await deps.db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("organisation_id", "=", actor.organisationId)
    .where("user_id", "=", actor.userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks one of the reader's own notifications read; another person's is not found. */
export async function markRead(deps: Deps, actor: Actor, id: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const row = await tx.db.selectFrom("notifications").select(["id", "read_at"]).where("id", "=", id).where("organisation_id", "=", actor.organisationId).where("user_id", "=", actor.userId).executeTakeFirst();
    if (!row) throw notFound();
    if (!row.read_at) await tx.db.updateTable("notifications").set({ read_at: tx.now().toISOString() }).where("id", "=", id).execute();
  });
}

export async function markAllRead(deps: Deps, actor: Actor): Promise<number> {
  return inTransaction(deps, actor, async (tx) => {
    const r = await tx.db.updateTable("notifications").set({ read_at: tx.now().toISOString() }).where("organisation_id", "=", actor.organisationId).where("user_id", "=", actor.userId).where("read_at", "is", null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  });
}

export const PreferencesInput = z.object({
  /** Delivery per kind: "immediate", "digest" or "app". Kinds not sent stay as they are. */
  preferences: z.record(z.string().max(40, "field.too_long"), z.enum(DELIVERIES, "notifications.prefs.choose")),
});

export async function getPreferences(deps: Deps, actor: Actor): Promise<Record<NotificationKind, Delivery>> {
  const rows = await deps.db.selectFrom("notification_preferences").select(["kind", "delivery"]).where("user_id", "=", actor.userId).where("organisation_id", "=", actor.organisationId).execute();
  const out = { ...DEFAULT_DELIVERY };
  for (const r of rows) if (isNotificationKind(r.kind) && (DELIVERIES as readonly string[]).includes(r.delivery)) out[r.kind] = r.delivery;
  return out;
}

/** Sets the reader's own choices; a kind that does not exist is refused. */
export async function updatePreferences(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(PreferencesInput, input);
  const errors: FieldError[] = Object.keys(data.preferences)
    .filter((k) => !isNotificationKind(k))
    .map((k) => ({ field: `preferences.${k}`, messageKey: "notifications.prefs.unknown_kind" }));
  if (errors.length) throw invalid(errors);
  await inTransaction(deps, actor, async (tx) => {
    const before = await getPreferences(tx, actor);
    const changed = Object.entries(data.preferences).filter(([k, d]) => before[k as NotificationKind] !== d) as [NotificationKind, Delivery][];
    if (!changed.length) return;
    const now = tx.now().toISOString();
    for (const [kind, delivery] of changed) {
      await tx.db.deleteFrom("notification_preferences").where("user_id", "=", actor.userId).where("kind", "=", kind).execute();
      await tx.db.insertInto("notification_preferences").values({ user_id: actor.userId, organisation_id: actor.organisationId, kind, delivery, updated_at: now }).execute();
    }
    await tx.audit({
      action: "user.notification_preferences_updated",
      entityType: "user",
      entityId: actor.userId,
      before: Object.fromEntries(changed.map(([k]) => [k, before[k]])),
      after: Object.fromEntries(changed),
    });
  });
}

export { NOTIFICATION_KINDS };

/** Each failed job with the words for its kind (a kind no longer known keeps its code). */
function withLabels<J extends { kind: string }>(deps: Deps, jobs: J[]): (J & { labelKey: MessageKey | null })[] {
  const known = new Map(allJobs(deps).map((j) => [j.kind, j.labelKey]));
  return jobs.map((j) => ({ ...j, labelKey: known.get(j.kind) ?? null }));
}

/** Failed background work: the instance's failed jobs for an instance administrator, the organisation's failed mails for its administrator. */
export async function backgroundFailures(deps: Deps, actor: ActorWithProfile) {
  const orgAdmin = can(actor, "organisation.manage");
  if (!actor.instanceAdmin && !orgAdmin) throw forbidden();
  return {
    jobs: actor.instanceAdmin ? withLabels(deps, await failedJobs(deps)) : null,
    mails: orgAdmin ? await failedMails(deps, actor.organisationId) : null,
  };
}

export async function retryFailedJob(deps: Deps, actor: ActorWithProfile, id: string): Promise<void> {
  if (!actor.instanceAdmin) throw forbidden();
  await inTransaction(deps, actor, async (tx) => {
    const job = await tx.db.selectFrom("jobs").select(["id", "kind", "state"]).where("id", "=", id).executeTakeFirst();
    if (!job) throw notFound();
    if (!(await retryJob(tx, id))) throw new AppError("conflict", "notifications.jobs.not_failed");
    await tx.audit({ action: "job.retried", entityType: "instance", entityId: id, after: { kind: job.kind } });
  });
}
