import type { Child } from "hono/jsx";
import { Cell, formatDate, Row, Table } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { CHART, layoutBars, type BarChart } from "../chart.ts";

export const STYLESHEET = "/accountability/assets/accountability.css";

export function Stylesheet() {
  return <link rel="stylesheet" href={STYLESHEET} />;
}

/** A link when the reader may open the page, the plain text otherwise. */
export function MaybeLink({ href, children }: { href: string | null; children: Child }) {
  return href ? <a class="utrecht-link" href={href}>{children}</a> : <>{children}</>;
}

export const day = (iso: string | null | undefined, lang: string) => (iso ? formatDate(iso, lang) : "—");

/** Label–number rows, each number linking to where its records are (when the reader may open it). */
export function CounterTable({ ctx, caption, rows }: { ctx: PageContext; caption: string; rows: { label: string; count: number; href?: string | null }[] }) {
  const { t } = ctx;
  return (
    <Table caption={caption} headers={[t("accountability.what"), t("accountability.count")]}>
      {rows.map((r) => (
        <Row>
          <Cell>{r.label}</Cell>
          <Cell numeric>{r.count > 0 && r.href ? <MaybeLink href={r.href}>{r.count}</MaybeLink> : r.count}</Cell>
        </Row>
      ))}
    </Table>
  );
}

/** "The first 10 of 23." under a list that shows only its first records. */
export function More({ ctx, shown, total }: { ctx: PageContext; shown: number; total: number }) {
  return total > shown ? <p class="utrecht-paragraph">{ctx.t("accountability.more", { shown, total })}</p> : null;
}

const BAR_FILL = "#1a4f8b";
const INK = "#1b1b1b";

/** A horizontal bar chart as an SVG with title and description, and the same figures as a table. */
export function BarChartView({ ctx, chart }: { ctx: PageContext; chart: BarChart }) {
  const { bars, width, height } = layoutBars(chart);
  return (
    <div class="afw-acc-chart">
      <svg role="img" aria-labelledby={`${chart.id}-title ${chart.id}-desc`} viewBox={`0 0 ${width} ${height}`} width={width} height={height} xmlns="http://www.w3.org/2000/svg">
        <title id={`${chart.id}-title`}>{chart.title}</title>
        <desc id={`${chart.id}-desc`}>{chart.description}</desc>
        {bars.map((b) => (
          <g>
            <text x={CHART.labelWidth - 8} y={b.y + CHART.barHeight / 2 + 5} font-size="14" text-anchor="end" fill={INK}>{b.label}</text>
            <rect x={CHART.labelWidth} y={b.y} width={b.width} height={CHART.barHeight} fill={BAR_FILL} />
            <text x={CHART.labelWidth + b.width + CHART.valueGap} y={b.y + CHART.barHeight / 2 + 5} font-size="14" font-weight="bold" fill={INK}>{String(b.value)}</text>
          </g>
        ))}
      </svg>
      <Table caption={`${ctx.t("accountability.r.chart_table")}: ${chart.title}`} headers={[ctx.t("accountability.what"), ctx.t("accountability.count")]}>
        {chart.bars.map((b) => (
          <Row>
            <Cell>{b.label}</Cell>
            <Cell numeric>{b.value}</Cell>
          </Row>
        ))}
      </Table>
    </div>
  );
}
