import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import { isOrganisationRole, isProjectRole, isRole, ORGANISATION_ROLES, PROJECT_ROLES, type OrganisationRole, type Role } from "../../domain/permissions/roles.ts";
import { segregationConflict } from "../../domain/permissions/segregation.ts";
import { hashPassword, passwordProblem } from "../../platform/auth/passwords.ts";
import { endUserAccess } from "../../platform/auth/sessions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction, lockForUpdate, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";

export const PAGE_SIZE = 25;

function requireUserManagement(actor: Actor): void {
  if (!can(actor, "users.manage")) throw forbidden();
}

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  active: boolean;
  roles: Role[];
}

export async function listUsers(
  deps: Deps,
  actor: Actor,
  options: { page?: number; query?: string } = {},
): Promise<{ items: UserListItem[]; total: number; page: number; pageSize: number }> {
  requireUserManagement(actor);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const query = (options.query ?? "").trim().toLowerCase().slice(0, 100);
  let base = deps.db
    .selectFrom("users")
    .where("organisation_id", "=", actor.organisationId)
    // Service accounts carry the organisation's service tokens; they are managed there, not as people.
    .where((eb) => eb.not(eb.exists(eb.selectFrom("service_accounts").select("service_accounts.user_id").whereRef("service_accounts.user_id", "=", "users.id"))));
  if (query) {
    const like = `%${query.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    base = base.where((eb) => eb.or([eb(eb.fn("lower", ["name"]), "like", like), eb("email", "like", like)]));
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst())?.n ?? 0);
  const users = await base
    .select(["id", "name", "email", "active"])
    .orderBy("name")
    .orderBy("id")
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  const roles = users.length
    ? await deps.db
        .selectFrom("role_assignments")
        .select(["user_id", "role"])
        .where("organisation_id", "=", actor.organisationId)
        .where("project_id", "=", "")
        .where("user_id", "in", users.map((u) => u.id))
        .execute()
    : [];
  return {
    items: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      active: u.active === 1,
      roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role).filter(isRole),
    })),
    total,
    page,
    pageSize: PAGE_SIZE,
  };
}

export interface UserDetail {
  id: string;
  name: string;
  email: string;
  active: boolean;
  assignments: { id: string; role: Role; projectId: string | null; projectTitle: string | null }[];
}

export async function getUser(deps: Deps, actor: Actor, userId: string): Promise<UserDetail> {
  requireUserManagement(actor);
  const user = await deps.db
    .selectFrom("users")
    .select(["id", "name", "email", "active"])
    .where("id", "=", userId)
    .where("organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  if (!user) throw notFound();
  const assignments = await deps.db
    .selectFrom("role_assignments")
    .leftJoin("projects", "projects.id", "role_assignments.project_id")
    .select(["role_assignments.id", "role_assignments.role", "role_assignments.project_id", "projects.title"])
    .where("role_assignments.user_id", "=", userId)
    .where("role_assignments.organisation_id", "=", actor.organisationId)
    .orderBy("role_assignments.project_id")
    .orderBy("role_assignments.role")
    .execute();
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    active: user.active === 1,
    assignments: assignments.flatMap((a) => (isRole(a.role) ? [{ id: a.id, role: a.role, projectId: a.project_id || null, projectTitle: a.title ?? null }] : [])),
  };
}

export const CreateUserInput = z.object({
  name: fields.text(120),
  email: fields.email(),
  password: z.string().min(1, "field.required").max(200, "field.too_long"),
});

async function assertEmailFree(deps: Deps, email: string, exceptUserId?: string): Promise<void> {
  let q = deps.db.selectFrom("users").select("id").where("email", "=", email);
  if (exceptUserId) q = q.where("id", "!=", exceptUserId);
  if (await q.executeTakeFirst()) throw invalid([{ field: "email", messageKey: "user.email_taken" }]);
}

/** The user as it stands, locked until the transaction ends (not found if in another organisation). */
async function lockUser(tx: Tx, actor: Actor, userId: string) {
  const user = await lockForUpdate(tx, tx.db.selectFrom("users").select(["id", "name", "email", "active"]).where("id", "=", userId).where("organisation_id", "=", actor.organisationId)).executeTakeFirst();
  if (!user) throw notFound();
  return { id: user.id, name: user.name, email: user.email, active: user.active === 1 };
}

export async function createUser(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  requireUserManagement(actor);
  const data = parseInput(CreateUserInput, input);
  const problem = passwordProblem(data.password, data.email);
  if (problem) throw invalid([{ field: "password", messageKey: problem }]);
  // Hashing takes a while and reads nothing: done before the write lock is taken.
  const hash = await hashPassword(data.password);
  const id = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await assertEmailFree(tx, data.email);
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("users")
      .values({ id, organisation_id: actor.organisationId, email: data.email, name: data.name, password_hash: hash, locale: "nl", active: 1, created_at: now, updated_at: now })
      .execute();
    await tx.audit({ action: "user.created", entityType: "user", entityId: id, after: { name: data.name, email: data.email } });
  });
  return id;
}

export const UpdateUserInput = z.object({ name: fields.text(120), email: fields.email() });

/** A change through the API: any of name, e-mail and active state, in one transaction. */
export const ChangeUserInput = z.object({ name: fields.text(120).optional(), email: fields.email().optional(), active: z.boolean("field.invalid_choice").optional() });

export async function updateUser(deps: Deps, actor: Actor, userId: string, input: unknown): Promise<void> {
  requireUserManagement(actor);
  const data = parseInput(UpdateUserInput, input);
  await inTransaction(deps, actor, async (tx) => writeUserDetails(tx, actor, await lockUser(tx, actor, userId), data));
}

export async function changeUser(deps: Deps, actor: Actor, userId: string, input: unknown): Promise<void> {
  requireUserManagement(actor);
  const data = parseInput(ChangeUserInput, input);
  await inTransaction(deps, actor, async (tx) => {
    if (data.name !== undefined || data.email !== undefined) {
      const before = await lockUser(tx, actor, userId);
      await writeUserDetails(tx, actor, before, { name: data.name ?? before.name, email: data.email ?? before.email });
    }
    if (data.active !== undefined) await writeUserActive(tx, actor, userId, data.active);
  });
}

async function writeUserDetails(tx: Tx, actor: Actor, before: { id: string; name: string; email: string }, data: { name: string; email: string }): Promise<void> {
  const userId = before.id;
  await assertEmailFree(tx, data.email, userId);
  await tx.db
    .updateTable("users")
    .set({ name: data.name, email: data.email, updated_at: tx.now().toISOString() })
    .where("id", "=", userId)
    .where("organisation_id", "=", actor.organisationId)
    .execute();
  await tx.audit({ action: "user.updated", entityType: "user", entityId: userId, before: { name: before.name, email: before.email }, after: data });
}

export async function setUserActive(deps: Deps, actor: Actor, userId: string, active: boolean): Promise<void> {
  requireUserManagement(actor);
  await inTransaction(deps, actor, (tx) => writeUserActive(tx, actor, userId, active));
}

async function writeUserActive(tx: Tx, actor: Actor, userId: string, active: boolean): Promise<void> {
  if (userId === actor.userId && !active) throw new AppError("rule_refused", "user.cannot_deactivate_self");
  const before = await lockUser(tx, actor, userId);
  if (before.active === active) return;
  await tx.db
    .updateTable("users")
    .set({ active: active ? 1 : 0, deactivated_at: active ? null : tx.now().toISOString(), updated_at: tx.now().toISOString() })
    .where("id", "=", userId)
    .where("organisation_id", "=", actor.organisationId)
    .execute();
  // A deactivated user's sessions and tokens end for good: reactivation revives nothing.
  const ended = active ? null : await endUserAccess(tx.db, userId, tx.now());
  await tx.audit({
    action: active ? "user.activated" : "user.deactivated",
    entityType: "user",
    entityId: userId,
    before: { active: before.active },
    after: { active, ...(ended ? { sessionsEnded: ended.sessions, tokensRevoked: ended.tokens } : {}) },
  });
}

export const ResetPasswordInput = z.object({ password: z.string().min(1, "field.required").max(200, "field.too_long") });

export async function resetPassword(deps: Deps, actor: Actor, userId: string, input: unknown): Promise<void> {
  requireUserManagement(actor);
  const { password } = parseInput(ResetPasswordInput, input);
  // The e-mail address only serves the "not like your e-mail" rule; the hash is made before the write lock.
  const email = (await getUser(deps, actor, userId)).email;
  const problem = passwordProblem(password, email);
  if (problem) throw invalid([{ field: "password", messageKey: problem }]);
  const hash = await hashPassword(password);
  await inTransaction(deps, actor, async (tx) => {
    await lockUser(tx, actor, userId);
    await tx.db.updateTable("users").set({ password_hash: hash, updated_at: tx.now().toISOString() }).where("id", "=", userId).where("organisation_id", "=", actor.organisationId).execute();
    // Whoever held the old password is logged out everywhere, and the user's API tokens end.
    const ended = await endUserAccess(tx.db, userId, tx.now());
    await tx.audit({ action: "user.password_reset", entityType: "user", entityId: userId, after: { sessionsEnded: ended.sessions, tokensRevoked: ended.tokens } });
  });
}

export const AssignRoleInput = z.object({
  role: z.enum([...ORGANISATION_ROLES, ...PROJECT_ROLES], "field.invalid_choice"),
  projectId: z
    .string()
    .trim()
    .max(64, "field.too_long")
    .optional()
    .transform((v) => v || ""),
});

export async function assignRole(deps: Deps, actor: Actor, userId: string, input: unknown): Promise<string> {
  requireUserManagement(actor);
  const { role, projectId } = parseInput(AssignRoleInput, input);
  if (isOrganisationRole(role) && projectId) throw invalid([{ field: "projectId", messageKey: "role.org_role_no_project" }]);
  if (isProjectRole(role) && !projectId) throw invalid([{ field: "projectId", messageKey: "role.project_required" }]);
  // Nobody gives themselves a role: an administrator cannot step into a project or an oversight line alone.
  if (userId === actor.userId) throw new AppError("forbidden", role === "admin" ? "role.no_self_admin" : "role.no_self_assign");
  const id = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await lockUser(tx, actor, userId);
    if (isOrganisationRole(role)) await assertSegregation(tx, actor, userId, role);
    if (projectId) {
      const project = await tx.db.selectFrom("projects").select("id").where("id", "=", projectId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
      if (!project) throw invalid([{ field: "projectId", messageKey: "role.project_unknown" }]);
    }
    const existing = await tx.db
      .selectFrom("role_assignments")
      .select("id")
      .where("user_id", "=", userId)
      .where("role", "=", role)
      .where("project_id", "=", projectId)
      .executeTakeFirst();
    if (existing) throw new AppError("conflict", "role.already_assigned");
    await tx.db
      .insertInto("role_assignments")
      .values({ id, organisation_id: actor.organisationId, user_id: userId, role, project_id: projectId, created_at: tx.now().toISOString(), created_by: actor.userId })
      .execute();
    await tx.audit({ action: "role.assigned", entityType: "user", entityId: userId, after: { role, projectId: projectId || null } });
  });
  return id;
}

export async function removeRole(deps: Deps, actor: Actor, assignmentId: string): Promise<void> {
  requireUserManagement(actor);
  await inTransaction(deps, actor, async (tx) => {
    const assignment = await lockForUpdate(
      tx,
      tx.db.selectFrom("role_assignments").select(["id", "user_id", "role", "project_id"]).where("id", "=", assignmentId).where("organisation_id", "=", actor.organisationId),
    ).executeTakeFirst();
    if (!assignment) throw notFound();
    if (assignment.role === "admin") await assertNotLastAdmin(tx, actor);
    await tx.db.deleteFrom("role_assignments").where("id", "=", assignmentId).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "role.removed", entityType: "user", entityId: assignment.user_id, before: { role: assignment.role, projectId: assignment.project_id || null } });
  });
}

/** Who manages the application does not also oversee it: admin and a 3rd-line or committee role never go together. */
async function assertSegregation(tx: Tx, actor: Actor, userId: string, role: OrganisationRole): Promise<void> {
  const held = await tx.db
    .selectFrom("role_assignments")
    .select("role")
    .where("user_id", "=", userId)
    .where("organisation_id", "=", actor.organisationId)
    .where("project_id", "=", "")
    .execute();
  const roles = [...held.map((r) => r.role).filter(isOrganisationRole), role];
  if (segregationConflict(roles)) throw new AppError("rule_refused", "role.segregation");
}

/** Refuses to take away the last active administrator; the admin rows stay locked so two removals cannot pass each other. */
async function assertNotLastAdmin(tx: Tx, actor: Actor): Promise<void> {
  const admins = await lockForUpdate(
    tx,
    tx.db
      .selectFrom("role_assignments")
      .innerJoin("users", "users.id", "role_assignments.user_id")
      .select("role_assignments.id")
      .where("role_assignments.organisation_id", "=", actor.organisationId)
      .where("role_assignments.role", "=", "admin")
      .where("users.active", "=", 1),
  ).execute();
  if (admins.length <= 1) throw new AppError("rule_refused", "role.last_admin");
}

export async function listProjectsForRoles(deps: Deps, actor: Actor): Promise<{ id: string; title: string }[]> {
  requireUserManagement(actor);
  return deps.db
    .selectFrom("projects")
    .select(["id", "title"])
    .where("organisation_id", "=", actor.organisationId)
    .orderBy("title")
    .execute();
}
