// Turns the finest-grain count table into the full report: per attribute and
// per intersection, rates with intervals, disparities, corrected tests, the
// bias scan and the plain-language summary. Pure computation on a small table.

import { type Counts, addCounts, countsFromConfusion, countsFromSelection, emptyCounts } from "../../../domain/fairness/counts.ts";
import {
  type BreakdownResult,
  DEFAULT_SMALL_CELL,
  type ReferenceConvention,
  type SmallCellRule,
  type TestResult,
  analyseBreakdown,
} from "../../../domain/fairness/disparity.ts";
import { type HbacCell, type HbacOptions, type HbacResult, runHbac } from "../../../domain/fairness/hbac/hbac.ts";
import { type MetricId, type RateEstimate, ratesOf } from "../../../domain/fairness/metrics.ts";
import { type Correction, adjustPValues } from "../../../domain/fairness/multiple-testing.ts";
import { type Favourable, type ScanSummaryInput, summarise } from "../../../domain/fairness/summary.ts";
import { type AuditConfig, type GroupSpec, MISSING_VALUE, type PredictionRule, type ScanPlan, normaliseGroup, resolvePrediction } from "./config.ts";
import { type CountTableData, FN, FP, TN, TP } from "./count-table.ts";
import { summaryText } from "./summary-text.ts";

export const REPORT_FORMAT = "afweging.bias-audit";
export const REPORT_VERSION = 1;

export type ScanBias = "fp" | "fn" | "error" | "unfavourable" | "selected";

/** The report's reasons for a scan that did not run (documented values of `scan.reason`). */
export const SCAN_SKIPPED = { disabled: "disabled", tooFewCombinations: "fewer than two distinct feature combinations" } as const;

export interface ScanFeatureValue {
  value: string;
  shareInCluster: number;
  shareOutside: number;
}

export interface ScanReport {
  status: "done";
  biasVariable: ScanBias;
  biasVariableExplained: string;
  features: string[];
  parameters: HbacResult["parameters"];
  clusters: {
    rank: number;
    score: number;
    train: { n: number; bad: number };
    test: { n: number; bad: number };
    /** Feature values present in the cluster, most frequent first (at most 20 per feature). */
    values: Record<string, string[]>;
  }[];
  test: HbacResult["test"];
  description:
    | {
        feature: string;
        method: string;
        chi2: number;
        df: number;
        p: number;
        pAdjusted: number;
        correction: "bonferroni";
        significant: boolean;
        values: ScanFeatureValue[];
      }[]
    | null;
}

export interface BiasAuditReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  input: {
    file: string | null;
    format: "csv" | "parquet";
    bytes: number;
    delimiter: string | null;
    columns: string[];
    rowsUsed: number;
    rowsExcluded: { missingPrediction: number; missingLabel: number };
  };
  settings: {
    groups: GroupSpec[];
    scanFeatures: GroupSpec[];
    prediction: { column: string; rule: PredictionRule };
    label: string | null;
    favourable: Favourable;
    reference: ReferenceConvention;
    alpha: number;
    correction: Correction;
    smallCell: SmallCellRule;
    confidenceLevel: 0.95;
    methods: {
      rateInterval: "wilson";
      differenceInterval: "newcombe-hybrid-score";
      ratioInterval: "katz-log";
      test: "two-proportion z-test (pooled), two-sided";
      fourFifths: [0.8, 1.25];
    };
  };
  overall: { counts: Counts; rates: Partial<Record<MetricId, RateEstimate>> };
  breakdowns: BreakdownResult[];
  tests: { count: number; significant: number; correction: Correction; alpha: number };
  scan: ScanReport | { status: "skipped"; reason: string };
  summary: { nl: string[]; en: string[] };
}

export interface ReportContext {
  file: string | null;
  format: "csv" | "parquet";
  bytes: number;
  delimiter: string | null;
  columns: string[];
}

function displayValues(table: CountTableData, specs: GroupSpec[]): string[][] {
  return table.dictionaries.map((dict, k) => {
    const spec = specs[k] as GroupSpec;
    return dict.map((v) => {
      if (spec.map && Object.hasOwn(spec.map, v)) return spec.map[v] as string;
      if (spec.otherValue !== undefined && spec.map) return spec.otherValue;
      return v === "" ? MISSING_VALUE : v;
    });
  });
}

function cellCounts(table: CountTableData, cell: number, hasLabel: boolean): Counts {
  const c = table.counts;
  const tp = c[cell * 4 + TP] as number;
  const fp = c[cell * 4 + FP] as number;
  const fn = c[cell * 4 + FN] as number;
  const tn = c[cell * 4 + TN] as number;
  return hasLabel ? countsFromConfusion(tp, fp, fn, tn) : countsFromSelection(tp + fp + fn + tn, tp + fp);
}

function subsets(n: number): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const s: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s.push(i);
    if (s.length >= 2) out.push(s);
  }
  return out.sort((a, b) => a.length - b.length);
}

