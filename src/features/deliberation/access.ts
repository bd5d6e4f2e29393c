import { hasProjectRole, isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { lockForUpdate } from "../../platform/transaction.ts";
import "./schema.ts";

export const isAdvisor = (actor: Actor) => actor.organisationRoles.has("ethics_advisor");

/** A facilitator opens a session: the ethics advisor, or a project lead for their own project. */
export function canOpenDeliberation(actor: Actor, projectId: string | null): boolean {
  return isAdvisor(actor) || (!!projectId && hasProjectRole(actor, projectId, ["lead"]));
}

interface Row {
  facilitator_id: string;
  project_id: string | null;
  id: string;
}

export function canManage(actor: Actor, d: Row): boolean {
  return isAdvisor(actor) || d.facilitator_id === actor.userId || (!!d.project_id && hasProjectRole(actor, d.project_id, ["lead"]));
}

/** Who manages it, who holds a role in its project, and its participants with an account. */
export async function canView(deps: Deps, actor: Actor, d: Row): Promise<boolean> {
  if (canManage(actor, d)) return true;
  if (d.project_id && isInvolvedIn(actor, d.project_id)) return true;
  const p = await deps.db.selectFrom("deliberation_participants").select("id").where("deliberation_id", "=", d.id).where("user_id", "=", actor.userId).executeTakeFirst();
  return !!p;
}

function rowQuery(deps: Deps, actor: Actor, id: string) {
  return deps.db.selectFrom("deliberations").selectAll().where("id", "=", id).where("organisation_id", "=", actor.organisationId);
}

export type DeliberationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof rowQuery>["executeTakeFirst"]>>>;

/** A deliberation the actor may see; anything else is not found. */
export async function loadRow(deps: Deps, actor: Actor, id: string): Promise<DeliberationRow> {
  const d = await rowQuery(deps, actor, id).executeTakeFirst();
  if (!d || !(await canView(deps, actor, d))) throw notFound();
  return d;
}

/** The same inside a use case that changes it: the row stays locked until the transaction ends. */
export async function lockRow(tx: Deps, actor: Actor, id: string): Promise<DeliberationRow> {
  const d = await lockForUpdate(tx, rowQuery(tx, actor, id)).executeTakeFirst();
  if (!d || !(await canView(tx, actor, d))) throw notFound();
  return d;
}

/**
 * A session the actor manages, locked, while it is open. With `finishing`,
 * the session about to be closed or escalated: when it already was (a second
 * click, or someone else at the same moment) that is a conflict.
 */
export async function lockEditable(tx: Deps, actor: Actor, id: string, finishing?: "closed" | "escalated"): Promise<DeliberationRow> {
  const d = await lockRow(tx, actor, id);
  if (!canManage(actor, d)) throw forbidden();
  if (finishing && d.status === finishing) throw new AppError("conflict", finishing === "closed" ? "deliberation.already_closed" : "deliberation.already_escalated");
  if (d.status !== "open") throw new AppError("rule_refused", "deliberation.not_open");
  return d;
}

/** Refuses a user id outside the organisation, as an error on `field`. */
export async function assertPerson(deps: Deps, organisationId: string, userId: string | null, field: string): Promise<void> {
  if (!userId) return;
  const u = await deps.db.selectFrom("users").select("id").where("id", "=", userId).where("organisation_id", "=", organisationId).executeTakeFirst();
  if (!u) throw invalid([{ field, messageKey: "deliberation.user_unknown" }]);
}
