// Disparities between groups for one breakdown (one attribute or one
// intersection of attributes). The convention used is always part of the
// output, because "difference" means different things in Fairlearn, AIF360
// and Aequitas.

import type { Counts } from "./counts.ts";
import { addCounts, emptyCounts } from "./counts.ts";
import { type MetricId, type RateEstimate, COMPARED_WITHOUT_LABEL, COMPARED_WITH_LABEL, rateOf, ratesOf } from "./metrics.ts";
import { type Interval, katzRatio, newcombeDifference, twoProportionZTest } from "./proportions.ts";
import { METRICS } from "./metrics.ts";

export type ReferenceConvention =
  | { kind: "between" }
  | { kind: "overall" }
  | { kind: "largest" }
  /** values: "VALUE" or "attribute=VALUE"; the first that matches a group wins. */
  | { kind: "group"; values: string[] };

export const FOUR_FIFTHS: Readonly<Interval> = { lower: 0.8, upper: 1.25 };

export interface SmallCellRule {
  minN: number;
  minExpected: number;
}
export const DEFAULT_SMALL_CELL: SmallCellRule = { minN: 30, minExpected: 5 };

export interface GroupInput {
  /** One value per attribute of the breakdown. */
  values: string[];
  counts: Counts;
}

export interface TestResult {
  method: "two-proportion z-test (pooled), two-sided";
  z: number;
  p: number;
  /** Filled in once all tests of the report are known (multiple-testing correction). */
  pAdjusted: number | null;
  significant: boolean | null;
}

export interface Comparison {
  metric: MetricId;
  /** What the group is compared with: a group label, or "rest" (everyone else). */
  against: string;
  difference: number | null;
  differenceCi95: Interval | null;
  ratio: number | null;
  ratioCi95: Interval | null;
  /** Only in the "overall" convention: rate minus / divided by the whole population. */
  differenceToOverall?: number | null;
  ratioToOverall?: number | null;
  fourFifths: "within" | "outside" | "undefined";
  test: TestResult | null;
  smallCell: boolean;
}

export interface GroupResult {
  label: string;
  values: string[];
  counts: Counts;
  isReference: boolean;
  /** Share of all selected rows that fall in this group (Aequitas "ppr"). */
  shareOfSelected: number | null;
  smallCell: boolean;
  rates: Partial<Record<MetricId, RateEstimate>>;
  comparisons: Comparison[];
}

export interface Extreme {
  group: string;
  value: number;
}

export interface BetweenSpread {
  metric: MetricId;
  max: Extreme;
  min: Extreme;
  /** max - min (Fairlearn's *_difference with method "between_groups"). */
  difference: number;
  differenceCi95: Interval | null;
  /** min / max (Fairlearn's *_ratio). null when max is 0. */
  ratio: number | null;
  test: TestResult | null;
}

export interface OverallSpread {
  metric: MetricId;
  overall: number;
  /** Largest |rate - overall| (Fairlearn method "to_overall"). */
  largestAbsDifference: Extreme;
  /** Smallest min(rate/overall, overall/rate). */
  smallestRatio: Extreme | null;
}

export interface BreakdownResult {
  attributes: string[];
  kind: "attribute" | "intersection";
  reference: { convention: ReferenceConvention["kind"]; group: string | null; note: string | null };
  groups: GroupResult[];
  between: BetweenSpread[];
  againstOverall: OverallSpread[];
  /** max(TPR spread, FPR spread), with its ratio min(TPR ratio, FPR ratio). */
  equalizedOdds: { difference: number; ratio: number | null } | null;
  equalOpportunityDifference: number | null;
}

export const groupLabel = (values: readonly string[]): string => values.join(" × ");

function chooseReference(
  groups: GroupInput[],
  attributes: string[],
  convention: ReferenceConvention,
): { index: number; note: string | null } {
  let largest = 0;
  groups.forEach((g, i) => {
    const best = groups[largest];
    if (best && g.counts.n > best.counts.n) largest = i;
  });
  if (convention.kind === "group") {
    for (const wanted of convention.values) {
      const eq = wanted.indexOf("=");
      const attr = eq > 0 ? wanted.slice(0, eq) : null;
      const value = eq > 0 ? wanted.slice(eq + 1) : wanted;
      if (attr !== null && !(attributes.length === 1 && attributes[0] === attr)) continue;
      const idx = groups.findIndex((g) => groupLabel(g.values) === value);
      if (idx >= 0) return { index: idx, note: null };
    }
    return { index: largest, note: "named-reference-not-found-largest-used" };
  }
  if (convention.kind === "between") return { index: largest, note: "between-uses-largest-for-group-rows" };
  return { index: largest, note: null };
}

