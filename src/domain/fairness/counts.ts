// Confusion counts of one group. Everything else in the audit is derived from
// these five numbers, which is what makes a single streaming pass sufficient.

export interface Counts {
  n: number;
  /** Rows the algorithm selects / flags (prediction positive). */
  pos: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function emptyCounts(): Counts {
  return { n: 0, pos: 0, tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function addCounts(into: Counts, other: Counts): Counts {
  into.n += other.n;
  into.pos += other.pos;
  into.tp += other.tp;
  into.fp += other.fp;
  into.fn += other.fn;
  into.tn += other.tn;
  return into;
}

export function sumCounts(list: Iterable<Counts>): Counts {
  const total = emptyCounts();
  for (const c of list) addCounts(total, c);
  return total;
}

/** Counts from a prediction-only table (no true outcome known). */
export function countsFromSelection(n: number, pos: number): Counts {
  return { n, pos, tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function countsFromConfusion(tp: number, fp: number, fn: number, tn: number): Counts {
  return { n: tp + fp + fn + tn, pos: tp + fp, tp, fp, fn, tn };
}
