import { z } from "zod";
import { can, type Actor } from "../../domain/permissions/permissions.ts";
import { isOrganisationRole, isProjectRole, isRole, ORGANISATION_ROLES, PROJECT_ROLES, type Role } from "../../domain/permissions/roles.ts";
import { hashPassword, passwordProblem } from "../../platform/auth/passwords.ts";
import { deleteUserSessions } from "../../platform/auth/sessions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
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
  let base = deps.db.selectFrom("users").where("organisation_id", "=", actor.organisationId);
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

export async function createUser(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  requireUserManagement(actor);
  const data = parseInput(CreateUserInput, input);
  const problem = passwordProblem(data.password, data.email);
  if (problem) throw invalid([{ field: "password", messageKey: problem }]);
  await assertEmailFree(deps, data.email);
  const hash = await hashPassword(data.password);
  const id = deps.newId();
  const now = deps.now().toISOString();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("users")
      .values({ id, organisation_id: actor.organisationId, email: data.email, name: data.name, password_hash: hash, locale: "nl", active: 1, created_at: now, updated_at: now })
      .execute();
    await tx.audit({ action: "user.created", entityType: "user", entityId: id, after: { name: data.name, email: data.email } });
  });
  return id;
}

export const UpdateUserInput = z.object({ name: fields.text(120), email: fields.email() });

export async function updateUser(deps: Deps, actor: Actor, userId: string, input: unknown): Promise<void> {
  requireUserManagement(actor);
  const data = parseInput(UpdateUserInput, input);
  const before = await getUser(deps, actor, userId);
  await assertEmailFree(deps, data.email, userId);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .updateTable("users")
      .set({ name: data.name, email: data.email, updated_at: deps.now().toISOString() })
      .where("id", "=", userId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({ action: "user.updated", entityType: "user", entityId: userId, before: { name: before.name, email: before.email }, after: data });
  });
}

export async function setUserActive(deps: Deps, actor: Actor, userId: string, active: boolean): Promise<void> {
  requireUserManagement(actor);
  if (userId === actor.userId && !active) throw new AppError("rule_refused", "user.cannot_deactivate_self");
  const before = await getUser(deps, actor, userId);
  if (before.active === active) return;
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .updateTable("users")
      .set({ active: active ? 1 : 0, updated_at: deps.now().toISOString() })
      .where("id", "=", userId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    if (!active) await deleteUserSessions(tx.db, userId);
    await tx.audit({ action: active ? "user.activated" : "user.deactivated", entityType: "user", entityId: userId, before: { active: before.active }, after: { active } });
  });
}

export const ResetPasswordInput = z.object({ password: z.string().min(1, "field.required").max(200, "field.too_long") });

export async function resetPassword(deps: Deps, actor: Actor, userId: string, input: unknown): Promise<void> {
  requireUserManagement(actor);
  const { password } = parseInput(ResetPasswordInput, input);
  const user = await getUser(deps, actor, userId);
  const problem = passwordProblem(password, user.email);
  if (problem) throw invalid([{ field: "password", messageKey: problem }]);
  const hash = await hashPassword(password);
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("users").set({ password_hash: hash, updated_at: deps.now().toISOString() }).where("id", "=", userId).where("organisation_id", "=", actor.organisationId).execute();
    // Whoever held the old password is logged out everywhere.
    await deleteUserSessions(tx.db, userId);
    await tx.audit({ action: "user.password_reset", entityType: "user", entityId: userId });
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
  await getUser(deps, actor, userId);
  if (isOrganisationRole(role) && projectId) throw invalid([{ field: "projectId", messageKey: "role.org_role_no_project" }]);
  if (isProjectRole(role)) {
    if (!projectId) throw invalid([{ field: "projectId", messageKey: "role.project_required" }]);
    const project = await deps.db
      .selectFrom("projects")
      .select("id")
      .where("id", "=", projectId)
      .where("organisation_id", "=", actor.organisationId)
      .executeTakeFirst();
    if (!project) throw invalid([{ field: "projectId", messageKey: "role.project_unknown" }]);
  }
  if (role === "admin" && userId === actor.userId) throw new AppError("forbidden", "role.no_self_admin");
  const existing = await deps.db
    .selectFrom("role_assignments")
    .select("id")
    .where("user_id", "=", userId)
    .where("role", "=", role)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  if (existing) throw new AppError("conflict", "role.already_assigned");
  const id = deps.newId();
  await inTransaction(deps, actor, async (tx) => {
    await tx.db
      .insertInto("role_assignments")
      .values({ id, organisation_id: actor.organisationId, user_id: userId, role, project_id: projectId, created_at: deps.now().toISOString(), created_by: actor.userId })
      .execute();
    await tx.audit({ action: "role.assigned", entityType: "user", entityId: userId, after: { role, projectId: projectId || null } });
  });
  return id;
}

export async function removeRole(deps: Deps, actor: Actor, assignmentId: string): Promise<void> {
  requireUserManagement(actor);
  const assignment = await deps.db
    .selectFrom("role_assignments")
    .select(["id", "user_id", "role", "project_id"])
    .where("id", "=", assignmentId)
    .where("organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  if (!assignment) throw notFound();
  if (assignment.role === "admin") {
    const admins = await deps.db
      .selectFrom("role_assignments")
      .innerJoin("users", "users.id", "role_assignments.user_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("role_assignments.organisation_id", "=", actor.organisationId)
      .where("role_assignments.role", "=", "admin")
      .where("users.active", "=", 1)
      .executeTakeFirst();
    if (Number(admins?.n ?? 0) <= 1) throw new AppError("rule_refused", "role.last_admin");
  }
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.deleteFrom("role_assignments").where("id", "=", assignmentId).where("organisation_id", "=", actor.organisationId).execute();
    await tx.audit({ action: "role.removed", entityType: "user", entityId: assignment.user_id, before: { role: assignment.role, projectId: assignment.project_id || null } });
  });
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
