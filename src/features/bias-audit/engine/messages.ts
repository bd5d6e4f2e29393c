// The engine's own texts: its error codes, the plain-language summary, the
// terminal report and the `afweging bias-audit` command. Dutch first (B1),
// English second. This catalogue part is one with the feature's: the
// feature's messages.ts spreads it into its own, so the web pages, the PDF,
// the stored report and the command line word a code the same way and the
// catalogue test checks these keys too. It lives here, free of the app, so
// the command line loads only the engine and starts fast.

export type Lang = "nl" | "en";

export const engineNl = {
  // ------------------------------------------------------------ errors (BiasAuditErrorCode)
  "bias_audit.error.file-not-found": "Het bestand {file} bestaat niet of is niet te lezen.",
  "bias_audit.error.file-too-large": "Het bestand is te groot: {bytes} bytes, de grens is {maxBytes} bytes.",
  "bias_audit.error.empty-file": "Het bestand is leeg.",
  "bias_audit.error.no-data-rows": "Het bestand heeft alleen een kopregel en geen gegevens.",
  "bias_audit.error.not-csv": "Dit is geen CSV-bestand (tekst met scheidingstekens).",
  "bias_audit.error.not-csv.nul-bytes": "Dit is geen CSV-bestand (tekst met scheidingstekens): het bevat NUL-bytes (binaire gegevens).",
  "bias_audit.error.not-csv.control-characters": "Dit is geen CSV-bestand (tekst met scheidingstekens): het bevat veel stuurtekens (binaire gegevens).",
  "bias_audit.error.not-csv.no-line-break": "Dit is geen CSV-bestand (tekst met scheidingstekens): er staat geen regeleinde in de eerste megabyte.",
  "bias_audit.error.ragged-row": "Regel {line} heeft {found} velden, maar de kopregel heeft {expected} kolommen.",
  "bias_audit.error.unterminated-quote": "Op regel {line} begint een veld met een aanhalingsteken (\") dat nergens wordt gesloten. Controleer het bestand rond die regel.",
  "bias_audit.error.missing-column": "De kolom \"{column}\" bestaat niet. Beschikbare kolommen: {available}.",
  "bias_audit.error.non-numeric-score": "Regel {line}: de score in kolom \"{column}\" is geen getal (\"{value}\"). Met een drempel moet de score een getal zijn.",
  "bias_audit.error.bad-prediction":
    "Regel {line}: de voorspelling in kolom \"{column}\" is \"{value}\". Verwacht is 0/1 of true/false. Gebruik --threshold voor een score, of --favourable WAARDE voor een kolom met categorieën.",
  "bias_audit.error.bad-label": "Regel {line}: de echte uitkomst in kolom \"{column}\" is \"{value}\". Verwacht is 0/1 of true/false.",
  "bias_audit.error.bad-number": "Regel {line}: de waarde in kolom \"{column}\" is geen getal (\"{value}\"), maar de kolom wordt in klassen verdeeld.",
  "bias_audit.error.too-many-groups": "Kolom \"{column}\" heeft meer dan {limit} verschillende waarden. Is dit echt een groepskenmerk? Deel getallen in klassen in met --bin.",
  "bias_audit.error.bad-config": "Ongeldige instelling.",
  "bias_audit.error.bad-config.delimiter": "Ongeldige instelling: het scheidingsteken moet één teken zijn.",
  "bias_audit.error.bad-config.threshold": "Ongeldige instelling: de drempel moet een getal zijn.",
  "bias_audit.error.bad-config.favourable":
    "Ongeldige instelling: met een drempel moet --favourable 1 (score boven de drempel is gunstig) of 0 (onder de drempel is gunstig) zijn, niet \"{value}\".",
  "bias_audit.error.bad-config.groups": "Ongeldige instelling: kies minstens één groepskolom (--group).",
  "bias_audit.error.bad-config.bins": "Ongeldige instelling: ongeldige klassengrenzen voor {column}.",
  "bias_audit.error.bad-config.columns": "Ongeldige instelling: gebruik elke kolom maar voor één rol (groep, voorspelling of echte uitkomst).",
  "bias_audit.error.bad-config.config": "Ongeldige instelling: groepen en voorspelling zijn verplicht.",
  "bias_audit.error.bad-config.parquet": "Ongeldige instelling: dit Parquet-bestand is niet te lezen (beschadigd of onvolledig).",

  // ------------------------------------------------------------ numbers
  "bias_audit.number.undefined": "onbepaald",

  // ------------------------------------------------------------ summary (SummaryCode of domain/fairness/summary.ts)
  "bias_audit.summary.rows": "We hebben {n} rijen bekeken. {selected} van alle mensen {what}.",
  "bias_audit.summary.favourable.positive": "Een positieve voorspelling (geselecteerd worden) is hier gunstig voor de mensen om wie het gaat.",
  "bias_audit.summary.favourable.negative":
    "Een positieve voorspelling (geselecteerd of gemarkeerd worden) is hier ongunstig voor de mensen om wie het gaat. Niet geselecteerd worden is de gunstige uitkomst.",
  "bias_audit.summary.favourable.unspecified": "U heeft niet aangegeven of geselecteerd worden gunstig of ongunstig is. We zeggen daarom neutraal 'geselecteerd'.",
  "bias_audit.summary.gets.positive": "krijgt de gunstige uitkomst",
  "bias_audit.summary.gets.negative": "wordt geselecteerd (ongunstig)",
  "bias_audit.summary.gets.unspecified": "wordt geselecteerd",
  "bias_audit.summary.spread":
    "Bij {attr}: groep {hi} {gets} het vaakst ({hiPct}), groep {lo} het minst vaak ({loPct}). Het verschil is {pp} procentpunt (95%-betrouwbaarheidsinterval: {lower} tot {upper}).",
  "bias_audit.summary.four_fifths_outside": "Bij {attr} valt de verhouding met {ref} buiten de vier-vijfde-regel (0,8 tot 1,25) voor: {groups}.",
  "bias_audit.summary.four_fifths_all_within": "Bij {attr} vallen alle verhoudingen binnen de vier-vijfde-regel (0,8 tot 1,25).",
  "bias_audit.summary.significance": "We hebben {m} verschillen getoetst. Na correctie voor het aantal toetsen ({method}, α = {alpha}) zijn er {k} statistisch significant.",
  "bias_audit.summary.significant_list": "Significante verschillen in selectie: {items}.",
  "bias_audit.summary.error_spread": "Bij {attr} verschilt {metric} sterk: {hi} {hiPct} tegenover {lo} {loPct}.",
  "bias_audit.summary.metric.fpr": "het aandeel mensen dat onterecht wordt geselecteerd (vals-positief)",
  "bias_audit.summary.metric.fnr": "het aandeel mensen dat onterecht niet wordt geselecteerd (vals-negatief)",
  "bias_audit.summary.small_cells": "Deze groepen zijn klein (minder dan 30 rijen of minder dan 5 verwachte gevallen): {groups}. Over deze groepen kunnen we weinig zeggen.",
  "bias_audit.summary.small_cell": "{group} (n = {n})",
  "bias_audit.summary.no_label":
    "Er is geen echte uitkomst opgegeven. Daarom kunnen we niet zeggen of het algoritme bij sommige groepen vaker fouten maakt. We kunnen alleen de selectie vergelijken.",
  "bias_audit.summary.causality":
    "Een verschil laat niet zien waarom het er is. Het kan aan het algoritme liggen, maar ook aan verschillen tussen de groepen of aan de gegevens. Onderzoek de oorzaak voordat u conclusies trekt.",
  "bias_audit.summary.not_significant_is_not_equal":
    "Een verschil dat niet significant is, betekent niet dat er geen verschil is. Bij kleine groepen is er vaak te weinig informatie.",
  "bias_audit.summary.scan_found":
    "De automatische zoektocht naar afwijkende groepen (HBAC) vond een groep van {n} mensen (in de testset) waarbij {what} vaker voorkomt: {inPct} tegenover {outPct} bij de rest (p = {p}, eenzijdige toets).",
  "bias_audit.summary.scan_not_found": "De automatische zoektocht naar afwijkende groepen (HBAC) vond geen groep waarbij {what} duidelijk vaker voorkomt (p = {p}).",
  "bias_audit.summary.scan_skipped": "De automatische zoektocht naar afwijkende groepen (HBAC) is niet uitgevoerd.",
  "bias_audit.summary.scan_more_often": "In deze groep komt {feature} = {value} vaker voor dan elders ({inPct} tegenover {outPct}).",
  "bias_audit.summary.scan_bad.fp": "een onterechte selectie (vals-positief)",
  "bias_audit.summary.scan_bad.fn": "een onterechte niet-selectie (vals-negatief)",
  "bias_audit.summary.scan_bad.error": "een fout van het algoritme",
  "bias_audit.summary.scan_bad.unfavourable": "de ongunstige uitkomst",
  "bias_audit.summary.scan_bad.selected": "selectie",
  "bias_audit.summary.correction.holm": "Holm",
  "bias_audit.summary.correction.benjamini-hochberg": "Benjamini-Hochberg",
  "bias_audit.summary.correction.bonferroni": "Bonferroni",
  "bias_audit.summary.correction.none": "geen correctie",
  "bias_audit.summary.versus": "{group} t.o.v. {against}",
  "bias_audit.summary.rest": "de rest",
  "bias_audit.summary.everyone": "iedereen",
  "bias_audit.summary.list_more": "{items} en {count} andere",

  // ------------------------------------------------------------ the terminal report (text-format.ts)
  "bias_audit.text.title": "Bias-audit",
  "bias_audit.text.title_file": "Bias-audit — {file}",
  "bias_audit.text.rows": "Rijen gebruikt: {rows} (uitgesloten: {missingPrediction} zonder voorspelling, {missingLabel} zonder echte uitkomst)",
  "bias_audit.text.setup": "Voorspelling: {prediction} · Echte uitkomst: {label} · Gunstige uitkomst: {favourable}",
  "bias_audit.text.none": "geen",
  "bias_audit.text.favourable.positive": "positief (geselecteerd) is gunstig",
  "bias_audit.text.favourable.negative": "positief (geselecteerd) is ongunstig",
  "bias_audit.text.favourable.unspecified": "niet opgegeven",
  "bias_audit.text.reference": "Referentie: {reference}",
  "bias_audit.text.reference.between": "tussen groepen (grootste min kleinste)",
  "bias_audit.text.reference.overall": "ten opzichte van iedereen (groep tegen de rest)",
  "bias_audit.text.reference.largest": "de grootste groep",
  "bias_audit.text.reference.group": "een gekozen groep",
  "bias_audit.text.methods":
    "Methode: 95%-intervallen volgens Wilson (percentages), Newcombe (verschillen), Katz (verhoudingen); twee-proporties-z-toets (gepoold), tweezijdig; {tests} toetsen, correctie {correction}, α = {alpha}; vier-vijfde-regel [0,8; 1,25]; klein = n < 30 of < 5 verwachte gevallen.",
  "bias_audit.text.summary": "Samenvatting",
  "bias_audit.text.breakdown_reference": "{breakdown} (referentie: {group})",
  "bias_audit.text.group": "groep",
  "bias_audit.text.reference_group": "{group} (referentie)",
  "bias_audit.text.rate_ci": "{metric} [95%-BI]",
  "bias_audit.text.small": "klein",
  "bias_audit.text.compare": "Vergelijking {metric} met {against}",
  "bias_audit.text.rest": "de rest",
  "bias_audit.text.difference": "verschil [95%-BI]",
  "bias_audit.text.ratio": "verhouding",
  "bias_audit.text.four_fifths": "4/5-regel",
  "bias_audit.text.within": "binnen",
  "bias_audit.text.outside": "buiten",
  "bias_audit.text.between": "Tussen groepen ({metric}): verschil {difference} ({highest} min {lowest}), verhouding {ratio}",
  "bias_audit.text.overall": "Ten opzichte van iedereen ({metric}): grootste |verschil| {difference} ({group}), kleinste verhouding {ratio} ({ratioGroup})",
  "bias_audit.text.equalized_odds": "Equalized-odds-verschil {difference} (verhouding {ratio}); equal-opportunity-verschil {equalOpportunity}",
  "bias_audit.text.scan": "Zoektocht naar afwijkende groepen (HBAC)",
  "bias_audit.text.scan_skipped": "Niet uitgevoerd ({reason}).",
  "bias_audit.text.scan_parameters": "Instellingen",
  "bias_audit.text.cluster": "cluster",
  "bias_audit.text.train_test": "training n / fout, test n / fout",
  "bias_audit.text.scan_test": "Toets",
  "bias_audit.text.significant": "significant",
  "bias_audit.text.not_significant": "niet significant",
  "bias_audit.text.description": "Beschrijving van cluster 0 (chi-kwadraat per kenmerk, Bonferroni)",
  "bias_audit.text.metric.selectionRate": "selectie",
  "bias_audit.text.metric.baseRate": "basis",
  "bias_audit.text.metric.tpr": "TPR",
  "bias_audit.text.metric.fpr": "FPR",
  "bias_audit.text.metric.fnr": "FNR",
  "bias_audit.text.metric.tnr": "TNR",
  "bias_audit.text.metric.ppv": "PPV",
  "bias_audit.text.metric.npv": "NPV",
  "bias_audit.text.metric.fdr": "FDR",
  "bias_audit.text.metric.for": "FOR",
  "bias_audit.text.metric.accuracy": "juist",

  // ------------------------------------------------------------ the command (src/cli/bias-audit.ts)
  "bias_audit.cli.usage": `Gebruik: afweging bias-audit BESTAND --group KOLOM [--group KOLOM …] --prediction KOLOM
         [--threshold T] [--label KOLOM] [--favourable WAARDE]
         [--reference between|overall|largest|GROEP|KOLOM=GROEP] [--format text|json] [--lang nl|en]
         [--bin KOLOM:GRENS[,GRENS…]] [--map KOLOM:WAARDE=NIEUW] [--map KOLOM:*=ANDERS]
         [--scan-feature KOLOM] [--no-scan] [--seed N] [--no-intersections]
         [--correction holm|benjamini-hochberg|bonferroni] [--alpha A]
         [--delimiter C] [--max-bytes N] [--threads N]

Een rij is positief voorspeld als de score minstens de drempel is (--threshold). Zonder drempel
bevat de voorspellingskolom 0/1 of true/false, of categorieën: dan is de rij positief als de
waarde gelijk is aan --favourable (bijvoorbeeld --prediction income --favourable '>50K').
--favourable zegt welke uitkomst gunstig is voor de mensen om wie het gaat: 1 (geselecteerd worden
is gunstig) of 0 (niet geselecteerd worden is gunstig, bijvoorbeeld "niet gemarkeerd").
--label is de echte uitkomst (1/true = positief). Zonder --label alleen selectiecijfers.`,
  "bias_audit.cli.error": "Fout ({code}): {message}",
  "bias_audit.cli.unknown_option": "Onbekende optie: --{option}",
  "bias_audit.cli.value_needed": "Optie --{option} heeft een waarde nodig.",
  "bias_audit.cli.unexpected_argument": "Onverwacht argument: {argument}",
  "bias_audit.cli.not_a_number": "--{option} moet een getal zijn, niet \"{value}\".",
  "bias_audit.cli.column_spec": "--{option} verwacht KOLOM:…, niet \"{value}\".",
  "bias_audit.cli.map_spec": "--map verwacht KOLOM:WAARDE=NIEUW, niet \"{value}\".",
  "bias_audit.cli.group_required": "Geef minstens één --group op.",
  "bias_audit.cli.prediction_required": "Geef --prediction op.",
  "bias_audit.cli.bin_map_column": "--bin/--map voor \"{column}\", maar dat is geen --group of --scan-feature.",
  "bias_audit.cli.correction": "--correction moet holm, benjamini-hochberg of bonferroni zijn.",
  "bias_audit.cli.lang": "--lang moet nl of en zijn.",
  "bias_audit.cli.format": "--format moet text of json zijn.",
  "bias_audit.cli.file_required": "Geef het bestand op.",
};

