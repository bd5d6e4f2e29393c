import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { LIMITS } from "./limits.ts";
import { lockCaseFor } from "./lock-case-for.ts";

export const FgNoteInput = z.object({ text: fields.text(LIMITS.fgNote) });

/** The FG, standing adviser to the committee, adds a note to a case (and does not vote). */
export async function addFgNote(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const r = await lockCaseFor(tx, actor, caseId, "fg");
    const { text } = parseInput(FgNoteInput, input);
    const id = tx.newId();
    await tx.db.insertInto("committee_fg_notes").values({ id, organisation_id: actor.organisationId, case_id: r.id, text, author_id: actor.userId, created_at: tx.now().toISOString() }).execute();
    await tx.audit({ action: "committee_case.fg_note_added", entityType: "committee_case", entityId: r.id, after: { text } });
  });
}
