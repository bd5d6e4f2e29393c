// Corrections for testing many cells at once. With dozens of groups and
// metrics, uncorrected p < 0.05 would flag several gaps by chance alone.

export type Correction = "holm" | "benjamini-hochberg" | "bonferroni" | "none";

/** Adjusted p-values, in the input order. */
export function adjustPValues(p: readonly number[], method: Correction): number[] {
  const m = p.length;
  if (m === 0) return [];
  if (method === "none") return [...p];
  if (method === "bonferroni") return p.map((v) => Math.min(1, v * m));
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Array<number>(m).fill(1);
  if (method === "holm") {
    let running = 0;
    order.forEach(([v, i], rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * v));
      out[i] = running;
    });
    return out;
  }
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const entry = order[rank];
    if (!entry) continue;
    running = Math.min(running, (entry[0] * m) / (rank + 1));
    out[entry[1]] = Math.min(1, running);
  }
  return out;
}
