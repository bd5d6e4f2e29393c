// Plain-text rendering of the report for the terminal. Dutch by default;
// undefined rates are written as "onbepaald" / "undefined", never NaN.

import type { Comparison } from "../../../domain/fairness/disparity.ts";
import { type Lang, fmtInt, fmtNum, fmtP } from "../../../domain/fairness/format-number.ts";
import type { MetricId, RateEstimate } from "../../../domain/fairness/metrics.ts";
import type { BiasAuditReport } from "./report.ts";

const T = {
  nl: {
    title: "Bias-audit",
    rows: "Rijen gebruikt",
    excluded: (p: number, l: number) => `uitgesloten: ${p} zonder voorspelling, ${l} zonder echte uitkomst`,
    prediction: "Voorspelling",
    label: "Echte uitkomst",
    none: "geen",
    favourable: { positive: "positief (geselecteerd) is gunstig", negative: "positief (geselecteerd) is ongunstig", unspecified: "niet opgegeven" },
    favourableLabel: "Gunstige uitkomst",
    reference: "Referentie",
    refKinds: { between: "tussen groepen (grootste min kleinste)", overall: "ten opzichte van iedereen (groep tegen de rest)", largest: "de grootste groep", group: "een gekozen groep" },
    methods: (m: number, corr: string, alpha: string) =>
      `Methode: 95%-intervallen volgens Wilson (percentages), Newcombe (verschillen), Katz (verhoudingen); twee-proporties-z-toets (gepoold), tweezijdig; ${m} toetsen, correctie ${corr}, α = ${alpha}; vier-vijfde-regel [0,8; 1,25]; klein = n < 30 of < 5 verwachte gevallen.`,
    summary: "Samenvatting",
    group: "groep",
    refTag: " (referentie)",
    small: "klein",
    compare: (metric: string, against: string) => `Vergelijking ${metric} met ${against}`,
    rest: "de rest",
    diff: "verschil [95%-BI]",
    ratio: "verhouding",
    ff: "4/5-regel",
    within: "binnen",
    outside: "buiten",
    between: (m: string, d: string, hi: string, lo: string, r: string) => `Tussen groepen (${m}): verschil ${d} (${hi} min ${lo}), verhouding ${r}`,
    overall: (m: string, d: string, g: string, r: string, rg: string) => `Ten opzichte van iedereen (${m}): grootste |verschil| ${d} (${g}), kleinste verhouding ${r} (${rg})`,
    eo: (d: string, r: string, eq: string) => `Equalized-odds-verschil ${d} (verhouding ${r}); equal-opportunity-verschil ${eq}`,
    scan: "Zoektocht naar afwijkende groepen (HBAC)",
    scanSkipped: (r: string) => `Niet uitgevoerd (${r}).`,
    scanParams: "Instellingen",
    cluster: "cluster",
    trainTest: "training n / fout, test n / fout",
    scanTest: "Toets",
    sig: "significant",
    notSig: "niet significant",
    desc: "Beschrijving van cluster 0 (chi-kwadraat per kenmerk, Bonferroni)",
  },
  en: {
    title: "Bias audit",
    rows: "Rows used",
    excluded: (p: number, l: number) => `excluded: ${p} without prediction, ${l} without true outcome`,
    prediction: "Prediction",
    label: "True outcome",
    none: "none",
    favourable: { positive: "positive (selected) is favourable", negative: "positive (selected) is unfavourable", unspecified: "not given" },
    favourableLabel: "Favourable outcome",
    reference: "Reference",
    refKinds: { between: "between groups (largest minus smallest)", overall: "against everyone (group vs the rest)", largest: "the largest group", group: "a chosen group" },
    methods: (m: number, corr: string, alpha: string) =>
      `Method: 95% intervals by Wilson (rates), Newcombe (differences), Katz (ratios); two-proportion z-test (pooled), two-sided; ${m} tests, ${corr} correction, α = ${alpha}; four-fifths rule [0.8, 1.25]; small = n < 30 or < 5 expected cases.`,
    summary: "Summary",
    group: "group",
    refTag: " (reference)",
    small: "small",
    compare: (metric: string, against: string) => `Comparison of ${metric} with ${against}`,
    rest: "the rest",
    diff: "difference [95% CI]",
    ratio: "ratio",
    ff: "4/5 rule",
    within: "within",
    outside: "outside",
    between: (m: string, d: string, hi: string, lo: string, r: string) => `Between groups (${m}): difference ${d} (${hi} minus ${lo}), ratio ${r}`,
    overall: (m: string, d: string, g: string, r: string, rg: string) => `Against everyone (${m}): largest |difference| ${d} (${g}), smallest ratio ${r} (${rg})`,
    eo: (d: string, r: string, eq: string) => `Equalized-odds difference ${d} (ratio ${r}); equal-opportunity difference ${eq}`,
    scan: "Search for deviating groups (HBAC)",
    scanSkipped: (r: string) => `Not run (${r}).`,
    scanParams: "Parameters",
    cluster: "cluster",
    trainTest: "train n / bad, test n / bad",
    scanTest: "Test",
    sig: "significant",
    notSig: "not significant",
    desc: "Description of cluster 0 (chi-square per feature, Bonferroni)",
  },
} as const;

