// Sentences of the plain-language summary, Dutch (B1) first, English second.
// Kept here rather than in the app-wide i18n so the domain stays self-contained.

import type { Lang } from "./format-number.ts";

export type Favourable = "positive" | "negative" | "unspecified";

interface Messages {
  rows: (n: string, selected: string, what: string) => string;
  favourable: Record<Favourable, string>;
  /** How to say "gets the positive prediction" given which outcome is favourable. */
  gets: Record<Favourable, string>;
  spread: (attr: string, gets: string, hi: string, hiPct: string, lo: string, loPct: string, pp: string, lower: string, upper: string) => string;
  fourFifthsOutside: (attr: string, groups: string, ref: string) => string;
  fourFifthsAllWithin: (attr: string) => string;
  significance: (k: number, m: number, method: string, alpha: string) => string;
  significantList: (items: string) => string;
  errorSpread: (attr: string, metric: string, hi: string, hiPct: string, lo: string, loPct: string) => string;
  metricName: Record<"fpr" | "fnr", string>;
  smallCells: (groups: string) => string;
  noLabel: string;
  causality: string;
  notSignificantIsNotEqual: string;
  scanFound: (n: string, what: string, inPct: string, outPct: string, p: string) => string;
  scanNotFound: (what: string, p: string) => string;
  scanSkipped: string;
  scanMoreOften: (feature: string, value: string, inPct: string, outPct: string) => string;
  scanBad: Record<"fp" | "fn" | "error" | "unfavourable" | "selected", string>;
  correctionName: Record<string, string>;
}

