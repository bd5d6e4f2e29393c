// Hierarchical bias-aware clustering (HBAC), following Algorithm Audit's
// unsupervised-bias-detection code: split the cluster with the largest spread
// of the bias variable, keep a split only if it isolates rows where the
// algorithm does worse, then test the most deviating cluster on held-out rows.
//
// Rows are represented by weighted cells (distinct feature combinations),
// which keeps the scan exact and instant even for many millions of rows.

import { adjustPValues } from "../multiple-testing.ts";
import { twoProportionZTest } from "../proportions.ts";
import { chiSquareUpperTail } from "../special.ts";
import { kModes, nearestMode } from "./kmodes.ts";
import { binomial, mulberry32 } from "./prng.ts";

export interface HbacCell {
  /** Category code per feature. */
  features: number[];
  n: number;
  /** Rows where the bias indicator is 1 (the algorithm does something harmful). */
  bad: number;
}

export interface HbacOptions {
  maxIter: number;
  /** Minimum cluster size as a fraction of the training rows. */
  minClusterFraction: number;
  seed: number;
  testFraction: number;
  alpha: number;
  kmodesInits: number;
}

/**
 * Chosen defaults (Algorithm Audit's documentation and code disagree):
 * 3 splits, as in their documentation, because more splits on the training
 * rows give smaller clusters that fail on the held-out rows (winner's curse);
 * minimum cluster 2.5 % of the training rows, the larger of their two values,
 * for the same reason. Seed 42, 20 % held out, 10 k-modes initialisations.
 */
export const HBAC_DEFAULTS: HbacOptions = {
  maxIter: 3,
  minClusterFraction: 0.025,
  seed: 42,
  testFraction: 0.2,
  alpha: 0.05,
  kmodesInits: 10,
};

/** Gain a split must add over the parent's score (as in the reference code). */
const MIN_GAIN = 1e-5;

interface SplitNode {
  modes: number[][];
  children: [TreeNode, TreeNode];
}
type TreeNode = { leaf: number } | SplitNode;

export interface HbacCluster {
  /** 0 = most deviating. */
  rank: number;
  /** mean(y outside) - mean(y inside) on the training rows; y = -bias indicator. */
  score: number;
  train: { n: number; bad: number };
  test: { n: number; bad: number };
  /** Indices of input cells in this cluster. */
  cells: number[];
}

export interface FeatureValueShare {
  value: number;
  shareInCluster: number;
  shareOutside: number;
}

export interface FeatureDescription {
  feature: number;
  method: "chi-square test of independence";
  chi2: number;
  df: number;
  p: number;
  pAdjusted: number;
  significant: boolean;
  values: FeatureValueShare[];
}

export interface HbacResult {
  parameters: HbacOptions & { minClusterSize: number; trainRows: number; testRows: number };
  clusters: HbacCluster[];
  test: {
    method: "one-sided two-proportion z-test (pooled), H1: bias indicator more frequent in cluster 0";
    z: number | null;
    p: number | null;
    significant: boolean;
  };
  /** Only when the test is significant: how cluster 0 differs (held-out rows, Bonferroni over features). */
  description: FeatureDescription[] | null;
}

interface Split {
  n: number;
  bad: number;
}

function splitCells(cells: HbacCell[], fraction: number, rand: () => number): { train: Split[]; test: Split[] } {
  const train: Split[] = [];
  const test: Split[] = [];
  for (const c of cells) {
    const testBad = binomial(c.bad, fraction, rand);
    const testGood = binomial(c.n - c.bad, fraction, rand);
    test.push({ n: testBad + testGood, bad: testBad });
    train.push({ n: c.n - testBad - testGood, bad: c.bad - testBad });
  }
  return { train, test };
}

function totals(idx: number[], parts: Split[]): Split {
  let n = 0;
  let bad = 0;
  for (const i of idx) {
    n += parts[i]?.n ?? 0;
    bad += parts[i]?.bad ?? 0;
  }
  return { n, bad };
}

/** Score = mean(y outside) - mean(y inside) with y = -bad, i.e. bad rate inside minus outside. */
function score(inside: Split, all: Split): number {
  const outN = all.n - inside.n;
  if (inside.n === 0 || outN === 0) return 0;
  return inside.bad / inside.n - (all.bad - inside.bad) / outN;
}

function stdOf(s: Split): number {
  if (s.n === 0) return 0;
  const p = s.bad / s.n;
  return Math.sqrt(p * (1 - p));
}

interface Tree {
  /** The leaves (clusters) with the training cells in them and their score. */
  leaves: { cells: number[]; score: number }[];
  root: TreeNode;
}

/**
 * Splits the leaf with the largest spread of the bias indicator in two with
 * k-modes, as long as both halves keep at least minClusterSize training rows
 * and one of them scores higher than the leaf did; at most maxIter times.
 */
