// The result of a bias audit. It leads with the few findings that matter (each
// with its interval and what it does not say), one count of tests with one
// definition, and the selection charts; the full tables per group attribute
// and combination, and the bias scan's details, wait behind a disclosure
// (<details>, so it works without JavaScript).
import type { Correction } from "../../../domain/fairness/multiple-testing.ts";
import type { BreakdownResult, GroupResult } from "../../../domain/fairness/disparity.ts";
import type { MetricId } from "../../../domain/fairness/metrics.ts";
import type { Child } from "hono/jsx";
import type { Lang, Translate } from "../../../platform/i18n/index.ts";
import { Heading2, Paragraph, StatusBadge } from "../../../ui/components.tsx";
import { SCAN_SKIPPED, toChartData, type BiasAuditReport, type ChartSeries, type ScanReport } from "../engine/index.ts";
import { BarChart } from "./chart.tsx";
import { breakdownTests, keyFindings, type Finding } from "./findings.ts";
import { fmtDiff, fmtInt, fmtInterval, fmtNumber, fmtP, fmtPct, fmtRate, fmtRatio, fmtSignedPp } from "./format.ts";

export const RATE_COLUMNS: MetricId[] = ["selectionRate", "tpr", "fpr", "fnr", "ppv", "npv", "accuracy"];

export function ratesShown(report: BiasAuditReport): MetricId[] {
  return report.settings.label ? RATE_COLUMNS : ["selectionRate"];
}

export function chartMetrics(report: BiasAuditReport): MetricId[] {
  return report.settings.label ? ["selectionRate", "fpr", "fnr"] : ["selectionRate"];
}

export function breakdownTitle(b: BreakdownResult): string {
  return b.attributes.join(" × ");
}

/** How this breakdown compares, in words. */
export function referenceText(t: Translate, b: BreakdownResult): string {
  const conv = b.reference.convention;
  const group = b.reference.group ?? "";
  let s =
    conv === "overall"
      ? t("bias_audit.reference.overall_text")
      : conv === "between"
        ? t("bias_audit.reference.between_text", { group })
        : conv === "group"
          ? t("bias_audit.reference.group_text", { group })
          : t("bias_audit.reference.largest_text", { group });
  if (b.reference.note === "named-reference-not-found-largest-used") s += ` ${t("bias_audit.reference.not_found_note")}`;
  return s;
}

export function correctionName(t: Translate, c: Correction): string {
  return t(`bias_audit.correction.${c}`);
}

function Td({ children }: { children?: unknown }) {
  return <td class="utrecht-table__cell">{children as string}</td>;
}
function RowHead({ children }: { children: unknown }) {
  return <th class="utrecht-table__header-cell" scope="row">{children as string}</th>;
}

