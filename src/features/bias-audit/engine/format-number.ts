// Number formatting for the engine's sentences and the terminal report;
// Dutch uses a decimal comma. A number that is not there is "onbepaald".

import { engineText, type Lang } from "./messages.ts";

const undefinedWord = (lang: Lang): string => engineText(lang)("bias_audit.number.undefined");

export function fmtPct(v: number | null, lang: Lang, digits = 1): string {
  if (v === null || !Number.isFinite(v)) return undefinedWord(lang);
  const s = (v * 100).toFixed(digits);
  return `${lang === "nl" ? s.replace(".", ",") : s}%`;
}

export function fmtNum(v: number | null, lang: Lang, digits = 4): string {
  if (v === null || !Number.isFinite(v)) return undefinedWord(lang);
  const s = v.toFixed(digits);
  return lang === "nl" ? s.replace(".", ",") : s;
}

export function fmtInt(v: number, lang: Lang): string {
  return v.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB");
}

export function fmtP(p: number | null, lang: Lang): string {
  if (p === null) return undefinedWord(lang);
  if (p < 0.0001) return p.toExponential(1).replace("e", "·10^").replace(lang === "nl" ? "." : "\u0000", ",");
  return fmtNum(p, lang, 4);
}
