// The DEPIA as an accessible PDF: tagged (headings, paragraphs, lists,
// tables, a figure with alternative text), with title and language, made on
// the server with the platform's TaggedPdf writer (pdfkit), no browser.
import type { RiskLevel } from "../../domain/risk/index.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { formatAnswer, visibleQuestions, type Instrument, type Lang } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import type { Translate } from "../../platform/i18n/index.ts";
import { TaggedPdf } from "../../platform/pdf/tagged-pdf.ts";
import { answerWords } from "../instrument-responses/service.ts";
import { exportDepiaJson, type DepiaExport } from "./exports.ts";
import { layoutHeatMap } from "./heat-map-layout.ts";

const FILL = { low: "#dcefd9", medium: "#fbe7b5", high: "#f6cbc4" } as const;

type Level = (l: RiskLevel | undefined | null) => string;

/** What every part of the PDF is written with. */
interface Writer {
  pdf: TaggedPdf;
  data: DepiaExport;
  instrument: Instrument;
  t: Translate;
  lang: Lang;
  level: Level;
}

export async function depiaPdf(deps: Deps, actor: Actor, projectId: string, t: Translate, lang: Lang): Promise<Buffer> {
  const data = await exportDepiaJson(deps, actor, projectId);
  const instrument = deps.instruments.get("depia", data.instrument.version) ?? deps.instruments.latest("depia")!;
  const latest = data.versions[data.versions.length - 1];
  const title = t("assessments.pdf.title", { project: data.project.title });
  const pdf = new TaggedPdf({ title, lang: lang === "en" ? "en-GB" : "nl-NL", author: "Afweging", subject: t("assessments.depia.title"), keywords: "DEPIA", creationDate: deps.now() });
  const w: Writer = { pdf, data, instrument, t, lang, level: (l) => (l ? t(`assessments.level.${l}`) : t("assessments.risk.no_residual")) };

  pdf.heading(1, title);
  pdf.paragraph(latest ? t("assessments.pdf.version_line", { version: latest.number, when: latest.submittedAt.slice(0, 10), name: latest.submittedBy }) : t("assessments.pdf.draft_line"));
  writeAnswers(w, latest?.answers ?? data.answers);
  writeRisks(w);
  writeReviews(w);
  writeAcceptance(w);
  writeActionPlan(w);
  return pdf.end();
}

function writeAnswers({ pdf, instrument, t, lang }: Writer, answers: Record<string, unknown>): void {
  pdf.heading(2, t("assessments.pdf.answers"));
  const visible = new Set(visibleQuestions(instrument, answers).map((q) => q.id));
  const words = answerWords(t);
  for (const section of instrument.sections) {
    const questions = section.questions.filter((q) => visible.has(q.id));
    if (!questions.length) continue;
    pdf.heading(3, section.title[lang]);
    for (const q of questions) {
      pdf.paragraph(q.label[lang], { bold: true, size: 9 });
      pdf.paragraph(answers[q.id] === undefined ? t("assessments.pdf.no_answer") : formatAnswer(q, answers[q.id], lang, words));
    }
  }
}

const scored = (level: Level, p: { likelihood: RiskLevel; impact: RiskLevel }) => `${level(p.likelihood)} × ${level(p.impact)}`;

function writeRisks(w: Writer): void {
  const { pdf, data, t, level } = w;
  pdf.heading(2, t("assessments.risk.register_title"));
  if (!data.risks.length) {
    pdf.paragraph(t("assessments.risk.none"));
    return;
  }
  const alt = `${t("assessments.heatmap.title")}. ${data.risks.map((r) => t("assessments.heatmap.desc_risk", { label: r.ref, inherent: scored(level, r.inherent), residual: r.residual ? scored(level, r.residual) : level(null) })).join(" ")}`;
  drawHeatMap(w, alt);
  pdf.table({
    caption: t("assessments.heatmap.table_caption"),
    headers: [t("assessments.risk.label"), t("assessments.risk.category"), t("assessments.risk.description"), t("assessments.risk.inherent"), t("assessments.risk.residual"), t("assessments.risk.accepted_by")],
    widths: [1, 2, 5, 3, 3, 2],
    rows: data.risks.map((r) => [
      r.ref,
      t(`assessments.category.${r.category}`),
      r.description,
      `${scored(level, r.inherent)}: ${r.inherent.justification}`,
      r.residual ? `${scored(level, r.residual)}: ${r.residual.justification}` : level(null),
      r.acceptedBy ?? "-",
    ]),
  });
}

