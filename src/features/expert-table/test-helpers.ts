import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";

/** A project row with project roles, straight into the tables (tests of features built beside the projects feature). */
export async function makeProject(
  deps: Deps,
  organisationId: string,
  options: { title: string; domain?: string; technologies?: string[]; roles?: { userId: string; role: "owner" | "lead" | "member" }[]; phase?: string },
): Promise<string> {
  const id = deps.newId();
  const now = deps.now().toISOString();
  await deps.db
    .insertInto("projects")
    .values({
      id,
      organisation_id: organisationId,
      title: options.title,
      goal: "Een doel",
      description: "Een omschrijving",
      domain: options.domain ?? "sociaal_domein",
      technologies_json: JSON.stringify(options.technologies ?? ["ai"]),
      data_categories_json: "[]",
      supplier_involved: 0,
      phase: options.phase ?? "pre_start",
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const r of options.roles ?? []) {
    await deps.db
      .insertInto("role_assignments")
      .values({ id: deps.newId(), organisation_id: organisationId, user_id: r.userId, role: r.role, project_id: id, created_at: now, created_by: null })
      .execute();
  }
  return id;
}

export { codeOf } from "../../../test/support/refusals.ts";
