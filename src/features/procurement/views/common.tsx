// Small pieces the procurement pages share: dates, the state badge, the
// source line of an attention point.
import type { Lang } from "../../../instruments/index.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { formatDate, StatusBadge } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { AttentionPoint, ContractState, ContractSummary, PointSource, StalePoint } from "../model.ts";

export const contractPath = (id: string) => `/contracts/${encodeURIComponent(id)}`;
export const projectContractsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/contracts`;

/** A yyyy-mm-dd day or an ISO time, as a date in the reader's language. */
export function day(value: string, lang: Lang): string {
  return formatDate(value.length === 10 ? `${value}T12:00:00Z` : value, lang);
}

const BADGE: Record<ContractState, "warning" | "neutral" | "valid"> = { in_progress: "warning", ready: "neutral", signed_off: "valid", withdrawn: "neutral" };

export function StateBadge({ ctx, state }: { ctx: PageContext; state: ContractState }) {
  return <StatusBadge status={BADGE[state]}>{ctx.t(`procurement.state.${state}`)}</StatusBadge>;
}

export function term(t: Translate, lang: Lang, c: Pick<ContractSummary, "startDate" | "endDate">): string {
  return c.endDate ? t("procurement.term", { start: day(c.startDate, lang), end: day(c.endDate, lang) }) : t("procurement.term_open", { start: day(c.startDate, lang) });
}

/** Where a point comes from, in words: "Aanbeveling 2 van de experttafel (3 maart 2026)". */
export function sourceLine(ctx: PageContext, point: Pick<AttentionPoint, "source" | "params" | "sectionTitle">): string {
  const { t, lang } = ctx;
  const p = point.params;
  const date = typeof p.date === "string" && p.date ? day(p.date, lang) : "";
  switch (point.source) {
    case "advice":
      return t("procurement.source.advice", { number: p.number ?? "", date });
    case "review":
      return t("procurement.source.review", { role: roleName(t, p.role), version: p.version ?? "", verdict: verdictName(t, p.verdict), date });
    case "review_section":
      return t("procurement.source.review_section", { role: roleName(t, p.role), version: p.version ?? "", section: point.sectionTitle?.[lang] ?? "" });
    case "risk":
      return t("procurement.source.risk", { label: p.label ?? "" });
    case "bias_audit":
      return t("procurement.source.bias_audit", { date, significant: p.significant ?? 0, tests: p.tests ?? 0 });
    case "bias_duty":
      return t("procurement.source.bias_duty");
  }
}

/** The point's own text; the general bias-audit duty is worded by the catalogue. */
export function pointText(t: Translate, point: { source: PointSource | null; text: string }): string {
  return point.source === "bias_duty" ? t("procurement.point.bias_duty_text") : point.text;
}

export function staleSource(t: Translate, p: StalePoint): string {
  return p.source ? t(`procurement.source_kind.${p.source}`) : t("procurement.source_kind.unknown");
}

function roleName(t: Translate, role: unknown): string {
  return role === "fg" || role === "iso" || role === "ciso" || role === "privacy_officer" ? t(`role.${role}`) : String(role ?? "");
}

function verdictName(t: Translate, verdict: unknown): string {
  return verdict === "improvable" || verdict === "acceptable" || verdict === "to_correct" ? t(`procurement.review_verdict.${verdict}`) : "";
}
