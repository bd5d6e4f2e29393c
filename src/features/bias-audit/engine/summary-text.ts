// Words the summary's codes (domain/fairness/summary.ts) in one language, for
// the report, which keeps its sentences in Dutch and English.

import type { SummaryPhrase, SummaryValue } from "../../../domain/fairness/summary.ts";
import { fmtInt, fmtNum, fmtP, fmtPct } from "./format-number.ts";
import { engineText, type EngineText, type Lang } from "./messages.ts";

function value(v: SummaryValue, lang: Lang, t: EngineText): string {
  if (typeof v === "string") return v;
  if ("code" in v) return phrase(v, lang, t);
  if ("list" in v) {
    const items = v.list.map((x) => value(x, lang, t)).join(", ");
    return v.more > 0 ? t("bias_audit.summary.list_more", { items, count: v.more }) : items;
  }
  if ("int" in v) return fmtInt(v.int, lang);
  if ("pct" in v) return fmtPct(v.pct, lang);
  if ("num" in v) return fmtNum(v.num, lang, v.digits);
  return fmtP(v.p, lang);
}

function phrase(p: SummaryPhrase, lang: Lang, t: EngineText): string {
  const params = p.params ? Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, value(v, lang, t)])) : undefined;
  return t(`bias_audit.summary.${p.code}`, params);
}

export function summaryText(lines: readonly SummaryPhrase[], lang: Lang): string[] {
  const t = engineText(lang);
  return lines.map((line) => phrase(line, lang, t));
}
