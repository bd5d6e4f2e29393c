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
import { getTeamEntry } from "./queries.ts";
import { publicStartPage, registerRoutes } from "./routes.tsx";
import { RegisterPanel } from "./views/team-pages.tsx";
import "./schema.ts";

export const registerFeature: Feature = {
  name: "register",
  messages: { nl, en },
  migrations: { "030-register": m030, "031-register-feedback": m031 },
  personalData: [
    { table: "register_entries", name: "prepared_by_name", by: "prepared_by" },
    { table: "register_entries", name: "approved_by_name", by: "approved_by" },
    { table: "register_entry_versions", name: "prepared_by_name", by: "prepared_by" },
    { table: "register_entry_versions", name: "approved_by_name", by: "approved_by" },
  ],
  routes: registerRoutes,
  api: registerApi,
  nav: [{ href: "/register", labelKey: "register.nav", visible: (c) => !!c.actor && c.actor.projectRoles.size > 0, before: "/audit-log" }],
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
