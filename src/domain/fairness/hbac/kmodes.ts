// Weighted k-modes for categorical points. The points are the cells of the
// count table (one per distinct combination of feature values) and each cell
// weighs as many rows as it holds, which is equivalent to clustering the rows
// themselves but costs nothing on large files.

export interface WeightedPoints {
  /** features[i][f]: category code of feature f for point i. */
  features: readonly (readonly number[])[];
  weights: readonly number[];
}

export interface KModesResult {
  modes: number[][];
  assignment: number[];
  cost: number;
}

export function hamming(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  for (let f = 0; f < a.length; f++) if (a[f] !== b[f]) d++;
  return d;
}

/** Index of the nearest mode; ties go to the lowest index, as in the kmodes package. */
export function nearestMode(point: readonly number[], modes: readonly (readonly number[])[]): number {
  let best = 0;
  let bestD = Infinity;
  modes.forEach((m, j) => {
    const d = hamming(point, m);
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  });
  return best;
}

function weightedPick(weights: readonly number[], total: number, rand: () => number, exclude: Set<number>): number {
  let r = rand() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (exclude.has(i) || (weights[i] ?? 0) <= 0) continue;
    last = i;
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return last;
}

function updateModes(points: WeightedPoints, assignment: number[], k: number, nFeatures: number): number[][] | null {
  const modes: number[][] = [];
  for (let j = 0; j < k; j++) {
    const mode: number[] = [];
    for (let f = 0; f < nFeatures; f++) {
      const tally = new Map<number, number>();
      points.features.forEach((p, i) => {
        if (assignment[i] !== j) return;
        const v = p[f] as number;
        tally.set(v, (tally.get(v) ?? 0) + (points.weights[i] ?? 0));
      });
      if (tally.size === 0) return null;
      let bestV = 0;
      let bestW = -1;
      for (const [v, w] of tally) if (w > bestW || (w === bestW && v < bestV)) [bestV, bestW] = [v, w];
      mode.push(bestV);
    }
    modes.push(mode);
  }
  return modes;
}

function runOnce(points: WeightedPoints, k: number, rand: () => number): KModesResult | null {
  const total = points.weights.reduce((a, b) => a + b, 0);
  const chosen = new Set<number>();
  const seen = new Set<string>();
  let modes: number[][] = [];
  for (let attempt = 0; attempt < 50 && modes.length < k; attempt++) {
    const i = weightedPick(points.weights, total, rand, chosen);
    if (i < 0) break;
    chosen.add(i);
    const key = (points.features[i] as number[]).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    modes.push([...(points.features[i] as number[])]);
  }
  if (modes.length < k) return null;
  const nFeatures = modes[0]?.length ?? 0;
  let assignment = points.features.map((p) => nearestMode(p, modes));
  for (let iter = 0; iter < 100; iter++) {
    const next = updateModes(points, assignment, k, nFeatures);
    if (!next) return null;
    modes = next;
    const re = points.features.map((p) => nearestMode(p, modes));
    const changed = re.some((a, i) => a !== assignment[i]);
    assignment = re;
    if (!changed) break;
  }
  let cost = 0;
  points.features.forEach((p, i) => {
    cost += (points.weights[i] ?? 0) * hamming(p, modes[assignment[i] as number] as number[]);
  });
  return { modes, assignment, cost };
}

/** Best of nInit random (weight-proportional) initialisations, as the kmodes package does with n_init. */
export function kModes(points: WeightedPoints, k: number, rand: () => number, nInit = 10): KModesResult | null {
  let best: KModesResult | null = null;
  for (let r = 0; r < nInit; r++) {
    const res = runOnce(points, k, rand);
    if (res && (!best || res.cost < best.cost)) best = res;
  }
  return best;
}