const METRIC_NAMES: Record<Lang, Record<MetricId, string>> = {
  nl: { selectionRate: "selectie", baseRate: "basis", tpr: "TPR", fpr: "FPR", fnr: "FNR", tnr: "TNR", ppv: "PPV", npv: "NPV", fdr: "FDR", for: "FOR", accuracy: "juist" },
  en: { selectionRate: "selection", baseRate: "base", tpr: "TPR", fpr: "FPR", fnr: "FNR", tnr: "TNR", ppv: "PPV", npv: "NPV", fdr: "FDR", for: "FOR", accuracy: "accuracy" },
};

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => c + " ".repeat((widths[i] ?? 0) - [...c].length)).join("  ").trimEnd()).join("\n");
}

function rateCell(r: RateEstimate | undefined, lang: Lang, withCi: boolean): string {
  if (!r || r.value === null) return lang === "nl" ? "onbepaald" : "undefined";
  const v = fmtNum(r.value, lang);
  return withCi && r.ci95 ? `${v} [${fmtNum(r.ci95.lower, lang, 3)}–${fmtNum(r.ci95.upper, lang, 3)}]` : v;
}

function comparisonRow(label: string, c: Comparison, lang: Lang): string[] {
  const t = T[lang];
  const diff =
    c.difference === null
      ? fmtNum(null, lang)
      : `${c.difference >= 0 ? "+" : ""}${fmtNum(c.difference, lang)}${c.differenceCi95 ? ` [${fmtNum(c.differenceCi95.lower, lang, 3)}; ${fmtNum(c.differenceCi95.upper, lang, 3)}]` : ""}`;
  return [
    label,
    diff,
    fmtNum(c.ratioToOverall ?? c.ratio, lang),
    c.fourFifths === "within" ? t.within : c.fourFifths === "outside" ? t.outside : fmtNum(null, lang),
    c.test ? `${c.test.z >= 0 ? "+" : ""}${fmtNum(c.test.z, lang, 2)}` : "",
    c.test ? fmtP(c.test.p, lang) : "",
    c.test ? fmtP(c.test.pAdjusted, lang) : "",
    c.smallCell ? t.small : "",
  ];
}

