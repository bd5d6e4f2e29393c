// Reading contracts: one contract with everything on it, a project's
// contracts, the overview with what waits for the reader, and the supplier's
// part of the gate snapshot.
import type { SupplierState } from "../../domain/lifecycle/snapshot.ts";
import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { canViewProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { risksOf } from "../assessments/risks.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { isActiveProject, mayKeepContracts, openContract, type ContractRow } from "./access.ts";
import { contractFacts, type ContractFacts } from "./facts.ts";
import { PROCEDURES, SIGNER_ROLES, VALUE_BANDS, type ContractSummary, type ContractView, type Procedure, type Slot, type SupplierMeasureChoice, type ValueBand } from "./model.ts";
import { everSigned } from "./remove-contract.ts";
import { openSlotsFor } from "./rules.ts";
import { projectMeasures } from "./sources.ts";

function summaryOf(facts: ContractFacts, projectTitle: string): ContractSummary {
  const r = facts.row;
  return {
    id: r.id,
    projectId: r.project_id,
    projectTitle,
    supplier: r.supplier,
    reference: r.reference,
    subject: r.subject,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status === "withdrawn" ? "withdrawn" : "active",
    state: facts.state,
    openPoints: facts.openPoints,
    totalPoints: facts.points.length,
    signedOffOn: facts.signedOffOn,
    reopened: facts.reopened,
    updatedAt: r.updated_at,
  };
}

/** Whether the actor holds a role that signs contracts off. */
export function isSigner(actor: Actor): boolean {
  return SIGNER_ROLES.some((r) => actor.organisationRoles.has(r));
}

/** The places the actor may sign now: a signer without a role in the project, on a contract that is ready. */
function signableSlots(actor: Actor, project: ProjectRef, facts: ContractFacts) {
  if (isInvolvedIn(actor, project.id) || !isActiveProject(project) || facts.state !== "ready") return [];
  return openSlotsFor(actor.organisationRoles as ReadonlySet<string>, actor.userId, facts.slots);
}

async function measureChoices(deps: Deps, row: ContractRow, marked: string[]): Promise<SupplierMeasureChoice[]> {
  const [measures, risks] = await Promise.all([projectMeasures(deps, row.organisation_id, row.project_id), risksOf(deps, row.organisation_id, row.project_id)]);
  return measures.map((m) => ({ id: m.id, title: m.title, status: m.status, marked: marked.includes(m.id), riskLabels: risks.filter((r) => r.measureIds.includes(m.id)).map((r) => r.label) }));
}

/** The people who may fill each place: active, holding one of its roles, and no role in the project. */
async function signersOf(deps: Deps, row: ContractRow, facts: ContractFacts): Promise<{ slot: Slot; names: string[] }[]> {
  const assignments = await deps.db
    .selectFrom("role_assignments")
    .innerJoin("users", "users.id", "role_assignments.user_id")
    .select(["role_assignments.user_id", "role_assignments.role", "role_assignments.project_id", "users.name"])
    .where("role_assignments.organisation_id", "=", row.organisation_id)
    .where("users.active", "=", 1)
    .where((eb) => eb.or([eb("role_assignments.project_id", "=", row.project_id), eb.and([eb("role_assignments.project_id", "=", ""), eb("role_assignments.role", "in", [...SIGNER_ROLES])])]))
    .orderBy("users.name")
    .execute();
  const inProject = new Set(assignments.filter((a) => a.project_id === row.project_id).map((a) => a.user_id));
  return facts.slots.map((s) => ({
    slot: s.slot,
    names: [...new Set(assignments.filter((a) => a.project_id === "" && !inProject.has(a.user_id) && (s.roles as readonly string[]).includes(a.role)).map((a) => a.name))],
  }));
}

/** One contract with its checklist, attention points and sign-offs, and what the viewer may do with it. */
export async function getContract(deps: Deps, actor: Actor, contractId: string): Promise<ContractView> {
  const { row, project } = await openContract(deps, actor, contractId);
  const facts = await contractFacts(deps, row);
  const edit = mayKeepContracts(actor, project) && row.status === "active";
  return {
    ...summaryOf(facts, project.title),
    projectPhase: project.phase,
    valueBand: ((VALUE_BANDS as readonly string[]).includes(row.value_band) ? row.value_band : "below_50k") as ValueBand,
    procedure: ((PROCEDURES as readonly string[]).includes(row.procedure) ? row.procedure : "other") as Procedure,
    revision: row.revision,
    withdrawnReason: row.withdrawn_reason,
    withdrawnAt: row.withdrawn_at,
    checklist: facts.checklist,
    points: facts.points,
    stalePoints: facts.stalePoints,
    slots: facts.slots,
    signers: await signersOf(deps, row, facts),
    earlierSignoffs: facts.earlierSignoffs,
    supplierMeasures: await measureChoices(deps, row, facts.markedMeasureIds),
    createdAt: row.created_at,
    updatedByName: row.updated_by_name,
    may: {
      edit,
      signOff: signableSlots(actor, project, facts),
      involved: isSigner(actor) && isInvolvedIn(actor, project.id),
      delete: edit && !(await everSigned(deps, actor.organisationId, row.id)),
      withdraw: edit,
    },
  };
}

async function contractRowsOf(deps: Deps, organisationId: string, projectId?: string): Promise<ContractRow[]> {
  let q = deps.db.selectFrom("contracts").selectAll().where("organisation_id", "=", organisationId);
  if (projectId !== undefined) q = q.where("project_id", "=", projectId);
  return q.orderBy("status").orderBy("created_at").orderBy("id").execute();
}

/** A project's contracts, active ones first. */
export async function listContracts(deps: Deps, actor: Actor, projectId: string): Promise<ContractSummary[]> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const rows = await contractRowsOf(deps, actor.organisationId, project.id);
  return Promise.all(rows.map(async (row) => summaryOf(await contractFacts(deps, row), project.title)));
}

