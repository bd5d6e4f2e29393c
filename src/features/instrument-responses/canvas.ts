// The ethics-by-design canvas: the first instrument on a project. Its status
// feeds the pre_start gate, its areas and value tags feed the values profile,
// and its actions become measures of the project.
import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { ProjectSnapshot } from "../../domain/lifecycle/snapshot.ts";
import { isAnswered, type LocalText } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { createMeasure, listMeasures, MEASURE_LIMITS, type Measure } from "../measures/service.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { BatchSnapshotContributor, ProjectRef } from "../projects/extension-points.ts";
import { projectsRows, toView } from "./response-store.ts";
import type { ValueTouch } from "../values/profile.ts";
import { ID_MAX } from "./model.ts";
import { findResponse, projectResponseStatus } from "./queries.ts";

export const CANVAS_INSTRUMENT_ID = "ethics-canvas";

export function canvasPath(projectId: string): string {
  return `/projects/${encodeURIComponent(projectId)}/canvas`;
}

/** The gate snapshot's canvas part: complete when every area with required questions is complete. */
export async function contributeCanvasStatus(deps: Deps, project: ProjectRef, snapshot: ProjectSnapshot): Promise<void> {
  const progress = await projectResponseStatus(deps, project.organisationId, project.id, CANVAS_INSTRUMENT_ID);
  snapshot.canvas = { status: progress.status };
}

/** The same for a list of projects, in one statement. */
export const canvasSnapshot: BatchSnapshotContributor = {
  one: contributeCanvasStatus,
  async many(deps, projects, snapshots) {
    for (const row of await projectsRows(deps, projects[0]!.organisationId, projects.map((p) => p.id), CANVAS_INSTRUMENT_ID)) {
      snapshots.get(row.project_id)!.canvas = { status: toView(deps, row, false).status };
    }
  },
};

/**
 * Where the canvas touches values: every area that has answers touches the
 * values the area is tagged with; value-tag questions touch the values chosen.
 */
export async function canvasValueTouches(deps: Deps, actor: Actor, project: ProjectRef): Promise<ValueTouch[]> {
  const response = await findResponse(deps, actor, project.id, CANVAS_INSTRUMENT_ID);
  if (!response) return [];
  const instrument = deps.instruments.get(response.instrumentId, response.instrumentVersion)!;
  const source: LocalText = instrument.title;
  const href = canvasPath(project.id);
  const touches: ValueTouch[] = [];
  const seen = new Set<string>();
  const add = (valueKey: string, where: LocalText, anchor: string) => {
    const key = `${valueKey}|${where.nl}`;
    if (seen.has(key)) return;
    seen.add(key);
    touches.push({ valueKey, source, where, href: `${href}#${anchor}` });
  };
  for (const section of instrument.sections) {
    const state = response.sections.find((s) => s.sectionId === section.id);
    if (!state || state.answered === 0) continue;
    for (const key of section.values ?? []) add(key, section.title, `section-${section.id}`);
    for (const q of section.questions) {
      const answer = response.answers[q.id];
      if (!isAnswered(q, answer)) continue;
      for (const key of q.values ?? []) add(key, section.title, `section-${section.id}`);
      if (q.type === "value_tags" && Array.isArray(answer)) {
        for (const key of answer) if (typeof key === "string") add(key, q.label, `section-${section.id}`);
      }
    }
  }
  return touches;
}

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "field.too_long")
    .optional()
    .transform((v) => v || undefined);

/** A date as the form's date field sends it: yyyy-mm-dd. */
export const DATE_MAX = 10;
/** A user id. */
export const PERSON_ID_MAX = 64;

export const CanvasActionInput = z.object({
  title: z.string().trim().min(1, "field.required").max(MEASURE_LIMITS.title, "field.too_long"),
  description: optional(MEASURE_LIMITS.description),
  areaId: z.string().trim().min(1, "field.required").max(ID_MAX, "field.too_long"),
  ownerUserId: optional(PERSON_ID_MAX),
  dueDate: optional(DATE_MAX),
});

/** Records a canvas action as a measure of the project, linked to its area (source canvas, id = area id). */
export async function addCanvasAction(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  const data = parseInput(CanvasActionInput, input);
  return inTransaction(deps, actor, async (tx) => {
    const project = await loadProjectForActor(tx.db, actor, projectId);
    const response = await findResponse(tx, actor, project.id, CANVAS_INSTRUMENT_ID, { project });
    const pinned = response ? tx.instruments.get(response.instrumentId, response.instrumentVersion)! : tx.instruments.latest(CANVAS_INSTRUMENT_ID)!;
    if (!pinned.sections.some((s) => s.id === data.areaId)) throw invalid([{ field: "areaId", messageKey: "field.invalid_choice" }]);
    // The measures feature checks who may add one and stores it in this same transaction.
    return createMeasure(tx, actor, {
      projectId: project.id,
      title: data.title,
      description: data.description,
      ownerUserId: data.ownerUserId,
      dueDate: data.dueDate,
      source: { type: "canvas", id: data.areaId },
    });
  });
}

/** The project's measures that came from the canvas. */
export async function listCanvasActions(deps: Deps, actor: Actor, projectId: string): Promise<Measure[]> {
  return (await listMeasures(deps, actor, projectId)).filter((m) => m.source.type === "canvas");
}
