// Who does what with a project's register entry, and how the use cases open it:
// always through the project (not found when the actor may not see it).
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject, canWorkOnProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import type { Db } from "../../platform/db/schema.ts";
import { readJson } from "../../platform/db/json-columns.ts";
import { AppError } from "../../platform/errors.ts";
import { lockForUpdate, type Tx } from "../../platform/transaction.ts";
import type { EntryFields } from "./fields.ts";
import type { RegisterEntryTable } from "./schema.ts";
import "./schema.ts";

export type EntryRow = RegisterEntryTable;

/** The team prepares: owner, lead and members. */
export const mayPrepare = (actor: Actor, projectId: string) => canWorkOnProject(actor, projectId);
/** Approval is by the project's owner (opdrachtgever) or the privacy officer, never by the one who prepared. */
export const mayApproveRole = (actor: Actor, projectId: string) => hasProjectRole(actor, projectId, ["owner"]) || actor.organisationRoles.has("privacy_officer");
/** Publishing and retracting: the owner or lead, or the privacy officer. */
export const mayPublish = (actor: Actor, projectId: string) => canEditProject(actor, projectId) || actor.organisationRoles.has("privacy_officer");

export function entryQuery(db: Db, organisationId: string, projectId: string) {
  return db.selectFrom("register_entries").selectAll().where("organisation_id", "=", organisationId).where("project_id", "=", projectId);
}

export async function lockEntry(tx: Tx, organisationId: string, projectId: string): Promise<EntryRow | undefined> {
  return lockForUpdate(tx, entryQuery(tx.db, organisationId, projectId)).executeTakeFirst();
}

export function requireEntry(row: EntryRow | undefined): EntryRow {
  if (!row) throw new AppError("rule_refused", "register.no_entry");
  return row;
}

export function draftOf(row: EntryRow): EntryFields {
  const v = readJson(row.draft_json);
  return v && typeof v === "object" && !Array.isArray(v) ? (v as EntryFields) : {};
}

export async function userName(deps: Deps, actor: Actor): Promise<string> {
  const row = await deps.db.selectFrom("users").select("name").where("id", "=", actor.userId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
  return row?.name ?? actor.name;
}

const LARS_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A new 8-character register id, from the id generator (so tests can fix it). */
export function newLars(deps: Deps): string {
  const source = deps.newId().replace(/[^0-9a-f]/gi, "");
  let out = "";
  for (let i = 0; i < 8; i++) out += LARS_ALPHABET[parseInt(source.slice(i * 2, i * 2 + 2) || "0", 16) % LARS_ALPHABET.length];
  return out;
}
