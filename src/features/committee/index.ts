// The ethics committee: cases, meetings, votes, advice, the board's response, publication, precedents.
import type { Feature } from "../../platform/feature.ts";
import { committeeApi } from "./api.ts";
import { committeeInbox } from "./inbox.ts";
import { seedCommitteeDemo } from "./demo-seed.ts";
import { en, nl } from "./messages.ts";
import * as m009 from "./migrations/009-committee.ts";
import { committeeRoutes } from "./routes.tsx";
import { canSeeCases } from "./service.ts";

export const committeeFeature: Feature = {
  name: "committee",
  messages: { nl, en },
  migrations: { "009-committee": m009 },
  routes: committeeRoutes,
  api: committeeApi,
  nav: [{ href: "/committee", labelKey: "committee.nav", visible: (c) => !!c.actor && canSeeCases(c.actor) }],
  inboxSources: [committeeInbox],
  homeTasks: [{ href: "/committee", labelKey: "committee.home_task", visible: (c) => canSeeCases(c.actor!) }],
  demoSteps: [{ name: "committee", run: seedCommitteeDemo }],
};
