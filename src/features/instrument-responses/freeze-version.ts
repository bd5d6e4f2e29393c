import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Answers } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { NOTE_MAX, type ResponseVersionSummary } from "./model.ts";
import { openForEdit, parseObject, type ResponseRow } from "./response-store.ts";

export const NoteInput = z.object({ note: z.string().trim().max(NOTE_MAX, "field.too_long").default("") });

export interface FrozenVersion extends ResponseVersionSummary {
  /** Exactly the answers that were frozen. */
  answers: Answers;
}

/** Stores the row's answers as its next numbered version, in the given transaction. */
export async function insertVersion(tx: Tx, actor: Actor, row: ResponseRow, note: string): Promise<FrozenVersion> {
  const last = await tx.db
    .selectFrom("instrument_response_versions")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("response_id", "=", row.id)
    .where("organisation_id", "=", actor.organisationId)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const now = tx.now().toISOString();
  await tx.db
    .insertInto("instrument_response_versions")
    .values({
      id: tx.newId(),
      organisation_id: actor.organisationId,
      response_id: row.id,
      number,
      instrument_version: row.instrument_version,
      answers_json: row.answers_json,
      note,
      created_at: now,
      created_by: actor.userId,
      created_by_name: actor.name,
    })
    .execute();
  await tx.db.updateTable("instrument_responses").set({ last_version: number }).where("id", "=", row.id).where("organisation_id", "=", actor.organisationId).execute();
  await tx.audit({ action: "instrument_response.version_frozen", entityType: "instrument_response", entityId: row.id, after: { number, note, instrumentVersion: row.instrument_version } });
  return { number, instrumentVersion: row.instrument_version, note, createdAt: now, createdByName: actor.name, answers: parseObject(row.answers_json) };
}

/**
 * Freezes a response's current answers as its next version inside the
 * caller's transaction, so a feature's own record (a screening, a DEPIA
 * version) is stored with exactly these answers or not at all. The response is
 * locked until that transaction ends; pass the project when it is open already.
 */
export async function freezeAnswers(tx: Tx, actor: Actor, responseId: string, options: { note?: string; project?: ProjectRef } = {}): Promise<FrozenVersion> {
  const { note } = parseInput(NoteInput, { note: options.note ?? "" });
  const { row } = await openForEdit(tx, actor, responseId, { project: options.project, lock: true });
  return insertVersion(tx, actor, row, note);
}

/** "Opslaan als nieuwe versie": freezes the current answers as the next numbered version. */
export async function freezeVersion(deps: Deps, actor: Actor, responseId: string, note?: string): Promise<ResponseVersionSummary> {
  return inTransaction(deps, actor, async (tx) => {
    const { answers: _answers, ...summary } = await freezeAnswers(tx, actor, responseId, { note });
    return summary;
  });
}
