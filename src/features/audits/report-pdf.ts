// The audit report as an accessible (tagged) PDF, with the platform's writer.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Lang } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import type { Translate } from "../../platform/i18n/index.ts";
import { TaggedPdf } from "../../platform/pdf/tagged-pdf.ts";
import { valueNameList, valueNames, type ValueNames } from "../expert-table/values.ts";
import type { MeasureStatus } from "../measures/service.ts";
import { getAudit, type AuditView, type FindingView } from "./get-audit.ts";

const date = (iso: string) => iso.slice(0, 10);

function responseLine(t: Translate, f: FindingView): string {
  if (!f.response) return t("audits.response.none");
  const head = `${t(`audits.response.${f.response}`)}: ${f.responseText ?? ""} (${t("audits.finding.responded_by", { name: f.respondedByName ?? "", date: f.respondedAt ? date(f.respondedAt) : "" })})`;
  if (f.response !== "agree") return head;
  const m = f.measure;
  const measure = m ? t("audits.finding.measure_line", { title: m.title, status: t(`measures.status.${m.status as MeasureStatus}`), owner: m.ownerName ?? "-", due: m.dueDate ?? "-" }) : t("audits.finding.measure_missing");
  return `${head}\n${t("audits.finding.measure")}: ${measure}`;
}

function writeFindings(pdf: TaggedPdf, t: Translate, lang: Lang, names: ValueNames, findings: FindingView[]): void {
  if (!findings.length) {
    pdf.paragraph(t("audits.findings_empty"));
    return;
  }
  pdf.table({
    caption: t("audits.findings"),
    headers: ["#", t("audits.finding.project"), t("audits.field.finding_title"), t("audits.finding.severity"), t("audits.finding.values")],
    widths: [1, 3, 5, 2, 3],
    rows: findings.map((f) => [String(f.number), f.projectTitle, f.title, t(`audits.severity.${f.severity}`), valueNameList(names, f.values, lang) || "-"]),
  });
  for (const f of findings) {
    pdf.heading(3, t("audits.finding_heading", { number: f.number, title: f.title }));
    pdf.paragraph(f.description);
    if (f.evidenceText) pdf.paragraph(`${t("audits.finding.evidence")}: ${f.evidenceText}`);
    if (f.evidenceLinks.length) pdf.list(f.evidenceLinks);
    pdf.paragraph(responseLine(t, f));
  }
}

function writeFacts(pdf: TaggedPdf, t: Translate, lang: Lang, names: ValueNames, a: AuditView): void {
  pdf.list([
    `${t("audits.fact.type")}: ${t(`audits.type.${a.type}`)}`,
    `${t("audits.fact.status")}: ${t(`audits.status.${a.status}`)}`,
    `${t("audits.fact.period")}: ${t("audits.period", { from: a.periodFrom, to: a.periodTo })}`,
    `${t("audits.fact.scope")}: ${a.scope.map((p) => p.title).join(", ")}`,
    `${t("audits.fact.criteria")}: ${[valueNameList(names, a.criteriaValues, lang), a.requirements].filter(Boolean).join("; ")}`,
    `${t("audits.fact.auditors")}: ${a.auditors.map((u) => u.name).join(", ")}`,
  ]);
}

export async function auditReportPdf(deps: Deps, actor: Actor, auditId: string, t: Translate, lang: Lang): Promise<Buffer> {
  const a = await getAudit(deps, actor, auditId);
  const names = await valueNames(deps, actor.organisationId);
  const title = t("audits.report_title", { title: a.title });
  const pdf = new TaggedPdf({ title, lang: lang === "en" ? "en-GB" : "nl-NL", author: "Afweging", subject: t("audits.report"), keywords: "audit", creationDate: deps.now() });
  pdf.heading(1, title);
  pdf.paragraph(t("audits.report_generated", { date: date(deps.now().toISOString()) }));
  writeFacts(pdf, t, lang, names, a);
  pdf.heading(2, t("audits.history"));
  pdf.list(a.history.map((h) => t("audits.history_line", { status: t(`audits.status.${h.to}`), name: h.byName, date: date(h.at) })));
  pdf.paragraph(t("audits.progress", a.progress));
  pdf.heading(2, t("audits.findings"));
  writeFindings(pdf, t, lang, names, a.findings);
  pdf.heading(2, t("audits.evidence"));
  if (a.biasAudits.length) pdf.list(a.biasAudits.map((b) => t("audits.evidence_line", { name: b.name, project: b.projectTitle })));
  else pdf.paragraph(t("audits.evidence_empty"));
  if (a.earlier) {
    pdf.heading(2, t("audits.earlier", { title: a.earlier.title }));
    if (!a.earlier.findings.length) pdf.paragraph(t("audits.earlier_empty"));
    for (const f of a.earlier.findings) {
      pdf.heading(3, t("audits.finding_heading", { number: f.number, title: f.title }));
      pdf.paragraph(responseLine(t, f));
    }
  }
  return pdf.end();
}
