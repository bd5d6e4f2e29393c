import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { instrumentOf, openForEdit, parseObject } from "./response-store.ts";

/** The API's request: put the mark on, or take it off. */
export const SectionReviewInput = z.object({ forReview: z.boolean() });

/** Marks a section "for review" (or takes the mark off): a signal to colleagues, separate from completeness. */
export async function markSectionForReview(deps: Deps, actor: Actor, responseId: string, sectionId: string, forReview: boolean): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { row } = await openForEdit(tx, actor, responseId, { lock: true });
    const instrument = instrumentOf(tx, row.instrument_id, row.instrument_version);
    if (!instrument.sections.some((s) => s.id === sectionId)) throw notFound();
    const marks = parseObject(row.section_marks_json);
    if ((marks[sectionId] === "for_review") === forReview) return;
    if (forReview) marks[sectionId] = "for_review";
    else delete marks[sectionId];
    await tx.db
      .updateTable("instrument_responses")
      .set({ section_marks_json: JSON.stringify(marks), updated_at: tx.now().toISOString(), updated_by: actor.userId, updated_by_name: actor.name })
      .where("id", "=", row.id)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await tx.audit({ action: forReview ? "instrument_response.section_for_review" : "instrument_response.section_review_cleared", entityType: "instrument_response", entityId: row.id, after: { sectionId } });
  });
}