function growTree(cells: HbacCell[], train: Split[], all: Split, minClusterSize: number, opt: HbacOptions, rand: () => number): Tree {
  const leaves: { cells: number[]; score: number }[] = [{ cells: cells.map((_, i) => i), score: 0 }];
  const root: { node: TreeNode } = { node: { leaf: 0 } };
  const leafRef = new Map<number, { set: (n: TreeNode) => void }>();
  leafRef.set(0, { set: (n) => (root.node = n) });

  // Max-heap on the spread of y; with few leaves a sorted pick is simpler than a heap.
  const open = new Set<number>([0]);
  for (let iter = 0; iter < opt.maxIter && open.size > 0; iter++) {
    let pick = -1;
    let pickStd = -1;
    for (const id of open) {
      const s = stdOf(totals((leaves[id] as { cells: number[] }).cells, train));
      if (s > pickStd) [pick, pickStd] = [id, s];
    }
    open.delete(pick);
    const leaf = leaves[pick] as { cells: number[]; score: number };
    const members = leaf.cells.filter((i) => (train[i]?.n ?? 0) > 0);
    const km =
      members.length >= 2
        ? kModes(
            { features: members.map((i) => (cells[i] as HbacCell).features), weights: members.map((i) => train[i]?.n ?? 0) },
            2,
            rand,
            opt.kmodesInits,
          )
        : null;
    if (!km) continue;
    const parts: [number[], number[]] = [[], []];
    for (const i of leaf.cells) parts[nearestMode((cells[i] as HbacCell).features, km.modes)]?.push(i);
    const t0 = totals(parts[0], train);
    const t1 = totals(parts[1], train);
    if (t0.n < minClusterSize || t1.n < minClusterSize) continue;
    const s0 = score(t0, all);
    const s1 = score(t1, all);
    if (Math.max(s0, s1) < leaf.score + MIN_GAIN) continue;
    const id1 = leaves.length;
    leaves[pick] = { cells: parts[0], score: s0 };
    leaves.push({ cells: parts[1], score: s1 });
    const node: SplitNode = { modes: km.modes, children: [{ leaf: pick }, { leaf: id1 }] };
    (leafRef.get(pick) as { set: (n: TreeNode) => void }).set(node);
    leafRef.set(pick, { set: (n) => (node.children[0] = n) });
    leafRef.set(id1, { set: (n) => (node.children[1] = n) });
    open.add(pick);
    open.add(id1);
  }
  return { leaves, root: root.node };
}

export function runHbac(cells: HbacCell[], options: Partial<HbacOptions> = {}): HbacResult {
  const opt = { ...HBAC_DEFAULTS, ...options };
  const rand = mulberry32(opt.seed);
  const { train, test } = splitCells(cells, opt.testFraction, rand);
  const all = totals(cells.map((_, i) => i), train);
  const minClusterSize = Math.max(1, Math.ceil(opt.minClusterFraction * all.n));
  const { leaves, root } = growTree(cells, train, all, minClusterSize, opt, rand);

  // Held-out rows go down the same tree; every cell's rows share its features.
  const route = (features: number[]): number => {
    let node = root;
    while (!("leaf" in node)) node = node.children[nearestMode(features, node.modes) as 0 | 1];
    return node.leaf;
  };
  const leafOf = cells.map((c) => route(c.features));
  const order = leaves.map((l, id) => ({ id, score: l.score })).sort((a, b) => b.score - a.score || a.id - b.id);
  const clusters: HbacCluster[] = order.map(({ id, score: s }, rank) => {
    const members = leafOf.flatMap((leafId, i) => (leafId === id ? [i] : []));
    return { rank, score: s, train: totals(members, train), test: totals(members, test), cells: members };
  });

  const c0 = clusters[0] as HbacCluster;
  const testAll = totals(cells.map((_, i) => i), test);
  const rest = { n: testAll.n - c0.test.n, bad: testAll.bad - c0.test.bad };
  const z = clusters.length > 1 ? twoProportionZTest(c0.test.bad, c0.test.n, rest.bad, rest.n) : null;
  const significant = z !== null && z.pGreater < opt.alpha;

  return {
    parameters: { ...opt, minClusterSize, trainRows: all.n, testRows: testAll.n },
    clusters,
    test: {
      method: "one-sided two-proportion z-test (pooled), H1: bias indicator more frequent in cluster 0",
      z: z?.z ?? null,
      p: z?.pGreater ?? null,
      significant,
    },
    description: significant ? describe(cells, test, new Set(c0.cells), opt.alpha) : null,
  };
}

function describe(cells: HbacCell[], test: Split[], inCluster: Set<number>, alpha: number): FeatureDescription[] {
  const nFeatures = cells[0]?.features.length ?? 0;
  const raw: Omit<FeatureDescription, "pAdjusted" | "significant">[] = [];
  for (let f = 0; f < nFeatures; f++) {
    const tab = new Map<number, [number, number]>();
    let nIn = 0;
    let nOut = 0;
    cells.forEach((c, i) => {
      const n = test[i]?.n ?? 0;
      const v = c.features[f] as number;
      const row = tab.get(v) ?? [0, 0];
      if (inCluster.has(i)) {
        row[0] += n;
        nIn += n;
      } else {
        row[1] += n;
        nOut += n;
      }
      tab.set(v, row);
    });
    const total = nIn + nOut;
    let chi2 = 0;
    const values: FeatureValueShare[] = [];
    let levels = 0;
    for (const [value, [a, b]] of [...tab].sort((x, y) => x[0] - y[0])) {
      if (a + b === 0) continue;
      levels++;
      const eIn = ((a + b) * nIn) / total;
      const eOut = ((a + b) * nOut) / total;
      if (eIn > 0) chi2 += (a - eIn) ** 2 / eIn;
      if (eOut > 0) chi2 += (b - eOut) ** 2 / eOut;
      values.push({ value, shareInCluster: nIn > 0 ? a / nIn : 0, shareOutside: nOut > 0 ? b / nOut : 0 });
    }
    const df = Math.max(1, levels - 1);
    const p = nIn > 0 && nOut > 0 && levels > 1 ? chiSquareUpperTail(chi2, df) : 1;
    raw.push({ feature: f, method: "chi-square test of independence", chi2, df, p, values });
  }
  const adj = adjustPValues(raw.map((r) => r.p), "bonferroni");
  return raw.map((r, i) => ({ ...r, pAdjusted: adj[i] as number, significant: (adj[i] as number) < alpha }));
}
