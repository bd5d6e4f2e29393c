export const nl = {
  "retention.nav": "Bewaartermijnen",
  "retention.title": "Bewaartermijnen",
  "retention.intro": "Hier stelt u in hoe lang de gemeente gegevens bewaart die na afloop niet meer nodig zijn. Wat na de termijn is verwijderd, komt niet terug. Het logboek zelf blijft altijd bewaard.",
  "retention.days_label": "{label} (aantal dagen)",
  "retention.default": "Standaard: {days} dagen.",
  "retention.default_keep": "Standaard: bewaren tot iemand het verwijdert.",
  "retention.bounds": "Kies een termijn van {min} tot {max} dagen.",
  "retention.bounds_or_keep": "Kies een termijn van {min} tot {max} dagen, of laat het veld leeg om te bewaren tot iemand het verwijdert.",
  "retention.save": "Bewaartermijnen opslaan",
  "retention.saved": "De bewaartermijnen zijn opgeslagen.",
  "retention.out_of_range": "Kies een termijn van {min} tot {max} dagen.",
  "retention.keep_not_allowed": "Vul een termijn in. Deze gegevens mogen niet onbeperkt bewaard blijven.",
  "retention.unknown_period": "Deze bewaartermijn bestaat niet.",
  "retention.none": "Er zijn geen bewaartermijnen om in te stellen.",
  "retention.users_anonymise": "Gegevens van vertrokken medewerkers",
  "retention.users_anonymise_hint": "Zoveel dagen nadat een account is uitgezet, worden naam en e-mailadres vervangen door \"Oud-medewerker\" met een nummer. Het logboek blijft kloppen.",
  "retention.bias_audit_data": "Uitkomstdata van een bias-audit",
  "retention.bias_audit_data_hint": "Zoveel dagen nadat een bias-audit klaar is, wordt het geüploade bestand met beslissingen verwijderd. De uitkomst van de audit blijft bewaard; opnieuw uitvoeren kan dan niet meer.",
};

export const en: Record<keyof typeof nl, string> = {
  "retention.nav": "Retention periods",
  "retention.title": "Retention periods",
  "retention.intro": "Here you set how long the municipality keeps data that is no longer needed afterwards. What is removed after the period does not come back. The audit trail itself is always kept.",
  "retention.days_label": "{label} (number of days)",
  "retention.default": "Default: {days} days.",
  "retention.default_keep": "Default: kept until someone removes it.",
  "retention.bounds": "Choose a period from {min} to {max} days.",
  "retention.bounds_or_keep": "Choose a period from {min} to {max} days, or leave the field empty to keep it until someone removes it.",
  "retention.save": "Save retention periods",
  "retention.saved": "The retention periods have been saved.",
  "retention.out_of_range": "Choose a period from {min} to {max} days.",
  "retention.keep_not_allowed": "Enter a period. This data may not be kept indefinitely.",
  "retention.unknown_period": "This retention period does not exist.",
  "retention.none": "There are no retention periods to set.",
  "retention.users_anonymise": "Data of staff who have left",
  "retention.users_anonymise_hint": "This many days after an account was deactivated, its name and e-mail address are replaced by \"Oud-medewerker\" with a number. The audit trail stays intact.",
  "retention.bias_audit_data": "Outcome data of a bias audit",
  "retention.bias_audit_data_hint": "This many days after a bias audit has finished, the uploaded file of decisions is removed. The audit's result is kept; running it again is then no longer possible.",
};

declare module "../../platform/i18n/index.ts" {
  interface MessageKeys extends Record<keyof typeof nl, true> {}
}
