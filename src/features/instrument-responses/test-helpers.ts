// Test-only helpers: a project with a team, made directly in the tables so
// these tests do not depend on how the projects feature registers projects.
import type { ProjectRole } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";

export async function makeProject(deps: Deps, organisationId: string, options: { title?: string; phase?: string; team?: Record<string, ProjectRole> } = {}): Promise<string> {
  const id = deps.newId();
  const now = deps.now().toISOString();
  await deps.db
    .insertInto("projects")
    .values({
      id,
      organisation_id: organisationId,
      title: options.title ?? "Vroegsignalering schulden",
      goal: "Inwoners met schulden eerder helpen",
      description: "Proef met signalen van woningcorporaties en energieleveranciers.",
      domain: "sociaal_domein",
      technologies_json: "[]",
      data_categories_json: "[]",
      supplier_involved: 0,
      phase: options.phase ?? "pre_start",
      created_at: now,
      updated_at: now,
    } as never)
    .execute();
  for (const [userId, role] of Object.entries(options.team ?? {})) {
    await deps.db
      .insertInto("role_assignments")
      .values({ id: deps.newId(), organisation_id: organisationId, user_id: userId, role, project_id: id, created_at: now, created_by: null })
      .execute();
  }
  return id;
}
