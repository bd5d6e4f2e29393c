// The charts of the periodic reports, built once from the report's figures for
// the page and the PDF alike.
import type { Translate } from "../../platform/i18n/index.ts";
import type { BarChart } from "./chart.ts";
import type { PeriodicReport } from "./report.ts";

export function reportCharts(t: Translate, r: PeriodicReport): BarChart[] {
  const d = r.decisions;
  const decisions: BarChart = {
    id: "chart-decisions",
    title: t("accountability.r.decisions_chart"),
    description: t("accountability.r.decisions_desc", d),
    bars: [
      { label: t("projects.decision.go"), value: d.go },
      { label: t("projects.decision.adjust"), value: d.adjust },
      { label: t("projects.decision.stop"), value: d.stop },
    ],
  };
  if (r.kind === "board") return [decisions];
  const comply = r.answers.filter((a) => a.answer === "comply").length;
  const explain = r.answers.length - comply;
  return [
    decisions,
    {
      id: "chart-answers",
      title: t("accountability.r.answers_chart"),
      description: t("accountability.r.answers_desc", { comply, explain }),
      bars: [
        { label: t("accountability.r.answer.comply"), value: comply },
        { label: t("accountability.r.answer.explain"), value: explain },
      ],
    },
  ];
}
