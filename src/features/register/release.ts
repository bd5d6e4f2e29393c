// Four-eyes release: another person with the right role approves the working
// copy as the team prepared it; then it is published as a new version (older
// versions stay readable), or retracted with a reason.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { readStringList } from "../../platform/db/json-columns.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { findOrganisation } from "../../platform/organisations.ts";
import { loadProjectForActor, lockProjectForActor } from "../projects/access.ts";
import { setPublicationState } from "../projects/set-publication-state.ts";
import { draftOf, entryQuery, lockEntry, mayApproveRole, mayPublish, requireEntry, userName } from "./access.ts";
import { missingRequired } from "./checks.ts";
import { recordDelivery } from "./connector.ts";
import { RetractInput } from "./entry-input.ts";
import { brokenLinks } from "./link-check.ts";
import { replaceSearchTerms, searchTextOf } from "./search-index.ts";

const expected = (input: unknown): number | undefined => {
  const v = (input as { expectedRevision?: unknown } | null)?.expectedRevision;
  return typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined;
};

/**
 * When the organisation checks links: the working copy's links are asked
 * before the approval's transaction (never waiting on the network inside it);
 * the approval then holds only if the entry is still the revision checked.
 * Nothing is asked for someone who may not approve.
 */
async function checkLinksBeforeApproval(deps: Deps, actor: Actor, projectId: string): Promise<number | null> {
  const organisation = await findOrganisation(deps.db, actor.organisationId);
  if (!organisation?.settings.checkRegisterLinks) return null;
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const row = await entryQuery(deps.db, actor.organisationId, project.id).executeTakeFirst();
  if (!row || !mayApproveRole(actor, project.id) || row.prepared_by === actor.userId || row.draft_state !== "draft") return null;
  const broken = await brokenLinks(draftOf(row));
  if (broken.length) throw new AppError("rule_refused", "register.links_broken", { params: { links: broken.map((b) => b.url).join(", ") } });
  return row.revision;
}

export async function approveEntry(deps: Deps, actor: Actor, projectId: string, input: unknown = {}): Promise<void> {
  const checkedRevision = await checkLinksBeforeApproval(deps, actor, projectId);
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    const row = requireEntry(await lockEntry(tx, actor.organisationId, project.id));
    if (!mayApproveRole(actor, project.id)) throw new AppError("forbidden", "register.approve_role");
    if (row.prepared_by === actor.userId) throw new AppError("rule_refused", "register.not_own_work");
    if (!row.prepared_by) throw new AppError("rule_refused", "register.not_prepared");
    const rev = expected(input);
    if (rev !== undefined && rev !== row.revision) throw new AppError("conflict", "register.changed_meanwhile");
    if (row.draft_state !== "draft") throw new AppError("conflict", "register.not_draft");
    if (checkedRevision !== null && checkedRevision !== row.revision) throw new AppError("conflict", "register.changed_meanwhile");
    const missing = missingRequired(draftOf(row));
    if (missing.length) throw new AppError("rule_refused", "register.missing_required", { params: { fields: missing.join(", ") } });
    const now = tx.now().toISOString();
    await tx.db.updateTable("register_entries").set({ draft_state: "approved", approved_by: actor.userId, approved_by_name: await userName(tx, actor), approved_at: now, updated_at: now }).where("id", "=", row.id).execute();
    await tx.audit({ action: "register_entry.approved", entityType: "register_entry", entityId: row.id, after: { revision: row.revision } });
  });
}

export async function publishEntry(deps: Deps, actor: Actor, projectId: string): Promise<{ version: number }> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    const row = requireEntry(await lockEntry(tx, actor.organisationId, project.id));
    if (!mayPublish(actor, project.id) && row.approved_by !== actor.userId) throw new AppError("forbidden", "register.publish_role");
    if (row.draft_state !== "approved") throw new AppError("rule_refused", "register.not_approved");
    const fields = draftOf(row);
    const version = (row.published_version ?? 0) + 1;
    const now = tx.now().toISOString();
    const tech = await tx.db.selectFrom("projects").select("technologies_json").where("id", "=", project.id).executeTakeFirstOrThrow();
    await tx.db
      .insertInto("register_entry_versions")
      .values({ id: tx.newId(), organisation_id: actor.organisationId, entry_id: row.id, version, fields_json: JSON.stringify(fields), prepared_by: row.prepared_by, prepared_by_name: row.prepared_by_name ?? "", approved_by: row.approved_by, approved_by_name: row.approved_by_name ?? "", published_at: now })
      .execute();
    await tx.db
      .updateTable("register_entries")
      .set({
        draft_state: "published", public_state: "published", published_version: version, first_published_at: row.first_published_at ?? now, retract_reason: null, retracted_at: null,
        revision_date: typeof fields.revision_date === "string" ? fields.revision_date : null,
        pub_name: String(fields.name ?? ""), pub_summary: String(fields.description_short ?? ""), pub_status: String(fields.status ?? ""), pub_category: String(fields.publication_category ?? ""),
        pub_policy_areas_json: JSON.stringify(Array.isArray(fields.category) ? fields.category : []),
        pub_values_json: JSON.stringify(Array.isArray(fields.values_weighed) ? fields.values_weighed : []),
        pub_technologies_json: JSON.stringify(readStringList(tech.technologies_json)),
        pub_updated_at: now, updated_at: now,
      })
      .where("id", "=", row.id)
      .execute();
    await replaceSearchTerms(tx, actor.organisationId, row.id, searchTextOf(fields));
    await setPublicationState(tx, actor.organisationId, project.id, "published");
    await recordDelivery(tx, actor.organisationId, row.id, version);
    await tx.audit({ action: "register_entry.published", entityType: "register_entry", entityId: row.id, after: { version, lars: row.lars } });
    return { version };
  });
}

export async function retractEntry(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    const row = requireEntry(await lockEntry(tx, actor.organisationId, project.id));
    if (!mayPublish(actor, project.id)) throw new AppError("forbidden", "register.publish_role");
    const { reason } = parseInput(RetractInput, input);
    if (row.public_state !== "published") throw new AppError("rule_refused", "register.not_published");
    const now = tx.now().toISOString();
    await tx.db.updateTable("register_entries").set({ public_state: "retracted", draft_state: "draft", approved_by: null, approved_by_name: null, approved_at: null, retract_reason: reason, retracted_at: now, updated_at: now }).where("id", "=", row.id).execute();
    await replaceSearchTerms(tx, actor.organisationId, row.id, "");
    await setPublicationState(tx, actor.organisationId, project.id, "not_published");
    await tx.audit({ action: "register_entry.retracted", entityType: "register_entry", entityId: row.id, after: { reason } });
  });
}

