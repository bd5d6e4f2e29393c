import type { AUDIT_ACTIONS, AuditAction } from "./actions.ts";
import type { Engine } from "../db/database.ts";
import type { Db } from "../db/schema.ts";
import { eventHash, eventHmac, GENESIS_HASH, type ChainedFields } from "./hash-chain.ts";

export interface AuditActor {
  userId: string | null;
  label: string;
  organisationId: string | null;
}

/** One event: an action of the closed list (actions.ts) with the entity type that action is about. */
export type AuditEventInput = {
  [A in AuditAction]: { action: A; entityType: (typeof AUDIT_ACTIONS)[A]; entityId: string; before?: unknown; after?: unknown };
}[AuditAction];

/** Chains are per organisation; events without one (instance set-up) go on the system chain. */
export function chainOf(organisationId: string | null): string {
  return organisationId ?? "system";
}

/**
 * Appends one event to its organisation's chain, with its SHA-256 hash and its
 * keyed hash (HMAC with the audit key). Must be called inside the transaction
 * that makes the change, so the event exists exactly when the change does.
 * The chain head row is locked (PostgreSQL) or the whole database is (SQLite),
 * so concurrent writers line up instead of forking the chain.
 */
export async function recordEvent(
  trx: Db,
  engine: Engine,
  ctx: { now: () => Date; newId: () => string; config: { auditKey: string } },
  actor: AuditActor,
  input: AuditEventInput,
): Promise<void> {
  const chain = chainOf(actor.organisationId);
  await trx
    .insertInto("audit_chain_heads")
    .values({ chain, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column("chain").doNothing())
    .execute();
  let headQuery = trx.selectFrom("audit_chain_heads").select(["seq", "hash"]).where("chain", "=", chain);
  if (engine === "postgres") headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();

  const fields: ChainedFields = {
    chain,
    seq: Number(head.seq) + 1,
    id: ctx.newId(),
    organisation_id: actor.organisationId,
    at: ctx.now().toISOString(),
    actor_id: actor.userId,
    actor_label: actor.label,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId,
    before_json: input.before === undefined ? null : JSON.stringify(input.before),
    after_json: input.after === undefined ? null : JSON.stringify(input.after),
    prev_hash: head.hash,
  };
  const hash = eventHash(fields);
  await trx.insertInto("audit_events").values({ ...fields, hash, hmac: eventHmac(ctx.config.auditKey, fields) }).execute();
  await trx.updateTable("audit_chain_heads").set({ seq: fields.seq, hash }).where("chain", "=", chain).execute();
}
