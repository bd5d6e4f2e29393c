import { recordEvent, type AuditEventInput } from "./audit-log/record-event.ts";
import type { Db } from "./db/schema.ts";
import type { Deps } from "./deps.ts";

export interface Tx {
  db: Db;
  /** Writes an audit event inside this transaction. */
  audit(input: AuditEventInput): Promise<void>;
}

/** Who acts, as the audit trail records it; userId is null for the system itself. */
export interface TxActor {
  userId: string | null;
  organisationId: string | null;
  name: string;
}

/**
 * Runs a change in one transaction together with its audit events: either the
 * change and its events are both stored, or neither is.
 */
export function inTransaction<T>(
  deps: Deps,
  actor: TxActor | null,
  work: (tx: Tx) => Promise<T>,
  organisationId: string | null = actor?.organisationId ?? null,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const tx: Tx = {
      db: trx,
      audit: (input) =>
        recordEvent(trx, deps.engine, deps, { userId: actor?.userId ?? null, label: actor?.name ?? "systeem", organisationId }, input),
    };
    return work(tx);
  });
}
