import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { findOrganisation, type Organisation } from "../../platform/organisations.ts";
import { requireInstanceAdmin } from "./instance-admin.ts";

export interface OrganisationListItem {
  id: string;
  slug: string;
  name: string;
  tooiCode: string | null;
  disabled: boolean;
  users: number;
  createdAt: string;
}

/** Every organisation of the instance with its number of users (instance administrator; or the system for the CLI). */
export async function listOrganisations(deps: Deps, actor: ActorWithProfile | null): Promise<OrganisationListItem[]> {
  if (actor) requireInstanceAdmin(actor);
  const rows = await deps.db
    .selectFrom("organisations")
    .leftJoin("users", "users.organisation_id", "organisations.id")
    .select((eb) => ["organisations.id", "organisations.slug", "organisations.name", "organisations.tooi_code", "organisations.disabled_at", "organisations.created_at", eb.fn.count<string>("users.id").as("users")])
    .where((eb) => eb.not(eb.exists(eb.selectFrom("service_accounts").select("service_accounts.user_id").whereRef("service_accounts.user_id", "=", "users.id"))))
    .groupBy(["organisations.id", "organisations.slug", "organisations.name", "organisations.tooi_code", "organisations.disabled_at", "organisations.created_at"])
    .orderBy("organisations.name")
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, tooiCode: r.tooi_code, disabled: !!r.disabled_at, users: Number(r.users), createdAt: r.created_at }));
}

export interface OrganisationAdminView {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

export interface OrganisationDetail {
  organisation: Organisation;
  admins: OrganisationAdminView[];
}

export async function getOrganisation(deps: Deps, actor: ActorWithProfile, organisationId: string): Promise<OrganisationDetail> {
  requireInstanceAdmin(actor);
  const organisation = await findOrganisation(deps.db, organisationId);
  if (!organisation) throw notFound();
  const admins = await deps.db
    .selectFrom("users")
    .innerJoin("role_assignments", "role_assignments.user_id", "users.id")
    .select(["users.id", "users.name", "users.email", "users.active"])
    .where("users.organisation_id", "=", organisationId)
    .where("role_assignments.organisation_id", "=", organisationId)
    .where("role_assignments.role", "=", "admin")
    .where("role_assignments.project_id", "=", "")
    .orderBy("users.name")
    .execute();
  return { organisation, admins: admins.map((a) => ({ id: a.id, name: a.name, email: a.email, active: !!a.active })) };
}
