import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the database driver checks before each statement (database.ts):
 * - the request a statement is run for: when its client has gone, the request
 *   is abandoned before its next statement (or before a transaction begins),
 *   instead of keeping the server busy for nobody; a transaction that has
 *   begun runs to its end, so nothing is left half done;
 * - an observer that sees every statement (the statement-count test).
 */
const requestScope = new AsyncLocalStorage<AbortSignal>();
let observer: ((sql: string) => void) | null = null;

export class RequestAbortedError extends Error {
  constructor() {
    super("the client went away; the request was abandoned");
    this.name = "RequestAbortedError";
  }
}

/** Runs `work` for a request whose client may go away. */
export function runForRequest<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  return requestScope.run(signal, work);
}

export function throwIfAbandoned(): void {
  if (requestScope.getStore()?.aborted) throw new RequestAbortedError();
}

/** Sees every statement until the returned function is called. */
export function observeStatements(listener: (sql: string) => void): () => void {
  observer = listener;
  return () => {
    if (observer === listener) observer = null;
  };
}

export function statementObserved(sql: string): void {
  observer?.(sql);
}
