// An accessible bar chart in SVG: one bar per group with its 95% interval
// (whiskers), the reference value as a dashed line and the four-fifths band
// shaded. Presentational SVG attributes only (the CSP forbids inline style).
// The same numbers stand in a table beside it.
//
// Legible at every width: the chart is drawn 1:1 at most (its stylesheet caps
// the width at WIDTH px) and narrow enough for a phone, so the text stays
// about 15 px high; the group's name stands above its bar, its value at the
// end of that line.
import type { Lang, Translate } from "../../../platform/i18n/index.ts";
import type { ChartSeries } from "../engine/index.ts";
import { fmtInterval, fmtPct } from "./format.ts";

export const CHART_WIDTH = 360;
const FONT = 15;
const LEFT = 2;
const RIGHT = CHART_WIDTH - 10;
const PLOT = RIGHT - LEFT;
const ROW = 46;
const TOP = 26;
const BAR = 16;

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function BarChart({ t, lang, series, id }: { t: Translate; lang: Lang; series: ChartSeries; id: string }) {
  const metric = t(`bias_audit.metric.${series.metric}`);
  const rows = series.bars.length;
  const bottom = TOP + rows * ROW;
  const height = bottom + 26;
  const x = (v: number) => LEFT + Math.max(0, Math.min(1, v)) * PLOT;
  const ref = series.referenceValue;
  const band = series.fourFifthsBand;
  const described = series.bars
    .map((b) => `${b.group}: ${b.value === null ? t("bias_audit.undefined") : `${fmtPct(lang, b.value)} (${fmtInterval(lang, b.lower !== null && b.upper !== null ? { lower: b.lower, upper: b.upper } : null, "pct")})`}`)
    .join("; ");
  const refText = ref === null ? "" : t("bias_audit.chart.reference_line", { label: series.referenceLabel === "overall" ? t("bias_audit.chart.everyone") : series.referenceLabel, value: fmtPct(lang, ref) });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      class="afw-bias-chart"
      font-family="inherit"
      font-size={String(FONT)}
    >
      <title id={`${id}-title`}>{t("bias_audit.chart.title", { metric, breakdown: series.breakdown })}</title>
      <desc id={`${id}-desc`}>{`${described}. ${refText}`}</desc>
      {band && ref !== null ? <rect x={x(band.lower)} y={TOP - 6} width={Math.max(0, x(band.upper) - x(band.lower))} height={rows * ROW + 6} fill="#e3ecf7" /> : null}
      {[0, 0.5, 1].map((v) => (
        <>
          <line x1={x(v)} x2={x(v)} y1={TOP - 6} y2={bottom} stroke="#b0b0b0" stroke-width="1" />
          <text x={x(v)} y={bottom + 18} text-anchor={v === 0 ? "start" : v === 1 ? "end" : "middle"} fill="#1a1a1a">{`${v * 100}%`}</text>
        </>
      ))}
      {series.bars.map((b, i) => {
        const y = TOP + i * ROW;
        const barY = y + 22;
        return (
          <>
            <text x={LEFT} y={y + 15} fill="#1a1a1a">{truncate(b.group, 32)}</text>
            <text x={RIGHT} y={y + 15} text-anchor="end" fill="#1a1a1a" font-weight="bold">{b.value === null ? t("bias_audit.undefined") : fmtPct(lang, b.value)}</text>
            {b.value !== null ? (
              <rect x={LEFT} y={barY} width={Math.max(1, x(b.value) - LEFT)} height={BAR} fill={b.isReference ? "#4a4a4a" : b.fourFifths === "outside" ? "#b3261e" : "#1f5fa8"} />
            ) : null}
            {b.lower !== null && b.upper !== null ? (
              <>
                <line x1={x(b.lower)} x2={x(b.upper)} y1={barY + BAR / 2} y2={barY + BAR / 2} stroke="#000000" stroke-width="2" />
                <line x1={x(b.lower)} x2={x(b.lower)} y1={barY + 2} y2={barY + BAR - 2} stroke="#000000" stroke-width="2" />
                <line x1={x(b.upper)} x2={x(b.upper)} y1={barY + 2} y2={barY + BAR - 2} stroke="#000000" stroke-width="2" />
              </>
            ) : null}
          </>
        );
      })}
      {ref !== null ? (
        <>
          <line x1={x(ref)} x2={x(ref)} y1={TOP - 10} y2={bottom} stroke="#000000" stroke-width="2" stroke-dasharray="5 3" />
          <text x={Math.max(LEFT, Math.min(x(ref) + 4, RIGHT - 80))} y={TOP - 12} fill="#1a1a1a">{t("bias_audit.chart.reference")}</text>
        </>
      ) : null}
    </svg>
  );
}
