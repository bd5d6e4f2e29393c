import { z } from "zod";
import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { isActiveProject, lockContract, userName } from "./access.ts";
import { contractFacts, type ContractFacts } from "./facts.ts";
import { LIMITS, SIGNER_ROLES, SLOTS, type SignerRole, type Slot } from "./model.ts";
import { openSlotsFor, rolesOfSlot } from "./rules.ts";

export const SignOffInput = z.object({
  /** The revision the signer read; a change since then is a conflict. */
  revision: z.coerce.number("field.invalid").int("field.invalid").min(1, "field.invalid"),
  /** The place signed; by default the first open place the signer's roles fit. */
  slot: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.enum(SLOTS, "field.invalid_choice").optional()),
  note: z.string().trim().max(LIMITS.note, "field.too_long").optional().default(""),
});

/** The place the actor signs, or why not: no signer role, or their place is filled (a conflict: someone signed meanwhile). */
function slotToSign(actor: Actor, facts: ContractFacts, requested: Slot | undefined): { slot: Slot; role: SignerRole } {
  const roles = actor.organisationRoles as ReadonlySet<string>;
  const mine = facts.slots.filter((s) => s.roles.some((r) => roles.has(r)));
  if (mine.length === 0) throw new AppError("forbidden", "procurement.signoff.not_second_line");
  if (facts.slots.some((s) => s.signoff?.userId === actor.userId)) throw new AppError("conflict", "procurement.signoff.already_signed");
  const open = openSlotsFor(roles, actor.userId, facts.slots);
  const slot = requested ?? open[0];
  if (requested && !mine.some((s) => s.slot === requested)) throw new AppError("forbidden", "procurement.signoff.not_your_place");
  if (!slot || !open.includes(slot)) throw new AppError("conflict", "procurement.signoff.place_filled");
  const role = rolesOfSlot(slot).find((r) => roles.has(r)) ?? SIGNER_ROLES[0];
  return { slot, role };
}

/** What still stands in the way of a sign-off: a checklist not complete, or points neither covered nor explained. */
function requireReady(facts: ContractFacts): void {
  if (facts.checklist.progress !== "complete") throw new AppError("rule_refused", "procurement.signoff.checklist_incomplete");
  if (facts.openPoints > 0) throw new AppError("rule_refused", "procurement.signoff.open_points", { params: { count: facts.openPoints } });
}

/**
 * A jurist, and an ISO or privacy officer as the organisation set it, each
 * sign off the contract's current revision. Never someone with a role in the
 * project; never one person in two places. Refused while the checklist is not
 * complete or an attention point is neither covered nor explained. The project
 * and the contract stay locked from the first read to the write, so of twenty
 * sign-offs at once one is stored and the others are conflicts.
 */
export async function signOffContract(deps: Deps, actor: Actor, contractId: string, input: unknown): Promise<{ signedOff: boolean }> {
  return inTransaction(deps, actor, async (tx) => {
    const { row, project } = await lockContract(tx, actor, contractId);
    if (isInvolvedIn(actor, project.id)) throw new AppError("forbidden", "procurement.signoff.own_project");
    if (!isActiveProject(project)) throw new AppError("rule_refused", "procurement.project_final");
    if (row.status !== "active") throw new AppError("rule_refused", "procurement.withdrawn");
    const data = parseInput(SignOffInput, input);
    if (data.revision !== row.revision) throw new AppError("conflict", "procurement.changed_meanwhile");
    const facts = await contractFacts(tx, row);
    const { slot, role } = slotToSign(actor, facts, data.slot);
    requireReady(facts);
    const signedAt = tx.now().toISOString();
    await tx.db
      .insertInto("contract_signoffs")
      .values({ id: tx.newId(), organisation_id: actor.organisationId, contract_id: row.id, revision: row.revision, slot, role, user_id: actor.userId, user_name: await userName(tx, actor), note: data.note, signed_at: signedAt })
      .execute();
    const signedOff = facts.slots.every((s) => s.signoff || s.slot === slot);
    await tx.audit({ action: "contract.signed_off", entityType: "contract", entityId: row.id, after: { revision: row.revision, slot, role, note: data.note, complete: signedOff } });
    return { signedOff };
  });
}
