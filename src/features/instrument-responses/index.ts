import type { Migration } from "kysely";
import { registerMessages } from "../../platform/i18n/index.ts";
import { addProjectPanel, addSnapshotContributor } from "../projects/extension-points.ts";
import { addValuesSource } from "../values/profile.ts";
import { instrumentResponsesApi } from "./api.ts";
import { CANVAS_INSTRUMENT_ID, canvasValueTouches, contributeCanvasStatus } from "./canvas.ts";
import { addCanvasDemo } from "./demo.ts";
import { en, nl } from "./messages.ts";
import * as m004 from "./migrations/004-instrument-responses.ts";
import { instrumentResponseRoutes } from "./routes.tsx";
import { responseProgress } from "./service.ts";
import { CanvasPanel } from "./views/canvas-panel.tsx";

registerMessages({ nl, en });

// The pre_start gate asks for a complete canvas.
addSnapshotContributor(contributeCanvasStatus);

// The canvas's areas and value tags make up the first part of a project's values profile.
addValuesSource({ id: "canvas", collect: canvasValueTouches });

addProjectPanel({
  id: "canvas",
  order: 20,
  render: async ({ deps, ctx, actor, project }) => CanvasPanel({ ctx, project, progress: await responseProgress(deps, actor, project.id, CANVAS_INSTRUMENT_ID) }),
});

addCanvasDemo();

export const routes = instrumentResponseRoutes;
export const api = instrumentResponsesApi;
export const migrations: Record<string, Migration> = { "004-instrument-responses": m004 };
