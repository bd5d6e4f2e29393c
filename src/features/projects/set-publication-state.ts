import type { Tx } from "../../platform/transaction.ts";

export const PUBLICATION_STATES = ["not_published", "draft", "published"] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/**
 * The project's publication state, kept by the register: draft while its entry
 * is prepared, published while it is public. Called inside the register's use
 * case, which has opened (and checked) the project already.
 */
export async function setPublicationState(tx: Tx, organisationId: string, projectId: string, state: PublicationState): Promise<void> {
  await tx.db.updateTable("projects").set({ publication_state: state }).where("id", "=", projectId).where("organisation_id", "=", organisationId).execute();
}
