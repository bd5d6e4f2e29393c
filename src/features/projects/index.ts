// Projects: registration, team, lifecycle with gates, material changes, evaluations, the dashboard.
import type { Feature } from "../../platform/feature.ts";
import { projectsApi } from "./api.ts";
import { seedDemoProjects } from "./demo.ts";
import { projectsInbox } from "./inbox.ts";
import { en, nl } from "./messages.ts";
import * as m003 from "./migrations/003-projects-lifecycle.ts";
import * as m060 from "./migrations/060-list-indexes.ts";
import * as m061 from "./migrations/061-project-readiness.ts";
import { fillMissingReadiness, storeTouchedReadiness } from "./stored-readiness.ts";
import { projectRoutes } from "./routes.tsx";

export const projectsFeature: Feature = {
  name: "projects",
  messages: { nl, en },
  migrations: { "003-projects-lifecycle": m003, "060-list-indexes": m060, "061-project-readiness": m061 },
  // Names kept beside ids, replaced when a user is anonymised.
  personalData: [
    { table: "gate_decisions", name: "decided_by_name", by: "decided_by" },
    { table: "project_evaluations", name: "recorded_by_name", by: "recorded_by" },
  ],
  routes: projectRoutes,
  api: projectsApi,
  nav: [{ href: "/projects", labelKey: "projects.nav", visible: (c) => !!c.actor, before: "/admin/users" }],
  homeTasks: [
    { href: "/projects?mine=1", labelKey: "projects.home_task.waiting", visible: () => true },
    { href: "/projects/new", labelKey: "projects.home_task.register", visible: () => true },
  ],
  inboxSources: [projectsInbox],
  demoSteps: [{ name: "projects", run: seedDemoProjects }],
  // Each project's readiness is stored for the lists: redone by every transaction that touches the project, filled at start-up where missing.
  beforeCommit: [storeTouchedReadiness],
  onStart: async (deps) => {
    await fillMissingReadiness(deps);
  },
};
