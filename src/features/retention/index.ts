// Retention periods an organisation sets itself: what features keep after it is
// needed (declared by each as `retentionPeriods`) and how many days.
import { can } from "../../domain/permissions/permissions.ts";
import type { Feature } from "../../platform/feature.ts";
import { retentionApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import { retentionRoutes } from "./routes.tsx";

export const retentionFeature: Feature = {
  name: "retention",
  messages: { nl, en },
  routes: retentionRoutes,
  api: retentionApi,
  nav: [{ href: "/admin/retention", labelKey: "retention.nav", visible: (c) => !!c.actor && can(c.actor, "organisation.manage"), before: "/audit-log" }],
};
