// Number formatting for report sentences; Dutch uses a decimal comma.

export type Lang = "nl" | "en";

export function fmtPct(v: number | null, lang: Lang, digits = 1): string {
  if (v === null || !Number.isFinite(v)) return lang === "nl" ? "onbepaald" : "undefined";
  const s = (v * 100).toFixed(digits);
  return `${lang === "nl" ? s.replace(".", ",") : s}%`;
}

export function fmtNum(v: number | null, lang: Lang, digits = 4): string {
  if (v === null || !Number.isFinite(v)) return lang === "nl" ? "onbepaald" : "undefined";
  const s = v.toFixed(digits);
  return lang === "nl" ? s.replace(".", ",") : s;
}

export function fmtInt(v: number, lang: Lang): string {
  return v.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB");
}

export function fmtP(p: number | null, lang: Lang): string {
  if (p === null) return lang === "nl" ? "onbepaald" : "undefined";
  if (p < 0.0001) return p.toExponential(1).replace("e", "·10^").replace(lang === "nl" ? "." : "\u0000", ",");
  return fmtNum(p, lang, 4);
}
