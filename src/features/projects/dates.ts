// Dates in readiness texts, written out the way people say them
// ("3 maart 2026"); done by hand so the text never depends on the ICU build.
import type { IsoDate } from "../../domain/lifecycle/snapshot.ts";

const MONTHS = {
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
} as const;

export function formatDate(date: IsoDate, lang: "nl" | "en"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const name = MONTHS[lang][Number(month) - 1];
  return name ? `${Number(day)} ${name} ${year}` : date;
}
