import { registerMessages } from "../../platform/i18n/index.ts";
import { addNavItem } from "../../ui/layout.tsx";
import { addDemoSeedStep } from "../demo/steps.ts";
import { addHomeTask } from "../home/routes.tsx";
import { committeeApi } from "./api.ts";
import { seedCommitteeDemo } from "./demo-seed.ts";
import { en, nl } from "./messages.ts";
import * as m009 from "./migrations/009-committee.ts";
import { committeeRoutes } from "./routes.tsx";
import { canSeeCases } from "./service.ts";

registerMessages({ nl, en });

addNavItem({ href: "/committee", labelKey: "committee.nav", visible: (c) => !!c.actor && canSeeCases(c.actor) });
addHomeTask({ href: "/committee", labelKey: "committee.home_task", visible: (c) => canSeeCases(c.actor!) });
addDemoSeedStep({ name: "committee", run: seedCommitteeDemo });

export const routes = committeeRoutes;
export const api = committeeApi;
export const migrations = { "009-committee": m009 };