function aggregate(table: CountTableData, display: string[][], cols: number[], hasLabel: boolean): { values: string[]; counts: Counts }[] {
  const width = table.keyNames.length;
  const groups = new Map<string, { values: string[]; counts: Counts }>();
  for (let cell = 0; cell < table.cellCount; cell++) {
    const values = cols.map((k) => (display[k] as string[])[table.keys[cell * width + k] as number] as string);
    const key = values.join("\u0001");
    let g = groups.get(key);
    if (!g) {
      g = { values, counts: emptyCounts() };
      groups.set(key, g);
    }
    addCounts(g.counts, cellCounts(table, cell, hasLabel));
  }
  return [...groups.values()].filter((g) => g.counts.n > 0);
}

function resolveBias(requested: string | undefined, hasLabel: boolean, favourable: Favourable): ScanBias {
  if (requested && requested !== "auto") {
    if (!hasLabel && requested !== "unfavourable") return favourable === "unspecified" ? "selected" : "unfavourable";
    return requested as ScanBias;
  }
  if (hasLabel) return favourable === "negative" ? "fp" : favourable === "positive" ? "fn" : "error";
  return favourable === "unspecified" ? "selected" : "unfavourable";
}

const BIAS_EXPLAINED: Record<ScanBias, string> = {
  fp: "false positive: selected while the true outcome is negative",
  fn: "false negative: not selected while the true outcome is positive",
  error: "any error (false positive or false negative)",
  unfavourable: "the unfavourable prediction for the person",
  selected: "being selected (prediction positive)",
};

function badCount(c: Counts, bias: ScanBias, favourable: Favourable): number {
  switch (bias) {
    case "fp":
      return c.fp;
    case "fn":
      return c.fn;
    case "error":
      return c.fp + c.fn;
    case "unfavourable":
      return favourable === "positive" ? c.n - c.pos : c.pos;
    case "selected":
      return c.pos;
  }
}

function runScan(
  table: CountTableData,
  display: string[][],
  hasLabel: boolean,
  favourable: Favourable,
  config: AuditConfig,
): ScanReport | { status: "skipped"; reason: string } {
  if (config.scan === false) return { status: "skipped", reason: SCAN_SKIPPED.disabled };
  const scanOpts = config.scan ?? {};
  const bias = resolveBias(scanOpts.biasVariable, hasLabel, favourable);
  const cols = display.map((_, k) => k);
  const groups = aggregate(table, display, cols, hasLabel);
  if (groups.length < 2) return { status: "skipped", reason: SCAN_SKIPPED.tooFewCombinations };
  const codes = cols.map(() => new Map<string, number>());
  const names = cols.map(() => [] as string[]);
  const cells: HbacCell[] = groups.map((g) => ({
    features: g.values.map((v, k) => {
      const m = codes[k] as Map<string, number>;
      let code = m.get(v);
      if (code === undefined) {
        code = m.size;
        m.set(v, code);
        (names[k] as string[]).push(v);
      }
      return code;
    }),
    n: g.counts.n,
    bad: badCount(g.counts, bias, favourable),
  }));
  const opts: Partial<HbacOptions> = { ...scanOpts };
  delete (opts as { biasVariable?: unknown }).biasVariable;
  const res = runHbac(cells, opts);
  const featureNames = table.keyNames;
  return {
    status: "done",
    biasVariable: bias,
    biasVariableExplained: BIAS_EXPLAINED[bias],
    features: featureNames,
    parameters: res.parameters,
    clusters: res.clusters.map((c) => {
      const values: Record<string, string[]> = {};
      featureNames.forEach((f, k) => {
        const w = new Map<string, number>();
        for (const i of c.cells) {
          const cell = cells[i] as HbacCell;
          const v = (names[k] as string[])[cell.features[k] as number] as string;
          w.set(v, (w.get(v) ?? 0) + cell.n);
        }
        values[f] = [...w].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([v]) => v);
      });
      return { rank: c.rank, score: c.score, train: c.train, test: c.test, values };
    }),
    test: res.test,
    description:
      res.description?.map((d) => ({
        feature: featureNames[d.feature] as string,
        method: d.method,
        chi2: d.chi2,
        df: d.df,
        p: d.p,
        pAdjusted: d.pAdjusted,
        correction: "bonferroni" as const,
        significant: d.significant,
        values: d.values.map((v) => ({
          value: (names[d.feature] as string[])[v.value] as string,
          shareInCluster: v.shareInCluster,
          shareOutside: v.shareOutside,
        })),
      })) ?? null,
  };
}

