// Organisation management: users, roles, the organisation's settings and theme.
import { can } from "../../domain/permissions/permissions.ts";
import type { Feature } from "../../platform/feature.ts";
import { ANONYMISE_AFTER, anonymiseRetention } from "./anonymise-user.ts";
import { adminApi } from "./api.ts";
import { adminRoutes } from "./routes.tsx";

export const adminFeature: Feature = {
  name: "admin",
  routes: adminRoutes,
  api: adminApi,
  retentionTasks: anonymiseRetention,
  retentionPeriods: [ANONYMISE_AFTER],
  nav: [
    { href: "/admin/users", labelKey: "nav.users", visible: (c) => !!c.actor && can(c.actor, "users.manage") },
    { href: "/admin/organisation", labelKey: "nav.organisation", visible: (c) => !!c.actor && can(c.actor, "organisation.manage") },
  ],
  homeTasks: [
    { href: "/admin/users", labelKey: "home.task.users", visible: (c) => can(c.actor!, "users.manage") },
    { href: "/admin/organisation", labelKey: "home.task.organisation", visible: (c) => can(c.actor!, "organisation.manage") },
  ],
};
