// Dutch search on both engines the same way: the text of a published entry and
// the words of a query go through the same small Dutch stemmer, and a query
// word matches every indexed word that starts with its stem. So
// "afvalcontainer" finds "afvalcontainers" (both become "afvalcontainer") and
// "afval" finds "Slimme afvalcontainers" (a prefix). Only letters and digits
// survive, so a query cannot carry SQL or full-text syntax anywhere.

const MAX_TERM = 40;

/** Lower case, accents off, split on everything that is not a letter or digit. */
export function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const undouble = (w: string) => (/([bdfgklmnprst])\1$/.test(w) ? w.slice(0, -1) : w);

/** A light Dutch stemmer: plural and inflection endings off (en, s, ens, e, heden → heid). */
export function stem(word: string): string {
  let w = word.slice(0, MAX_TERM);
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith("heden")) return w.slice(0, -5) + "heid";
  if (w.endsWith("en") && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith("s") && w.length > 4 && !/[sjz]s$/.test(w)) {
    w = w.slice(0, -1);
    // "wagens" and "wagen" end the same way.
    if (w.endsWith("en") && w.length > 4) w = undouble(w.slice(0, -2));
  }
  if (w.endsWith("e") && w.length > 4) w = undouble(w.slice(0, -1));
  return w;
}

/** The distinct stems of a text, for the search index. */
export function indexTerms(text: string): string[] {
  return [...new Set(words(text).map(stem))];
}

const STOP = new Set(["de", "het", "een", "en", "van", "in", "op", "te", "voor", "met", "is", "die", "dat", "of", "the", "and"]);

/** The stems a query asks for (at most eight), stop words left out. */
export function queryTerms(query: string): string[] {
  return [...new Set(words(query).filter((w) => !STOP.has(w)).map(stem))].slice(0, 8);
}
