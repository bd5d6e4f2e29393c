// Plain-text rendering of the report for the terminal. Dutch by default;
// undefined rates are written as "onbepaald" / "undefined", never NaN. The
// words are the catalogue's (messages.ts, bias_audit.text.*).

import type { BreakdownResult, Comparison } from "../../../domain/fairness/disparity.ts";
import type { MetricId, RateEstimate } from "../../../domain/fairness/metrics.ts";
import { fmtInt, fmtNum, fmtP } from "./format-number.ts";
import { engineText, type EngineText, type Lang } from "./messages.ts";
import type { BiasAuditReport, ScanReport } from "./report.ts";

/** What one rendering needs: the words and the numbers in one language. */
interface Writer {
  t: EngineText;
  lang: Lang;
  metric: (m: MetricId) => string;
  num: (v: number | null, digits?: number) => string;
}

function writer(lang: Lang): Writer {
  const t = engineText(lang);
  return { t, lang, metric: (m) => t(`bias_audit.text.metric.${m}`), num: (v, digits) => fmtNum(v, lang, digits) };
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => c + " ".repeat((widths[i] ?? 0) - [...c].length)).join("  ").trimEnd()).join("\n");
}

function rateCell(w: Writer, r: RateEstimate | undefined, withCi: boolean): string {
  if (!r || r.value === null) return w.t("bias_audit.number.undefined");
  const v = w.num(r.value);
  return withCi && r.ci95 ? `${v} [${w.num(r.ci95.lower, 3)}–${w.num(r.ci95.upper, 3)}]` : v;
}

function comparisonRow(w: Writer, label: string, c: Comparison): string[] {
  const { t, lang } = w;
  const diff =
    c.difference === null
      ? w.num(null)
      : `${c.difference >= 0 ? "+" : ""}${w.num(c.difference)}${c.differenceCi95 ? ` [${w.num(c.differenceCi95.lower, 3)}; ${w.num(c.differenceCi95.upper, 3)}]` : ""}`;
  return [
    label,
    diff,
    w.num(c.ratioToOverall ?? c.ratio),
    c.fourFifths === "within" ? t("bias_audit.text.within") : c.fourFifths === "outside" ? t("bias_audit.text.outside") : w.num(null),
    c.test ? `${c.test.z >= 0 ? "+" : ""}${w.num(c.test.z, 2)}` : "",
    c.test ? fmtP(c.test.p, lang) : "",
    c.test ? fmtP(c.test.pAdjusted, lang) : "",
    c.smallCell ? t("bias_audit.text.small") : "",
  ];
}

/** Title, rows, settings, method and the summary. */
function header(w: Writer, report: BiasAuditReport): string[] {
  const { t, lang } = w;
  const s = report.settings;
  const rule = s.prediction.rule;
  const prediction =
    rule.mode === "threshold" ? `${s.prediction.column} >= ${rule.threshold}` : rule.mode === "category" ? `${s.prediction.column} = ${rule.value}` : `${s.prediction.column} (0/1)`;
  const excluded = report.input.rowsExcluded;
  const refGroup = s.reference.kind === "group" ? ` (${s.reference.values.join(", ")})` : "";
  return [
    report.input.file ? t("bias_audit.text.title_file", { file: report.input.file }) : t("bias_audit.text.title"),
    t("bias_audit.text.rows", { rows: fmtInt(report.input.rowsUsed, lang), missingPrediction: excluded.missingPrediction, missingLabel: excluded.missingLabel }),
    t("bias_audit.text.setup", { prediction, label: s.label ?? t("bias_audit.text.none"), favourable: t(`bias_audit.text.favourable.${s.favourable}`) }),
    t("bias_audit.text.reference", { reference: t(`bias_audit.text.reference.${s.reference.kind}`) + refGroup }),
    t("bias_audit.text.methods", { tests: report.tests.count, correction: s.correction, alpha: w.num(s.alpha, 2) }),
    "",
    t("bias_audit.text.summary"),
    ...report.summary[lang].map((x) => `- ${x}`),
  ];
}

