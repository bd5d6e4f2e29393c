// Plain-language summary: what stands out and what cannot be concluded.
// Returns codes with parameters, not texts: each line's code is a catalogue
// key under bias_audit.summary.*, and numbers travel as numbers, so the
// renderer words and formats them in the reader's language.

import type { Correction } from "./multiple-testing.ts";
import type { BreakdownResult } from "./disparity.ts";

export type Favourable = "positive" | "negative" | "unspecified";

export type ScanBad = "fp" | "fn" | "error" | "unfavourable" | "selected";

export type SummaryCode =
  | "rows"
  | `favourable.${Favourable}`
  | `gets.${Favourable}`
  | "spread"
  | "four_fifths_outside"
  | "four_fifths_all_within"
  | "significance"
  | "significant_list"
  | "error_spread"
  | "metric.fpr"
  | "metric.fnr"
  | "small_cells"
  | "small_cell"
  | "no_label"
  | "causality"
  | "not_significant_is_not_equal"
  | "scan_found"
  | "scan_not_found"
  | "scan_skipped"
  | "scan_more_often"
  | `scan_bad.${ScanBad}`
  | `correction.${Correction}`
  | "versus"
  | "rest"
  | "everyone";

/**
 * A value in a summary sentence. A string comes from the data (a group label,
 * a column name) or is a count as it is; numbers are formatted by the
 * renderer: int with thousands separators, pct as a percentage with one
 * decimal, num with `digits` decimals, p as a p-value. A phrase is worded
 * from its own code; a list is joined, with "and N others" after `more`.
 */
export type SummaryValue =
  | string
  | { int: number }
  | { pct: number | null }
  | { num: number | null; digits: number }
  | { p: number | null }
  | SummaryPhrase
  | { list: SummaryValue[]; more: number };

export interface SummaryPhrase {
  code: SummaryCode;
  params?: Record<string, SummaryValue>;
}

export interface ScanSummaryInput {
  ran: boolean;
  bad: ScanBad;
  significant: boolean;
  p: number | null;
  cluster0TestN: number;
  inRate: number | null;
  outRate: number | null;
  moreOften: { feature: string; value: string; inShare: number; outShare: number }[];
}

export interface SummaryInput {
  rows: number;
  selectionRate: number | null;
  hasLabel: boolean;
  favourable: Favourable;
  breakdowns: BreakdownResult[];
  correction: Correction;
  testsCount: number;
  alpha: number;
  scan: ScanSummaryInput | null;
}

const MAX_LISTED = 6;

const phrase = (code: SummaryCode, params?: Record<string, SummaryValue>): SummaryPhrase => (params ? { code, params } : { code });
const pct = (v: number | null): SummaryValue => ({ pct: v });

function list(items: SummaryValue[]): SummaryValue {
  const shown = items.slice(0, MAX_LISTED);
  return { list: shown, more: items.length - shown.length };
}

interface Findings {
  significantCount: number;
  significantSelection: SummaryValue[];
  small: Map<string, SummaryValue>;
  anyNotSignificant: boolean;
}

/** Significant tests (every test the report corrects: comparisons and spreads) and small groups over all breakdowns (intersections too). */
function findings(breakdowns: BreakdownResult[]): Findings {
  const f: Findings = { significantCount: 0, significantSelection: [], small: new Map(), anyNotSignificant: false };
  for (const b of breakdowns) {
    for (const g of b.groups) {
      if (g.smallCell) f.small.set(`${g.label}\u0000${g.counts.n}`, phrase("small_cell", { group: g.label, n: { int: g.counts.n } }));
      for (const c of g.comparisons) {
        if (c.test?.significant) {
          f.significantCount++;
          if (c.metric === "selectionRate") f.significantSelection.push(phrase("versus", { group: g.label, against: c.against === "rest" ? phrase("rest") : c.against }));
        } else if (c.test) f.anyNotSignificant = true;
      }
    }
    // The spread between the highest and the lowest group is a test too: counted as the report counts it.
    for (const s of b.between) {
      if (s.test?.significant) f.significantCount++;
      else if (s.test) f.anyNotSignificant = true;
    }
  }
  return f;
}

