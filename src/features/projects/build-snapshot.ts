// The gate snapshot: everything the gate rules look at. This feature fills
// the phase, the latest decision, the supplier and the evaluation, then asks
// every other feature for its part, then applies the material changes
// recorded since the screening. Handed a Tx, it reads inside that transaction.
// `buildSnapshots` does the same for a list of projects in a fixed number of
// statements (each contributor's batch form), so a page of a list costs the
// same whatever the number of projects in the organisation.
import { applyMaterialChange, type GateDecision, type ProjectSnapshot } from "../../domain/lifecycle/index.ts";
import type { Deps } from "../../platform/deps.ts";
import type { ProjectRef, SnapshotContributor } from "./extension-points.ts";
import { asPhase, type MaterialChangeRecord } from "./project-rows.ts";
import type { MaterialChangeKind } from "../../domain/lifecycle/index.ts";

/** Starts from an empty snapshot, fills what this feature knows, then asks every other feature for its part. */
export async function buildSnapshot(deps: Deps, project: ProjectRef): Promise<ProjectSnapshot> {
  const snapshots = await buildSnapshots(deps, [project], true);
  return snapshots.get(project.id)!;
}

/** The snapshots of projects of one organisation, by id, in a number of statements that does not grow with the list. */
export async function buildSnapshots(deps: Deps, projects: readonly ProjectRef[], single = false): Promise<Map<string, ProjectSnapshot>> {
  const snapshots = new Map<string, ProjectSnapshot>();
  if (projects.length === 0) return snapshots;
  const organisationId = projects[0]!.organisationId;
  if (projects.some((p) => p.organisationId !== organisationId)) throw new Error("buildSnapshots: projects of one organisation only");
  const ids = projects.map((p) => p.id);
  const [decisions, evaluations, changes] = await Promise.all([latestDecisions(deps, organisationId, ids), latestEvaluations(deps, organisationId, ids), materialChangesOfMany(deps, organisationId, ids)]);
  for (const project of projects) {
    const latest = decisions.get(project.id);
    const evaluation = evaluations.get(project.id);
    snapshots.set(project.id, {
      phase: asPhase(project.phase),
      canvas: { status: "not_started" },
      expertAdvice: { status: "none" },
      latestDecision: latest ? { decision: latest.decision as GateDecision, phase: asPhase(latest.phase), on: latest.decided_at } : null,
      screening: { status: "not_done" },
      depia: { exists: false },
      supplier: project.supplierInvolved ? { involved: true, contractSignedOff: false } : { involved: false },
      openDeliberations: 0,
      measures: { total: 0, doneOrExplained: 0 },
      evaluation: evaluation ? { recorded: true, on: evaluation } : { recorded: false },
    });
  }
  for (const contributor of deps.extensions.get("snapshotContributors")) await contribute(deps, contributor, projects, snapshots, single);
  for (const project of projects) snapshots.set(project.id, applyRecordedChanges(snapshots.get(project.id)!, changes.get(project.id) ?? []));
  return snapshots;
}

async function contribute(deps: Deps, contributor: SnapshotContributor, projects: readonly ProjectRef[], snapshots: Map<string, ProjectSnapshot>, single: boolean): Promise<void> {
  if (typeof contributor !== "function") {
    if (single && contributor.one) await contributor.one(deps, projects[0]!, snapshots.get(projects[0]!.id)!);
    else await contributor.many(deps, projects, snapshots);
    return;
  }
  // A contributor without a batch form: once per project (correct, but not constant in cost).
  for (const project of projects) await contributor(deps, project, snapshots.get(project.id)!);
}

async function latestDecisions(deps: Deps, organisationId: string, ids: string[]) {
  const rows = await deps.db
    .selectFrom("gate_decisions")
    .select(["project_id", "decision", "phase", "decided_at"])
    .where("organisation_id", "=", organisationId)
    .where("project_id", "in", ids)
    .orderBy("decided_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.project_id)) latest.set(r.project_id, r);
  return latest;
}

async function latestEvaluations(deps: Deps, organisationId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await deps.db
    .selectFrom("project_evaluations")
    .select(["project_id", (eb) => eb.fn.max("recorded_at").as("on")])
    .where("organisation_id", "=", organisationId)
    .where("project_id", "in", ids)
    .groupBy("project_id")
    .execute();
  return new Map(rows.map((r) => [r.project_id, String(r.on)]));
}

/** Material changes of several projects, newest first per project. */
export async function materialChangesOfMany(deps: Deps, organisationId: string, ids: string[]): Promise<Map<string, MaterialChangeRecord[]>> {
  const rows = await deps.db
    .selectFrom("material_changes")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("project_id", "in", ids)
    .orderBy("recorded_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const out = new Map<string, MaterialChangeRecord[]>();
  for (const r of rows) {
    const list = out.get(r.project_id) ?? [];
    list.push({ id: r.id, kind: r.kind as MaterialChangeKind, description: r.description, reopensScreening: r.reopens_screening === 1, recordedAt: r.recorded_at });
    out.set(r.project_id, list);
  }
  return out;
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
