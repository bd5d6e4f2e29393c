// The heat map: every risk at its inherent position ("R1") and its residual
// position ("R1′") on the 3×3 scale, as an SVG with title and description,
// and the same data as a table beside it. Presentation attributes only: the
// CSP forbids inline style.
import { RISK_LEVELS, type RiskLevel } from "../../../domain/risk/scale.ts";
import { Cell, Row, Table } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { CELL, layoutHeatMap, ORIGIN, residualLabel } from "../heat-map-layout.ts";
import type { Risk } from "../risks.ts";

const FILL: Record<RiskLevel, string> = { low: "#dcefd9", medium: "#fbe7b5", high: "#f6cbc4" };
const INK = "#1b1b1b";

export function levelText(ctx: PageContext, level: RiskLevel | null | undefined): string {
  return level ? ctx.t(`assessments.level.${level}`) : ctx.t("assessments.risk.no_residual");
}

export function HeatMap({ ctx, risks, id = "heatmap" }: { ctx: PageContext; risks: Risk[]; id?: string }) {
  const { t } = ctx;
  const cells = layoutHeatMap(risks.map((r) => ({ label: r.label, inherent: r.inherent, residual: r.residual })));
  const width = ORIGIN.x + 3 * CELL + 10;
  const height = ORIGIN.y + 3 * CELL + 60;
  const description = risks.length
    ? risks
        .map((r) =>
          t("assessments.heatmap.desc_risk", {
            label: r.label,
            inherent: `${levelText(ctx, r.inherent.likelihood)} × ${levelText(ctx, r.inherent.impact)}`,
            residual: r.residual ? `${levelText(ctx, r.residual.likelihood)} × ${levelText(ctx, r.residual.impact)}` : t("assessments.risk.no_residual"),
          }),
        )
        .join(" ")
    : t("assessments.heatmap.empty");
  return (
    <div class="afw-heatmap">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width={width} height={height} xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-title`}>{t("assessments.heatmap.title")}</title>
        <desc id={`${id}-desc`}>{`${t("assessments.heatmap.desc_intro")} ${description}`}</desc>
        {cells.map((c) => (
          <g>
            <rect x={c.x} y={c.y} width={CELL} height={CELL} fill={FILL[c.level]} stroke="#ffffff" stroke-width="2" />
            <text x={c.x + 6} y={c.y + 16} font-size="11" fill={INK}>{t(`assessments.level.${c.level}`)}</text>
            {c.markers.map((m) => (
              <text x={m.x} y={m.y} font-size="14" font-weight={m.kind === "inherent" ? "bold" : "normal"} font-style={m.kind === "residual" ? "italic" : "normal"} fill={INK}>{m.text}</text>
            ))}
          </g>
        ))}
        {RISK_LEVELS.map((l, i) => (
          <text x={ORIGIN.x + i * CELL + CELL / 2} y={ORIGIN.y + 3 * CELL + 18} font-size="12" text-anchor="middle" fill={INK}>{t(`assessments.level.${l}`)}</text>
        ))}
        {RISK_LEVELS.map((l, i) => (
          <text x={ORIGIN.x - 8} y={ORIGIN.y + (2 - i) * CELL + CELL / 2} font-size="12" text-anchor="end" fill={INK}>{t(`assessments.level.${l}`)}</text>
        ))}
        <text x={ORIGIN.x + 1.5 * CELL} y={ORIGIN.y + 3 * CELL + 44} font-size="13" text-anchor="middle" font-weight="bold" fill={INK}>{t("assessments.risk.likelihood")}</text>
        <text x={16} y={ORIGIN.y + 1.5 * CELL} font-size="13" text-anchor="middle" font-weight="bold" fill={INK} transform={`rotate(-90 16 ${ORIGIN.y + 1.5 * CELL})`}>{t("assessments.risk.impact")}</text>
      </svg>
      <p class="utrecht-paragraph">{t("assessments.heatmap.legend")}</p>
    </div>
  );
}

/** The heat map's data as a table: the same positions, readable without the picture. */
export function HeatMapTable({ ctx, risks }: { ctx: PageContext; risks: Risk[] }) {
  const { t } = ctx;
  return (
    <Table
      caption={t("assessments.heatmap.table_caption")}
      headers={[t("assessments.risk.label"), t("assessments.risk.description"), t("assessments.risk.inherent"), t("assessments.risk.residual")]}
    >
      {risks.map((r) => (
        <Row>
          <Cell>{r.label}</Cell>
          <Cell>{r.description}</Cell>
          <Cell>{t("assessments.risk.position", { likelihood: levelText(ctx, r.inherent.likelihood), impact: levelText(ctx, r.inherent.impact), level: levelText(ctx, r.inherent.level) })}</Cell>
          <Cell>
            {r.residual
              ? `${residualLabel(r.label)}: ${t("assessments.risk.position", { likelihood: levelText(ctx, r.residual.likelihood), impact: levelText(ctx, r.residual.impact), level: levelText(ctx, r.residual.level) })}`
              : t("assessments.risk.no_residual")}
          </Cell>
        </Row>
      ))}
    </Table>
  );
}

/** The scale in words, so everyone scores the same way. */
export function ScaleExplanation({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <details class="afw-details">
      <summary>{t("assessments.scale.summary")}</summary>
      <Table caption={t("assessments.scale.caption")} headers={[t("assessments.scale.level"), t("assessments.risk.likelihood"), t("assessments.risk.impact")]}>
        {RISK_LEVELS.map((l) => (
          <Row>
            <Cell>{t(`assessments.level.${l}`)}</Cell>
            <Cell>{t(`assessments.scale.likelihood.${l}`)}</Cell>
            <Cell>{t(`assessments.scale.impact.${l}`)}</Cell>
          </Row>
        ))}
      </Table>
    </details>
  );
}