export type EngineMessageKey = keyof typeof engineNl;

export const engineEn: Record<EngineMessageKey, string> = {
  "bias_audit.error.file-not-found": "The file {file} does not exist or cannot be read.",
  "bias_audit.error.file-too-large": "The file is too large: {bytes} bytes, the limit is {maxBytes} bytes.",
  "bias_audit.error.empty-file": "The file is empty.",
  "bias_audit.error.no-data-rows": "The file has only a header line and no data.",
  "bias_audit.error.not-csv": "This is not a CSV file (delimited text).",
  "bias_audit.error.not-csv.nul-bytes": "This is not a CSV file (delimited text): it contains NUL bytes (binary data).",
  "bias_audit.error.not-csv.control-characters": "This is not a CSV file (delimited text): it contains many control characters (binary data).",
  "bias_audit.error.not-csv.no-line-break": "This is not a CSV file (delimited text): there is no line break in the first megabyte.",
  "bias_audit.error.ragged-row": "Line {line} has {found} fields, but the header has {expected} columns.",
  "bias_audit.error.unterminated-quote": "On line {line} a field starts with a quotation mark (\") that is never closed. Check the file around that line.",
  "bias_audit.error.missing-column": "The column \"{column}\" does not exist. Available columns: {available}.",
  "bias_audit.error.non-numeric-score": "Line {line}: the score in column \"{column}\" is not a number (\"{value}\"). With a threshold the score must be numeric.",
  "bias_audit.error.bad-prediction":
    "Line {line}: the prediction in column \"{column}\" is \"{value}\". Expected 0/1 or true/false. Use --threshold for a score, or --favourable VALUE for a categorical column.",
  "bias_audit.error.bad-label": "Line {line}: the true outcome in column \"{column}\" is \"{value}\". Expected 0/1 or true/false.",
  "bias_audit.error.bad-number": "Line {line}: the value in column \"{column}\" is not a number (\"{value}\"), but the column is being binned.",
  "bias_audit.error.too-many-groups": "Column \"{column}\" has more than {limit} distinct values. Is this really a group attribute? Bin numbers with --bin.",
  "bias_audit.error.bad-config": "Invalid setting.",
  "bias_audit.error.bad-config.delimiter": "Invalid setting: the delimiter must be a single character.",
  "bias_audit.error.bad-config.threshold": "Invalid setting: the threshold must be a number.",
  "bias_audit.error.bad-config.favourable": "Invalid setting: with a threshold, --favourable must be 1 (score at or above the threshold is favourable) or 0, not \"{value}\".",
  "bias_audit.error.bad-config.groups": "Invalid setting: choose at least one group column (--group).",
  "bias_audit.error.bad-config.bins": "Invalid setting: invalid bin edges for {column}.",
  "bias_audit.error.bad-config.columns": "Invalid setting: use each column for one role only (group, prediction or true outcome).",
  "bias_audit.error.bad-config.config": "Invalid setting: groups and prediction are required.",
  "bias_audit.error.bad-config.parquet": "Invalid setting: this Parquet file cannot be read (damaged or incomplete).",

  "bias_audit.number.undefined": "undefined",

  "bias_audit.summary.rows": "We looked at {n} rows. Of all people, {selected} {what}.",
  "bias_audit.summary.favourable.positive": "A positive prediction (being selected) is favourable for the people concerned here.",
  "bias_audit.summary.favourable.negative":
    "A positive prediction (being selected or flagged) is unfavourable for the people concerned here. Not being selected is the favourable outcome.",
  "bias_audit.summary.favourable.unspecified": "You did not say whether being selected is favourable or unfavourable, so we neutrally say 'selected'.",
  "bias_audit.summary.gets.positive": "gets the favourable outcome",
  "bias_audit.summary.gets.negative": "is selected (unfavourable)",
  "bias_audit.summary.gets.unspecified": "is selected",
  "bias_audit.summary.spread":
    "For {attr}: group {hi} {gets} most often ({hiPct}), group {lo} least often ({loPct}). The difference is {pp} percentage points (95% confidence interval: {lower} to {upper}).",
  "bias_audit.summary.four_fifths_outside": "For {attr}, the ratio to {ref} falls outside the four-fifths rule (0.8 to 1.25) for: {groups}.",
  "bias_audit.summary.four_fifths_all_within": "For {attr}, all ratios fall within the four-fifths rule (0.8 to 1.25).",
  "bias_audit.summary.significance": "We tested {m} differences. After correcting for the number of tests ({method}, α = {alpha}), {k} are statistically significant.",
  "bias_audit.summary.significant_list": "Significant differences in selection: {items}.",
  "bias_audit.summary.error_spread": "For {attr}, {metric} differs strongly: {hi} {hiPct} against {lo} {loPct}.",
  "bias_audit.summary.metric.fpr": "the share of people wrongly selected (false positive rate)",
  "bias_audit.summary.metric.fnr": "the share of people wrongly not selected (false negative rate)",
  "bias_audit.summary.small_cells": "These groups are small (fewer than 30 rows or fewer than 5 expected cases): {groups}. We can say little about them.",
  "bias_audit.summary.small_cell": "{group} (n = {n})",
  "bias_audit.summary.no_label": "No true outcome was given. So we cannot say whether the algorithm makes more errors for some groups. We can only compare selection.",
  "bias_audit.summary.causality":
    "A difference does not show why it exists. It may come from the algorithm, but also from differences between the groups or from the data. Investigate the cause before drawing conclusions.",
  "bias_audit.summary.not_significant_is_not_equal": "A difference that is not significant does not mean there is no difference. Small groups often carry too little information.",
  "bias_audit.summary.scan_found":
    "The automatic search for deviating groups (HBAC) found a group of {n} people (in the test set) where {what} occurs more often: {inPct} against {outPct} in the rest (p = {p}, one-sided test).",
  "bias_audit.summary.scan_not_found": "The automatic search for deviating groups (HBAC) found no group where {what} clearly occurs more often (p = {p}).",
  "bias_audit.summary.scan_skipped": "The automatic search for deviating groups (HBAC) was not run.",
  "bias_audit.summary.scan_more_often": "In this group, {feature} = {value} occurs more often than elsewhere ({inPct} against {outPct}).",
  "bias_audit.summary.scan_bad.fp": "a wrongful selection (false positive)",
  "bias_audit.summary.scan_bad.fn": "a wrongful non-selection (false negative)",
  "bias_audit.summary.scan_bad.error": "an error of the algorithm",
  "bias_audit.summary.scan_bad.unfavourable": "the unfavourable outcome",
  "bias_audit.summary.scan_bad.selected": "selection",
  "bias_audit.summary.correction.holm": "Holm",
  "bias_audit.summary.correction.benjamini-hochberg": "Benjamini-Hochberg",
  "bias_audit.summary.correction.bonferroni": "Bonferroni",
  "bias_audit.summary.correction.none": "no correction",
  "bias_audit.summary.versus": "{group} vs {against}",
  "bias_audit.summary.rest": "the rest",
  "bias_audit.summary.everyone": "everyone",
  "bias_audit.summary.list_more": "{items} and {count} others",

  "bias_audit.text.title": "Bias audit",
  "bias_audit.text.title_file": "Bias audit — {file}",
  "bias_audit.text.rows": "Rows used: {rows} (excluded: {missingPrediction} without prediction, {missingLabel} without true outcome)",
  "bias_audit.text.setup": "Prediction: {prediction} · True outcome: {label} · Favourable outcome: {favourable}",
  "bias_audit.text.none": "none",
  "bias_audit.text.favourable.positive": "positive (selected) is favourable",
  "bias_audit.text.favourable.negative": "positive (selected) is unfavourable",
  "bias_audit.text.favourable.unspecified": "not given",
  "bias_audit.text.reference": "Reference: {reference}",
  "bias_audit.text.reference.between": "between groups (largest minus smallest)",
  "bias_audit.text.reference.overall": "against everyone (group vs the rest)",
  "bias_audit.text.reference.largest": "the largest group",
  "bias_audit.text.reference.group": "a chosen group",
  "bias_audit.text.methods":
    "Method: 95% intervals by Wilson (rates), Newcombe (differences), Katz (ratios); two-proportion z-test (pooled), two-sided; {tests} tests, {correction} correction, α = {alpha}; four-fifths rule [0.8, 1.25]; small = n < 30 or < 5 expected cases.",
  "bias_audit.text.summary": "Summary",
  "bias_audit.text.breakdown_reference": "{breakdown} (reference: {group})",
  "bias_audit.text.group": "group",
  "bias_audit.text.reference_group": "{group} (reference)",
  "bias_audit.text.rate_ci": "{metric} [95%-BI]",
  "bias_audit.text.small": "small",
  "bias_audit.text.compare": "Comparison of {metric} with {against}",
  "bias_audit.text.rest": "the rest",
  "bias_audit.text.difference": "difference [95% CI]",
  "bias_audit.text.ratio": "ratio",
  "bias_audit.text.four_fifths": "4/5 rule",
  "bias_audit.text.within": "within",
  "bias_audit.text.outside": "outside",
  "bias_audit.text.between": "Between groups ({metric}): difference {difference} ({highest} minus {lowest}), ratio {ratio}",
  "bias_audit.text.overall": "Against everyone ({metric}): largest |difference| {difference} ({group}), smallest ratio {ratio} ({ratioGroup})",
  "bias_audit.text.equalized_odds": "Equalized-odds difference {difference} (ratio {ratio}); equal-opportunity difference {equalOpportunity}",
  "bias_audit.text.scan": "Search for deviating groups (HBAC)",
  "bias_audit.text.scan_skipped": "Not run ({reason}).",
  "bias_audit.text.scan_parameters": "Parameters",
  "bias_audit.text.cluster": "cluster",
  "bias_audit.text.train_test": "train n / bad, test n / bad",
  "bias_audit.text.scan_test": "Test",
  "bias_audit.text.significant": "significant",
  "bias_audit.text.not_significant": "not significant",
  "bias_audit.text.description": "Description of cluster 0 (chi-square per feature, Bonferroni)",
  "bias_audit.text.metric.selectionRate": "selection",
  "bias_audit.text.metric.baseRate": "base",
  "bias_audit.text.metric.tpr": "TPR",
  "bias_audit.text.metric.fpr": "FPR",
  "bias_audit.text.metric.fnr": "FNR",
  "bias_audit.text.metric.tnr": "TNR",
  "bias_audit.text.metric.ppv": "PPV",
  "bias_audit.text.metric.npv": "NPV",
  "bias_audit.text.metric.fdr": "FDR",
  "bias_audit.text.metric.for": "FOR",
  "bias_audit.text.metric.accuracy": "accuracy",

  "bias_audit.cli.usage": `Usage: afweging bias-audit FILE --group COLUMN [--group COLUMN …] --prediction COLUMN
         [--threshold T] [--label COLUMN] [--favourable VALUE]
         [--reference between|overall|largest|GROUP|COLUMN=GROUP] [--format text|json] [--lang nl|en]
         [--bin COLUMN:EDGE[,EDGE…]] [--map COLUMN:VALUE=NEW] [--map COLUMN:*=OTHER]
         [--scan-feature COLUMN] [--no-scan] [--seed N] [--no-intersections]
         [--correction holm|benjamini-hochberg|bonferroni] [--alpha A]
         [--delimiter C] [--max-bytes N] [--threads N]

A row is predicted positive when the score is at least the threshold (--threshold). Without a
threshold the prediction column holds 0/1 or true/false, or categories: then the row is positive when
the value equals --favourable (for example --prediction income --favourable '>50K').
--favourable says which outcome is favourable for the people concerned: 1 (being selected is
favourable) or 0 (not being selected is favourable, for example "not flagged").
--label is the true outcome (1/true = positive). Without --label only selection figures.`,
  "bias_audit.cli.error": "Error ({code}): {message}",
  "bias_audit.cli.unknown_option": "Unknown option: --{option}",
  "bias_audit.cli.value_needed": "Option --{option} needs a value.",
  "bias_audit.cli.unexpected_argument": "Unexpected argument: {argument}",
  "bias_audit.cli.not_a_number": "--{option} must be a number, not \"{value}\".",
  "bias_audit.cli.column_spec": "--{option} expects COLUMN:…, not \"{value}\".",
  "bias_audit.cli.map_spec": "--map expects COLUMN:VALUE=NEW, not \"{value}\".",
  "bias_audit.cli.group_required": "Give at least one --group.",
  "bias_audit.cli.prediction_required": "Give --prediction.",
  "bias_audit.cli.bin_map_column": "--bin/--map for \"{column}\", but that is no --group or --scan-feature.",
  "bias_audit.cli.correction": "--correction must be holm, benjamini-hochberg or bonferroni.",
  "bias_audit.cli.lang": "--lang must be nl or en.",
  "bias_audit.cli.format": "--format must be text or json.",
  "bias_audit.cli.file_required": "Give the file.",
};

export type EngineText = (key: EngineMessageKey, params?: Readonly<Record<string, string | number>>) => string;

const catalogues: Record<Lang, Readonly<Record<EngineMessageKey, string>>> = { nl: engineNl, en: engineEn };

/**
 * The engine's texts in one language, with {name} placeholders filled in as
 * the platform's translator does (an unknown placeholder stays as it is).
 * For the engine's own outputs (the stored summary, the terminal report, the
 * command); the web app words the same keys through its own `t()`.
 */
export function engineText(lang: Lang): EngineText {
  const catalogue = catalogues[lang];
  return (key, params) => {
    const text = catalogue[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

export function isEngineMessageKey(key: string): key is EngineMessageKey {
  return Object.hasOwn(engineNl, key);
}
