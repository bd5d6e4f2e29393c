import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject, canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { readJsonAs } from "../../platform/db/json-columns.ts";
import { buildSnapshot } from "../projects/build-snapshot.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { addMonths, defaultCadence, type Cadence } from "./model.ts";
import { latestEvaluationInstrument } from "./record-periodic-evaluation.ts";

export interface PeriodicEvaluationView {
  id: string;
  phase: string;
  answers: Record<string, string>;
  needsAttention: boolean;
  materialChange: string | null;
  recordedByName: string;
  recordedAt: string;
}

export interface EvaluationOverview {
  project: ProjectRef;
  instrument: Instrument;
  cadence: { months: number; fromRisk: Cadence; chosen: boolean };
  /** Only while the project is in execution. */
  nextDue: string | null;
  overdue: boolean;
  items: PeriodicEvaluationView[];
  mayRecord: boolean;
  maySetCadence: boolean;
}

/** A project's periodic evaluations, its rhythm and when the next is due, for whoever may see the project. */
export async function evaluationOverview(deps: Deps, actor: Actor, projectId: string): Promise<EvaluationOverview> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const rows = await deps.db.selectFrom("periodic_evaluations").selectAll().where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).orderBy("recorded_at", "desc").execute();
  const chosen = await deps.db.selectFrom("evaluation_cadences").select("months").where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).executeTakeFirst();
  const fromRisk = defaultCadence(await buildSnapshot(deps, project));
  const months = chosen?.months ?? fromRisk;
  const today = deps.now().toISOString().slice(0, 10);
  let nextDue: string | null = null;
  if (project.phase === "execution") {
    const started = await deps.db.selectFrom("gate_decisions").select("decided_at").where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).where("to_phase", "=", "execution").orderBy("decided_at", "desc").executeTakeFirst();
    const from = rows[0]?.recorded_at ?? started?.decided_at ?? today;
    nextDue = addMonths(from, months);
  }
  const active = project.phase === "execution" || project.phase === "evaluation";
  return {
    project,
    instrument: latestEvaluationInstrument(deps),
    cadence: { months, fromRisk, chosen: !!chosen },
    nextDue,
    overdue: nextDue !== null && nextDue < today,
    items: rows.map((r) => ({ id: r.id, phase: r.phase, answers: readJsonAs<Record<string, string>>(r.answers_json, {}), needsAttention: r.needs_attention === 1, materialChange: r.material_change, recordedByName: r.recorded_by_name, recordedAt: r.recorded_at })),
    mayRecord: active && canWorkOnProject(actor, project.id),
    maySetCadence: active && canEditProject(actor, project.id),
  };
}

/** What the gates need of the periodic evaluations of many projects of one organisation, in one statement. */
export async function evaluationFactsMany(deps: Deps, projects: readonly Pick<ProjectRef, "id" | "organisationId">[]): Promise<Map<string, { inExecution: number; finalOn: string | null }>> {
  const out = new Map<string, { inExecution: number; finalOn: string | null }>(projects.map((p) => [p.id, { inExecution: 0, finalOn: null }]));
  if (projects.length === 0) return out;
  const rows = await deps.db
    .selectFrom("periodic_evaluations")
    .select(["project_id", "phase", "recorded_at"])
    .where("organisation_id", "=", projects[0]!.organisationId)
    .where("project_id", "in", projects.map((p) => p.id))
    .orderBy("recorded_at", "desc")
    .execute();
  for (const r of rows) {
    const facts = out.get(r.project_id)!;
    if (r.phase === "execution") facts.inExecution++;
    else if (r.phase === "evaluation" && !facts.finalOn) facts.finalOn = r.recorded_at.slice(0, 10);
  }
  return out;
}
