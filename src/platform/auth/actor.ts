import type { Actor } from "../../domain/permissions/permissions.ts";
import { isOrganisationRole, isProjectRole, type OrganisationRole, type ProjectRole } from "../../domain/permissions/roles.ts";
import type { Db } from "../db/schema.ts";

export interface ActorWithProfile extends Actor {
  email: string;
  locale: string;
  /** An instance administrator: manages the organisations of the instance (not a role in any organisation). */
  instanceAdmin: boolean;
}

/** Builds the acting user with every role they hold in their own organisation. */
export async function loadActor(db: Db, userId: string): Promise<ActorWithProfile | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "organisation_id", "name", "email", "locale", "active"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user || !user.active) return null;
  return actorOf(db, user);
}

/** The actor of a user row already read: their roles in their own organisation, in one statement. */
export async function actorOf(db: Db, user: { id: string; organisation_id: string; name: string; email: string; locale: string; instanceAdmin?: boolean }): Promise<ActorWithProfile> {
  const assignments = await db
    .selectFrom("role_assignments")
    .select(["role", "project_id"])
    .where("user_id", "=", user.id)
    .where("organisation_id", "=", user.organisation_id)
    .execute();
  const organisationRoles = new Set<OrganisationRole>();
  const projectRoles = new Map<string, Set<ProjectRole>>();
  for (const a of assignments) {
    if (a.project_id === "" && isOrganisationRole(a.role)) organisationRoles.add(a.role);
    else if (a.project_id !== "" && isProjectRole(a.role)) {
      const set = projectRoles.get(a.project_id) ?? new Set<ProjectRole>();
      set.add(a.role);
      projectRoles.set(a.project_id, set);
    }
  }
  const instanceAdmin = user.instanceAdmin ?? !!(await db.selectFrom("instance_admins").select("user_id").where("user_id", "=", user.id).executeTakeFirst());
  return {
    instanceAdmin,
    userId: user.id,
    organisationId: user.organisation_id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    organisationRoles,
    projectRoles,
  };
}
