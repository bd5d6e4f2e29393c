// The Algoritmekader per project (issue 17): the requirements that apply to a
// project's profile, each with a status that follows the evidence Afweging
// holds (akEvidenceSources), and the organisation's coverage with a CSV export.
import type { Feature } from "../../platform/feature.ts";
import { akApi } from "./api.ts";
import { en, nl } from "./messages.ts";
import * as m053 from "./migrations/053-algoritmekader.ts";
import { akRoutes } from "./routes.tsx";
import { mayViewCoverage, statusesOf } from "./service.ts";
import { AkPanel } from "./views/pages.tsx";
import "./schema.ts";

export const algoritmekaderFeature: Feature = {
  name: "algoritmekader",
  messages: { nl, en },
  migrations: { "053-algoritmekader": m053 },
  personalData: [{ table: "ak_requirement_statuses", name: "set_by_name", by: "set_by" }],
  routes: akRoutes,
  api: akApi,
  nav: [{ href: "/algoritmekader", labelKey: "ak.nav", visible: (c) => !!c.actor && mayViewCoverage(c.actor), before: "/audit-log" }],
  projectPanels: [
    {
      id: "algoritmekader",
      order: 39,
      async render({ deps, ctx, project }) {
        const { requirements } = await statusesOf(deps, project);
        return AkPanel({ ctx, projectId: project.id, met: requirements.filter((r) => r.status.status === "met").length, total: requirements.length });
      },
    },
  ],
};
