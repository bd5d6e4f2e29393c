// Seeded pseudo-random numbers so that a bias scan gives the same clusters
// every time it runs on the same data (a report must be reproducible).

/** Mulberry32: small, fast, and good enough for sampling and initialisation. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * Draw from Binomial(n, p). Exact Bernoulli trials for small n; for large n a
 * rounded normal approximation, which is indistinguishable at that size and
 * keeps the split of a 20-million-row table instant.
 */
export function binomial(n: number, p: number, rand: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n <= 256) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rand() < p) k++;
    return k;
  }
  const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * gaussian(rand));
  return Math.min(n, Math.max(0, k));
}
