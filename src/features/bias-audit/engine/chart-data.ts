// Data for charts in the web app: per breakdown and metric, one bar per group
// with its 95% interval, plus the reference line to draw.

import type { MetricId } from "../../../domain/fairness/metrics.ts";
import type { BiasAuditReport } from "./report.ts";

export interface ChartBar {
  group: string;
  n: number;
  /** null when undefined for this group (draw no bar, show "onbepaald"). */
  value: number | null;
  lower: number | null;
  upper: number | null;
  isReference: boolean;
  smallCell: boolean;
  fourFifths: "within" | "outside" | "undefined" | null;
  significant: boolean | null;
}

export interface ChartSeries {
  breakdown: string;
  attributes: string[];
  metric: MetricId;
  /** Value of the reference group, or of everyone in the "overall" convention. */
  referenceValue: number | null;
  referenceLabel: string;
  /** Four-fifths band around the reference value, for shading. */
  fourFifthsBand: { lower: number; upper: number } | null;
  bars: ChartBar[];
}

export function toChartData(report: BiasAuditReport, metrics?: MetricId[]): ChartSeries[] {
  const wanted = metrics ?? (report.settings.label ? (["selectionRate", "tpr", "fpr", "fnr", "ppv"] as MetricId[]) : (["selectionRate"] as MetricId[]));
  const series: ChartSeries[] = [];
  for (const b of report.breakdowns) {
    for (const metric of wanted) {
      const ref = b.groups.find((g) => g.isReference);
      const refValue = ref ? (ref.rates[metric]?.value ?? null) : (report.overall.rates[metric]?.value ?? null);
      series.push({
        breakdown: b.attributes.join(" × "),
        attributes: b.attributes,
        metric,
        referenceValue: refValue,
        referenceLabel: ref ? ref.label : "overall",
        fourFifthsBand: refValue !== null ? { lower: refValue * 0.8, upper: Math.min(1, refValue * 1.25) } : null,
        bars: b.groups.map((g) => {
          const r = g.rates[metric];
          const c = g.comparisons.find((x) => x.metric === metric);
          return {
            group: g.label,
            n: g.counts.n,
            value: r?.value ?? null,
            lower: r?.ci95?.lower ?? null,
            upper: r?.ci95?.upper ?? null,
            isReference: g.isReference,
            smallCell: g.smallCell,
            fourFifths: c?.fourFifths ?? null,
            significant: c?.test?.significant ?? null,
          };
        }),
      });
    }
  }
  return series;
}
