// Accountability (issue 15): the dashboard for the 3rd line and the periodic
// reports for the board and the council, and for the ethics committee. It
// reads the other features' tables through their schema types and writes
// nothing; who may open what is in access.ts.
import type { Feature } from "../../platform/feature.ts";
import { canSeeDashboard, canSeeReport } from "./access.ts";
import { accountabilityApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import { accountabilityRoutes } from "./routes.tsx";

export const accountabilityFeature: Feature = {
  name: "accountability",
  messages: { nl, en },
  routes: accountabilityRoutes,
  api: accountabilityApi,
  nav: [
    { href: "/accountability", labelKey: "accountability.nav", visible: (c) => !!c.actor && canSeeDashboard(c.actor), before: "/audit-log" },
    { href: "/accountability/reports/board", labelKey: "accountability.nav", visible: (c) => !!c.actor && !canSeeDashboard(c.actor) && canSeeReport(c.actor, "board"), before: "/audit-log" },
    { href: "/accountability/reports/committee", labelKey: "accountability.nav", visible: (c) => !!c.actor && !canSeeDashboard(c.actor) && canSeeReport(c.actor, "committee"), before: "/audit-log" },
  ],
};
