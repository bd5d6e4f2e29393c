// The AI Act (issue 17): the classification per project with the instrument
// engine, frozen as evidence and reviewed by the DPO or the CIO's delegate; the
// gate rules it brings (prohibited → stop, high-risk → FRIA and EU registration
// before execution); the FRIA's notification and the EU database registration.
// The Algoritmekader's data is loaded and checked at start-up.
import type { Feature } from "../../platform/feature.ts";
import { aiActApi } from "./api.ts";
import { aiActEvidence } from "./evidence.ts";
import { loadFrameworksAtStart } from "./frameworks.ts";
import { switchFriaOnAtStart } from "./fria-hook.ts";
import { contributeAiAct } from "./gate.ts";
import { en, nl } from "./messages.ts";
import * as m050 from "./migrations/050-ai-act-classifications.ts";
import * as m051 from "./migrations/051-ai-act-registration.ts";
import { classificationsOf } from "./records.ts";
import { aiActRoutes } from "./routes.tsx";
import { AiActPanel } from "./views/panel.tsx";
import "./schema.ts";
import { aiActRegisterPrefill } from "./register-prefill.ts";

export const aiActFeature: Feature = {
  name: "ai-act",
  // What the project's register entry is pre-filled with from this feature.
  registerPrefillSources: [aiActRegisterPrefill],
  messages: { nl, en },
  migrations: { "050-ai-act-classifications": m050, "051-ai-act-registration": m051 },
  personalData: [
    { table: "ai_act_classifications", name: "completed_by_name", by: "completed_by" },
    { table: "ai_act_classifications", name: "reviewed_by_name", by: "reviewed_by" },
    { table: "ai_act_eu_registrations", name: "updated_by_name", by: "updated_by" },
    { table: "ai_act_fria_notifications", name: "recorded_by_name", by: "recorded_by" },
  ],
  routes: aiActRoutes,
  api: aiActApi,
  snapshotContributors: [contributeAiAct],
  depiaStarted: [switchFriaOnAtStart],
  akEvidenceSources: [aiActEvidence],
  projectPanels: [
    {
      id: "ai-act",
      order: 38,
      async render({ deps, ctx, project }) {
        const [current] = await classificationsOf(deps, project.organisationId, project.id);
        return AiActPanel({ ctx, projectId: project.id, current: current ?? null });
      },
    },
  ],
  onStart: async () => {
    loadFrameworksAtStart();
  },
};
