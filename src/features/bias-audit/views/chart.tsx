// An accessible bar chart in SVG: one bar per group with its 95% interval
// (whiskers), the reference value as a dashed line and the four-fifths band
// shaded. Presentational SVG attributes only (the CSP forbids inline style).
// The same numbers stand in a table beside it.
import type { Lang, Translate } from "../../../platform/i18n/index.ts";
import type { ChartSeries } from "../engine/index.ts";
import { fmtInterval, fmtPct } from "./format.ts";

const WIDTH = 560;
const LABEL = 170;
const PLOT = 330;
const ROW = 26;
const TOP = 24;

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function BarChart({ t, lang, series, id }: { t: Translate; lang: Lang; series: ChartSeries; id: string }) {
  const metric = t(`bias_audit.metric.${series.metric}`);
  const height = TOP + series.bars.length * ROW + 28;
  const x = (v: number) => LABEL + Math.max(0, Math.min(1, v)) * PLOT;
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
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      class="afw-bias-chart"
      font-family="sans-serif"
      font-size="12"
    >
      <title id={`${id}-title`}>{t("bias_audit.chart.title", { metric, breakdown: series.breakdown })}</title>
      <desc id={`${id}-desc`}>{`${described}. ${refText}`}</desc>
      {band && ref !== null ? <rect x={x(band.lower)} y={TOP - 6} width={Math.max(0, x(band.upper) - x(band.lower))} height={series.bars.length * ROW + 6} fill="#e3ecf7" /> : null}
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <>
          <line x1={x(v)} x2={x(v)} y1={TOP - 6} y2={TOP + series.bars.length * ROW} stroke="#b0b0b0" stroke-width="1" />
          <text x={x(v)} y={TOP + series.bars.length * ROW + 16} text-anchor="middle" fill="#1a1a1a">{`${v * 100}%`}</text>
        </>
      ))}
      {series.bars.map((b, i) => {
        const y = TOP + i * ROW;
        return (
          <>
            <text x={LABEL - 6} y={y + ROW / 2 + 4} text-anchor="end" fill="#1a1a1a">{truncate(b.group, 26)}</text>
            {b.value !== null ? (
              <rect x={LABEL} y={y + 5} width={Math.max(1, x(b.value) - LABEL)} height={ROW - 10} fill={b.isReference ? "#4a4a4a" : b.fourFifths === "outside" ? "#b3261e" : "#1f5fa8"} />
            ) : (
              <text x={LABEL + 4} y={y + ROW / 2 + 4} fill="#1a1a1a">{t("bias_audit.undefined")}</text>
            )}
            {b.lower !== null && b.upper !== null ? (
              <>
                <line x1={x(b.lower)} x2={x(b.upper)} y1={y + ROW / 2} y2={y + ROW / 2} stroke="#000000" stroke-width="1.5" />
                <line x1={x(b.lower)} x2={x(b.lower)} y1={y + 7} y2={y + ROW - 7} stroke="#000000" stroke-width="1.5" />
                <line x1={x(b.upper)} x2={x(b.upper)} y1={y + 7} y2={y + ROW - 7} stroke="#000000" stroke-width="1.5" />
              </>
            ) : null}
          </>
        );
      })}
      {ref !== null ? (
        <>
          <line x1={x(ref)} x2={x(ref)} y1={TOP - 10} y2={TOP + series.bars.length * ROW} stroke="#000000" stroke-width="2" stroke-dasharray="5 3" />
          <text x={Math.min(x(ref) + 4, WIDTH - 120)} y={TOP - 12} fill="#1a1a1a">{t("bias_audit.chart.reference")}</text>
        </>
      ) : null}
    </svg>
  );
}
