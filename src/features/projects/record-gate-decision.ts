import { z } from "zod";
import { applyGateDecision, GATE_DECISIONS, PHASES, type GateDecision, type GateReadiness, type Phase } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { lockProjectForActor } from "./access.ts";
import { buildSnapshot } from "./build-snapshot.ts";
import type { ProjectRef } from "./extension-points.ts";
import { LIMITS } from "./fields.ts";
import { nameOf, rolesOnProject } from "./project-rows.ts";
import { GATE_REFUSALS } from "./readiness-text.ts";

export const GateDecisionInput = z.object({
  decision: z.enum(GATE_DECISIONS as readonly [GateDecision, ...GateDecision[]], "projects.gate.decision_required"),
  rationale: fields.text(LIMITS.rationale),
  /** The phase the decider saw (the form sends it): when the project has moved on since, the decision is a conflict. */
  expectedPhase: z.enum(PHASES as readonly [Phase, ...Phase[]], "field.invalid_choice").optional(),
});

/** A refused gate decision; `readiness` holds the same list of what is missing that the project page shows. */
export class GateRefusedError extends AppError {
  readonly readiness: GateReadiness;
  constructor(code: "rule_refused" | "forbidden" | "validation", messageKey: MessageKey, readiness: GateReadiness, params: Record<string, string | number> = {}) {
    super(code, messageKey, { params, fieldErrors: [{ field: "decision", messageKey, params }] });
    this.readiness = readiness;
  }
}

/** A decision as it is stored: by whom, when, and the readiness of that moment. */
export interface GateDecisionRecordInput {
  from: Phase;
  to: Phase;
  decision: GateDecision;
  rationale: string;
  decidedBy: { userId: string; name: string };
  at: string;
  readiness: GateReadiness;
}

/**
 * The owner decides at the gate: go (only when ready), adjust (stay and rework)
 * or stop (final). One transaction with the project locked from the first read:
 * the readiness, the check and the write see one state, and a second decision
 * at the same moment finds the phase changed. The decision keeps the readiness
 * report of that moment.
 */
export async function recordGateDecision(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<{ id: string; from: Phase; to: Phase }> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    const raw = (input ?? {}) as Record<string, unknown>;
    if (typeof raw.expectedPhase === "string" && raw.expectedPhase !== "" && raw.expectedPhase !== project.phase) {
      throw new AppError("conflict", "projects.gate.changed_meanwhile");
    }
    const result = applyGateDecision(await buildSnapshot(tx, project), String(raw.decision ?? "") as GateDecision, rolesOnProject(actor, project.id));
    if (!result.ok) {
      const [code, key] = GATE_REFUSALS[result.code];
      throw new GateRefusedError(code, key, result.readiness, { count: result.readiness.missing.length });
    }
    const data = parseInput(GateDecisionInput, input);
    const decidedBy = { userId: actor.userId, name: await nameOf(tx.db, actor) };
    return writeGateDecision(tx, project, { from: result.from, to: result.to, decision: result.decision, rationale: data.rationale, decidedBy, at: tx.now().toISOString(), readiness: result.readiness });
  });
}

/**
 * Stores a decision the rules allowed: the project moves to its new phase
 * (only from the phase decided on, or it is a conflict), the decision is kept
 * with its readiness, and the audit log says so. Also the demo's way of
 * writing its history (with `extra` marking the events as demo data).
 */
export async function writeGateDecision(tx: Tx, project: Pick<ProjectRef, "id" | "organisationId">, d: GateDecisionRecordInput, extra: Record<string, unknown> = {}): Promise<{ id: string; from: Phase; to: Phase }> {
  const moved = await tx.db
    .updateTable("projects")
    .set({
      phase: d.to,
      updated_at: d.at,
      ...(d.to === "stopped" ? { stopped_reason: d.rationale, stopped_at: d.at } : {}),
      ...(d.to === "closed" ? { closed_at: d.at } : {}),
    })
    .where("id", "=", project.id)
    .where("organisation_id", "=", project.organisationId)
    .where("phase", "=", d.from)
    .executeTakeFirst();
  // Someone else decided in the meantime: nothing is stored, the owner looks again.
  if (Number(moved.numUpdatedRows) !== 1) throw new AppError("conflict", "projects.gate.changed_meanwhile");
  const id = tx.newId();
  await tx.db
    .insertInto("gate_decisions")
    .values({
      id,
      organisation_id: project.organisationId,
      project_id: project.id,
      phase: d.from,
      decision: d.decision,
      to_phase: d.to,
      rationale: d.rationale,
      decided_by: d.decidedBy.userId,
      decided_by_name: d.decidedBy.name,
      decided_at: d.at,
      readiness_json: JSON.stringify(d.readiness),
    })
    .execute();
  await tx.audit({
    action: "project.gate_decision",
    entityType: "project",
    entityId: project.id,
    before: { phase: d.from },
    after: { phase: d.to, decision: d.decision, rationale: d.rationale, ready: d.readiness.ready, missing: d.readiness.missing.map((m) => m.key), ...extra },
  });
  return { id, from: d.from, to: d.to };
}