function drawHeatMap({ pdf, data, t, level }: Writer, alt: string): void {
  const cells = layoutHeatMap(data.risks.map((r) => ({ label: r.ref, inherent: r.inherent, residual: r.residual })));
  pdf.figure(alt, 230, (doc, box) => {
    const scale = 0.6;
    for (const c of cells) {
      const x = box.x + 40 + (c.x - 90) * scale;
      const y = box.y + (c.y - 20) * scale;
      doc.rect(x, y, 110 * scale, 110 * scale).fillAndStroke(FILL[c.level], "#ffffff");
      doc.fillColor("#000000").font("Helvetica").fontSize(7).text(level(c.level), x + 3, y + 3, { lineBreak: false });
      for (const m of c.markers) doc.font(m.kind === "inherent" ? "Helvetica-Bold" : "Helvetica-Oblique").fontSize(9).text(m.text.replace("′", "'"), box.x + 40 + (m.x - 90) * scale, box.y + (m.y - 20) * scale - 8, { lineBreak: false });
    }
    doc.font("Helvetica").fontSize(8).text(`${t("assessments.risk.likelihood")} →`, box.x + 40, box.y + 200, { lineBreak: false });
    doc.text(`${t("assessments.risk.impact")} ↑`.replace("↑", "^"), box.x, box.y, { lineBreak: false });
  });
}

function writeReviews({ pdf, data, instrument, t, lang }: Writer): void {
  pdf.heading(2, t("assessments.pdf.reviews"));
  if (!data.reviews.length) {
    pdf.paragraph(t("assessments.review.none_yet"));
    return;
  }
  for (const r of data.reviews) {
    pdf.heading(3, t("assessments.pdf.review_heading", { role: t(`assessments.role.${r.role}`), version: r.version, name: r.reviewer }));
    pdf.paragraph(`${t(`assessments.verdict.${r.overall}`)}: ${r.advice}`);
    if (!r.sections.length) continue;
    pdf.table({
      caption: t("assessments.review.sections_caption", { role: t(`assessments.role.${r.role}`) }),
      headers: [t("assessments.review.section"), t("assessments.review.verdict"), t("assessments.review.note")],
      widths: [3, 2, 5],
      rows: r.sections.map((s) => [instrument.sections.find((x) => x.id === s.sectionId)?.title[lang] ?? s.sectionId, t(`assessments.verdict.${s.verdict}`), s.note]),
    });
  }
}

function writeAcceptance({ pdf, data, t }: Writer): void {
  pdf.heading(2, t("assessments.acceptance.title"));
  if (data.residualRiskAcceptances.length) pdf.list(data.residualRiskAcceptances.map((a) => `${t("assessments.acceptance.line", { name: a.acceptedBy, when: a.acceptedAt.slice(0, 10), version: a.version })} "${a.statement}"`));
  else pdf.paragraph(t("assessments.acceptance.none"));
  if (data.apPriorConsultations.length) {
    pdf.heading(3, t("assessments.ap.title"));
    pdf.list(data.apPriorConsultations.map((c) => t("assessments.ap.line", { on: c.consultedOn, reference: c.reference, outcome: c.outcome })));
  }
}

function writeActionPlan({ pdf, data, t }: Writer): void {
  pdf.heading(2, t("assessments.pdf.action_plan"));
  if (!data.actionPlan.length) {
    pdf.paragraph(t("assessments.measure.none"));
    return;
  }
  pdf.table({
    caption: t("assessments.pdf.action_plan"),
    headers: [t("assessments.measure.title"), t("assessments.measure.owner"), t("assessments.measure.due"), t("assessments.measure.status_label"), t("assessments.measure.evidence")],
    widths: [4, 2, 2, 2, 4],
    rows: data.actionPlan.map((m) => [m.title, m.owner ?? "-", m.dueDate ?? "-", t(`assessments.measure.status.${m.status}`), m.evidence ?? "-"]),
  });
}
