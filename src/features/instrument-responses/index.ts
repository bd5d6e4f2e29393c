// Instrument responses: the ethics canvas and every other instrument's answers, versions, diffs and comments.
import type { Feature } from "../../platform/feature.ts";
import { instrumentResponsesApi } from "./api.ts";
import { CANVAS_INSTRUMENT_ID, canvasSnapshot, canvasValueTouches } from "./canvas.ts";
import { seedCanvasDemo } from "./demo.ts";
import { en, nl } from "./messages.ts";
import * as m004 from "./migrations/004-instrument-responses.ts";
import { instrumentResponseRoutes } from "./routes.tsx";
import { responseProgress } from "./service.ts";
import { CanvasPanel } from "./views/canvas-panel.tsx";
import { canvasRegisterPrefill } from "./register-prefill.ts";

export const instrumentResponsesFeature: Feature = {
  name: "instrument-responses",
  // What the project's register entry is pre-filled with from this feature.
  registerPrefillSources: [canvasRegisterPrefill],
  messages: { nl, en },
  migrations: { "004-instrument-responses": m004 },
  // Names kept beside ids, replaced when a user is anonymised.
  personalData: [
    { table: "instrument_responses", name: "updated_by_name", by: "updated_by" },
    { table: "instrument_response_versions", name: "created_by_name", by: "created_by" },
    { table: "instrument_response_comments", name: "author_name", by: "author_id" },
  ],
  routes: instrumentResponseRoutes,
  api: instrumentResponsesApi,
  // The pre_start gate asks for a complete canvas.
  snapshotContributors: [canvasSnapshot],
  // The canvas's areas and value tags make up the first part of a project's values profile.
  valuesSources: [{ id: "canvas", collect: canvasValueTouches }],
  projectPanels: [
    {
      id: "canvas",
      order: 20,
      render: async ({ deps, ctx, actor, project }) => CanvasPanel({ ctx, project, progress: await responseProgress(deps, actor, project.id, CANVAS_INSTRUMENT_ID) }),
    },
  ],
  demoSteps: [{ name: "canvas", run: seedCanvasDemo }],
};
