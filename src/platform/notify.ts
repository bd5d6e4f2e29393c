// A small hook for use cases: "tell these people about this", called inside the use
// case's transaction, so the notification and its mail (the outbox row) are stored
// with the change or not at all. The notifications feature contributes the sink; the
// platform only passes the event on.
import type { MessageKey } from "./i18n/index.ts";
import type { Tx } from "./transaction.ts";

export interface NotificationEvent {
  organisationId: string;
  /** User ids; the sink drops anyone who may not see the project (or who is of another organisation). */
  recipients?: readonly string[];
  /** And everyone holding one of these roles in the project (e.g. ["owner", "lead"]). */
  projectRoles?: readonly string[];
  /** A notification kind the sink knows (e.g. "outcome", "resident_report"). */
  kind: string;
  /** Stable per event, so a notification is never given twice (e.g. "review:<id>"). */
  key: string;
  /** What happened, in the catalogue's words: names only what the recipient's inbox would name. */
  message: { key: MessageKey; params?: Record<string, string | number> };
  /** Where the recipient acts or reads, a local path. */
  href: string;
  projectId?: string;
}

export interface NotificationSink {
  /** Gets the event with its recipients resolved (explicit ones and the project role holders). */
  record(tx: Tx, event: NotificationEvent & { recipients: readonly string[] }): Promise<void>;
}

declare module "./feature.ts" {
  interface ExtensionPoints {
    /** Where notifications of events go (the notifications feature). */
    notificationSinks: NotificationSink;
  }
}

/** Notifies the recipients of an event, in the caller's transaction. */
export async function notify(tx: Tx, event: NotificationEvent): Promise<void> {
  const recipients = new Set(event.recipients ?? []);
  if (event.projectId && event.projectRoles?.length) {
    const holders = await tx.db
      .selectFrom("role_assignments")
      .select("user_id")
      .where("organisation_id", "=", event.organisationId)
      .where("project_id", "=", event.projectId)
      .where("role", "in", [...event.projectRoles])
      .execute();
    for (const h of holders) recipients.add(h.user_id);
  }
  recipients.delete("");
  if (!recipients.size) return;
  for (const sink of tx.extensions.get("notificationSinks")) await sink.record(tx, { ...event, recipients: [...recipients] });
}
