import type { Kysely } from "kysely";

// The dashboard and the API list read a page in the database: the projects a
// user holds a role in, and an organisation's projects in phase and title order.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("role_assignments_user_project").on("role_assignments").columns(["user_id", "organisation_id", "project_id"]).execute();
  await db.schema.createIndex("projects_org_phase_title").on("projects").columns(["organisation_id", "phase", "title", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("projects_org_phase_title").execute();
  await db.schema.dropIndex("role_assignments_user_project").execute();
}