function isSmall(den: number, pooledRate: number | null, rule: SmallCellRule): boolean {
  if (den < rule.minN) return true;
  if (pooledRate === null) return true;
  return den * pooledRate < rule.minExpected || den * (1 - pooledRate) < rule.minExpected;
}

function makeTest(k1: number, n1: number, k2: number, n2: number): TestResult | null {
  const t = twoProportionZTest(k1, n1, k2, n2);
  if (!t) return null;
  return { method: "two-proportion z-test (pooled), two-sided", z: t.z, p: t.p, pAdjusted: null, significant: null };
}

function fourFifths(ratio: number | null | undefined): Comparison["fourFifths"] {
  if (ratio === null || ratio === undefined) return "undefined";
  return ratio >= FOUR_FIFTHS.lower && ratio <= FOUR_FIFTHS.upper ? "within" : "outside";
}

function compare(
  metric: MetricId,
  g: Counts,
  ref: Counts,
  against: string,
  overallRate: number | null,
  rule: SmallCellRule,
): Comparison {
  const def = METRICS[metric];
  const k1 = def.numerator(g);
  const n1 = def.denominator(g);
  const k2 = def.numerator(ref);
  const n2 = def.denominator(ref);
  const p1 = n1 > 0 ? k1 / n1 : null;
  const p2 = n2 > 0 ? k2 / n2 : null;
  const ratio = p1 !== null && p2 !== null && p2 > 0 ? p1 / p2 : null;
  return {
    metric,
    against,
    difference: p1 !== null && p2 !== null ? p1 - p2 : null,
    differenceCi95: newcombeDifference(k1, n1, k2, n2),
    ratio,
    ratioCi95: katzRatio(k1, n1, k2, n2),
    fourFifths: fourFifths(ratio),
    test: makeTest(k1, n1, k2, n2),
    smallCell: isSmall(n1, overallRate, rule) || isSmall(n2, overallRate, rule),
  };
}

export interface BreakdownOptions {
  attributes: string[];
  hasLabel: boolean;
  reference: ReferenceConvention;
  smallCell?: SmallCellRule;
  /** Which metrics to compare; defaults depend on hasLabel. */
  metrics?: readonly MetricId[];
}

/** A group against all other rows together (the "overall" convention); the four-fifths rule uses the ratio to everyone. */
function compareWithRest(m: MetricId, g: Counts, overall: Counts, all: number | null, rule: SmallCellRule): Comparison {
  const rest = { ...overall };
  for (const k of ["n", "pos", "tp", "fp", "fn", "tn"] as const) rest[k] -= g[k];
  const c = compare(m, g, rest, "rest", all, rule);
  const own = rateOf(m, g).value;
  c.differenceToOverall = own !== null && all !== null ? own - all : null;
  c.ratioToOverall = own !== null && all !== null && all > 0 ? own / all : null;
  c.fourFifths = fourFifths(c.ratioToOverall);
  return c;
}

/** The highest and the lowest group on one metric, their difference (with interval), ratio and test; null when no group has a rate. */
function betweenSpread(m: MetricId, groups: GroupInput[]): BetweenSpread | null {
  const def = METRICS[m];
  let hi: { g: GroupInput; v: number } | null = null;
  let lo: { g: GroupInput; v: number } | null = null;
  for (const g of groups) {
    const v = rateOf(m, g.counts).value;
    if (v === null) continue;
    if (!hi || v > hi.v) hi = { g, v };
    if (!lo || v < lo.v) lo = { g, v };
  }
  if (hi === null || lo === null) return null;
  const [k1, n1, k2, n2] = [def.numerator(hi.g.counts), def.denominator(hi.g.counts), def.numerator(lo.g.counts), def.denominator(lo.g.counts)];
  return {
    metric: m,
    max: { group: groupLabel(hi.g.values), value: hi.v },
    min: { group: groupLabel(lo.g.values), value: lo.v },
    difference: hi.v - lo.v,
    differenceCi95: newcombeDifference(k1, n1, k2, n2),
    ratio: hi.v > 0 ? lo.v / hi.v : null,
    test: groups.length > 2 ? makeTest(k1, n1, k2, n2) : null,
  };
}

