import type { Delivery, NotificationKind } from "./kinds.ts";

export interface NotificationTable {
  id: string;
  organisation_id: string;
  user_id: string;
  kind: NotificationKind;
  /** Once per person: the inbox item and its stage ("…#new", "…#late:2027-01-12"), or the event's key. */
  item_key: string;
  /** What it is about, in both languages (the words of the inbox or the event). */
  text_nl: string;
  text_en: string;
  href: string;
  project_title: string | null;
  due_date: string | null;
  /** How it was delivered, as the person chose when it was made. */
  delivery: Delivery;
  created_at: string;
  read_at: string | null;
  /** When it went out in a daily digest. */
  digested_at: string | null;
}

export interface NotificationPreferenceTable {
  user_id: string;
  organisation_id: string;
  kind: NotificationKind;
  delivery: Delivery;
  updated_at: string;
}

declare module "../../platform/db/schema.ts" {
  interface DatabaseSchema {
    notifications: NotificationTable;
    notification_preferences: NotificationPreferenceTable;
  }
}
