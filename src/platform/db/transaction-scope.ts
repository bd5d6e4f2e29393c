import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Marks the code running inside a transaction. A query on the root database
 * handle from there would read outside the transaction (a check-then-act race
 * on PostgreSQL) or wait for the one SQLite connection the transaction holds
 * (a deadlock); the guarded driver refuses it at once instead (database.ts).
 */
const scope = new AsyncLocalStorage<{ open: boolean }>();

export function runInTransactionScope<T>(work: () => Promise<T>): Promise<T> {
  const marker = { open: true };
  return scope.run(marker, async () => {
    try {
      return await work();
    } finally {
      // Work that outlives the transaction (a job it started) may use the root handle again.
      marker.open = false;
    }
  });
}

export function insideTransaction(): boolean {
  return scope.getStore()?.open === true;
}