/** A table of the report: caption, column headers, rows; scrolls sideways when it is wide. */
function ReportTable({ caption, headers, container = "afw-bias-scroll", children }: { caption: string; headers: string[]; container?: string; children: Child }) {
  return (
    // Focusable, so that a keyboard user can scroll a wide table in its box.
    <div class={`utrecht-table-container ${container}`} tabindex={0}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {headers.map((h) => (
              <th class="utrecht-table__header-cell" scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

/** "reference" and "small group", as they apply to a group. */
export function groupNote(t: Translate, g: GroupResult): string {
  return [g.isReference ? t("bias_audit.reference_group") : "", g.smallCell ? t("bias_audit.small_cell") : ""].filter(Boolean).join(", ");
}

function GroupTable({ t, lang, report, b }: { t: Translate; lang: Lang; report: BiasAuditReport; b: BreakdownResult }) {
  const metrics = ratesShown(report);
  const headers = [t("bias_audit.col.group"), t("bias_audit.col.n"), t("bias_audit.col.selected"), ...metrics.map((m) => t(`bias_audit.metric.${m}`)), t("bias_audit.col.note")];
  return (
    <ReportTable caption={t("bias_audit.result.groups_caption", { breakdown: breakdownTitle(b) })} headers={headers}>
      {b.groups.map((g) => (
        <tr class="utrecht-table__row">
          <RowHead>{g.label}</RowHead>
          <Td>{fmtInt(lang, g.counts.n)}</Td>
          <Td>{fmtInt(lang, g.counts.pos)}</Td>
          {metrics.map((m) => <Td>{fmtRate(t, lang, g.rates[m])}</Td>)}
          <Td>{g.smallCell ? <StatusBadge status="warning">{groupNote(t, g)}</StatusBadge> : groupNote(t, g)}</Td>
        </tr>
      ))}
    </ReportTable>
  );
}

function ComparisonTable({ t, lang, b }: { t: Translate; lang: Lang; b: BreakdownResult }) {
  const rows = b.groups.flatMap((g) => g.comparisons.map((c) => ({ g, c })));
  if (rows.length === 0) return null;
  const overall = b.reference.convention === "overall";
  const headers = (["group", "metric", "against", "difference", "ratio", "four_fifths", "p_adjusted", "significant"] as const).map((k) => t(`bias_audit.col.${k}`));
  return (
    <ReportTable caption={t("bias_audit.result.comparisons_caption", { breakdown: breakdownTitle(b) })} headers={headers}>
      {rows.map(({ g, c }) => (
        <tr class="utrecht-table__row">
          <RowHead>{g.label}</RowHead>
          <Td>{t(`bias_audit.metric.${c.metric}`)}</Td>
          <Td>{c.against === "rest" ? t("bias_audit.against_rest") : c.against}</Td>
          <Td>{fmtDiff(t, lang, c.difference, c.differenceCi95)}{overall && c.differenceToOverall !== undefined ? ` · ${t("bias_audit.to_overall")}: ${fmtDiff(t, lang, c.differenceToOverall)}` : ""}</Td>
          <Td>{fmtRatio(t, lang, c.ratio, c.ratioCi95)}{overall && c.ratioToOverall !== undefined ? ` · ${t("bias_audit.to_overall")}: ${fmtRatio(t, lang, c.ratioToOverall)}` : ""}</Td>
          <Td>{c.fourFifths === "outside" ? <StatusBadge status="invalid">{t("bias_audit.four_fifths.outside")}</StatusBadge> : t(`bias_audit.four_fifths.${c.fourFifths}`)}</Td>
          <Td>{c.test ? fmtP(lang, c.test.pAdjusted) : "–"}</Td>
          <Td>
            {c.test?.significant ? t("bias_audit.yes") : c.test ? t("bias_audit.no") : "–"}
            {c.smallCell ? ` (${t("bias_audit.small_cell")})` : ""}
          </Td>
        </tr>
      ))}
    </ReportTable>
  );
}

function BetweenTable({ t, lang, b }: { t: Translate; lang: Lang; b: BreakdownResult }) {
  if (b.between.length === 0) return null;
  const headers = (["metric", "highest", "lowest", "spread", "min_max_ratio", "p_adjusted"] as const).map((k) => t(`bias_audit.col.${k}`));
  return (
    <ReportTable caption={t("bias_audit.result.between_caption", { breakdown: breakdownTitle(b) })} headers={headers}>
      {b.between.map((s) => (
        <tr class="utrecht-table__row">
          <RowHead>{t(`bias_audit.metric.${s.metric}`)}</RowHead>
          <Td>{`${s.max.group}: ${fmtPct(lang, s.max.value)}`}</Td>
          <Td>{`${s.min.group}: ${fmtPct(lang, s.min.value)}`}</Td>
          <Td>{fmtDiff(t, lang, s.difference, s.differenceCi95)}</Td>
          <Td>{fmtRatio(t, lang, s.ratio)}</Td>
          <Td>{s.test ? fmtP(lang, s.test.pAdjusted) : "–"}</Td>
        </tr>
      ))}
    </ReportTable>
  );
}

export function ChartWithTable({ t, lang, series, id }: { t: Translate; lang: Lang; series: ChartSeries; id: string }) {
  const metric = t(`bias_audit.metric.${series.metric}`);
  const headers = [t("bias_audit.col.group"), t("bias_audit.col.n"), metric, t("bias_audit.col.interval"), t("bias_audit.col.four_fifths")];
  return (
    <figure class="afw-bias-figure">
      <BarChart t={t} lang={lang} series={series} id={id} />
      <figcaption class="utrecht-paragraph afw-bias-figure__caption">
        {series.referenceValue !== null
          ? t("bias_audit.chart.caption", { reference: series.referenceLabel === "overall" ? t("bias_audit.chart.everyone") : series.referenceLabel, value: fmtPct(lang, series.referenceValue) })
          : t("bias_audit.chart.caption_no_reference")}
      </figcaption>
      <details class="afw-disclosure">
        <summary>{t("bias_audit.chart.table_summary", { metric, breakdown: series.breakdown })}</summary>
        <ReportTable caption={t("bias_audit.chart.table_caption", { metric, breakdown: series.breakdown })} headers={headers} container="afw-bias-scroll">
          {series.bars.map((bar) => (
            <tr class="utrecht-table__row">
              <RowHead>{bar.group}{bar.isReference ? ` (${t("bias_audit.reference_group")})` : ""}{bar.smallCell ? ` (${t("bias_audit.small_cell")})` : ""}</RowHead>
              <Td>{fmtInt(lang, bar.n)}</Td>
              <Td>{bar.value === null ? t("bias_audit.undefined") : fmtPct(lang, bar.value)}</Td>
              <Td>{bar.lower !== null && bar.upper !== null ? fmtInterval(lang, { lower: bar.lower, upper: bar.upper }, "pct") : "–"}</Td>
              <Td>{bar.fourFifths ? t(`bias_audit.four_fifths.${bar.fourFifths}`) : "–"}</Td>
            </tr>
          ))}
        </ReportTable>
      </details>
    </figure>
  );
}

/** Why the scan did not run, in words: switched off, too few combinations, or the report's own reason. */
export function scanSkippedText(t: Translate, reason: string): string {
  if (reason === SCAN_SKIPPED.disabled) return t("bias_audit.scan.disabled");
  if (reason === SCAN_SKIPPED.tooFewCombinations) return t("bias_audit.scan.too_few_combinations");
  return t("bias_audit.scan.skipped", { reason });
}

function ScanClusters({ t, lang, scan }: { t: Translate; lang: Lang; scan: ScanReport }) {
  const headers = (["cluster", "train", "test", "bad_rate", "values"] as const).map((k) => t(`bias_audit.scan.col.${k}`));
  return (
    <ReportTable caption={t("bias_audit.scan.clusters_caption")} headers={headers}>
      {scan.clusters.map((c) => (
        <tr class="utrecht-table__row">
          <RowHead>{String(c.rank)}</RowHead>
          <Td>{`${fmtInt(lang, c.train.n)} (${fmtInt(lang, c.train.bad)})`}</Td>
          <Td>{`${fmtInt(lang, c.test.n)} (${fmtInt(lang, c.test.bad)})`}</Td>
          <Td>{c.test.n > 0 ? fmtPct(lang, c.test.bad / c.test.n) : "–"}</Td>
          <Td>{Object.entries(c.values).map(([f, vs]) => `${f}: ${vs.slice(0, 6).join(", ")}${vs.length > 6 ? " …" : ""}`).join("; ")}</Td>
        </tr>
      ))}
    </ReportTable>
  );
}

function ScanDescription({ t, lang, scan }: { t: Translate; lang: Lang; scan: ScanReport }) {
  if (!scan.description) return <Paragraph>{t("bias_audit.scan.no_description")}</Paragraph>;
  const headers = [t("bias_audit.scan.col.feature"), t("bias_audit.scan.col.chi2"), t("bias_audit.col.p_adjusted"), t("bias_audit.scan.col.shares")];
  return (
    <ReportTable caption={t("bias_audit.scan.description_caption")} headers={headers}>
      {scan.description.map((d) => (
        <tr class="utrecht-table__row">
          <RowHead>{d.feature}</RowHead>
          <Td>{`${fmtNumber(lang, d.chi2)} (df ${d.df})`}</Td>
          <Td>{`${fmtP(lang, d.pAdjusted)}${d.significant ? ` · ${t("bias_audit.yes")}` : ""}`}</Td>
          <Td>{d.values.slice(0, 8).map((v) => t("bias_audit.scan.share", { value: v.value, inside: fmtPct(lang, v.shareInCluster), outside: fmtPct(lang, v.shareOutside) })).join("; ")}</Td>
        </tr>
      ))}
    </ReportTable>
  );
}

function ScanSection({ t, lang, report }: { t: Translate; lang: Lang; report: BiasAuditReport }) {
  const scan = report.scan;
  if (scan.status !== "done") {
    return (
      <section aria-labelledby="bias-scan">
        <Heading2 id="bias-scan">{t("bias_audit.scan.title")}</Heading2>
        <Paragraph>{scanSkippedText(t, scan.reason)}</Paragraph>
      </section>
    );
  }
  const p = scan.parameters as unknown as Record<string, number | string>;
  return (
    <section aria-labelledby="bias-scan">
      <Heading2 id="bias-scan">{t("bias_audit.scan.title")}</Heading2>
      <Paragraph>{t("bias_audit.scan.intro")}</Paragraph>
      <Paragraph>
        {t("bias_audit.scan.test", { p: fmtP(lang, scan.test.p), z: fmtNumber(lang, Number((scan.test as { z?: number }).z ?? 0)) })}{" "}
        <strong>{scan.test.significant ? t("bias_audit.scan.significant") : t("bias_audit.scan.not_significant")}</strong>
      </Paragraph>
      <details class="afw-disclosure">
        <summary>{t("bias_audit.scan.details")}</summary>
        <Paragraph>
          {t("bias_audit.scan.bias_variable", { variable: t(`bias_audit.scan.bias.${scan.biasVariable}`) })}{" "}
          {t("bias_audit.scan.features", { features: scan.features.join(", ") })}
        </Paragraph>
        <Paragraph>
          {t("bias_audit.scan.parameters", { maxIter: String(p.maxIter ?? ""), minClusterSize: String(p.minClusterSize ?? ""), seed: String(p.seed ?? ""), testFraction: fmtPct(lang, Number(p.testFraction ?? 0.2)) })}
        </Paragraph>
        <ScanClusters t={t} lang={lang} scan={scan} />
        <ScanDescription t={t} lang={lang} scan={scan} />
      </details>
    </section>
  );
}

/** What the reader may not conclude from a finding, in one sentence. */
function cannotConclude(t: Translate, report: BiasAuditReport, f: Finding): string {
  if (f.kind === "no_difference") return t("bias_audit.finding.cannot.no_difference");
  if (f.kind === "error") return t("bias_audit.finding.cannot.error", { label: report.settings.label ?? "" });
  return t("bias_audit.finding.cannot.selection");
}

function againstText(t: Translate, f: Finding): string {
  return f.against === "rest" ? t("bias_audit.against_rest") : f.against;
}

/** One finding: what stands out, how sure it is (interval, test), and what it does not say. */
function FindingCard({ t, lang, report, f }: { t: Translate; lang: Lang; report: BiasAuditReport; f: Finding }) {
  const params = { attr: f.attr, group: f.group, against: againstText(t, f), value: fmtPct(lang, f.groupValue), other: fmtPct(lang, f.againstValue) };
  const direction = f.difference >= 0 ? "more" : "less";
  const title =
    f.kind === "no_difference"
      ? t("bias_audit.finding.no_difference", params)
      : f.metric === "selectionRate"
        ? t(`bias_audit.finding.selection.${direction}`, params)
        : t(`bias_audit.finding.${f.metric === "fpr" ? "fpr" : "fnr"}.${direction}`, params);
  const ci = f.differenceCi95;
  const confidence = t("bias_audit.finding.confidence", {
    difference: fmtDiff(t, lang, f.difference),
    lower: ci ? fmtSignedPp(lang, ci.lower) : "–",
    upper: ci ? fmtSignedPp(lang, ci.upper) : "–",
    ratio: fmtRatio(t, lang, f.ratio),
  });
  const test = f.significant ? t("bias_audit.finding.significant", { p: fmtP(lang, f.pAdjusted) }) : t("bias_audit.finding.not_significant", { p: fmtP(lang, f.pAdjusted) });
  return (
    <li class="afw-bias-finding">
      <p class="utrecht-paragraph afw-bias-finding__title">
        <strong>{title}</strong>
        {f.fourFifths === "outside" ? <> <StatusBadge status="invalid">{t("bias_audit.finding.outside_four_fifths")}</StatusBadge></> : null}
      </p>
      <p class="utrecht-paragraph">{`${confidence} ${test}`}</p>
      <p class="utrecht-paragraph">
        <strong>{t("bias_audit.finding.cannot_label")}</strong> {cannotConclude(t, report, f)}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`#breakdown-${f.breakdown}`}>{t("bias_audit.finding.to_tables", { attr: f.attr })}</a>
      </p>
    </li>
  );
}

function ScanFinding({ t, lang, report }: { t: Translate; lang: Lang; report: BiasAuditReport }) {
  const scan = report.scan;
  if (scan.status !== "done") return null;
  return (
    <li class="afw-bias-finding">
      <p class="utrecht-paragraph afw-bias-finding__title">
        <strong>{scan.test.significant ? t("bias_audit.finding.scan_found") : t("bias_audit.finding.scan_not_found")}</strong>
      </p>
      <p class="utrecht-paragraph">{t("bias_audit.finding.scan_test", { p: fmtP(lang, scan.test.p) })}</p>
      <p class="utrecht-paragraph">
        <strong>{t("bias_audit.finding.cannot_label")}</strong> {t("bias_audit.finding.cannot.scan")}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="#bias-scan">{t("bias_audit.finding.to_scan")}</a>
      </p>
    </li>
  );
}

/** The one count of tests on the page, with its one definition. */
function TestsCount({ t, lang, report }: { t: Translate; lang: Lang; report: BiasAuditReport }) {
  return (
    <Paragraph>
      {t("bias_audit.result.tests_count", { count: fmtInt(lang, report.tests.count), significant: fmtInt(lang, report.tests.significant) })}{" "}
      {t("bias_audit.result.tests_definition", { correction: correctionName(t, report.tests.correction), alpha: fmtNumber(lang, report.tests.alpha) })}
    </Paragraph>
  );
}

function SummarySection({ t, lang, report }: { t: Translate; lang: Lang; report: BiasAuditReport }) {
  const excluded = report.input.rowsExcluded;
  const findings = keyFindings(report);
  return (
    <section aria-labelledby="bias-summary">
      <Heading2 id="bias-summary">{t("bias_audit.result.summary")}</Heading2>
      <Paragraph>
        {t("bias_audit.result.rows", { rows: fmtInt(lang, report.input.rowsUsed), missingPrediction: fmtInt(lang, excluded.missingPrediction), missingLabel: fmtInt(lang, excluded.missingLabel) })}
      </Paragraph>
      <TestsCount t={t} lang={lang} report={report} />
      <h3 class="utrecht-heading-3">{t("bias_audit.result.findings")}</h3>
      {findings.length ? <Paragraph>{t("bias_audit.result.findings_intro", { minN: report.settings.smallCell.minN })}</Paragraph> : <Paragraph>{t("bias_audit.result.no_findings")}</Paragraph>}
      <ol class="afw-bias-findings">
        {findings.map((f) => <FindingCard t={t} lang={lang} report={report} f={f} />)}
        <ScanFinding t={t} lang={lang} report={report} />
      </ol>
      <Paragraph>{t("bias_audit.finding.causality")}</Paragraph>
      <details class="afw-disclosure">
        <summary>{t("bias_audit.result.how")}</summary>
        <Paragraph>{t("bias_audit.result.methods")}</Paragraph>
        <Paragraph>{t("bias_audit.result.small_cells", { minN: report.settings.smallCell.minN, minExpected: report.settings.smallCell.minExpected })}</Paragraph>
        <h3 class="utrecht-heading-3">{t("bias_audit.result.report_summary")}</h3>
        <ul class="utrecht-unordered-list">
          {report.summary[lang].map((s) => <li class="utrecht-unordered-list__item">{s}</li>)}
        </ul>
      </details>
    </section>
  );
}

/** Selection per group for each attribute: the charts that lead, one per attribute. */
function SelectionCharts({ t, lang, report, charts }: { t: Translate; lang: Lang; report: BiasAuditReport; charts: ChartSeries[] }) {
  const lead = charts.filter((s) => s.metric === "selectionRate" && s.attributes.length === 1);
  if (!lead.length) return null;
  return (
    <section aria-labelledby="bias-selection">
      <Heading2 id="bias-selection">{t("bias_audit.result.selection_title")}</Heading2>
      <Paragraph>{t(report.settings.label ? "bias_audit.result.selection_intro_label" : "bias_audit.result.selection_intro")}</Paragraph>
      <div class="afw-bias-charts">
        {lead.map((s, i) => <ChartWithTable t={t} lang={lang} series={s} id={`lead-chart-${i}`} />)}
      </div>
    </section>
  );
}

function BreakdownSection({ t, lang, report, b, index, charts }: { t: Translate; lang: Lang; report: BiasAuditReport; b: BreakdownResult; index: number; charts: ChartSeries[] }) {
  const tests = breakdownTests(b);
  const small = b.groups.filter((g) => g.smallCell).length;
  const title = breakdownTitle(b);
  return (
    <section aria-labelledby={`breakdown-${index}`} class="afw-bias-breakdown">
      <h3 class="utrecht-heading-3" id={`breakdown-${index}`}>{t(b.kind === "intersection" ? "bias_audit.result.intersection" : "bias_audit.result.attribute", { name: title })}</h3>
      <Paragraph>
        {t("bias_audit.result.breakdown_line", { groups: fmtInt(lang, b.groups.length), small: fmtInt(lang, small), count: fmtInt(lang, tests.count), significant: fmtInt(lang, tests.significant) })}{" "}
        {referenceText(t, b)}
      </Paragraph>
      <details class="afw-disclosure">
        <summary>{t("bias_audit.result.all_figures", { name: title })}</summary>
        <GroupTable t={t} lang={lang} report={report} b={b} />
        <ComparisonTable t={t} lang={lang} b={b} />
        <BetweenTable t={t} lang={lang} b={b} />
        {b.equalizedOdds ? <Paragraph>{t("bias_audit.result.equalized_odds", { difference: fmtDiff(t, lang, b.equalizedOdds.difference), ratio: fmtRatio(t, lang, b.equalizedOdds.ratio) })}</Paragraph> : null}
        <div class="afw-bias-charts">
          {charts
            .map((s, si) => ({ s, si }))
            .filter(({ s }) => s.breakdown === title && (b.kind === "intersection" || s.metric !== "selectionRate"))
            .map(({ s, si }) => <ChartWithTable t={t} lang={lang} series={s} id={`chart-${si}`} />)}
        </div>
      </details>
    </section>
  );
}

export function ReportView({ t, lang, report }: { t: Translate; lang: Lang; report: BiasAuditReport }) {
  const charts = toChartData(report, chartMetrics(report));
  return (
    <>
      <SummarySection t={t} lang={lang} report={report} />
      <SelectionCharts t={t} lang={lang} report={report} charts={charts} />
      <section aria-labelledby="bias-all">
        <Heading2 id="bias-all">{t("bias_audit.result.all_title")}</Heading2>
        <Paragraph>{t("bias_audit.result.all_intro")}</Paragraph>
        {report.breakdowns.map((b, index) => <BreakdownSection t={t} lang={lang} report={report} b={b} index={index} charts={charts} />)}
      </section>
      <ScanSection t={t} lang={lang} report={report} />
    </>
  );
}

export { fmtInterval };
