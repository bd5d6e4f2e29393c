// The assessments part of the gate snapshot for a list of projects, in a
// fixed number of statements: the latest screening and the DEPIA's state.
import type { DepiaState, ProjectSnapshot } from "../../domain/lifecycle/snapshot.ts";
import type { Deps } from "../../platform/deps.ts";
import type { BatchSnapshotContributor, ProjectRef } from "../projects/extension-points.ts";
import { depiaState } from "./depia.ts";
import { stateOf, type DepiaRecords } from "./depia-records.ts";
import { toRisk, type Risk } from "./risk-register.ts";
import type { ReviewerRole } from "./rules.ts";
import { screeningRecordsOf } from "./screening.ts";

export const assessmentsSnapshot: BatchSnapshotContributor = {
  async one(deps, project, snapshot) {
    const [current] = await screeningRecordsOf(deps, project.organisationId, project.id);
    // A material change after this moment reopens it: the projects feature applies those after all contributors.
    if (current) snapshot.screening = { status: "done", outcome: current.effectiveOutcome, on: current.completedAt };
    snapshot.depia = await depiaState(deps, project.organisationId, project.id);
  },
  async many(deps, projects, snapshots) {
    const organisationId = projects[0]!.organisationId;
    const ids = projects.map((p) => p.id);
    await Promise.all([latestScreenings(deps, organisationId, ids, snapshots), depiaStates(deps, organisationId, ids, snapshots)]);
  },
};

async function latestScreenings(deps: Deps, organisationId: string, ids: string[], snapshots: ReadonlyMap<string, ProjectSnapshot>) {
  const rows = await deps.db
    .selectFrom("screenings")
    .select(["project_id", "outcome", "fg_decision", "fg_outcome", "completed_at"])
    .where("organisation_id", "=", organisationId)
    .where("project_id", "in", ids)
    .orderBy("completed_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.project_id)) continue;
    seen.add(r.project_id);
    const outcome = (r.fg_decision === "overruled" && r.fg_outcome ? r.fg_outcome : r.outcome) as "required" | "not_required" | "advised";
    snapshots.get(r.project_id)!.screening = { status: "done", outcome: outcome as never, on: r.completed_at };
  }
}

/** Only what the state needs of each DEPIA: versions, reviews' overall verdicts, acceptances, consultations and the risks' residual levels. */
async function depiaStates(deps: Deps, organisationId: string, ids: string[], snapshots: ReadonlyMap<string, ProjectSnapshot>) {
  const depias = await deps.db.selectFrom("depias").select(["id", "project_id", "response_id", "created_at"]).where("organisation_id", "=", organisationId).where("project_id", "in", ids).execute();
  if (depias.length === 0) return;
  const depiaIds = depias.map((d) => d.id);
  const withProjects = depias.map((d) => d.project_id);
  const [versions, reviews, acceptances, consultations, risks] = await Promise.all([
    deps.db.selectFrom("depia_versions").select(["depia_id", "number", "submitted_at"]).where("organisation_id", "=", organisationId).where("depia_id", "in", depiaIds).orderBy("number").execute(),
    deps.db.selectFrom("depia_reviews").select(["id", "depia_id", "version_number", "reviewer_role", "overall", "given_at"]).where("organisation_id", "=", organisationId).where("depia_id", "in", depiaIds).orderBy("version_number").orderBy("given_at").execute(),
    deps.db.selectFrom("residual_acceptances").select(["depia_id", "version_number", "accepted_at"]).where("organisation_id", "=", organisationId).where("depia_id", "in", depiaIds).orderBy("accepted_at").execute(),
    deps.db.selectFrom("ap_consultations").select(["depia_id", "consulted_on"]).where("organisation_id", "=", organisationId).where("depia_id", "in", depiaIds).orderBy("recorded_at").execute(),
    deps.db.selectFrom("risks").selectAll().where("organisation_id", "=", organisationId).where("project_id", "in", withProjects).orderBy("number").execute(),
  ]);
  for (const d of depias) {
    const records: DepiaRecords = {
      id: d.id,
      projectId: d.project_id,
      responseId: d.response_id,
      createdAt: d.created_at,
      versions: versions.filter((v) => v.depia_id === d.id).map((v) => ({ number: v.number, responseVersion: 0, changedSections: [], risks: [], note: "", submittedByName: "", submittedAt: v.submitted_at })),
      reviews: reviews
        .filter((r) => r.depia_id === d.id)
        .map((r) => ({ id: r.id, version: r.version_number, role: r.reviewer_role as ReviewerRole, reviewerName: "", overall: r.overall as never, advice: "", givenAt: r.given_at, sections: [] })),
      acceptances: acceptances.filter((a) => a.depia_id === d.id).map((a) => ({ id: "", version: a.version_number, statement: "", acceptedByName: "", acceptedAt: a.accepted_at })),
      consultations: consultations.filter((c) => c.depia_id === d.id).map((c) => ({ id: "", consultedOn: c.consulted_on, reference: "", outcome: "", recordedByName: "", recordedAt: "" })),
      requiredReviewers: [],
    };
    const projectRisks: Risk[] = risks.filter((r) => r.project_id === d.project_id).map((r) => toRisk(r, []));
    const state: DepiaState = stateOf(records, projectRisks);
    snapshots.get(d.project_id)!.depia = state;
  }
}

export type { ProjectRef };
