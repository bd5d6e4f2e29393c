import type { Actor } from "../../domain/permissions/permissions.ts";
import { canWorkOnProject } from "../../domain/permissions/project-access.ts";
import { prefillAnswers } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { findResponse, getOrCreateResponse, getVersion, saveAnswers, type ResponseView } from "../instrument-responses/service.ts";
import { lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { requireActive } from "./common.ts";
import { CANVAS_INSTRUMENT_ID, DEPIA_INSTRUMENT_ID, depiaIdOf, depiaInstrument } from "./depia-records.ts";
import { screeningRecordsOf } from "./screening.ts";

/** Another feature's work once a DEPIA is started, in the same transaction (the ai-act feature switches the FRIA section on). */
export type DepiaStartedHook = (tx: Tx, actor: Actor, project: ProjectRef) => Promise<void>;

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    depiaStarted: DepiaStartedHook;
  }
}

/**
 * Starts the project's DEPIA (team): the depia response of instrument-responses,
 * with empty questions pre-filled from the canvas and the screening where the
 * instrument says `prefill_from`. Starting twice opens the existing one.
 */
export async function startDepia(deps: Deps, actor: Actor, projectId: string): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    // Locked: a second start at the same moment waits, then finds this one.
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (!canWorkOnProject(actor, project.id)) throw forbidden();
    const existing = await depiaIdOf(tx, actor.organisationId, project.id);
    if (existing) return existing;
    const response = await getOrCreateResponse(tx, actor, project.id, DEPIA_INSTRUMENT_ID, { project });
    await prefill(tx, actor, project, response);
    const id = tx.newId();
    await tx.db.insertInto("depias").values({ id, organisation_id: actor.organisationId, project_id: project.id, response_id: response.id, created_by: actor.userId, created_at: tx.now().toISOString() }).execute();
    await tx.audit({ action: "depia.started", entityType: "project", entityId: project.id, after: { depiaId: id, responseId: response.id } });
    for (const started of tx.extensions.get("depiaStarted")) await started(tx, actor, project);
    return id;
  });
}

/** The value, or null when a rule refuses it (an instrument that is not there); a database failure still fails. */
async function unlessRefused<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

/** The answers a DEPIA can start from: the canvas, and the screening as recorded (or as it is being filled). */
async function sourceAnswers(tx: Tx, actor: Actor, project: ProjectRef): Promise<Record<string, Record<string, unknown> | undefined>> {
  const canvas = await unlessRefused(findResponse(tx, actor, project.id, CANVAS_INSTRUMENT_ID, { project }));
  const [screening] = await screeningRecordsOf(tx, actor.organisationId, project.id);
  const screeningAnswers = screening
    ? (await getVersion(tx, actor, screening.responseId, screening.responseVersion, { project })).answers
    : ((await unlessRefused(findResponse(tx, actor, project.id, "pre-dpia", { project })))?.answers ?? undefined);
  return { [CANVAS_INSTRUMENT_ID]: canvas?.answers, "pre-dpia": screeningAnswers };
}

async function prefill(tx: Tx, actor: Actor, project: ProjectRef, response: ResponseView): Promise<void> {
  const filled = prefillAnswers(depiaInstrument(tx, response.instrumentVersion), response.answers, await sourceAnswers(tx, actor, project));
  if (!filled.length) return;
  const save = (answers: Record<string, unknown>) => unlessRefused(saveAnswers(tx, actor, response.id, answers, { project }));
  if (await save(Object.fromEntries(filled.map((f) => [f.questionId, f.value])))) return;
  // One answer that does not fit must not cost the others: save them one by one (a refused answer stores nothing).
  for (const f of filled) await save({ [f.questionId]: f.value });
}
