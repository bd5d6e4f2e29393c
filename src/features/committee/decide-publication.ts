import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockForPublication } from "./lock-case-for.ts";
import { publishLocked } from "./publish-advice.ts";

export const PublicationInput = z.object({
  publication: z.enum(["public", "confidential"], "field.invalid_choice"),
  /** Publish at once, in the same step (refused when confidential, or not adopted yet). */
  publish: z.boolean().optional(),
});

/** The committee decides per advice: public or not public; once published the decision stands. */
export async function decidePublication(deps: Deps, actor: Actor, caseId: string, input: unknown): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const { advice } = await lockForPublication(tx, actor, caseId);
    const { publication, publish } = parseInput(PublicationInput, input);
    if (advice.published_at) throw new AppError("conflict", "committee.already_published");
    await tx.db.updateTable("committee_advice").set({ publication }).where("id", "=", advice.id).execute();
    await tx.audit({ action: "committee_advice.publication_decided", entityType: "committee_advice", entityId: advice.id, before: { publication: advice.publication }, after: { publication } });
    if (publish) await publishLocked(tx, { ...advice, publication });
  });
}
