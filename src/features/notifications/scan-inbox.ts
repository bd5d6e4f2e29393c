// A scheduled job that turns each person's inbox into notifications: an item that is new
// ("asked of me"), due within a few days, or past its date, is told once per stage. The
// inbox holds only what the person may act on, so a notification never names more.
import { actorOf } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { translator } from "../../platform/i18n/index.ts";
import type { ScheduledJob } from "../../platform/scheduler/index.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { inboxOf, type InboxItem } from "../home/inbox.ts";
import { DUE_SOON_DAYS, type NotificationKind } from "./kinds.ts";
import { addNotification, type NewNotification } from "./record.ts";

/** Items asked longer ago than this are not told as new (the first run after installing does not flood anyone). */
const NEW_WITHIN_DAYS = 14;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The notifications an inbox item gives today, each with its own key. */
export function stagesOf(item: InboxItem, now: Date): { kind: NotificationKind; key: string }[] {
  const base = `inbox:${item.href}|${item.key}`;
  const today = now.toISOString().slice(0, 10);
  const out: { kind: NotificationKind; key: string }[] = [];
  const recent = !item.since || Date.parse(item.since) >= now.getTime() - NEW_WITHIN_DAYS * 86_400_000;
  if (recent && !item.overdue) out.push({ kind: "requested", key: `${base}#new` });
  if (item.due && item.overdue) out.push({ kind: "overdue", key: `${base}#late:${item.due}` });
  else if (item.due && item.due <= addDays(today, DUE_SOON_DAYS)) out.push({ kind: "due_soon", key: `${base}#soon:${item.due}` });
  return out;
}

/** Scans every active person's inbox; returns how many notifications were made. */
export async function scanInboxes(deps: Deps): Promise<number> {
  const users = await deps.db
    .selectFrom("users")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .leftJoin("service_accounts", "service_accounts.user_id", "users.id")
    .select(["users.id", "users.organisation_id", "users.name", "users.email", "users.locale"])
    .where("users.active", "=", 1)
    .where("service_accounts.user_id", "is", null)
    .where("organisations.disabled_at", "is", null)
    .execute();
  const nl = { t: translator("nl"), lang: "nl" as const };
  const en = { t: translator("en"), lang: "en" as const };
  let made = 0;
  for (const user of users) {
    const actor = await actorOf(deps.db, user);
    const now = deps.now();
    const wanted: NewNotification[] = [];
    for (const item of await inboxOf(deps, actor)) {
      for (const stage of stagesOf(item, now)) {
        wanted.push({ kind: stage.kind, item_key: stage.key, text_nl: item.what(nl), text_en: item.what(en), href: item.href, project_title: item.project?.title ?? null, due_date: item.due ?? null });
      }
    }
    if (!wanted.length) continue;
    made += await inTransaction(deps, null, async (tx) => {
      let n = 0;
      for (const w of wanted) if (await addNotification(tx, { userId: user.id, organisationId: user.organisation_id, name: user.name, email: user.email, locale: user.locale }, w)) n++;
      return n;
    }, user.organisation_id);
  }
  return made;
}

export const scanInboxJob: ScheduledJob = {
  kind: "notifications.scan-inbox",
  labelKey: "notifications.job.scan_inbox",
  everyMinutes: 15,
  async run(deps) {
    await scanInboxes(deps);
  },
};
