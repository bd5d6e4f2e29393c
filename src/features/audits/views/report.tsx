import { Heading1, Heading2, Paragraph } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { valueNameList, type ValueNames } from "../../expert-table/values.ts";
import type { AuditView } from "../get-audit.ts";
import { day, FindingFacts, ResponseView } from "./parts.tsx";

/** The audit report as a page: the same parts as the PDF. */
export function ReportPage({ ctx, a, names, generatedAt }: { ctx: PageContext; a: AuditView; names: ValueNames; generatedAt: string }) {
  const { t, lang } = ctx;
  return (
    <article class="afw-report">
      <Heading1>{t("audits.report_title", { title: a.title })}</Heading1>
      <Paragraph>{t("audits.report_generated", { date: day(generatedAt, lang) })}</Paragraph>
      <dl class="afw-facts">
        <dt>{t("audits.fact.type")}</dt>
        <dd>{t(`audits.type.${a.type}`)}</dd>
        <dt>{t("audits.fact.status")}</dt>
        <dd>{t(`audits.status.${a.status}`)}</dd>
        <dt>{t("audits.fact.period")}</dt>
        <dd>{t("audits.period", { from: day(a.periodFrom, lang), to: day(a.periodTo, lang) })}</dd>
        <dt>{t("audits.fact.scope")}</dt>
        <dd>{a.scope.map((p) => p.title).join(", ")}</dd>
        <dt>{t("audits.fact.criteria")}</dt>
        <dd class="afw-prewrap">{[valueNameList(names, a.criteriaValues, lang), a.requirements].filter(Boolean).join("\n")}</dd>
        <dt>{t("audits.fact.auditors")}</dt>
        <dd>{a.auditors.map((u) => u.name).join(", ")}</dd>
      </dl>
      <Heading2>{t("audits.history")}</Heading2>
      <ol class="utrecht-ordered-list">
        {a.history.map((h) => <li class="utrecht-ordered-list__item">{t("audits.history_line", { status: t(`audits.status.${h.to}`), name: h.byName, date: day(h.at, lang) })}</li>)}
      </ol>
      <Paragraph>{t("audits.progress", a.progress)}</Paragraph>
      <Heading2>{t("audits.findings")}</Heading2>
      {a.findings.length === 0 ? <Paragraph>{t("audits.findings_empty")}</Paragraph> : null}
      {a.findings.map((f) => (
        <section aria-labelledby={`r-${f.number}`}>
          <h3 class="utrecht-heading-3" id={`r-${f.number}`}>{t("audits.finding_heading", { number: f.number, title: f.title })}</h3>
          <p class="utrecht-paragraph afw-prewrap">{f.description}</p>
          <FindingFacts ctx={ctx} f={f} names={names} />
          <ResponseView ctx={ctx} f={f} />
        </section>
      ))}
      <Heading2>{t("audits.evidence")}</Heading2>
      {a.biasAudits.length ? (
        <ul class="utrecht-unordered-list">{a.biasAudits.map((b) => <li class="utrecht-unordered-list__item">{t("audits.evidence_line", { name: b.name, project: b.projectTitle })}</li>)}</ul>
      ) : (
        <Paragraph>{t("audits.evidence_empty")}</Paragraph>
      )}
      {a.earlier ? (
        <>
          <Heading2>{t("audits.earlier", { title: a.earlier.title })}</Heading2>
          {a.earlier.findings.map((f) => (
            <section aria-labelledby={`re-${f.number}`}>
              <h3 class="utrecht-heading-3" id={`re-${f.number}`}>{t("audits.finding_heading", { number: f.number, title: f.title })}</h3>
              <ResponseView ctx={ctx} f={f} />
            </section>
          ))}
        </>
      ) : null}
    </article>
  );
}
