import { registerMessages } from "../../platform/i18n/index.ts";
import { addNavItem } from "../../ui/layout.tsx";
import { addHomeTask } from "../home/routes.tsx";
import { addDemoSeedStep } from "../demo/steps.ts";
import { projectsApi } from "./api.ts";
import { seedDemoProjects } from "./demo.ts";
import { en, nl } from "./messages.ts";
import * as m003 from "./migrations/003-projects-lifecycle.ts";
import { projectRoutes } from "./routes.tsx";

registerMessages({ nl, en });

addNavItem({ href: "/projects", labelKey: "projects.nav", visible: (c) => !!c.actor }, "/admin/users");
addHomeTask({ href: "/projects?mine=1", labelKey: "projects.home_task.waiting", visible: () => true });
addHomeTask({ href: "/projects/new", labelKey: "projects.home_task.register", visible: () => true });

addDemoSeedStep({ name: "projects", run: seedDemoProjects });

export const routes = projectRoutes;
export const api = projectsApi;
export const migrations = { "003-projects-lifecycle": m003 };