/** The sentences about one group attribute: spread of selection, the four-fifths rule, gaps in error rates. */
function attributeLines(b: BreakdownResult, input: SummaryInput, gets: SummaryPhrase): SummaryPhrase[] {
  const out: SummaryPhrase[] = [];
  const attr = b.attributes.join(" × ");
  const sel = b.between.find((s) => s.metric === "selectionRate");
  if (sel && b.groups.length > 1) {
    const ci = sel.differenceCi95;
    const pp = (v: number | undefined): SummaryValue => (v === undefined ? "?" : { num: v * 100, digits: 1 });
    out.push(
      phrase("spread", { attr, gets, hi: sel.max.group, hiPct: pct(sel.max.value), lo: sel.min.group, loPct: pct(sel.min.value), pp: pp(sel.difference), lower: pp(ci?.lower), upper: pp(ci?.upper) }),
    );
  }
  const outside = b.groups.filter((g) => g.comparisons.some((c) => c.metric === "selectionRate" && c.fourFifths === "outside"));
  const ref: SummaryValue = b.reference.group ?? phrase("everyone");
  if (b.groups.length > 1)
    out.push(outside.length > 0 ? phrase("four_fifths_outside", { attr, groups: list(outside.map((g) => g.label)), ref }) : phrase("four_fifths_all_within", { attr }));
  if (input.hasLabel) {
    for (const metric of ["fpr", "fnr"] as const) {
      const s = b.between.find((x) => x.metric === metric);
      // Only mention error-rate gaps that matter: at least 5 points or outside four-fifths.
      if (s && (s.difference >= 0.05 || (s.ratio !== null && s.ratio < 0.8)))
        out.push(phrase("error_spread", { attr, metric: phrase(`metric.${metric}`), hi: s.max.group, hiPct: pct(s.max.value), lo: s.min.group, loPct: pct(s.min.value) }));
    }
  }
  return out;
}

function scanLines(s: ScanSummaryInput): SummaryPhrase[] {
  const what = phrase(`scan_bad.${s.bad}`);
  if (!s.ran) return [phrase("scan_skipped")];
  if (!s.significant) return [phrase("scan_not_found", { what, p: { p: s.p } })];
  return [
    phrase("scan_found", { n: { int: s.cluster0TestN }, what, inPct: pct(s.inRate), outPct: pct(s.outRate), p: { p: s.p } }),
    ...s.moreOften.slice(0, 4).map((m) => phrase("scan_more_often", { feature: m.feature, value: m.value, inPct: pct(m.inShare), outPct: pct(m.outShare) })),
  ];
}

export function summarise(input: SummaryInput): SummaryPhrase[] {
  const gets = phrase(`gets.${input.favourable}`);
  const out: SummaryPhrase[] = [phrase("rows", { n: { int: input.rows }, selected: pct(input.selectionRate), what: gets }), phrase(`favourable.${input.favourable}`)];
  const f = findings(input.breakdowns);
  for (const b of input.breakdowns) if (b.kind === "attribute") out.push(...attributeLines(b, input, gets));
  out.push(phrase("significance", { k: String(f.significantCount), m: String(input.testsCount), method: phrase(`correction.${input.correction}`), alpha: { num: input.alpha, digits: 2 } }));
  if (f.significantSelection.length > 0) out.push(phrase("significant_list", { items: list(f.significantSelection) }));
  if (f.small.size > 0) out.push(phrase("small_cells", { groups: list([...f.small.values()]) }));
  if (!input.hasLabel) out.push(phrase("no_label"));
  if (input.scan) out.push(...scanLines(input.scan));
  if (f.anyNotSignificant || f.small.size > 0) out.push(phrase("not_significant_is_not_equal"));
  out.push(phrase("causality"));
  return out;
}