/** The group furthest from everyone on one metric: largest absolute difference and smallest ratio. */
function overallSpread(m: MetricId, groups: GroupInput[], all: number): OverallSpread | null {
  let worstDiff: Extreme | null = null;
  let worstRatio: Extreme | null = null;
  for (const g of groups) {
    const v = rateOf(m, g.counts).value;
    if (v === null) continue;
    const d = v - all;
    if (!worstDiff || Math.abs(d) > Math.abs(worstDiff.value)) worstDiff = { group: groupLabel(g.values), value: d };
    const r = all > 0 && v > 0 ? Math.min(v / all, all / v) : all > 0 ? 0 : null;
    if (r !== null && (!worstRatio || r < worstRatio.value)) worstRatio = { group: groupLabel(g.values), value: r };
  }
  return worstDiff ? { metric: m, overall: all, largestAbsDifference: worstDiff, smallestRatio: worstRatio } : null;
}

export function analyseBreakdown(input: GroupInput[], options: BreakdownOptions): BreakdownResult {
  const rule = options.smallCell ?? DEFAULT_SMALL_CELL;
  const metrics = options.metrics ?? (options.hasLabel ? COMPARED_WITH_LABEL : COMPARED_WITHOUT_LABEL);
  const groups = [...input].sort((a, b) => groupLabel(a.values).localeCompare(groupLabel(b.values), "en"));
  const overall = emptyCounts();
  for (const g of groups) addCounts(overall, g.counts);
  const overallRates = new Map(metrics.map((m) => [m, rateOf(m, overall).value] as const));
  const conv = options.reference;
  const { index: refIndex, note } =
    groups.length > 0 ? chooseReference(groups, options.attributes, conv) : { index: -1, note: null };
  const refGroup = groups[refIndex];
  const useRest = conv.kind === "overall";

  const results: GroupResult[] = groups.map((g, i) => {
    const comparisons: Comparison[] = [];
    for (const m of metrics) {
      const all = overallRates.get(m) ?? null;
      if (useRest) comparisons.push(compareWithRest(m, g.counts, overall, all, rule));
      else if (refGroup && i !== refIndex) comparisons.push(compare(m, g.counts, refGroup.counts, groupLabel(refGroup.values), all, rule));
    }
    return {
      label: groupLabel(g.values),
      values: g.values,
      counts: g.counts,
      isReference: !useRest && i === refIndex,
      shareOfSelected: overall.pos > 0 ? g.counts.pos / overall.pos : null,
      smallCell: g.counts.n < rule.minN,
      rates: ratesOf(g.counts, options.hasLabel),
      comparisons,
    };
  });

  const between: BetweenSpread[] = [];
  const againstOverall: OverallSpread[] = [];
  for (const m of metrics) {
    const spread = betweenSpread(m, groups);
    if (spread === null) continue;
    between.push(spread);
    const all = overallRates.get(m) ?? null;
    const far = all === null ? null : overallSpread(m, groups, all);
    if (far) againstOverall.push(far);
  }

  const tpr = between.find((b) => b.metric === "tpr");
  const fpr = between.find((b) => b.metric === "fpr");
  const equalizedOdds =
    tpr && fpr
      ? {
          difference: Math.max(tpr.difference, fpr.difference),
          ratio: tpr.ratio !== null && fpr.ratio !== null ? Math.min(tpr.ratio, fpr.ratio) : null,
        }
      : null;

  return {
    attributes: options.attributes,
    kind: options.attributes.length > 1 ? "intersection" : "attribute",
    reference: {
      convention: conv.kind,
      group: useRest || !refGroup ? null : groupLabel(refGroup.values),
      note,
    },
    groups: results,
    between,
    againstOverall,
    equalizedOdds,
    equalOpportunityDifference: tpr ? tpr.difference : null,
  };
}
