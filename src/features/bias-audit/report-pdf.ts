// The report as an accessible PDF: title, metadata, the summary, per
// breakdown the tables as text tables, a description of each chart, and the
// bias scan. Built with the platform's tagged-PDF writer (no browser).

import type { Lang, Translate } from "../../platform/i18n/index.ts";
import { TaggedPdf } from "../../platform/pdf/tagged-pdf.ts";
import type { BreakdownResult } from "../../domain/fairness/disparity.ts";
import { toChartData, type BiasAuditReport, type ChartSeries, type ScanReport } from "./engine/index.ts";
import type { BiasAuditDetail } from "./service.ts";
import { fmtDiff, fmtInt, fmtInterval, fmtNumber, fmtP, fmtPct, fmtRate, fmtRatio } from "./views/format.ts";
import { breakdownTitle, chartMetrics, correctionName, groupNote, ratesShown, referenceText, scanSkippedText } from "./views/result.tsx";

/** Title, facts, the summary and how the figures were made. */
function summaryPart(pdf: TaggedPdf, audit: BiasAuditDetail, report: BiasAuditReport, lang: Lang, t: Translate, title: string): void {
  pdf.heading(1, title);
  pdf.paragraph(t("bias_audit.pdf.facts", { file: audit.fileName, rows: fmtInt(lang, report.input.rowsUsed), project: audit.projectTitle ?? t("bias_audit.no_project") }));
  if (audit.mapping) pdf.paragraph(t("bias_audit.mapping.summary", { groups: audit.mapping.groups.join(", "), prediction: audit.mapping.prediction, label: audit.mapping.label ?? t("bias_audit.field.label_none") }));
  pdf.heading(2, t("bias_audit.result.summary"));
  pdf.list(report.summary[lang]);
  const excluded = report.input.rowsExcluded;
  pdf.paragraph(t("bias_audit.result.rows", { rows: fmtInt(lang, report.input.rowsUsed), missingPrediction: fmtInt(lang, excluded.missingPrediction), missingLabel: fmtInt(lang, excluded.missingLabel) }));
  pdf.paragraph(
    t("bias_audit.result.tests", { count: fmtInt(lang, report.tests.count), significant: fmtInt(lang, report.tests.significant), correction: correctionName(t, report.tests.correction), alpha: fmtNumber(lang, report.tests.alpha) }),
  );
  pdf.paragraph(t("bias_audit.result.methods"));
  pdf.paragraph(t("bias_audit.result.small_cells", { minN: report.settings.smallCell.minN, minExpected: report.settings.smallCell.minExpected }));
}

/** One breakdown: the figures per group, the comparisons, and each chart described in words. */
function breakdownPart(pdf: TaggedPdf, report: BiasAuditReport, b: BreakdownResult, charts: ChartSeries[], lang: Lang, t: Translate): void {
  const metrics = ratesShown(report);
  const name = breakdownTitle(b);
  pdf.heading(2, t(b.kind === "intersection" ? "bias_audit.result.intersection" : "bias_audit.result.attribute", { name }));
  pdf.paragraph(referenceText(t, b));
  pdf.table({
    caption: t("bias_audit.result.groups_caption", { breakdown: name }),
    headers: [t("bias_audit.col.group"), t("bias_audit.col.n"), ...metrics.map((m) => t(`bias_audit.metric.${m}`)), t("bias_audit.col.note")],
    rows: b.groups.map((g) => [g.label, fmtInt(lang, g.counts.n), ...metrics.map((m) => fmtRate(t, lang, g.rates[m])), groupNote(t, g)]),
    widths: [2.2, 1, ...metrics.map(() => 1.6), 1.4],
    fontSize: metrics.length > 1 ? 6.5 : 8,
  });
  const comparisons = b.groups.flatMap((g) => g.comparisons.map((c) => ({ g, c })));
  if (comparisons.length) {
    pdf.table({
      caption: t("bias_audit.result.comparisons_caption", { breakdown: name }),
      headers: (["group", "metric", "difference", "ratio", "four_fifths", "p_adjusted", "significant"] as const).map((k) => t(`bias_audit.col.${k}`)),
      rows: comparisons.map(({ g, c }) => [
        g.label,
        t(`bias_audit.metric.${c.metric}`),
        fmtDiff(t, lang, c.difference, c.differenceCi95),
        fmtRatio(t, lang, c.ratio, c.ratioCi95),
        t(`bias_audit.four_fifths.${c.fourFifths}`),
        c.test ? fmtP(lang, c.test.pAdjusted) : "-",
        `${c.test?.significant ? t("bias_audit.yes") : c.test ? t("bias_audit.no") : "-"}${c.smallCell ? ` (${t("bias_audit.small_cell")})` : ""}`,
      ]),
      widths: [2, 1.8, 2, 1.6, 1.1, 1, 1.2],
      fontSize: 7,
    });
  }
  for (const s of charts.filter((x) => x.breakdown === name)) {
    const metric = t(`bias_audit.metric.${s.metric}`);
    pdf.heading(3, t("bias_audit.chart.title", { metric, breakdown: name }));
    const described = s.bars
      .map((bar) => `${bar.group}: ${bar.value === null ? t("bias_audit.undefined") : fmtPct(lang, bar.value)}${bar.lower !== null && bar.upper !== null ? ` (${fmtInterval(lang, { lower: bar.lower, upper: bar.upper }, "pct")})` : ""}`)
      .join("; ");
    pdf.paragraph(`${t("bias_audit.pdf.chart_description")} ${described}.`);
    if (s.referenceValue !== null)
      pdf.paragraph(t("bias_audit.chart.caption", { reference: s.referenceLabel === "overall" ? t("bias_audit.chart.everyone") : s.referenceLabel, value: fmtPct(lang, s.referenceValue) }));
  }
}

