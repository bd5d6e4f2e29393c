import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { loadProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { ID_MAX, SUBJECT_MAX, type ResponseView } from "./model.ts";
import { findResponse } from "./queries.ts";
import { cleanSubject, findRow, mayEdit, requireInstrument, toView } from "./response-store.ts";

/** The API's request to open a response: which instrument, and what about when there are several. */
export const OpenResponseInput = z.object({
  instrumentId: z.string().trim().min(1, "field.required").max(ID_MAX, "field.too_long"),
  subject: z.string().trim().max(SUBJECT_MAX, "field.too_long").optional(),
});

/**
 * The project's response to an instrument; the first call creates it, pinned
 * to the newest instrument version. Anyone who may see the project may open
 * it (an empty response changes nothing), so the 2nd line can comment.
 */
export async function getOrCreateResponse(
  deps: Deps,
  actor: Actor,
  projectId: string,
  instrumentId: string,
  options: { subject?: string; project?: ProjectRef } = {},
): Promise<ResponseView> {
  // Most visits find the response: that read changes nothing and needs no transaction.
  const found = await findResponse(deps, actor, projectId, instrumentId, options);
  if (found) return found;
  return inTransaction(deps, actor, async (tx) => {
    const project = options.project ?? (await loadProjectForActor(tx.db, actor, projectId));
    const instrument = requireInstrument(tx, instrumentId);
    const subject = cleanSubject(options.subject);
    const id = tx.newId();
    const now = tx.now().toISOString();
    // Two first visits at once: the unique index lets one insert; the other inserts nothing and reads that one.
    const inserted = await tx.db
      .insertInto("instrument_responses")
      .values({
        id,
        organisation_id: actor.organisationId,
        project_id: project.id,
        instrument_id: instrument.id,
        instrument_version: instrument.version,
        subject,
        answers_json: "{}",
        section_marks_json: "{}",
        revision: 0,
        last_version: 0,
        created_at: now,
        created_by: actor.userId,
        updated_at: now,
        updated_by: actor.userId,
        updated_by_name: actor.name,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await tx.audit({ action: "instrument_response.created", entityType: "instrument_response", entityId: id, after: { projectId: project.id, instrumentId: instrument.id, instrumentVersion: instrument.version, subject } });
    }
    const row = await findRow(tx, actor.organisationId, project.id, instrument.id, subject);
    if (!row) throw new Error(`instrument response of ${project.id} to ${instrument.id} was neither stored nor found`);
    return toView(tx, row, mayEdit(actor, project));
  });
}
