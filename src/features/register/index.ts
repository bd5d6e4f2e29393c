// The public register (plan: transparency at the centre): a project's team
// prepares its entry in the Algoritmeregister standard v1.0 with local extras,
// another person approves it, it is published in versions; residents search
// and read it without logging in, and report errors or ask questions; the
// register is exported as v1.0 JSON, CSV and an Atom feed.
import type { Feature } from "../../platform/feature.ts";
import { registerApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import * as m030 from "./migrations/030-register.ts";
import * as m031 from "./migrations/031-register-feedback.ts";
import * as m032 from "./migrations/032-register-connector.ts";
import * as m033 from "./migrations/033-register-term-counts.ts";
import { can } from "../../domain/permissions/permissions.ts";
import type {} from "../../platform/scheduler/index.ts";
import { runDeliveries } from "./deliver.ts";
import { CONNECTOR_PATH } from "./views/connector-page.tsx";
import { getTeamEntry } from "./queries.ts";
import { publicStartPage, registerRoutes } from "./routes.tsx";
import { RegisterPanel } from "./views/team-pages.tsx";
import "./schema.ts";

export const registerFeature: Feature = {
  name: "register",
  messages: { nl, en },
  migrations: { "030-register": m030, "031-register-feedback": m031, "032-register-connector": m032, "033-register-term-counts": m033 },
  personalData: [
    { table: "register_entries", name: "prepared_by_name", by: "prepared_by" },
    { table: "register_entries", name: "approved_by_name", by: "approved_by" },
    { table: "register_entry_versions", name: "prepared_by_name", by: "prepared_by" },
    { table: "register_connectors", name: "updated_by_name", by: "updated_by" },
    { table: "register_entry_versions", name: "approved_by_name", by: "approved_by" },
  ],
  routes: registerRoutes,
  api: registerApi,
  nav: [
    { href: "/register", labelKey: "register.nav", visible: (c) => !!c.actor && c.actor.projectRoles.size > 0, before: "/audit-log" },
    { href: CONNECTOR_PATH, labelKey: "register.connector_nav", visible: (c) => !!c.actor && can(c.actor, "organisation.manage"), before: "/audit-log" },
  ],
  // Deliveries to the national register that failed (or were cut off by a restart) are tried again every minute,
  // as a scheduled job: one process at a time, stopped with the server.
  scheduledJobs: [{ kind: "register.deliveries", labelKey: "register.job.deliveries", everyMinutes: 1, run: async (deps) => void (await runDeliveries(deps)) }],
  homeTasks: [{ href: "/register", labelKey: "register.home_task", visible: (c) => !!c.actor && c.actor.projectRoles.size > 0 }],
  publicStartPage: [publicStartPage],
  projectPanels: [
    {
      id: "register",
      order: 90,
      async render({ deps, ctx, actor, project }) {
        return RegisterPanel({ ctx, entry: await getTeamEntry(deps, actor, project.id) });
      },
    },
  ],
};
