import { z } from "zod";
import type { Phase } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { lockProjectForActor } from "./access.ts";
import type { ProjectRef } from "./extension-points.ts";
import { LIMITS } from "./fields.ts";
import { nameOf, requireEditable } from "./project-rows.ts";

export const EvaluationInput = z.object({ text: fields.text(LIMITS.evaluation) });

/** Owner or lead record how the project went, in execution or evaluation; the step to closed needs it. */
export async function recordEvaluation(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireEditable(actor, project);
    if (project.phase !== "execution" && project.phase !== "evaluation") throw new AppError("rule_refused", "projects.evaluation.wrong_phase");
    const data = parseInput(EvaluationInput, input);
    const recordedBy = { userId: actor.userId, name: await nameOf(tx.db, actor) };
    return writeEvaluation(tx, project, { phase: project.phase, text: data.text, recordedBy, at: tx.now().toISOString() });
  });
}

/** Stores an evaluation and its audit event; also the demo's way of writing its history. */
export async function writeEvaluation(
  tx: Tx,
  project: Pick<ProjectRef, "id" | "organisationId">,
  e: { phase: Phase; text: string; recordedBy: { userId: string; name: string }; at: string },
  extra: Record<string, unknown> = {},
): Promise<string> {
  const id = tx.newId();
  await tx.db
    .insertInto("project_evaluations")
    .values({ id, organisation_id: project.organisationId, project_id: project.id, phase: e.phase, text: e.text, recorded_by: e.recordedBy.userId, recorded_by_name: e.recordedBy.name, recorded_at: e.at })
    .execute();
  await tx.audit({ action: "project.evaluation_recorded", entityType: "project", entityId: project.id, after: { phase: e.phase, text: e.text, ...extra } });
  return id;
}
