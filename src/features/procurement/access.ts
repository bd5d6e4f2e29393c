// How the procurement use cases open a contract: always in the actor's
// organisation, through its project (not found when the actor may not see the
// project), and locked — project first, then the contract — in a use case that
// decides on it. Within this feature only.
import { isFinal, isPhase } from "../../domain/lifecycle/index.ts";
import { type Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import type { Db } from "../../platform/db/schema.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { lockForUpdate, type Tx } from "../../platform/transaction.ts";
import { loadProjectForActor, lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { DEFAULT_SECOND_SIGNER, SECOND_SIGNERS, type SecondSigner } from "./model.ts";
import type { ContractTable } from "./schema.ts";

export type ContractRow = ContractTable;

function contractQuery(db: Db, organisationId: string, contractId: string) {
  return db.selectFrom("contracts").selectAll().where("id", "=", contractId).where("organisation_id", "=", organisationId);
}

/** A contract the actor may see, with its project. */
export async function openContract(deps: Deps, actor: Actor, contractId: string): Promise<{ row: ContractRow; project: ProjectRef }> {
  const row = await contractQuery(deps.db, actor.organisationId, contractId).executeTakeFirst();
  if (!row) throw notFound();
  return { row, project: await loadProjectForActor(deps.db, actor, row.project_id) };
}

/** The same inside a use case that decides on it: the project and then the contract stay locked until the transaction ends. */
export async function lockContract(tx: Tx, actor: Actor, contractId: string): Promise<{ row: ContractRow; project: ProjectRef }> {
  const first = await tx.db.selectFrom("contracts").select("project_id").where("id", "=", contractId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  if (!first) throw notFound();
  const project = await lockProjectForActor(tx, actor, first.project_id);
  const row = await lockForUpdate(tx, contractQuery(tx.db, actor.organisationId, contractId)).executeTakeFirst();
  if (!row) throw notFound();
  return { row, project };
}

export function isActiveProject(project: ProjectRef): boolean {
  return !(isPhase(project.phase) && isFinal(project.phase));
}

/** Owner and lead keep the project's contracts, while the project runs. */
export function mayKeepContracts(actor: Actor, project: ProjectRef): boolean {
  return canEditProject(actor, project.id) && isActiveProject(project);
}

export function requireKeeper(actor: Actor, project: ProjectRef): void {
  if (!canEditProject(actor, project.id)) throw new AppError("forbidden", "procurement.only_team");
  if (!isActiveProject(project)) throw new AppError("rule_refused", "procurement.project_final");
}

/** A change to a contract: by its keepers, on an active contract, on the revision the person saw. */
export function requireChangeable(actor: Actor, project: ProjectRef, row: ContractRow, expectedRevision?: number): void {
  requireKeeper(actor, project);
  if (row.status !== "active") throw new AppError("rule_refused", "procurement.withdrawn");
  if (expectedRevision !== undefined && expectedRevision !== row.revision) throw new AppError("conflict", "procurement.changed_meanwhile");
}

/** Who signs off beside the jurist in this organisation. */
export async function secondSignerOf(deps: Deps, organisationId: string): Promise<SecondSigner> {
  const row = await deps.db.selectFrom("procurement_settings").select("second_signer").where("organisation_id", "=", organisationId).executeTakeFirst();
  return (SECOND_SIGNERS as readonly string[]).includes(row?.second_signer ?? "") ? (row!.second_signer as SecondSigner) : DEFAULT_SECOND_SIGNER;
}

export async function userName(deps: Deps, actor: Actor): Promise<string> {
  const row = await deps.db.selectFrom("users").select("name").where("id", "=", actor.userId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  return row?.name ?? actor.name;
}
