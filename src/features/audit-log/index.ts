// The audit trail, for the 3rd line: filter, page through, before and after.
import { can } from "../../domain/permissions/permissions.ts";
import type { Feature } from "../../platform/feature.ts";
import { auditLogApi } from "./api.ts";
import { auditLogRoutes } from "./routes.tsx";

export const auditLogFeature: Feature = {
  name: "audit-log",
  routes: auditLogRoutes,
  api: auditLogApi,
  nav: [{ href: "/audit-log", labelKey: "nav.audit_log", visible: (c) => !!c.actor && can(c.actor, "audit_log.read") }],
  homeTasks: [{ href: "/audit-log", labelKey: "home.task.audit_log", visible: (c) => can(c.actor!, "audit_log.read") }],
};
