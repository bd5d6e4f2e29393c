// The notifications feature's sink for platform `notify()`: an event becomes a notification
// for each recipient who is an active user of the organisation and may see the project.
import { canViewProject } from "../../domain/permissions/project-access.ts";
import { actorOf } from "../../platform/auth/actor.ts";
import { translator } from "../../platform/i18n/index.ts";
import type { NotificationSink } from "../../platform/notify.ts";
import { isNotificationKind } from "./kinds.ts";
import { addNotification } from "./record.ts";

export const notificationSink: NotificationSink = {
  async record(tx, event) {
    if (!isNotificationKind(event.kind)) throw new Error(`unknown notification kind ${event.kind}`);
    const users = await tx.db
      .selectFrom("users")
      .select(["id", "organisation_id", "name", "email", "locale"])
      .where("organisation_id", "=", event.organisationId)
      .where("active", "=", 1)
      .where("id", "in", [...event.recipients])
      .execute();
    const project = event.projectId
      ? await tx.db.selectFrom("projects").select("title").where("id", "=", event.projectId).where("organisation_id", "=", event.organisationId).executeTakeFirst()
      : undefined;
    if (event.projectId && !project) return;
    const { key, params } = event.message;
    for (const user of users) {
      if (event.projectId && !canViewProject(await actorOf(tx.db, user), event.projectId)) continue;
      await addNotification(
        tx,
        { userId: user.id, organisationId: user.organisation_id, name: user.name, email: user.email, locale: user.locale },
        { kind: event.kind, item_key: `event:${event.key}`, text_nl: translator("nl")(key, params), text_en: translator("en")(key, params), href: event.href, project_title: project?.title ?? null, due_date: null },
      );
    }
  },
};