/** The bias scan: what it looked for, the test, the clusters and how cluster 0 differs. */
function scanPart(pdf: TaggedPdf, scan: ScanReport, lang: Lang, t: Translate): void {
  pdf.paragraph(t("bias_audit.scan.intro"));
  pdf.paragraph(`${t("bias_audit.scan.bias_variable", { variable: t(`bias_audit.scan.bias.${scan.biasVariable}`) })} ${t("bias_audit.scan.features", { features: scan.features.join(", ") })}`);
  pdf.paragraph(`${t("bias_audit.scan.test", { p: fmtP(lang, scan.test.p), z: fmtNumber(lang, scan.test.z ?? 0) })} ${scan.test.significant ? t("bias_audit.scan.significant") : t("bias_audit.scan.not_significant")}`);
  pdf.table({
    caption: t("bias_audit.scan.clusters_caption"),
    headers: (["cluster", "train", "test", "bad_rate", "values"] as const).map((k) => t(`bias_audit.scan.col.${k}`)),
    rows: scan.clusters.map((c) => [
      String(c.rank),
      `${fmtInt(lang, c.train.n)} (${fmtInt(lang, c.train.bad)})`,
      `${fmtInt(lang, c.test.n)} (${fmtInt(lang, c.test.bad)})`,
      c.test.n > 0 ? fmtPct(lang, c.test.bad / c.test.n) : "-",
      Object.entries(c.values).map(([f, vs]) => `${f}: ${vs.slice(0, 6).join(", ")}`).join("; "),
    ]),
    widths: [0.8, 1.3, 1.3, 1, 4],
    fontSize: 7,
  });
  if (!scan.description) {
    pdf.paragraph(t("bias_audit.scan.no_description"));
    return;
  }
  pdf.table({
    caption: t("bias_audit.scan.description_caption"),
    headers: [t("bias_audit.scan.col.feature"), t("bias_audit.scan.col.chi2"), t("bias_audit.col.p_adjusted"), t("bias_audit.scan.col.shares")],
    rows: scan.description.map((d) => [
      d.feature,
      `${fmtNumber(lang, d.chi2)} (df ${d.df})`,
      fmtP(lang, d.pAdjusted),
      d.values.slice(0, 8).map((v) => t("bias_audit.scan.share", { value: v.value, inside: fmtPct(lang, v.shareInCluster), outside: fmtPct(lang, v.shareOutside) })).join("; "),
    ]),
    widths: [1.2, 1.2, 1, 4.5],
    fontSize: 7,
  });
}

export async function biasAuditPdf(audit: BiasAuditDetail, report: BiasAuditReport, lang: Lang, t: Translate, creationDate?: Date): Promise<Buffer> {
  const title = t("bias_audit.result.title", { name: audit.name });
  const pdf = new TaggedPdf({
    title,
    lang: lang === "en" ? "en-GB" : "nl-NL",
    author: audit.createdByName,
    subject: t("bias_audit.pdf.subject"),
    keywords: "bias audit, fairness, Afweging",
    creationDate,
  });
  summaryPart(pdf, audit, report, lang, t, title);
  const charts = toChartData(report, chartMetrics(report));
  for (const b of report.breakdowns) breakdownPart(pdf, report, b, charts, lang, t);
  pdf.heading(2, t("bias_audit.scan.title"));
  if (report.scan.status !== "done") pdf.paragraph(scanSkippedText(t, report.scan.reason));
  else scanPart(pdf, report.scan, lang, t);
  return pdf.end();
}
