import type { SelectQueryBuilder } from "kysely";
import { recordEvent, type AuditEventInput } from "./audit-log/record-event.ts";
import type { Db } from "./db/schema.ts";
import { runInTransactionScope, settling, takeTouched, touch } from "./db/transaction-scope.ts";
import { forgetMemos } from "./request-memo.ts";
import type { Deps } from "./deps.ts";

/**
 * The unit of work: everything a use case needs, with `db` being the
 * transaction itself. A Tx is a Deps, so every helper that reads through
 * `deps.db` reads inside the transaction when it is handed the Tx.
 */
export interface Tx extends Deps {
  db: Db;
  /** Writes an audit event inside this transaction. */
  audit(input: AuditEventInput): Promise<void>;
}

/**
 * Work a feature does just before a transaction commits, with the entities
 * the transaction touched (kind → ids, see `touch`): state kept up to date
 * from them (a project's stored readiness) is recomputed inside the same
 * transaction, so it is stored exactly when the change is.
 */
export type BeforeCommit = (tx: Tx, touched: ReadonlyMap<string, ReadonlySet<string>>) => Promise<void>;

declare module "./feature.ts" {
  interface ExtensionPoints {
    /** Runs inside every transaction just before it commits. */
    beforeCommit: BeforeCommit;
  }
}

export { touch };

/** Who acts, as the audit trail records it; userId is null for the system itself. */
export interface TxActor {
  userId: string | null;
  organisationId: string | null;
  name: string;
}

/**
 * Runs a use case as one transaction: its permission check, the reads it
 * decides on, its writes and its audit events are stored together or not at
 * all. Called with a Tx (from inside another use case) it joins that
 * transaction, so use cases compose without closures or half-done work.
 *
 * Inside `work`, use only the Tx: the root handle is refused there (see
 * GuardedDriver). Decisions that read then write lock what they decide on
 * with `lockForUpdate`; SQLite transactions take the write lock at BEGIN.
 */
export function inTransaction<T>(
  deps: Deps,
  actor: TxActor | null,
  work: (tx: Tx) => Promise<T>,
  organisationId: string | null = actor?.organisationId ?? null,
): Promise<T> {
  const begin = (trx: Db): Tx => ({
    ...deps,
    db: trx,
    audit: (input) => {
      // An event about a project is a change to it: its kept-up state is redone before commit.
      if (input.entityType === "project") touch("project", input.entityId);
      return recordEvent(trx, deps.engine, deps, { userId: actor?.userId ?? null, label: actor?.name ?? "systeem", organisationId }, input);
    },
  });
  if (deps.db.isTransaction) return work(begin(deps.db));
  forgetMemos();
  return deps.db
    .transaction()
    .execute((trx) =>
      runInTransactionScope(async () => {
        const tx = begin(trx);
        const result = await work(tx);
        await runBeforeCommit(tx);
        return result;
      }),
    )
    .finally(forgetMemos);
}

/** The features' before-commit work with what the transaction touched; what the hooks write is not a touch. */
async function runBeforeCommit(tx: Tx): Promise<void> {
  const hooks = tx.extensions.get("beforeCommit");
  const touched = takeTouched();
  if (touched.size === 0 || hooks.length === 0) return;
  await settling(async () => {
    for (const hook of hooks) await hook(tx, touched);
  });
}

/**
 * Locks the rows a decision is about until the transaction ends, so two
 * decisions on the same object line up and the second sees the first's result.
 * PostgreSQL: SELECT … FOR UPDATE. SQLite: the transaction already holds the
 * database's write lock (BEGIN IMMEDIATE), so the query runs as it is.
 */
export function lockForUpdate<DB, TB extends keyof DB, O>(tx: Deps, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return tx.engine === "postgres" ? query.forUpdate() : query;
}
