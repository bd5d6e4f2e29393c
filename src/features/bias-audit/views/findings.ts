// The few findings a reader of a bias-audit result should see first, picked
// from the report: per group attribute the largest difference in selection,
// the largest gaps in wrongful (non-)selection, the largest difference in a
// combination of attributes, and the bias scan. Pure: numbers and codes, the
// view words them. Small groups are left out here (their figures are too
// uncertain to lead with); they stay in the full tables.
import type { Interval } from "../../../domain/fairness/proportions.ts";
import type { BreakdownResult, Comparison, GroupResult } from "../../../domain/fairness/disparity.ts";
import type { MetricId } from "../../../domain/fairness/metrics.ts";
import type { BiasAuditReport } from "../engine/index.ts";

export type FindingKind = "selection" | "error" | "intersection" | "no_difference";

export interface Finding {
  kind: FindingKind;
  /** Index of the breakdown in report.breakdowns (its full tables have the anchor breakdown-<index>). */
  breakdown: number;
  attr: string;
  metric: MetricId;
  group: string;
  groupN: number;
  /** A group label, or "rest" (everyone else). */
  against: string;
  groupValue: number | null;
  againstValue: number | null;
  difference: number;
  differenceCi95: Interval | null;
  ratio: number | null;
  ratioCi95: Interval | null;
  fourFifths: Comparison["fourFifths"];
  pAdjusted: number | null;
  significant: boolean;
}

/** The number of error-rate findings shown at most, and the gap below which one is not worth leading with. */
const MAX_ERROR_FINDINGS = 2;
const MIN_ERROR_GAP = 0.05;

function toFinding(kind: FindingKind, index: number, b: BreakdownResult, g: GroupResult, c: Comparison): Finding {
  const groupValue = g.rates[c.metric]?.value ?? null;
  return {
    kind,
    breakdown: index,
    attr: b.attributes.join(" × "),
    metric: c.metric,
    group: g.label,
    groupN: g.counts.n,
    against: c.against,
    groupValue,
    againstValue: groupValue !== null && c.difference !== null ? groupValue - c.difference : null,
    difference: c.difference ?? 0,
    differenceCi95: c.differenceCi95,
    ratio: c.ratio,
    ratioCi95: c.ratioCi95,
    fourFifths: c.fourFifths,
    pAdjusted: c.test?.pAdjusted ?? null,
    significant: c.test?.significant === true,
  };
}

/** The comparison on `metric` with the largest difference, among groups large enough to judge; significant ones first when asked. */
function largest(b: BreakdownResult, metric: MetricId, onlySignificant: boolean): { g: GroupResult; c: Comparison } | null {
  let best: { g: GroupResult; c: Comparison } | null = null;
  for (const g of b.groups) {
    if (g.smallCell) continue;
    for (const c of g.comparisons) {
      if (c.metric !== metric || c.smallCell || c.difference === null || !c.test) continue;
      if (onlySignificant && !c.test.significant) continue;
      if (!best || Math.abs(c.difference) > Math.abs(best.c.difference ?? 0)) best = { g, c };
    }
  }
  return best;
}

export function keyFindings(report: BiasAuditReport): Finding[] {
  const out: Finding[] = [];
  const errors: Finding[] = [];
  let combination: Finding | null = null;
  report.breakdowns.forEach((b, i) => {
    if (b.groups.length < 2) return;
    if (b.kind === "attribute") {
      const sig = largest(b, "selectionRate", true);
      const any = sig ?? largest(b, "selectionRate", false);
      if (any) out.push(toFinding(sig ? "selection" : "no_difference", i, b, any.g, any.c));
      if (report.settings.label) {
        for (const metric of ["fpr", "fnr"] as const) {
          const e = largest(b, metric, true);
          if (e && Math.abs(e.c.difference ?? 0) >= MIN_ERROR_GAP) errors.push(toFinding("error", i, b, e.g, e.c));
        }
      }
    } else {
      const sig = largest(b, "selectionRate", true);
      if (sig && (!combination || Math.abs(sig.c.difference ?? 0) > Math.abs(combination.difference))) combination = toFinding("intersection", i, b, sig.g, sig.c);
    }
  });
  errors.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
  out.push(...errors.slice(0, MAX_ERROR_FINDINGS));
  if (combination) out.push(combination);
  return out;
}

/** Tests of one breakdown as the report counts them: every comparison with a test, and every spread with a test. */
export function breakdownTests(b: BreakdownResult): { count: number; significant: number } {
  let count = 0;
  let significant = 0;
  for (const g of b.groups)
    for (const c of g.comparisons)
      if (c.test) {
        count++;
        if (c.test.significant) significant++;
      }
  for (const s of b.between)
    if (s.test) {
      count++;
      if (s.test.significant) significant++;
    }
  return { count, significant };
}
