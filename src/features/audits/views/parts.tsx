// Small pieces the audit pages, the report and the project panel share.
import type { MeasureStatus } from "../../measures/service.ts";
import { formatDate, Link, StatusBadge } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { valueNameList, type ValueNames } from "../../expert-table/values.ts";
import type { FindingView } from "../get-audit.ts";
import type { AuditStatus, Severity } from "../types.ts";

export const day = (iso: string, lang: string) => formatDate(iso.length === 10 ? `${iso}T12:00:00Z` : iso, lang);

/** A date in a table: 5 jul 2026. */
export const shortDay = (iso: string, lang: string) => new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", { dateStyle: "medium", timeZone: "Europe/Amsterdam" }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

export function AuditStatusBadge({ ctx, status }: { ctx: PageContext; status: AuditStatus }) {
  const kind = status === "followed_up" ? "valid" : status === "final" ? "valid" : status === "planned" ? "neutral" : "warning";
  return <StatusBadge status={kind}>{ctx.t(`audits.status.${status}`)}</StatusBadge>;
}

export function SeverityBadge({ ctx, severity }: { ctx: PageContext; severity: Severity }) {
  const kind = severity === "critical" || severity === "high" ? "invalid" : severity === "medium" ? "warning" : "neutral";
  return <StatusBadge status={kind}>{ctx.t(`audits.severity.${severity}`)}</StatusBadge>;
}

export function measureStatusText(ctx: PageContext, status: string): string {
  return ctx.t(`measures.status.${status as MeasureStatus}`);
}

/** The response to a finding and, when agreed, its measure with its state. */
export function ResponseView({ ctx, f }: { ctx: PageContext; f: FindingView }) {
  const { t, lang } = ctx;
  if (!f.response) return <p class="utrecht-paragraph"><StatusBadge status="invalid">{t("audits.response.none")}</StatusBadge></p>;
  return (
    <>
      <p class="utrecht-paragraph">
        <StatusBadge status={f.response === "agree" ? "valid" : "warning"}>{t(`audits.response.${f.response}`)}</StatusBadge>{" "}
        <span class="afw-prewrap">{f.responseText}</span>{" "}
        <span>({t("audits.finding.responded_by", { name: f.respondedByName ?? "", date: f.respondedAt ? day(f.respondedAt, lang) : "" })})</span>
      </p>
      {f.response === "agree" ? (
        <p class="utrecht-paragraph">
          {t("audits.finding.measure")}:{" "}
          {f.measure ? (
            <Link href={`/projects/${f.projectId}/measures/${f.measure.id}`}>
              {t("audits.finding.measure_line", { title: f.measure.title, status: measureStatusText(ctx, f.measure.status), owner: f.measure.ownerName ?? "-", due: f.measure.dueDate ? day(f.measure.dueDate, lang) : "-" })}
            </Link>
          ) : (
            t("audits.finding.measure_missing")
          )}
        </p>
      ) : null}
    </>
  );
}

/** A finding's facts: project, severity, values, evidence. */
export function FindingFacts({ ctx, f, names }: { ctx: PageContext; f: FindingView; names: ValueNames }) {
  const { t, lang } = ctx;
  return (
    <dl class="afw-facts">
      <dt>{t("audits.finding.project")}</dt>
      <dd><Link href={`/projects/${f.projectId}`}>{f.projectTitle}</Link></dd>
      <dt>{t("audits.finding.severity")}</dt>
      <dd><SeverityBadge ctx={ctx} severity={f.severity} /></dd>
      {f.values.length ? (
        <>
          <dt>{t("audits.finding.values")}</dt>
          <dd>{valueNameList(names, f.values, lang)}</dd>
        </>
      ) : null}
      {f.evidenceText ? (
        <>
          <dt>{t("audits.finding.evidence")}</dt>
          <dd class="afw-prewrap">{f.evidenceText}</dd>
        </>
      ) : null}
      {f.evidenceLinks.length ? (
        <>
          <dt>{t("audits.finding.links")}</dt>
          <dd>
            <ul class="utrecht-unordered-list">
              {f.evidenceLinks.map((l) => <li class="utrecht-unordered-list__item"><a class="utrecht-link" href={l} rel="noopener noreferrer">{l}</a></li>)}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
