// Plain-language summary: what stands out and what cannot be concluded.
// Sentences come from SUMMARY_MESSAGES so Dutch and English stay in step.

import type { Correction } from "./multiple-testing.ts";
import type { BreakdownResult } from "./disparity.ts";
import { type Lang, fmtInt, fmtNum, fmtP, fmtPct } from "./format-number.ts";
import { type Favourable, SUMMARY_MESSAGES } from "./summary-messages.ts";

export interface ScanSummaryInput {
  ran: boolean;
  bad: "fp" | "fn" | "error" | "unfavourable" | "selected";
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

function list(items: string[], lang: Lang): string {
  const shown = items.slice(0, MAX_LISTED);
  const more = items.length - shown.length;
  const tail = more > 0 ? (lang === "nl" ? ` en ${more} andere` : ` and ${more} others`) : "";
  return shown.join(", ") + tail;
}

export function summarise(input: SummaryInput, lang: Lang): string[] {
  const M = SUMMARY_MESSAGES[lang];
  const out: string[] = [];
  const gets = M.gets[input.favourable];
  out.push(M.rows(fmtInt(input.rows, lang), fmtPct(input.selectionRate, lang), gets));
  out.push(M.favourable[input.favourable]);

  let significantCount = 0;
  const significantSelection: string[] = [];
  const small = new Set<string>();
  let anyNotSignificant = false;
  for (const b of input.breakdowns) {
    const attr = b.attributes.join(" × ");
    for (const g of b.groups) {
      if (g.smallCell) small.add(`${g.label} (n = ${fmtInt(g.counts.n, lang)})`);
      for (const c of g.comparisons) {
        if (c.test?.significant) {
          significantCount++;
          if (c.metric === "selectionRate")
            significantSelection.push(`${g.label} ${lang === "nl" ? "t.o.v." : "vs"} ${c.against === "rest" ? (lang === "nl" ? "de rest" : "the rest") : c.against}`);
        } else if (c.test) anyNotSignificant = true;
      }
    }
    if (b.kind !== "attribute") continue;
    const sel = b.between.find((s) => s.metric === "selectionRate");
    if (sel && b.groups.length > 1) {
      const ci = sel.differenceCi95;
      out.push(
        M.spread(
          attr,
          gets,
          sel.max.group,
          fmtPct(sel.max.value, lang),
          sel.min.group,
          fmtPct(sel.min.value, lang),
          fmtNum(sel.difference * 100, lang, 1),
          ci ? fmtNum(ci.lower * 100, lang, 1) : "?",
          ci ? fmtNum(ci.upper * 100, lang, 1) : "?",
        ),
      );
    }
    const outside = b.groups.filter((g) => g.comparisons.some((c) => c.metric === "selectionRate" && c.fourFifths === "outside"));
    const ref = b.reference.group ?? (lang === "nl" ? "iedereen" : "everyone");
    if (b.groups.length > 1)
      out.push(outside.length > 0 ? M.fourFifthsOutside(attr, list(outside.map((g) => g.label), lang), ref) : M.fourFifthsAllWithin(attr));
    if (input.hasLabel) {
      for (const metric of ["fpr", "fnr"] as const) {
        const s = b.between.find((x) => x.metric === metric);
        // Only mention error-rate gaps that matter: at least 5 points or outside four-fifths.
        if (s && (s.difference >= 0.05 || (s.ratio !== null && s.ratio < 0.8)))
          out.push(M.errorSpread(attr, M.metricName[metric], s.max.group, fmtPct(s.max.value, lang), s.min.group, fmtPct(s.min.value, lang)));
      }
    }
  }
  out.push(M.significance(significantCount, input.testsCount, M.correctionName[input.correction] ?? input.correction, fmtNum(input.alpha, lang, 2)));
  if (significantSelection.length > 0) out.push(M.significantList(list(significantSelection, lang)));
  if (small.size > 0) out.push(M.smallCells(list([...small], lang)));
  if (!input.hasLabel) out.push(M.noLabel);
  if (input.scan) {
    const s = input.scan;
    const what = M.scanBad[s.bad];
    if (!s.ran) out.push(M.scanSkipped);
    else if (s.significant) {
      out.push(M.scanFound(fmtInt(s.cluster0TestN, lang), what, fmtPct(s.inRate, lang), fmtPct(s.outRate, lang), fmtP(s.p, lang)));
      for (const m of s.moreOften.slice(0, 4)) out.push(M.scanMoreOften(m.feature, m.value, fmtPct(m.inShare, lang), fmtPct(m.outShare, lang)));
    } else out.push(M.scanNotFound(what, fmtP(s.p, lang)));
  }
  if (anyNotSignificant || small.size > 0) out.push(M.notSignificantIsNotEqual);
  out.push(M.causality);
  return out;
}