export interface ContractOverview {
  /** Ready contracts the actor may sign now. */
  waitingForMe: ContractSummary[];
  /** Every other contract the actor may see. */
  others: ContractSummary[];
}

/** Every contract the actor may see, with those waiting for their sign-off apart. */
export async function contractOverview(deps: Deps, actor: Actor): Promise<ContractOverview> {
  const rows = (await contractRowsOf(deps, actor.organisationId)).filter((r) => canViewProject(actor, r.project_id));
  const projects = new Map<string, ProjectRef>();
  const out: ContractOverview = { waitingForMe: [], others: [] };
  for (const row of rows) {
    const project = projects.get(row.project_id) ?? (await loadProjectForActor(deps.db, actor, row.project_id));
    projects.set(project.id, project);
    const facts = await contractFacts(deps, row);
    const summary = summaryOf(facts, project.title);
    if (signableSlots(actor, project, facts).length > 0) out.waitingForMe.push(summary);
    else out.others.push(summary);
  }
  return out;
}

/**
 * The supplier's part of the gate snapshot: signed off when the project has at
 * least one active contract and every active contract is signed off (its
 * checklist complete, no attention point open, every place signed on its
 * current revision). The date is that of the last signature.
 */
export async function supplierState(deps: Deps, project: ProjectRef): Promise<SupplierState> {
  if (!project.supplierInvolved) return { involved: false };
  const rows = (await contractRowsOf(deps, project.organisationId, project.id)).filter((r) => r.status === "active");
  if (rows.length === 0) return { involved: true, contractSignedOff: false };
  const facts = await Promise.all(rows.map((row) => contractFacts(deps, row)));
  if (!facts.every((f) => f.state === "signed_off")) return { involved: true, contractSignedOff: false };
  const dates = facts.map((f) => f.signedOffOn ?? "").sort();
  return { involved: true, contractSignedOff: true, signedOffOn: dates[dates.length - 1]! };
}
