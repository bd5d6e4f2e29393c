// Rates derived from confusion counts, each with a Wilson 95% interval.
// A zero denominator yields value null ("undefined"), never NaN.

import type { Counts } from "./counts.ts";
import { type Interval, wilson } from "./proportions.ts";

export type MetricId =
  | "selectionRate"
  | "baseRate"
  | "tpr"
  | "fpr"
  | "fnr"
  | "tnr"
  | "ppv"
  | "npv"
  | "fdr"
  | "for"
  | "accuracy";

interface MetricDefinition {
  needsLabel: boolean;
  numerator: (c: Counts) => number;
  denominator: (c: Counts) => number;
}

export const METRICS: Readonly<Record<MetricId, MetricDefinition>> = {
  selectionRate: { needsLabel: false, numerator: (c) => c.pos, denominator: (c) => c.n },
  baseRate: { needsLabel: true, numerator: (c) => c.tp + c.fn, denominator: (c) => c.n },
  tpr: { needsLabel: true, numerator: (c) => c.tp, denominator: (c) => c.tp + c.fn },
  fpr: { needsLabel: true, numerator: (c) => c.fp, denominator: (c) => c.fp + c.tn },
  fnr: { needsLabel: true, numerator: (c) => c.fn, denominator: (c) => c.tp + c.fn },
  tnr: { needsLabel: true, numerator: (c) => c.tn, denominator: (c) => c.fp + c.tn },
  ppv: { needsLabel: true, numerator: (c) => c.tp, denominator: (c) => c.tp + c.fp },
  npv: { needsLabel: true, numerator: (c) => c.tn, denominator: (c) => c.tn + c.fn },
  fdr: { needsLabel: true, numerator: (c) => c.fp, denominator: (c) => c.tp + c.fp },
  for: { needsLabel: true, numerator: (c) => c.fn, denominator: (c) => c.tn + c.fn },
  accuracy: { needsLabel: true, numerator: (c) => c.tp + c.tn, denominator: (c) => c.n },
};

export const ALL_METRICS = Object.keys(METRICS) as MetricId[];

/** Metrics that get compared between groups (the others are reported only). */
export const COMPARED_WITH_LABEL: readonly MetricId[] = [
  "selectionRate",
  "tpr",
  "fpr",
  "fnr",
  "ppv",
  "npv",
  "accuracy",
];
export const COMPARED_WITHOUT_LABEL: readonly MetricId[] = ["selectionRate"];

export interface RateEstimate {
  /** "undefined" when the denominator is zero; value is then null (never NaN). */
  status: "ok" | "undefined";
  value: number | null;
  ci95: Interval | null;
  numerator: number;
  denominator: number;
}

export function rateOf(metric: MetricId, counts: Counts): RateEstimate {
  const def = METRICS[metric];
  const numerator = def.numerator(counts);
  const denominator = def.denominator(counts);
  return {
    status: denominator > 0 ? "ok" : "undefined",
    value: denominator > 0 ? numerator / denominator : null,
    ci95: wilson(numerator, denominator),
    numerator,
    denominator,
  };
}

export function metricsFor(hasLabel: boolean): MetricId[] {
  return ALL_METRICS.filter((m) => hasLabel || !METRICS[m].needsLabel);
}

export function ratesOf(counts: Counts, hasLabel: boolean): Partial<Record<MetricId, RateEstimate>> {
  const out: Partial<Record<MetricId, RateEstimate>> = {};
  for (const m of metricsFor(hasLabel)) out[m] = rateOf(m, counts);
  return out;
}
