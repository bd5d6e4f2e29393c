// Reading the ai-act feature's records without an acting user (the gate
// snapshot, the project panel, the Algoritmekader): classifications, the EU
// registration and the FRIA notification of one project inside one organisation.
import type { Selectable } from "kysely";
import { AI_ACT_INSTRUMENT_ID, classificationImplications, type ClassificationImplications, type ClassificationResult } from "../../domain/ai-act/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { readJsonAs } from "../../platform/db/json-columns.ts";
import type { AiActClassificationTable } from "./schema.ts";
import "./schema.ts";

export type ReviewDecision = "confirmed" | "rejected";
export type ReviewerCapacity = "fg" | "cio";

export interface ClassificationRecord {
  id: string;
  organisationId: string;
  projectId: string;
  responseId: string;
  responseVersion: number;
  instrumentVersion: string;
  onDate: string;
  result: ClassificationResult;
  implications: ClassificationImplications;
  completedByName: string;
  completedAt: string;
  review: { decision: ReviewDecision; role: ReviewerCapacity; note: string; byName: string; at: string } | null;
}

const isObject = (v: unknown): v is ClassificationResult => !!v && typeof v === "object" && !Array.isArray(v) && "state" in v;

function toRecord(r: Selectable<AiActClassificationTable>): ClassificationRecord {
  const result = readJsonAs<ClassificationResult | null>(r.result_json, null, (v): v is ClassificationResult => isObject(v));
  if (!result) throw new Error(`classification ${r.id} holds no result`);
  return {
    id: r.id,
    organisationId: r.organisation_id,
    projectId: r.project_id,
    responseId: r.response_id,
    responseVersion: r.response_version,
    instrumentVersion: r.instrument_version,
    onDate: r.on_date,
    result,
    implications: classificationImplications(result),
    completedByName: r.completed_by_name,
    completedAt: r.completed_at,
    review: r.review_decision
      ? { decision: r.review_decision as ReviewDecision, role: (r.review_role ?? "fg") as ReviewerCapacity, note: r.review_note ?? "", byName: r.reviewed_by_name ?? "", at: r.reviewed_at ?? "" }
      : null,
  };
}

/** A project's classifications, newest first. */
export async function classificationsOf(deps: Deps, organisationId: string, projectId: string): Promise<ClassificationRecord[]> {
  const rows = await deps.db
    .selectFrom("ai_act_classifications")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .orderBy("completed_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toRecord);
}

export interface Redo {
  because: "material_change" | "new_instrument_version";
  since: string;
}

/**
 * Whether the latest classification must be asked again: the project changed
 * materially after it, or the instrument has a newer version than it used.
 */
export async function redoNeeded(deps: Deps, record: ClassificationRecord): Promise<Redo | null> {
  const change = await deps.db
    .selectFrom("material_changes")
    .select("recorded_at")
    .where("organisation_id", "=", record.organisationId)
    .where("project_id", "=", record.projectId)
    .where("recorded_at", ">", record.completedAt)
    .orderBy("recorded_at", "asc")
    .limit(1)
    .executeTakeFirst();
  if (change) return { because: "material_change", since: change.recorded_at.slice(0, 10) };
  const latest = deps.instruments.latest(AI_ACT_INSTRUMENT_ID);
  if (latest && latest.version !== record.instrumentVersion) return { because: "new_instrument_version", since: record.completedAt.slice(0, 10) };
  return null;
}

/** Duties the gate asks for before execution: those in force now and those that will apply while the system is in use. */
export function gateDuties(record: ClassificationRecord): { fria: boolean; euRegistration: boolean } {
  const all = [...record.implications.requiredBeforeExecution, ...record.implications.upcoming].map((d) => d.duty);
  return { fria: all.includes("fria"), euRegistration: all.includes("eu_registration_deployer") || all.includes("eu_registration_provider") };
}

export async function euRegistrationOf(deps: Deps, organisationId: string, projectId: string) {
  return deps.db.selectFrom("ai_act_eu_registrations").selectAll().where("organisation_id", "=", organisationId).where("project_id", "=", projectId).executeTakeFirst();
}

export async function friaNotificationsOf(deps: Deps, organisationId: string, projectId: string) {
  return deps.db
    .selectFrom("ai_act_fria_notifications")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("project_id", "=", projectId)
    .orderBy("recorded_at", "desc")
    .execute();
}
