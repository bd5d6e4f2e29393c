// The periodic reports as tagged PDF documents, with the platform's writer:
// the same parts as the page, each chart a Figure with its description as
// alternative text, followed by the chart's figures as a table.
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import type { Lang, Translate } from "../../platform/i18n/index.ts";
import { pdfSafe, TaggedPdf } from "../../platform/pdf/tagged-pdf.ts";
import { formatDate } from "../../ui/components.tsx";
import type { ReportKind } from "./access.ts";
import { layoutBars, type BarChart } from "./chart.ts";
import { label } from "./labels.ts";
import { reportCharts } from "./report-charts.ts";
import { periodicReport, type BoardReport, type CommitteeReport, type GateItem } from "./report.ts";

type W = { pdf: TaggedPdf; t: Translate; lang: Lang };

const day = (iso: string | null | undefined, lang: Lang) => (iso ? formatDate(iso, lang) : "-");

function chart({ pdf, t }: W, c: BarChart): void {
  const { bars } = layoutBars(c);
  const scale = 0.8;
  const height = bars.length * 24 + 10;
  pdf.heading(3, c.title);
  pdf.figure(c.description, height, (doc, box) => {
    const labelWidth = 170;
    const max = Math.max(1, ...c.bars.map((b) => b.value));
    bars.forEach((b, i) => {
      const y = box.y + i * 24;
      const w = Math.round((b.value / max) * 240 * scale);
      doc.fillColor("#000000").font("Helvetica").fontSize(9).text(pdfSafe(b.label), box.x, y + 4, { width: labelWidth - 8, align: "right", lineBreak: false });
      if (w > 0) doc.rect(box.x + labelWidth, y, w, 16).fill("#1a4f8b");
      doc.fillColor("#000000").font("Helvetica-Bold").fontSize(9).text(String(b.value), box.x + labelWidth + w + 6, y + 4, { lineBreak: false });
    });
  });
  pdf.table({ caption: `${t("accountability.r.chart_table")}: ${c.title}`, headers: [t("accountability.what"), t("accountability.count")], widths: [4, 1], rows: c.bars.map((b) => [b.label, String(b.value)]) });
}

function gates({ pdf, t, lang }: W, items: GateItem[], caption: string): void {
  if (!items.length) {
    pdf.paragraph(t("accountability.none"));
    return;
  }
  pdf.table({
    caption,
    headers: [t("accountability.project"), t("accountability.gate"), t("accountability.r.decision"), t("accountability.r.rationale"), t("accountability.date")],
    widths: [3, 2, 2, 5, 2],
    rows: items.map((g) => [g.projectTitle, label(t, "projects.phase", g.phase), label(t, "projects.decision", g.decision), g.rationale, day(g.decidedAt, lang)]),
  });
}

function listOrNone(w: W, rows: string[][], table: { caption: string; headers: string[]; widths?: number[] }): void {
  if (!rows.length) w.pdf.paragraph(w.t("accountability.none"));
  else w.pdf.table({ ...table, rows });
}

