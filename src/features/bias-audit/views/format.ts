// Number formatting for the result page and the PDF, in the user's language.
import type { Lang, Translate } from "../../../platform/i18n/index.ts";

export interface Interval {
  lower: number;
  upper: number;
}

function nf(lang: Lang, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtInt(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 0 }).format(n);
}

/** A proportion as a percentage with one decimal: 0.3456 → "34,6 %". */
export function fmtPct(lang: Lang, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return `${nf(lang, 1).format(v * 100)} %`;
}

export function fmtInterval(lang: Lang, ci: Interval | null | undefined, unit: "pct" | "pp" | "ratio"): string {
  if (!ci) return "";
  const f = (x: number) => (unit === "ratio" ? nf(lang, 2).format(x) : nf(lang, 1).format(x * 100));
  return `${f(ci.lower)} – ${f(ci.upper)}`;
}

/** A rate with its 95% interval, or "undefined" when the denominator is zero. */
export function fmtRate(t: Translate, lang: Lang, r: { status: string; value: number | null; ci95: Interval | null } | undefined): string {
  if (!r || r.status === "undefined" || r.value === null) return t("bias_audit.undefined");
  return r.ci95 ? `${fmtPct(lang, r.value)} (${fmtInterval(lang, r.ci95, "pct")})` : fmtPct(lang, r.value);
}

/** A difference of proportions in percentage points, with sign. */
export function fmtDiff(t: Translate, lang: Lang, v: number | null | undefined, ci?: Interval | null): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return t("bias_audit.undefined");
  const s = `${v > 0 ? "+" : ""}${nf(lang, 1).format(v * 100)} ${t("bias_audit.pp")}`;
  return ci ? `${s} (${fmtInterval(lang, ci, "pp")})` : s;
}

/** A signed number of percentage points without the unit: 0.123 → "+12,3". */
export function fmtSignedPp(lang: Lang, v: number): string {
  return `${v > 0 ? "+" : ""}${nf(lang, 1).format(v * 100)}`;
}

export function fmtRatio(t: Translate, lang: Lang, v: number | null | undefined, ci?: Interval | null): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return t("bias_audit.undefined");
  const s = nf(lang, 2).format(v);
  return ci ? `${s} (${fmtInterval(lang, ci, "ratio")})` : s;
}

export function fmtP(lang: Lang, p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "–";
  if (p < 0.0001) return lang === "en" ? "< 0.0001" : "< 0,0001";
  return nf(lang, 4).format(p);
}

export function fmtNumber(lang: Lang, v: number, digits = 2): string {
  return nf(lang, digits).format(v);
}
