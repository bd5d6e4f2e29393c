// Notifications: in the app and by e-mail, for what is asked of a person, what was decided
// on their project, what is due soon or overdue, and residents' reports. Made from each
// person's inbox by a scheduled job and from events through platform `notify()`; each person
// chooses per kind: a mail at once, a daily digest, or only in the app.
import { can } from "../../domain/permissions/permissions.ts";
import type { Feature } from "../../platform/feature.ts";
import { notificationsApi } from "./api.ts";
import { digestJob } from "./digest.ts";
import { en, nl } from "./messages.ts";
import * as m041 from "./migrations/041-notifications.ts";
import { notificationRoutes } from "./routes.tsx";
import { scanInboxJob } from "./scan-inbox.ts";
import { unreadCount } from "./service.ts";
import { notificationSink } from "./sink.ts";

export const notificationsFeature: Feature = {
  name: "notifications",
  messages: { nl, en },
  migrations: { "041-notifications": m041 },
  routes: notificationRoutes,
  api: notificationsApi,
  nav: [
    { href: "/notifications", labelKey: "notifications.nav", visible: (c) => !!c.actor, count: unreadCount },
    { href: "/admin/jobs", labelKey: "notifications.jobs.nav", visible: (c) => !!c.actor && (c.actor.instanceAdmin || can(c.actor, "organisation.manage")), before: "/audit-log" },
  ],
  scheduledJobs: [scanInboxJob, digestJob],
  notificationSinks: [notificationSink],
};