function board(w: W, r: BoardReport): void {
  const { pdf, t, lang } = w;
  pdf.heading(2, t("accountability.r.started"));
  listOrNone(w, r.started.map((p) => [p.title, label(t, "projects.domain", p.domain), label(t, "projects.phase", p.phase), day(p.createdAt, lang)]), {
    caption: t("accountability.r.started_caption"),
    headers: [t("accountability.project"), t("accountability.domain"), t("accountability.r.phase_now"), t("accountability.date")],
  });
  pdf.heading(2, t("accountability.r.decisions"));
  for (const c of reportCharts(t, r)) chart(w, c);
  pdf.heading(2, t("accountability.r.changes"));
  gates(w, r.changes, t("accountability.r.changes_caption"));
  pdf.heading(2, t("accountability.r.advice"));
  listOrNone(
    w,
    r.advice.map((a) => [a.title, day(a.adoptedAt, lang), a.decision === "follow" || a.decision === "deviate" ? t(`accountability.r.response.${a.decision}`) : t("accountability.r.response.none"), a.reasons || "-"]),
    { caption: t("accountability.r.advice_caption"), headers: [t("accountability.case"), t("accountability.date"), t("accountability.r.response"), t("accountability.reason")], widths: [4, 2, 2, 5] },
  );
  pdf.paragraph(t("accountability.r.recommendations", r.recommendations));
  pdf.heading(2, t("accountability.r.audits"));
  listOrNone(w, r.audits.map((a) => [a.title, label(t, "audits.type", a.type), day(a.finishedAt, lang)]), {
    caption: t("accountability.r.audits_caption"),
    headers: [t("accountability.audit"), t("accountability.r.type"), t("accountability.date")],
  });
  pdf.paragraph(t("accountability.r.findings", { low: 0, medium: 0, high: 0, critical: 0, ...r.findingsBySeverity }));
  pdf.heading(2, t("accountability.r.publications"));
  listOrNone(w, r.publications.map((p) => [p.title, t(`accountability.r.publication.${p.kind}`), day(p.publishedAt, lang)]), {
    caption: t("accountability.r.publications_caption"),
    headers: [t("accountability.what"), t("accountability.r.where"), t("accountability.date")],
  });
  pdf.heading(2, t("accountability.r.lessons"));
  pdf.paragraph(t("accountability.r.lessons_intro", { total: r.evaluations.total, attention: r.evaluations.needsAttention }));
  listOrNone(w, r.lessons.map((l) => [l.projectTitle, l.text, day(l.recordedAt, lang)]), {
    caption: t("accountability.r.lessons"),
    headers: [t("accountability.project"), t("accountability.r.lesson"), t("accountability.date")],
    widths: [3, 7, 2],
  });
}

function committee(w: W, r: CommitteeReport): void {
  const { pdf, t, lang } = w;
  const [decisions, answers] = reportCharts(t, r);
  pdf.heading(2, t("accountability.r.decisions"));
  if (decisions) chart(w, decisions);
  gates(w, r.gates, t("accountability.r.gates_caption"));
  pdf.heading(2, t("accountability.r.answers"));
  pdf.paragraph(t("accountability.r.answers_intro"));
  if (answers) chart(w, answers);
  if (r.answers.length) {
    pdf.table({
      caption: t("accountability.r.answers_caption"),
      headers: [t("accountability.r.source"), t("accountability.r.subject"), t("accountability.r.answer"), t("accountability.r.explanation"), t("accountability.date")],
      widths: [3, 4, 2, 4, 2],
      rows: r.answers.map((a) => [`${t(`accountability.r.source.${a.source}`)}${a.projectTitle ? ` (${a.projectTitle})` : ""}`, a.subject, t(`accountability.r.answer.${a.answer}`), a.text || "-", day(a.answeredAt, lang)]),
    });
  }
  pdf.heading(2, t("accountability.r.deliberations"));
  listOrNone(w, r.deliberations.map((d) => [d.title, d.projectTitle ?? t("accountability.no_project"), label(t, "deliberation.status", d.status), day(d.heldOn, lang), d.conclusion || "-"]), {
    caption: t("accountability.r.deliberations_caption"),
    headers: [t("accountability.what"), t("accountability.project"), t("accountability.status"), t("accountability.r.held_on"), t("accountability.r.conclusion")],
    widths: [3, 3, 2, 2, 5],
  });
  pdf.paragraph(t("accountability.r.evaluate"));
}

export async function reportPdf(deps: Deps, actor: Actor, kind: ReportKind, input: unknown, t: Translate, lang: Lang): Promise<Buffer> {
  const report = await periodicReport(deps, actor, kind, input);
  const title = t(`accountability.report.${kind}`);
  const pdf = new TaggedPdf({ title, lang: lang === "en" ? "en-GB" : "nl-NL", author: "Afweging", subject: t("accountability.period_line", { from: day(report.period.from, lang), to: day(report.period.to, lang) }), creationDate: deps.now() });
  const w: W = { pdf, t, lang };
  pdf.heading(1, title);
  pdf.paragraph(t(`accountability.report.${kind}_intro`));
  pdf.paragraph(t("accountability.period_line", { from: day(report.period.from, lang), to: day(report.period.to, lang) }));
  pdf.paragraph(t("accountability.generated", { date: day(deps.now().toISOString(), lang) }));
  if (report.kind === "board") board(w, report);
  else committee(w, report);
  return pdf.end();
}
