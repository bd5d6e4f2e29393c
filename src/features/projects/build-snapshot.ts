// The gate snapshot: everything the gate rules look at. This feature fills
// the phase, the latest decision, the supplier and the evaluation, then asks
// every other feature for its part, then applies the material changes
// recorded since the screening. Handed a Tx, it reads inside that transaction.
import { applyMaterialChange, type GateDecision, type ProjectSnapshot } from "../../domain/lifecycle/index.ts";
import type { Deps } from "../../platform/deps.ts";
import type { ProjectRef } from "./extension-points.ts";
import { asPhase, materialChangesOf, type MaterialChangeRecord } from "./project-rows.ts";

/** Starts from an empty snapshot, fills what this feature knows, then asks every other feature for its part. */
export async function buildSnapshot(deps: Deps, project: ProjectRef): Promise<ProjectSnapshot> {
  const [latest] = await deps.db
    .selectFrom("gate_decisions")
    .select(["decision", "phase", "decided_at"])
    .where("organisation_id", "=", project.organisationId)
    .where("project_id", "=", project.id)
    .orderBy("decided_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .execute();
  const evaluation = await deps.db
    .selectFrom("project_evaluations")
    .select("recorded_at")
    .where("organisation_id", "=", project.organisationId)
    .where("project_id", "=", project.id)
    .orderBy("recorded_at", "desc")
    .limit(1)
    .executeTakeFirst();
  const snapshot: ProjectSnapshot = {
    phase: asPhase(project.phase),
    canvas: { status: "not_started" },
    expertAdvice: { status: "none" },
    latestDecision: latest ? { decision: latest.decision as GateDecision, phase: asPhase(latest.phase), on: latest.decided_at } : null,
    screening: { status: "not_done" },
    depia: { exists: false },
    supplier: project.supplierInvolved ? { involved: true, contractSignedOff: false } : { involved: false },
    openDeliberations: 0,
    measures: { total: 0, doneOrExplained: 0 },
    evaluation: evaluation ? { recorded: true, on: evaluation.recorded_at } : { recorded: false },
  };
  for (const contribute of deps.extensions.get("snapshotContributors")) await contribute(deps, project, snapshot);
  return applyRecordedChanges(snapshot, await materialChangesOf(deps.db, project.organisationId, project.id));
}

/** A material change recorded after the screening reopens it; while there is no screening, nothing changes. */
function applyRecordedChanges(snapshot: ProjectSnapshot, changes: MaterialChangeRecord[]): ProjectSnapshot {
  const since = snapshot.screening.status === "done" || snapshot.screening.status === "reopened" ? snapshot.screening.on : null;
  if (since === null) return snapshot;
  let result = snapshot;
  for (const change of [...changes].reverse()) {
    if (change.reopensScreening && change.recordedAt > since) result = applyMaterialChange(result, change.kind, change.recordedAt.slice(0, 10));
  }
  return result;
}
