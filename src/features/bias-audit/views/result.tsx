// The result of a bias audit: summary, per breakdown the figures per group
// and the differences with the reference, charts with their data tables, and
// the bias scan (HBAC).
import type { Correction } from "../../../domain/fairness/multiple-testing.ts";
import type { BreakdownResult, GroupResult } from "../../../domain/fairness/disparity.ts";
import type { MetricId } from "../../../domain/fairness/metrics.ts";
import type { Lang, Translate } from "../../../platform/i18n/index.ts";
import { Heading2, Paragraph, StatusBadge } from "../../../ui/components.tsx";
import { toChartData, type BiasAuditReport, type ChartSeries } from "../engine/index.ts";
import { BarChart } from "./chart.tsx";
import { fmtDiff, fmtInt, fmtInterval, fmtNumber, fmtP, fmtPct, fmtRate, fmtRatio } from "./format.ts";

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

function Th({ children }: { children: unknown }) {
  return <th class="utrecht-table__header-cell" scope="col">{children as string}</th>;
}
function Td({ children }: { children?: unknown }) {
  return <td class="utrecht-table__cell">{children as string}</td>;
}

function groupNote(t: Translate, g: GroupResult): string {
  return [g.isReference ? t("bias_audit.reference_group") : "", g.smallCell ? t("bias_audit.small_cell") : ""].filter(Boolean).join(", ");
}

