// A bar chart as data: the same bars feed the SVG on the page, the drawing in
// the PDF and the table beside both, so the three always say the same.

export interface Bar {
  label: string;
  value: number;
}

export interface BarChart {
  id: string;
  title: string;
  /** The whole chart in words, for the SVG's desc and the PDF figure's alternative text. */
  description: string;
  bars: Bar[];
}

export interface BarLayout extends Bar {
  y: number;
  width: number;
}

export const CHART = { labelWidth: 200, barArea: 280, row: 34, barHeight: 22, top: 8, valueGap: 8 } as const;

/** Horizontal bars, longest = the bar area; a zero bar is drawn as nothing but keeps its label and value. */
export function layoutBars(chart: BarChart): { bars: BarLayout[]; width: number; height: number } {
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const bars = chart.bars.map((b, i) => ({ ...b, y: CHART.top + i * CHART.row, width: Math.round((b.value / max) * CHART.barArea) }));
  return { bars, width: CHART.labelWidth + CHART.barArea + 50, height: CHART.top * 2 + chart.bars.length * CHART.row };
}
