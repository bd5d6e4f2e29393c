// Adding a notification for one person, in the caller's transaction: once per person and
// item, delivered as the person chose for its kind; "immediate" puts the mail in the
// outbox in the same transaction.
import type { Deps } from "../../platform/deps.ts";
import { enqueueMail } from "../../platform/mail/outbox.ts";
import { DEFAULT_DELIVERY, type Delivery, type NotificationKind } from "./kinds.ts";
import "./schema.ts";
import { composeMail, langOf, type NotificationWords } from "./words.ts";

export interface Recipient {
  userId: string;
  organisationId: string;
  name: string;
  email: string;
  locale: string;
}

export interface NewNotification extends NotificationWords {
  kind: NotificationKind;
  item_key: string;
}

export async function deliveryOf(tx: Deps, userId: string, kind: NotificationKind): Promise<Delivery> {
  const row = await tx.db.selectFrom("notification_preferences").select("delivery").where("user_id", "=", userId).where("kind", "=", kind).executeTakeFirst();
  return row?.delivery ?? DEFAULT_DELIVERY[kind];
}

/** Returns false when the person already had this notification. */
export async function addNotification(tx: Deps, to: Recipient, n: NewNotification): Promise<boolean> {
  const exists = await tx.db.selectFrom("notifications").select("id").where("user_id", "=", to.userId).where("item_key", "=", n.item_key).executeTakeFirst();
  if (exists) return false;
  const delivery = await deliveryOf(tx, to.userId, n.kind);
  const now = tx.now().toISOString();
  await tx.db
    .insertInto("notifications")
    .values({ id: tx.newId(), organisation_id: to.organisationId, user_id: to.userId, kind: n.kind, item_key: n.item_key.slice(0, 1000), text_nl: n.text_nl.slice(0, 2000), text_en: n.text_en.slice(0, 2000), href: n.href.slice(0, 1000), project_title: n.project_title, due_date: n.due_date, delivery, created_at: now, read_at: null, digested_at: null })
    .execute();
  if (delivery === "immediate") {
    const mail = composeMail({ lang: langOf(to.locale), name: to.name, baseUrl: tx.config.baseUrl, items: [n], digest: false });
    await enqueueMail(tx, { organisationId: to.organisationId, to: to.email, ...mail });
  }
  return true;
}