/** One breakdown: the rates per group, the comparisons per metric, the spread between groups. */
function breakdownLines(w: Writer, report: BiasAuditReport, b: BreakdownResult): string[] {
  const { t, lang } = w;
  const correction = report.settings.correction;
  const shown: MetricId[] = report.settings.label !== null ? ["selectionRate", "baseRate", "tpr", "fpr", "fnr", "ppv", "npv", "accuracy"] : ["selectionRate"];
  const name = b.attributes.join(" × ");
  const out = ["", `== ${b.reference.group ? t("bias_audit.text.breakdown_reference", { breakdown: name, group: b.reference.group }) : name} ==`];
  const head = [t("bias_audit.text.group"), "n", ...shown.map((m) => (m === "selectionRate" ? t("bias_audit.text.rate_ci", { metric: w.metric(m) }) : w.metric(m))), ""];
  const rows = b.groups.map((g) => [
    g.isReference ? t("bias_audit.text.reference_group", { group: g.label }) : g.label,
    fmtInt(g.counts.n, lang),
    ...shown.map((m) => rateCell(w, g.rates[m], m === "selectionRate")),
    g.smallCell ? t("bias_audit.text.small") : "",
  ]);
  out.push(table([head, ...rows]));
  for (const m of [...new Set(b.groups.flatMap((g) => g.comparisons.map((c) => c.metric)))]) {
    const against = b.groups.flatMap((g) => g.comparisons).find((c) => c.metric === m)?.against ?? "";
    out.push("", t("bias_audit.text.compare", { metric: w.metric(m), against: against === "rest" ? t("bias_audit.text.rest") : against }));
    const cmpHead = [t("bias_audit.text.group"), t("bias_audit.text.difference"), t("bias_audit.text.ratio"), t("bias_audit.text.four_fifths"), "z", "p", `p (${correction})`, ""];
    out.push(table([cmpHead, ...b.groups.flatMap((g) => g.comparisons.filter((c) => c.metric === m).map((c) => comparisonRow(w, g.label, c)))]));
  }
  out.push("");
  for (const bt of b.between)
    out.push(t("bias_audit.text.between", { metric: w.metric(bt.metric), difference: w.num(bt.difference), highest: bt.max.group, lowest: bt.min.group, ratio: w.num(bt.ratio) }));
  for (const o of b.againstOverall) {
    const ratio = w.num(o.smallestRatio?.value ?? null);
    out.push(t("bias_audit.text.overall", { metric: w.metric(o.metric), difference: w.num(Math.abs(o.largestAbsDifference.value)), group: o.largestAbsDifference.group, ratio, ratioGroup: o.smallestRatio?.group ?? "" }));
  }
  if (b.equalizedOdds)
    out.push(t("bias_audit.text.equalized_odds", { difference: w.num(b.equalizedOdds.difference), ratio: w.num(b.equalizedOdds.ratio), equalOpportunity: w.num(b.equalOpportunityDifference) }));
  return out;
}

/** The bias scan: its settings, the clusters, the test and the description of cluster 0. */
function scanLines(w: Writer, scan: ScanReport): string[] {
  const { t, lang } = w;
  const p = scan.parameters;
  const out = [
    `${t("bias_audit.text.scan_parameters")}: bias = ${scan.biasVariable} (${scan.biasVariableExplained}); features = ${scan.features.join(", ")}; max_iter = ${p.maxIter}; n_min = ${p.minClusterSize} (${w.num(p.minClusterFraction * 100, 1)}%); seed = ${p.seed}; test = ${w.num(p.testFraction * 100, 0)}%`,
    table([
      [t("bias_audit.text.cluster"), "score", t("bias_audit.text.train_test"), ""],
      ...scan.clusters.map((c) => [
        String(c.rank),
        w.num(c.score),
        `${fmtInt(c.train.n, lang)} / ${fmtInt(c.train.bad, lang)}, ${fmtInt(c.test.n, lang)} / ${fmtInt(c.test.bad, lang)}`,
        Object.entries(c.values).map(([f, v]) => `${f}: ${v.join(", ")}`).join("; "),
      ]),
    ]),
    `${t("bias_audit.text.scan_test")}: ${scan.test.method}; z = ${w.num(scan.test.z, 2)}, p = ${fmtP(scan.test.p, lang)} → ${scan.test.significant ? t("bias_audit.text.significant") : t("bias_audit.text.not_significant")}`,
  ];
  if (scan.description) {
    out.push(t("bias_audit.text.description"));
    for (const d of scan.description)
      out.push(
        `  ${d.feature}: χ² = ${w.num(d.chi2, 1)}, df = ${d.df}, p (Bonferroni) = ${fmtP(d.pAdjusted, lang)}; ` +
          d.values.map((v) => `${v.value} ${w.num(v.shareInCluster * 100, 1)}% vs ${w.num(v.shareOutside * 100, 1)}%`).join(", "),
      );
  }
  return out;
}

export function formatText(report: BiasAuditReport, lang: Lang = "nl"): string {
  const w = writer(lang);
  const out = header(w, report);
  for (const b of report.breakdowns) out.push(...breakdownLines(w, report, b));
  out.push("", `== ${w.t("bias_audit.text.scan")} ==`);
  const scan = report.scan;
  out.push(...(scan.status !== "done" ? [w.t("bias_audit.text.scan_skipped", { reason: scan.reason })] : scanLines(w, scan)));
  return out.join("\n");
}
