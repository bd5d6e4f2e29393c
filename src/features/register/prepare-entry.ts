import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { setPublicationState } from "../projects/set-publication-state.ts";
import { draftOf, lockEntry, mayPrepare, newLars, userName, type EntryRow } from "./access.ts";
import { parsedFields, PrepareInput } from "./entry-input.ts";
import type { EntryFields } from "./fields.ts";
import { prefillFor } from "./prefill.ts";

/** The entry of a project, made from the prefill when there is none yet. */
export async function ensureEntry(tx: Tx, actor: Actor, project: ProjectRef): Promise<EntryRow> {
  const existing = await lockEntry(tx, actor.organisationId, project.id);
  if (existing) return existing;
  const now = tx.now().toISOString();
  const id = tx.newId();
  const draft = (await prefillFor(tx, project)).fields;
  await tx.db
    .insertInto("register_entries")
    .values({
      id, organisation_id: actor.organisationId, project_id: project.id, lars: newLars(tx), draft_json: JSON.stringify(draft), draft_state: "draft", revision: 0,
      prepared_by: null, prepared_by_name: null, prepared_at: null, approved_by: null, approved_by_name: null, approved_at: null,
      public_state: "unpublished", published_version: null, first_published_at: null, retract_reason: null, retracted_at: null, revision_date: null,
      pub_name: null, pub_summary: null, pub_status: null, pub_category: null, pub_policy_areas_json: null, pub_values_json: null, pub_technologies_json: null, pub_updated_at: null,
      created_at: now, updated_at: now,
    })
    .execute();
  await tx.audit({ action: "register_entry.created", entityType: "register_entry", entityId: id, after: { projectId: project.id } });
  return (await lockEntry(tx, actor.organisationId, project.id))!;
}

/**
 * The team saves its working copy. Any approval given is void after a change:
 * the approver approves what will be published. A published entry stays public
 * as it was until the new version is approved and published.
 */
export async function prepareEntry(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<{ revision: number }> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    if (!mayPrepare(actor, project.id)) throw new AppError("forbidden", "register.only_team");
    const data = parseInput(PrepareInput, input);
    const row = await ensureEntry(tx, actor, project);
    if (data.expectedRevision !== undefined && data.expectedRevision !== row.revision) throw new AppError("conflict", "register.changed_meanwhile");
    const fields: EntryFields = { ...parsedFields(data.fields), lang: "nld" };
    const now = tx.now().toISOString();
    await tx.db
      .updateTable("register_entries")
      .set({ draft_json: JSON.stringify(fields), draft_state: "draft", revision: row.revision + 1, prepared_by: actor.userId, prepared_by_name: await userName(tx, actor), prepared_at: now, approved_by: null, approved_by_name: null, approved_at: null, updated_at: now })
      .where("id", "=", row.id)
      .execute();
    if (row.public_state !== "published") await setPublicationState(tx, actor.organisationId, project.id, "draft");
    await tx.audit({ action: "register_entry.prepared", entityType: "register_entry", entityId: row.id, before: draftOf(row), after: fields });
    return { revision: row.revision + 1 };
  });
}