export function formatText(report: BiasAuditReport, lang: Lang = "nl"): string {
  const t = T[lang];
  const M = METRIC_NAMES[lang];
  const s = report.settings;
  const out: string[] = [];
  const rule = s.prediction.rule;
  const predText =
    rule.mode === "threshold" ? `${s.prediction.column} >= ${rule.threshold}` : rule.mode === "category" ? `${s.prediction.column} = ${rule.value}` : `${s.prediction.column} (0/1)`;
  out.push(`${t.title}${report.input.file ? ` — ${report.input.file}` : ""}`);
  out.push(`${t.rows}: ${fmtInt(report.input.rowsUsed, lang)} (${t.excluded(report.input.rowsExcluded.missingPrediction, report.input.rowsExcluded.missingLabel)})`);
  out.push(`${t.prediction}: ${predText} · ${t.label}: ${s.label ?? t.none} · ${t.favourableLabel}: ${t.favourable[s.favourable]}`);
  const refGroup = s.reference.kind === "group" ? ` (${s.reference.values.join(", ")})` : "";
  out.push(`${t.reference}: ${t.refKinds[s.reference.kind]}${refGroup}`);
  out.push(t.methods(report.tests.count, s.correction, fmtNum(s.alpha, lang, 2)));
  out.push("", t.summary, ...report.summary[lang].map((x) => `- ${x}`));

  const hasLabel = s.label !== null;
  const shown: MetricId[] = hasLabel ? ["selectionRate", "baseRate", "tpr", "fpr", "fnr", "ppv", "npv", "accuracy"] : ["selectionRate"];
  for (const b of report.breakdowns) {
    out.push("", `== ${b.attributes.join(" × ")}${b.reference.group ? ` (${t.reference.toLowerCase()}: ${b.reference.group})` : ""} ==`);
    const header = [t.group, "n", ...shown.map((m) => (m === "selectionRate" ? `${M[m]} [95%-BI]` : M[m])), ""];
    const rows = b.groups.map((g) => [
      g.label + (g.isReference ? t.refTag : ""),
      fmtInt(g.counts.n, lang),
      ...shown.map((m) => rateCell(g.rates[m], lang, m === "selectionRate")),
      g.smallCell ? t.small : "",
    ]);
    out.push(table([header, ...rows]));
    const metrics = [...new Set(b.groups.flatMap((g) => g.comparisons.map((c) => c.metric)))];
    for (const m of metrics) {
      const firstAgainst = b.groups.flatMap((g) => g.comparisons).find((c) => c.metric === m)?.against ?? "";
      out.push("", t.compare(M[m], firstAgainst === "rest" ? t.rest : firstAgainst));
      const head = [t.group, t.diff, t.ratio, t.ff, "z", "p", `p (${s.correction})`, ""];
      const cmpRows = b.groups.flatMap((g) => g.comparisons.filter((c) => c.metric === m).map((c) => comparisonRow(g.label, c, lang)));
      out.push(table([head, ...cmpRows]));
    }
    out.push("");
    for (const bt of b.between) out.push(t.between(M[bt.metric], fmtNum(bt.difference, lang), bt.max.group, bt.min.group, fmtNum(bt.ratio, lang)));
    for (const o of b.againstOverall)
      out.push(
        t.overall(
          M[o.metric],
          fmtNum(Math.abs(o.largestAbsDifference.value), lang),
          o.largestAbsDifference.group,
          fmtNum(o.smallestRatio?.value ?? null, lang),
          o.smallestRatio?.group ?? "",
        ),
      );
    if (b.equalizedOdds) out.push(t.eo(fmtNum(b.equalizedOdds.difference, lang), fmtNum(b.equalizedOdds.ratio, lang), fmtNum(b.equalOpportunityDifference, lang)));
  }

  out.push("", `== ${t.scan} ==`);
  const scan = report.scan;
  if (scan.status !== "done") out.push(t.scanSkipped(scan.reason));
  else {
    const p = scan.parameters;
    out.push(
      `${t.scanParams}: bias = ${scan.biasVariable} (${scan.biasVariableExplained}); features = ${scan.features.join(", ")}; max_iter = ${p.maxIter}; n_min = ${p.minClusterSize} (${fmtNum(p.minClusterFraction * 100, lang, 1)}%); seed = ${p.seed}; test = ${fmtNum(p.testFraction * 100, lang, 0)}%`,
    );
    out.push(
      table([
        [t.cluster, "score", t.trainTest, ""],
        ...scan.clusters.map((c) => [
          String(c.rank),
          fmtNum(c.score, lang),
          `${fmtInt(c.train.n, lang)} / ${fmtInt(c.train.bad, lang)}, ${fmtInt(c.test.n, lang)} / ${fmtInt(c.test.bad, lang)}`,
          Object.entries(c.values).map(([f, v]) => `${f}: ${v.join(", ")}`).join("; "),
        ]),
      ]),
    );
    out.push(`${t.scanTest}: ${scan.test.method}; z = ${fmtNum(scan.test.z, lang, 2)}, p = ${fmtP(scan.test.p, lang)} → ${scan.test.significant ? t.sig : t.notSig}`);
    if (scan.description) {
      out.push(t.desc);
      for (const d of scan.description)
        out.push(
          `  ${d.feature}: χ² = ${fmtNum(d.chi2, lang, 1)}, df = ${d.df}, p (Bonferroni) = ${fmtP(d.pAdjusted, lang)}; ` +
            d.values.map((v) => `${v.value} ${fmtNum(v.shareInCluster * 100, lang, 1)}% vs ${fmtNum(v.shareOutside * 100, lang, 1)}%`).join(", "),
        );
    }
  }
  return out.join("\n");
}