export const SUMMARY_MESSAGES: Record<Lang, Messages> = {
  nl: {
    rows: (n, selected, what) => `We hebben ${n} rijen bekeken. ${selected} van alle mensen ${what}.`,
    favourable: {
      positive: "Een positieve voorspelling (geselecteerd worden) is hier gunstig voor de mensen om wie het gaat.",
      negative:
        "Een positieve voorspelling (geselecteerd of gemarkeerd worden) is hier ongunstig voor de mensen om wie het gaat. Niet geselecteerd worden is de gunstige uitkomst.",
      unspecified:
        "U heeft niet aangegeven of geselecteerd worden gunstig of ongunstig is. We zeggen daarom neutraal 'geselecteerd'.",
    },
    gets: {
      positive: "krijgt de gunstige uitkomst",
      negative: "wordt geselecteerd (ongunstig)",
      unspecified: "wordt geselecteerd",
    },
    spread: (attr, gets, hi, hiPct, lo, loPct, pp, lower, upper) =>
      `Bij ${attr}: groep ${hi} ${gets} het vaakst (${hiPct}), groep ${lo} het minst vaak (${loPct}). Het verschil is ${pp} procentpunt (95%-betrouwbaarheidsinterval: ${lower} tot ${upper}).`,
    fourFifthsOutside: (attr, groups, ref) =>
      `Bij ${attr} valt de verhouding met ${ref} buiten de vier-vijfde-regel (0,8 tot 1,25) voor: ${groups}.`,
    fourFifthsAllWithin: (attr) => `Bij ${attr} vallen alle verhoudingen binnen de vier-vijfde-regel (0,8 tot 1,25).`,
    significance: (k, m, method, alpha) =>
      `We hebben ${m} verschillen getoetst. Na correctie voor het aantal toetsen (${method}, α = ${alpha}) zijn er ${k} statistisch significant.`,
    significantList: (items) => `Significante verschillen in selectie: ${items}.`,
    errorSpread: (attr, metric, hi, hiPct, lo, loPct) =>
      `Bij ${attr} verschilt ${metric} sterk: ${hi} ${hiPct} tegenover ${lo} ${loPct}.`,
    metricName: {
      fpr: "het aandeel mensen dat onterecht wordt geselecteerd (vals-positief)",
      fnr: "het aandeel mensen dat onterecht niet wordt geselecteerd (vals-negatief)",
    },
    smallCells: (groups) =>
      `Deze groepen zijn klein (minder dan 30 rijen of minder dan 5 verwachte gevallen): ${groups}. Over deze groepen kunnen we weinig zeggen.`,
    noLabel:
      "Er is geen echte uitkomst opgegeven. Daarom kunnen we niet zeggen of het algoritme bij sommige groepen vaker fouten maakt. We kunnen alleen de selectie vergelijken.",
    causality:
      "Een verschil laat niet zien waarom het er is. Het kan aan het algoritme liggen, maar ook aan verschillen tussen de groepen of aan de gegevens. Onderzoek de oorzaak voordat u conclusies trekt.",
    notSignificantIsNotEqual:
      "Een verschil dat niet significant is, betekent niet dat er geen verschil is. Bij kleine groepen is er vaak te weinig informatie.",
    scanFound: (n, what, inPct, outPct, p) =>
      `De automatische zoektocht naar afwijkende groepen (HBAC) vond een groep van ${n} mensen (in de testset) waarbij ${what} vaker voorkomt: ${inPct} tegenover ${outPct} bij de rest (p = ${p}, eenzijdige toets).`,
    scanNotFound: (what, p) =>
      `De automatische zoektocht naar afwijkende groepen (HBAC) vond geen groep waarbij ${what} duidelijk vaker voorkomt (p = ${p}).`,
    scanSkipped: "De automatische zoektocht naar afwijkende groepen (HBAC) is niet uitgevoerd.",
    scanMoreOften: (feature, value, inPct, outPct) =>
      `In deze groep komt ${feature} = ${value} vaker voor dan elders (${inPct} tegenover ${outPct}).`,
    scanBad: {
      fp: "een onterechte selectie (vals-positief)",
      fn: "een onterechte niet-selectie (vals-negatief)",
      error: "een fout van het algoritme",
      unfavourable: "de ongunstige uitkomst",
      selected: "selectie",
    },
    correctionName: { holm: "Holm", "benjamini-hochberg": "Benjamini-Hochberg", bonferroni: "Bonferroni", none: "geen correctie" },
  },
  en: {
    rows: (n, selected, what) => `We looked at ${n} rows. Of all people, ${selected} ${what}.`,
    favourable: {
      positive: "A positive prediction (being selected) is favourable for the people concerned here.",
      negative:
        "A positive prediction (being selected or flagged) is unfavourable for the people concerned here. Not being selected is the favourable outcome.",
      unspecified:
        "You did not say whether being selected is favourable or unfavourable, so we neutrally say 'selected'.",
    },
    gets: {
      positive: "gets the favourable outcome",
      negative: "is selected (unfavourable)",
      unspecified: "is selected",
    },
    spread: (attr, gets, hi, hiPct, lo, loPct, pp, lower, upper) =>
      `For ${attr}: group ${hi} ${gets} most often (${hiPct}), group ${lo} least often (${loPct}). The difference is ${pp} percentage points (95% confidence interval: ${lower} to ${upper}).`,
    fourFifthsOutside: (attr, groups, ref) =>
      `For ${attr}, the ratio to ${ref} falls outside the four-fifths rule (0.8 to 1.25) for: ${groups}.`,
    fourFifthsAllWithin: (attr) => `For ${attr}, all ratios fall within the four-fifths rule (0.8 to 1.25).`,
    significance: (k, m, method, alpha) =>
      `We tested ${m} differences. After correcting for the number of tests (${method}, α = ${alpha}), ${k} are statistically significant.`,
    significantList: (items) => `Significant differences in selection: ${items}.`,
    errorSpread: (attr, metric, hi, hiPct, lo, loPct) =>
      `For ${attr}, ${metric} differs strongly: ${hi} ${hiPct} against ${lo} ${loPct}.`,
    metricName: {
      fpr: "the share of people wrongly selected (false positive rate)",
      fnr: "the share of people wrongly not selected (false negative rate)",
    },
    smallCells: (groups) =>
      `These groups are small (fewer than 30 rows or fewer than 5 expected cases): ${groups}. We can say little about them.`,
    noLabel:
      "No true outcome was given. So we cannot say whether the algorithm makes more errors for some groups. We can only compare selection.",
    causality:
      "A difference does not show why it exists. It may come from the algorithm, but also from differences between the groups or from the data. Investigate the cause before drawing conclusions.",
    notSignificantIsNotEqual:
      "A difference that is not significant does not mean there is no difference. Small groups often carry too little information.",
    scanFound: (n, what, inPct, outPct, p) =>
      `The automatic search for deviating groups (HBAC) found a group of ${n} people (in the test set) where ${what} occurs more often: ${inPct} against ${outPct} in the rest (p = ${p}, one-sided test).`,
    scanNotFound: (what, p) =>
      `The automatic search for deviating groups (HBAC) found no group where ${what} clearly occurs more often (p = ${p}).`,
    scanSkipped: "The automatic search for deviating groups (HBAC) was not run.",
    scanMoreOften: (feature, value, inPct, outPct) =>
      `In this group, ${feature} = ${value} occurs more often than elsewhere (${inPct} against ${outPct}).`,
    scanBad: {
      fp: "a wrongful selection (false positive)",
      fn: "a wrongful non-selection (false negative)",
      error: "an error of the algorithm",
      unfavourable: "the unfavourable outcome",
      selected: "selection",
    },
    correctionName: { holm: "Holm", "benjamini-hochberg": "Benjamini-Hochberg", bonferroni: "Bonferroni", none: "no correction" },
  },
};