function GroupTable({ t, lang, report, b }: { t: Translate; lang: Lang; report: BiasAuditReport; b: BreakdownResult }) {
  const metrics = ratesShown(report);
  return (
    <div class="utrecht-table-container afw-bias-scroll">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{t("bias_audit.result.groups_caption", { breakdown: breakdownTitle(b) })}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <Th>{t("bias_audit.col.group")}</Th>
            <Th>{t("bias_audit.col.n")}</Th>
            <Th>{t("bias_audit.col.selected")}</Th>
            {metrics.map((m) => <Th>{t(`bias_audit.metric.${m}`)}</Th>)}
            <Th>{t("bias_audit.col.note")}</Th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {b.groups.map((g) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{g.label}</th>
              <Td>{fmtInt(lang, g.counts.n)}</Td>
              <Td>{fmtInt(lang, g.counts.pos)}</Td>
              {metrics.map((m) => <Td>{fmtRate(t, lang, g.rates[m])}</Td>)}
              <Td>{g.smallCell ? <StatusBadge status="warning">{groupNote(t, g)}</StatusBadge> : groupNote(t, g)}</Td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ComparisonTable({ t, lang, b }: { t: Translate; lang: Lang; b: BreakdownResult }) {
  const rows = b.groups.flatMap((g) => g.comparisons.map((c) => ({ g, c })));
  if (rows.length === 0) return null;
  const overall = b.reference.convention === "overall";
  return (
    <div class="utrecht-table-container afw-bias-scroll">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{t("bias_audit.result.comparisons_caption", { breakdown: breakdownTitle(b) })}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <Th>{t("bias_audit.col.group")}</Th>
            <Th>{t("bias_audit.col.metric")}</Th>
            <Th>{t("bias_audit.col.against")}</Th>
            <Th>{t("bias_audit.col.difference")}</Th>
            <Th>{t("bias_audit.col.ratio")}</Th>
            <Th>{t("bias_audit.col.four_fifths")}</Th>
            <Th>{t("bias_audit.col.p_adjusted")}</Th>
            <Th>{t("bias_audit.col.significant")}</Th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map(({ g, c }) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{g.label}</th>
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
        </tbody>
      </table>
    </div>
  );
}

function BetweenTable({ t, lang, b }: { t: Translate; lang: Lang; b: BreakdownResult }) {
  if (b.between.length === 0) return null;
  return (
    <div class="utrecht-table-container afw-bias-scroll">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{t("bias_audit.result.between_caption", { breakdown: breakdownTitle(b) })}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <Th>{t("bias_audit.col.metric")}</Th>
            <Th>{t("bias_audit.col.highest")}</Th>
            <Th>{t("bias_audit.col.lowest")}</Th>
            <Th>{t("bias_audit.col.spread")}</Th>
            <Th>{t("bias_audit.col.min_max_ratio")}</Th>
            <Th>{t("bias_audit.col.p_adjusted")}</Th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {b.between.map((s) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{t(`bias_audit.metric.${s.metric}`)}</th>
              <Td>{`${s.max.group}: ${fmtPct(lang, s.max.value)}`}</Td>
              <Td>{`${s.min.group}: ${fmtPct(lang, s.min.value)}`}</Td>
              <Td>{fmtDiff(t, lang, s.difference, s.differenceCi95)}</Td>
              <Td>{fmtRatio(t, lang, s.ratio)}</Td>
              <Td>{s.test ? fmtP(lang, s.test.pAdjusted) : "–"}</Td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ChartWithTable({ t, lang, series, id }: { t: Translate; lang: Lang; series: ChartSeries; id: string }) {
  const metric = t(`bias_audit.metric.${series.metric}`);
  return (
    <figure class="afw-bias-figure">
      <div class="afw-bias-figure__chart">
        <BarChart t={t} lang={lang} series={series} id={id} />
      </div>
      <div class="utrecht-table-container afw-bias-figure__table">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">{t("bias_audit.chart.table_caption", { metric, breakdown: series.breakdown })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <Th>{t("bias_audit.col.group")}</Th>
              <Th>{metric}</Th>
              <Th>{t("bias_audit.col.interval")}</Th>
              <Th>{t("bias_audit.col.four_fifths")}</Th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {series.bars.map((bar) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">{bar.group}{bar.isReference ? ` (${t("bias_audit.reference_group")})` : ""}</th>
                <Td>{bar.value === null ? t("bias_audit.undefined") : fmtPct(lang, bar.value)}</Td>
                <Td>{bar.lower !== null && bar.upper !== null ? fmtInterval(lang, { lower: bar.lower, upper: bar.upper }, "pct") : "–"}</Td>
                <Td>{bar.fourFifths ? t(`bias_audit.four_fifths.${bar.fourFifths}`) : "–"}</Td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption class="utrecht-paragraph afw-bias-figure__caption">
        {series.referenceValue !== null
          ? t("bias_audit.chart.caption", { reference: series.referenceLabel === "overall" ? t("bias_audit.chart.everyone") : series.referenceLabel, value: fmtPct(lang, series.referenceValue) })
          : t("bias_audit.chart.caption_no_reference")}
      </figcaption>
    </figure>
  );
}

function ScanSection({ t, lang, report }: { t: Translate; lang: Lang; report: BiasAuditReport }) {
  const scan = report.scan;
  if (scan.status !== "done") {
    return (
      <section aria-labelledby="bias-scan">
        <Heading2 id="bias-scan">{t("bias_audit.scan.title")}</Heading2>
        <Paragraph>{scan.reason === "disabled" ? t("bias_audit.scan.disabled") : t("bias_audit.scan.skipped", { reason: scan.reason })}</Paragraph>
      </section>
    );
  }
  const p = scan.parameters as unknown as Record<string, number | string>;
  return (
    <section aria-labelledby="bias-scan">
      <Heading2 id="bias-scan">{t("bias_audit.scan.title")}</Heading2>
      <Paragraph>{t("bias_audit.scan.intro")}</Paragraph>
      <Paragraph>
        {t("bias_audit.scan.bias_variable", { variable: t(`bias_audit.scan.bias.${scan.biasVariable}`) })}{" "}
        {t("bias_audit.scan.features", { features: scan.features.join(", ") })}
      </Paragraph>
      <Paragraph>
        {t("bias_audit.scan.parameters", { maxIter: String(p.maxIter ?? ""), minClusterSize: String(p.minClusterSize ?? ""), seed: String(p.seed ?? ""), testFraction: fmtPct(lang, Number(p.testFraction ?? 0.2)) })}
      </Paragraph>
      <Paragraph>
        {t("bias_audit.scan.test", { p: fmtP(lang, scan.test.p), z: fmtNumber(lang, Number((scan.test as { z?: number }).z ?? 0)) })}{" "}
        <strong>{scan.test.significant ? t("bias_audit.scan.significant") : t("bias_audit.scan.not_significant")}</strong>
      </Paragraph>
      <div class="utrecht-table-container afw-bias-scroll">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">{t("bias_audit.scan.clusters_caption")}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <Th>{t("bias_audit.scan.col.cluster")}</Th>
              <Th>{t("bias_audit.scan.col.train")}</Th>
              <Th>{t("bias_audit.scan.col.test")}</Th>
              <Th>{t("bias_audit.scan.col.bad_rate")}</Th>
              <Th>{t("bias_audit.scan.col.values")}</Th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {scan.clusters.map((c) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">{String(c.rank)}</th>
                <Td>{`${fmtInt(lang, c.train.n)} (${fmtInt(lang, c.train.bad)})`}</Td>
                <Td>{`${fmtInt(lang, c.test.n)} (${fmtInt(lang, c.test.bad)})`}</Td>
                <Td>{c.test.n > 0 ? fmtPct(lang, c.test.bad / c.test.n) : "–"}</Td>
                <Td>{Object.entries(c.values).map(([f, vs]) => `${f}: ${vs.slice(0, 6).join(", ")}${vs.length > 6 ? " …" : ""}`).join("; ")}</Td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {scan.description ? (
        <div class="utrecht-table-container afw-bias-scroll">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">{t("bias_audit.scan.description_caption")}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <Th>{t("bias_audit.scan.col.feature")}</Th>
                <Th>{t("bias_audit.scan.col.chi2")}</Th>
                <Th>{t("bias_audit.col.p_adjusted")}</Th>
                <Th>{t("bias_audit.scan.col.shares")}</Th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {scan.description.map((d) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">{d.feature}</th>
                  <Td>{`${fmtNumber(lang, d.chi2)} (df ${d.df})`}</Td>
                  <Td>{`${fmtP(lang, d.pAdjusted)}${d.significant ? ` · ${t("bias_audit.yes")}` : ""}`}</Td>
                  <Td>{d.values.slice(0, 8).map((v) => t("bias_audit.scan.share", { value: v.value, inside: fmtPct(lang, v.shareInCluster), outside: fmtPct(lang, v.shareOutside) })).join("; ")}</Td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Paragraph>{t("bias_audit.scan.no_description")}</Paragraph>
      )}
    </section>
  );
}

export function ReportView({ t, lang, report }: { t: Translate; lang: Lang; report: BiasAuditReport }) {
  const charts = toChartData(report, chartMetrics(report));
  const excluded = report.input.rowsExcluded;
  return (
    <>
      <section aria-labelledby="bias-summary">
        <Heading2 id="bias-summary">{t("bias_audit.result.summary")}</Heading2>
        <ul class="utrecht-unordered-list">
          {report.summary[lang].map((s) => <li class="utrecht-unordered-list__item">{s}</li>)}
        </ul>
        <Paragraph>
          {t("bias_audit.result.rows", { rows: fmtInt(lang, report.input.rowsUsed), missingPrediction: fmtInt(lang, excluded.missingPrediction), missingLabel: fmtInt(lang, excluded.missingLabel) })}
        </Paragraph>
        <Paragraph>
          {t("bias_audit.result.tests", {
            count: fmtInt(lang, report.tests.count),
            significant: fmtInt(lang, report.tests.significant),
            correction: correctionName(t, report.tests.correction),
            alpha: fmtNumber(lang, report.tests.alpha),
          })}
        </Paragraph>
        <Paragraph>{t("bias_audit.result.methods")}</Paragraph>
        <Paragraph>{t("bias_audit.result.small_cells", { minN: report.settings.smallCell.minN, minExpected: report.settings.smallCell.minExpected })}</Paragraph>
      </section>
      {report.breakdowns.map((b, bi) => (
        <section aria-labelledby={`breakdown-${bi}`}>
          <Heading2 id={`breakdown-${bi}`}>{t(b.kind === "intersection" ? "bias_audit.result.intersection" : "bias_audit.result.attribute", { name: breakdownTitle(b) })}</Heading2>
          <Paragraph>{referenceText(t, b)}</Paragraph>
          <GroupTable t={t} lang={lang} report={report} b={b} />
          <ComparisonTable t={t} lang={lang} b={b} />
          <BetweenTable t={t} lang={lang} b={b} />
          {b.equalizedOdds ? <Paragraph>{t("bias_audit.result.equalized_odds", { difference: fmtDiff(t, lang, b.equalizedOdds.difference), ratio: fmtRatio(t, lang, b.equalizedOdds.ratio) })}</Paragraph> : null}
          {charts
            .map((s, si) => ({ s, si }))
            .filter(({ s }) => s.breakdown === breakdownTitle(b))
            .map(({ s, si }) => <ChartWithTable t={t} lang={lang} series={s} id={`chart-${si}`} />)}
        </section>
      ))}
      <ScanSection t={t} lang={lang} report={report} />
    </>
  );
}

export { fmtInterval };
