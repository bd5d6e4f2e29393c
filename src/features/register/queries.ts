// What the team sees of its entry: the working copy (or the prefill when there
// is none yet), the checks before release, who may do what, the published
// versions and what residents reported.
import { canViewProject } from "../../domain/permissions/project-access.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { findOrganisation } from "../../platform/organisations.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { draftOf, entryQuery, mayApproveRole, mayPrepare, mayPublish } from "./access.ts";
import { b1Hints, completeness, missingRequired, type B1Hint } from "./checks.ts";
import type { EntryFields, FieldName, FieldValue } from "./fields.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { prefillFor, sameValue } from "./prefill.ts";

export interface TeamEntry {
  project: ProjectRef;
  exists: boolean;
  lars: string | null;
  revision: number;
  fields: EntryFields;
  draftState: "draft" | "approved" | "published";
  publicState: "unpublished" | "published" | "retracted";
  preparedByName: string | null;
  preparedAt: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  publishedVersion: number | null;
  retractReason: string | null;
  revisionDate: string | null;
  overdue: boolean;
  completeness: number;
  missing: FieldName[];
  b1: B1Hint[];
  /** Per field, what the project's records propose and from where; `same` when the entry holds that value. */
  /** The organisation checks links before approval. */
  checksLinks: boolean;
  proposals: Partial<Record<FieldName, { sources: MessageKey[]; value: FieldValue; same: boolean }>>;
  may: { prepare: boolean; approve: boolean; publish: boolean; retract: boolean };
  versions: { version: number; publishedAt: string; preparedByName: string; approvedByName: string }[];
  /** Deliveries to the national register, newest first (none while the connector is off). */
  deliveries: { version: number; status: string; attempts: number; lastError: string | null; nextAttemptAt: string; updatedAt: string }[];
  feedback: { id: string; kind: string; message: string; replyTo: string | null; createdAt: string }[];
}

export async function getTeamEntry(deps: Deps, actor: Actor, projectId: string): Promise<TeamEntry> {
  const project = await loadProjectForActor(deps.db, actor, projectId);
  const row = await entryQuery(deps.db, actor.organisationId, project.id).executeTakeFirst();
  const prefill = await prefillFor(deps, project);
  const fields = row ? draftOf(row) : prefill.fields;
  const proposals: TeamEntry["proposals"] = {};
  for (const [name, sources] of Object.entries(prefill.sources) as [FieldName, MessageKey[]][]) {
    const value = prefill.fields[name]!;
    proposals[name] = { sources, value, same: sameValue(value, fields[name]) };
  }
  const today = deps.now().toISOString().slice(0, 10);
  const draftState = (row?.draft_state ?? "draft") as TeamEntry["draftState"];
  const versions = row ? await deps.db.selectFrom("register_entry_versions").select(["version", "published_at", "prepared_by_name", "approved_by_name"]).where("entry_id", "=", row.id).where("organisation_id", "=", actor.organisationId).orderBy("version", "desc").execute() : [];
  const feedback = row ? await deps.db.selectFrom("register_feedback").select(["id", "kind", "message", "reply_to", "created_at"]).where("entry_id", "=", row.id).where("organisation_id", "=", actor.organisationId).orderBy("created_at", "desc").limit(100).execute() : [];
  const deliveries = row ? await deps.db.selectFrom("register_deliveries").select(["version", "status", "attempts", "last_error", "next_attempt_at", "updated_at"]).where("entry_id", "=", row.id).where("organisation_id", "=", actor.organisationId).orderBy("created_at", "desc").limit(20).execute() : [];
  const missing = missingRequired(fields);
  const publicState = (row?.public_state ?? "unpublished") as TeamEntry["publicState"];
  return {
    project,
    exists: !!row,
    lars: row?.lars ?? null,
    revision: row?.revision ?? 0,
    fields,
    draftState,
    publicState,
    preparedByName: row?.prepared_by_name ?? null,
    preparedAt: row?.prepared_at ?? null,
    approvedByName: row?.approved_by_name ?? null,
    approvedAt: row?.approved_at ?? null,
    publishedVersion: row?.published_version ?? null,
    retractReason: row?.retract_reason ?? null,
    revisionDate: row?.revision_date ?? null,
    overdue: publicState === "published" && !!row?.revision_date && row.revision_date < today,
    completeness: completeness(fields),
    missing,
    b1: b1Hints(fields),
    proposals,
    checksLinks: !!(await findOrganisation(deps.db, actor.organisationId))?.settings.checkRegisterLinks,
    may: {
      prepare: mayPrepare(actor, project.id),
      approve: !!row && draftState === "draft" && !!row.prepared_by && row.prepared_by !== actor.userId && mayApproveRole(actor, project.id) && missing.length === 0,
      publish: !!row && draftState === "approved" && (mayPublish(actor, project.id) || row.approved_by === actor.userId),
      retract: publicState === "published" && mayPublish(actor, project.id),
    },
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.published_at, preparedByName: v.prepared_by_name, approvedByName: v.approved_by_name })),
    deliveries: deliveries.map((d) => ({ version: d.version, status: d.status, attempts: d.attempts, lastError: d.last_error, nextAttemptAt: d.next_attempt_at, updatedAt: d.updated_at })),
    feedback: feedback.map((f) => ({ id: f.id, kind: f.kind, message: f.message, replyTo: f.reply_to, createdAt: f.created_at })),
  };
}

export interface TeamListItem {
  projectId: string;
  projectTitle: string;
  lars: string;
  name: string;
  draftState: string;
  publicState: string;
  revisionDate: string | null;
  overdue: boolean;
  feedbackCount: number;
}

/** The register entries of the projects the actor may see, overdue ones first. */
export async function listTeamEntries(deps: Deps, actor: Actor): Promise<TeamListItem[]> {
  const rows = await deps.db
    .selectFrom("register_entries as e")
    .innerJoin("projects as p", "p.id", "e.project_id")
    .select(["e.id", "e.project_id", "p.title", "e.lars", "e.draft_json", "e.draft_state", "e.public_state", "e.revision_date", "e.pub_name"])
    .select((eb) => eb.selectFrom("register_feedback as f").select((f) => f.fn.countAll<string | number>().as("n")).whereRef("f.entry_id", "=", "e.id").as("feedback_count"))
    .where("e.organisation_id", "=", actor.organisationId)
    .orderBy("p.title")
    .execute();
  const today = deps.now().toISOString().slice(0, 10);
  return rows
    .filter((r) => canViewProject(actor, r.project_id))
    .map((r) => {
      const draft = draftOf({ draft_json: r.draft_json } as never);
      return {
        projectId: r.project_id,
        projectTitle: r.title,
        lars: r.lars,
        name: r.pub_name ?? String(draft.name ?? r.title),
        draftState: r.draft_state,
        publicState: r.public_state,
        revisionDate: r.revision_date,
        overdue: r.public_state === "published" && !!r.revision_date && r.revision_date < today,
        feedbackCount: Number(r.feedback_count ?? 0),
      };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue));
}

/** For the start page and the project list: is any entry the actor keeps past its revision date? */
export async function overdueCount(deps: Deps, actor: Actor): Promise<number> {
  return (await listTeamEntries(deps, actor)).filter((e) => e.overdue && mayPrepare(actor, e.projectId)).length;
}
