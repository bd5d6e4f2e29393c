import type { MaterialChangeKind } from "../../domain/lifecycle/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { ProjectFields, projectColumns, type ProjectFieldsData } from "./fields.ts";
import { lockVisibleProject, projectDescriptionOf, requireEditable, type ProjectRecord } from "./project-rows.ts";
import { insertMaterialChange } from "./record-material-change.ts";

export const UpdateProjectInput = ProjectFields;

function detectChanges(before: ProjectRecord, after: ProjectFieldsData): MaterialChangeKind[] {
  const kinds: MaterialChangeKind[] = [];
  if (before.goal !== after.goal) kinds.push("new_purpose");
  if (!before.supplierInvolved && after.supplierInvolved) kinds.push("new_supplier");
  if (after.technologies.some((t) => !before.technologies.includes(t))) kinds.push("new_technology");
  if (after.dataCategories.some((c) => c !== "none" && !before.dataCategories.includes(c))) kinds.push("new_data_category");
  return kinds;
}

/** The details as the audit log keeps them, before and after. */
const details = (p: ProjectFieldsData | ProjectRecord) => projectDescriptionOf(p);

/**
 * Owner and lead edit the details. A new purpose, supplier, technology or kind
 * of data is a material change: it is recorded, and reopens a done screening.
 * The project stays locked from the read the changes are found on to the
 * write. Returns the material changes it recorded.
 */
export async function updateProject(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<MaterialChangeKind[]> {
  return inTransaction(deps, actor, async (tx) => {
    const before = await lockVisibleProject(tx, actor, projectId);
    requireEditable(actor, before);
    const data = parseInput(UpdateProjectInput, input);
    const kinds = detectChanges(before, data);
    const now = tx.now().toISOString();
    await tx.db
      .updateTable("projects")
      .set({ ...projectColumns(data), updated_at: now })
      .where("id", "=", before.id)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({ action: "project.updated", entityType: "project", entityId: before.id, before: details(before), after: details(data) });
    for (const kind of kinds) await insertMaterialChange(tx, actor, before.id, kind, "", now);
    return kinds;
  });
}
