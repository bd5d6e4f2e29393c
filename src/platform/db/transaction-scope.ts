import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Marks the code running inside a transaction. A query on the root database
 * handle from there would read outside the transaction (a check-then-act race
 * on PostgreSQL) or wait for the one SQLite connection the transaction holds
 * (a deadlock); the guarded driver refuses it at once instead (database.ts).
 */
const scope = new AsyncLocalStorage<{ open: boolean; settling: boolean; touched: Map<string, Set<string>> }>();

export function runInTransactionScope<T>(work: () => Promise<T>): Promise<T> {
  const marker = { open: true, settling: false, touched: new Map<string, Set<string>>() };
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

/**
 * Notes that the running transaction wrote to (or decided on) an entity, so
 * work kept up to date from it (a project's stored readiness) is redone
 * before the transaction commits. Outside a transaction it does nothing.
 */
export function touch(kind: string, id: string): void {
  const marker = scope.getStore();
  if (!marker?.open || marker.settling) return;
  const ids = marker.touched.get(kind) ?? new Set<string>();
  ids.add(id);
  marker.touched.set(kind, ids);
}

/**
 * Runs the before-commit work: what it writes itself (the kept-up state) is
 * not a touch, or it would redo itself.
 */
export async function settling(work: () => Promise<void>): Promise<void> {
  const marker = scope.getStore();
  if (!marker) return work();
  marker.settling = true;
  try {
    await work();
  } finally {
    marker.settling = false;
  }
}

/** What the running transaction touched since the last call, and forgets it. */
export function takeTouched(): Map<string, Set<string>> {
  const marker = scope.getStore();
  if (!marker) return new Map();
  const touched = marker.touched;
  marker.touched = new Map();
  return touched;
}
