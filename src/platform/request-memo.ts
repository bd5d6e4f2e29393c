/**
 * Reads shared within one request: the project page's panels each open the
 * project as the actor may see it, and would otherwise read the same row many
 * times. A memo belongs to an owner object (the actor of one request) and is
 * valid until the next transaction anywhere ends (inTransaction), so a read
 * never returns what a write since has changed.
 */
let generation = 0;
const memos = new WeakMap<object, Map<string, { generation: number; value: Promise<unknown> }>>();

export function memoised<T>(owner: object, key: string, load: () => Promise<T>): Promise<T> {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = new Map()));
  const hit = memo.get(key);
  if (hit && hit.generation === generation) return hit.value as Promise<T>;
  const value = load();
  memo.set(key, { generation, value });
  value.catch(() => memo.delete(key));
  return value;
}

/** Called when a transaction ends: every memo made before is stale. */
export function forgetMemos(): void {
  generation += 1;
}
