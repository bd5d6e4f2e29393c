// Where each risk sits on the 3×3 heat map, before and after measures. The
// same rows feed the SVG and the table beside it, so both show the same data.
import { heatMapCells, riskLevel, RISK_LEVELS, type RiskLevel } from "../../domain/risk/scale.ts";

export interface HeatMapRisk {
  label: string;
  inherent: { likelihood: RiskLevel; impact: RiskLevel };
  residual: { likelihood: RiskLevel; impact: RiskLevel } | null;
}

export interface HeatMapMarker {
  /** "R1" for the inherent position, "R1′" for the residual one. */
  text: string;
  kind: "inherent" | "residual";
  x: number;
  y: number;
}

export interface HeatMapCellLayout {
  likelihood: RiskLevel;
  impact: RiskLevel;
  level: RiskLevel;
  x: number;
  y: number;
  markers: HeatMapMarker[];
}

export const CELL = 110;
export const ORIGIN = { x: 90, y: 20 };
const PER_ROW = 3;

export function residualLabel(label: string): string {
  return `${label}′`;
}

export function layoutHeatMap(risks: readonly HeatMapRisk[]): HeatMapCellLayout[] {
  return heatMapCells().map((cell) => {
    const col = RISK_LEVELS.indexOf(cell.likelihood);
    const row = 2 - RISK_LEVELS.indexOf(cell.impact);
    const x = ORIGIN.x + col * CELL;
    const y = ORIGIN.y + row * CELL;
    const here: Array<{ text: string; kind: "inherent" | "residual" }> = [];
    for (const r of risks) {
      if (r.inherent.likelihood === cell.likelihood && r.inherent.impact === cell.impact) here.push({ text: r.label, kind: "inherent" });
      if (r.residual && r.residual.likelihood === cell.likelihood && r.residual.impact === cell.impact) here.push({ text: residualLabel(r.label), kind: "residual" });
    }
    const markers = here.map((m, i) => ({ ...m, x: x + 20 + (i % PER_ROW) * 34, y: y + 40 + Math.floor(i / PER_ROW) * 24 }));
    return { ...cell, x, y, markers };
  });
}

export function levelOf(position: { likelihood: RiskLevel; impact: RiskLevel } | null): RiskLevel | null {
  return position ? riskLevel(position) : null;
}
