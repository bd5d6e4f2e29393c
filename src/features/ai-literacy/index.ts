// AI literacy (AI Act Art. 4): trainings with a validity period and the roles
// that need them; sessions are awareness activities (deliberation feature) that
// also record who took part and until when it stays valid; per person and per
// role who is covered, and the figure on the start page of the administrator and the CIO.
import type { Feature } from "../../platform/feature.ts";
import { canReadLiteracy, seesLiteracyFigure } from "./access.ts";
import { aiLiteracyApi } from "./api.ts";
import { seedAiLiteracyDemo } from "./demo-seed.ts";
import { en, nl } from "./messages.ts";
import * as m052 from "./migrations/052-ai-literacy.ts";
import { literacyFacts } from "./overview.ts";
import { aiLiteracyRoutes } from "./routes.tsx";
import { LiteracyHomeCard } from "./views/pages.tsx";
import "./schema.ts";

export const aiLiteracyFeature: Feature = {
  name: "ai-literacy",
  messages: { nl, en },
  migrations: { "052-ai-literacy": m052 },
  routes: aiLiteracyRoutes,
  api: aiLiteracyApi,
  nav: [{ href: "/ai-literacy", labelKey: "ai_literacy.nav", visible: (c) => !!c.actor && canReadLiteracy(c.actor), before: "/audit-log" }],
  homeTasks: [{ href: "/ai-literacy", labelKey: "ai_literacy.home_task", visible: (c) => canReadLiteracy(c.actor!) }],
  homePanels: [
    {
      id: "ai-literacy",
      visible: seesLiteracyFigure,
      async render({ deps, ctx, actor }) {
        return LiteracyHomeCard({ ctx, overview: await literacyFacts(deps, actor.organisationId) });
      },
    },
  ],
  demoSteps: [{ name: "ai-literacy", run: seedAiLiteracyDemo }],
};