function scanSummary(scan: BiasAuditReport["scan"]): ScanSummaryInput | null {
  if (scan.status !== "done") return { ran: false, bad: "selected", significant: false, p: null, cluster0TestN: 0, inRate: null, outRate: null, moreOften: [] };
  const c0 = scan.clusters[0];
  const total = scan.clusters.reduce((a, c) => ({ n: a.n + c.test.n, bad: a.bad + c.test.bad }), { n: 0, bad: 0 });
  const restN = total.n - (c0?.test.n ?? 0);
  const moreOften = (scan.description ?? [])
    .filter((d) => d.significant)
    .flatMap((d) =>
      d.values
        .filter((v) => v.shareInCluster - v.shareOutside >= 0.1)
        .map((v) => ({ feature: d.feature, value: v.value, inShare: v.shareInCluster, outShare: v.shareOutside })),
    )
    .sort((a, b) => b.inShare - b.outShare - (a.inShare - a.outShare));
  return {
    ran: true,
    bad: scan.biasVariable,
    significant: scan.test.significant,
    p: scan.test.p,
    cluster0TestN: c0?.test.n ?? 0,
    inRate: c0 && c0.test.n > 0 ? c0.test.bad / c0.test.n : null,
    outRate: restN > 0 ? (total.bad - (c0?.test.bad ?? 0)) / restN : null,
    moreOften,
  };
}

/** One breakdown per group attribute and, unless switched off, per intersection of them. */
function analyseBreakdowns(
  table: CountTableData,
  display: string[][],
  attrs: string[],
  intersections: boolean,
  options: { hasLabel: boolean; reference: ReferenceConvention; smallCell: SmallCellRule },
): BreakdownResult[] {
  const sets: number[][] = attrs.map((_, i) => [i]);
  if (intersections && attrs.length > 1) {
    if (attrs.length <= 4) sets.push(...subsets(attrs.length));
    else sets.push(attrs.map((_, i) => i));
  }
  return sets.map((cols) => analyseBreakdown(aggregate(table, display, cols, options.hasLabel), { attributes: cols.map((i) => attrs[i] as string), ...options }));
}

/** Every test of every breakdown, corrected together for multiple testing (sets pAdjusted and significant). */
function correctTests(breakdowns: BreakdownResult[], correction: Correction, alpha: number): TestResult[] {
  const tests: TestResult[] = [];
  for (const b of breakdowns) {
    for (const g of b.groups) for (const c of g.comparisons) if (c.test) tests.push(c.test);
    for (const s of b.between) if (s.test) tests.push(s.test);
  }
  const adjusted = adjustPValues(tests.map((t) => t.p), correction);
  tests.forEach((t, i) => {
    t.pAdjusted = adjusted[i] as number;
    t.significant = t.pAdjusted < alpha;
  });
  return tests;
}

export function buildReport(table: CountTableData, plan: ScanPlan, config: AuditConfig, ctx: ReportContext): BiasAuditReport {
  const hasLabel = plan.label !== null;
  const { favourable } = resolvePrediction(config);
  const groupSpecs = config.groups.map(normaliseGroup);
  const featureSpecs = (config.scanFeatures ?? []).map(normaliseGroup);
  const display = displayValues(table, [...groupSpecs, ...featureSpecs]);
  const reference: ReferenceConvention = config.reference ?? { kind: "largest" };
  const smallCell = config.smallCell ?? DEFAULT_SMALL_CELL;
  const alpha = config.alpha ?? 0.05;
  const correction: Correction = config.correction ?? "holm";
  const attrs = groupSpecs.map((g) => g.column);

  const breakdowns = analyseBreakdowns(table, display, attrs, config.intersections !== false, { hasLabel, reference, smallCell });
  const tests = correctTests(breakdowns, correction, alpha);

  const overallCounts = emptyCounts();
  for (let cell = 0; cell < table.cellCount; cell++) addCounts(overallCounts, cellCounts(table, cell, hasLabel));
  const scan = runScan(table, display, hasLabel, favourable, config);
  const overallRates = ratesOf(overallCounts, hasLabel);
  const summary = summarise({
    rows: overallCounts.n,
    selectionRate: overallRates.selectionRate?.value ?? null,
    hasLabel,
    favourable,
    breakdowns,
    correction,
    testsCount: tests.length,
    alpha,
    scan: scanSummary(scan),
  });

  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    input: {
      file: ctx.file,
      format: ctx.format,
      bytes: ctx.bytes,
      delimiter: ctx.delimiter,
      columns: ctx.columns,
      rowsUsed: table.rows,
      rowsExcluded: table.excluded,
    },
    settings: {
      groups: groupSpecs,
      scanFeatures: featureSpecs,
      prediction: { column: plan.prediction.name, rule: plan.prediction.rule },
      label: plan.label?.name ?? null,
      favourable,
      reference,
      alpha,
      correction,
      smallCell,
      confidenceLevel: 0.95,
      methods: {
        rateInterval: "wilson",
        differenceInterval: "newcombe-hybrid-score",
        ratioInterval: "katz-log",
        test: "two-proportion z-test (pooled), two-sided",
        fourFifths: [0.8, 1.25],
      },
    },
    overall: { counts: overallCounts, rates: overallRates },
    breakdowns,
    tests: { count: tests.length, significant: tests.filter((t) => t.significant).length, correction, alpha },
    scan,
    summary: { nl: summaryText(summary, "nl"), en: summaryText(summary, "en") },
  };
}
