import type { FieldError } from "../../../platform/errors.ts";
import { Cell, Heading1, Heading2, Paragraph, Row, Table } from "../../../ui/components.tsx";
import { ErrorSummary, SubmitButton, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ReportKind } from "../access.ts";
import { label } from "../labels.ts";
import type { Links } from "../links.ts";
import { reportCharts } from "../report-charts.ts";
import type { BoardReport, CommitteeReport, GateItem, PeriodicReport } from "../report.ts";
import { BarChartView, day, MaybeLink, Stylesheet } from "./parts.tsx";

type Ctx = { ctx: PageContext; links: Links };

function Part({ id, title, children }: { id: string; title: string; children: unknown }) {
  return (
    <section aria-labelledby={`r-${id}`}>
      <Heading2 id={`r-${id}`}>{title}</Heading2>
      {children as never}
    </section>
  );
}

function GateTable({ ctx, links, items, caption }: Ctx & { items: GateItem[]; caption: string }) {
  const { t, lang } = ctx;
  if (!items.length) return <Paragraph>{t("accountability.none")}</Paragraph>;
  return (
    <Table caption={caption} headers={[t("accountability.project"), t("accountability.gate"), t("accountability.r.decision"), t("accountability.r.rationale"), t("accountability.date")]}>
      {items.map((g) => (
        <Row>
          <Cell><MaybeLink href={links.project(g.projectId)}>{g.projectTitle}</MaybeLink></Cell>
          <Cell>{label(t, "projects.phase", g.phase)}</Cell>
          <Cell>{label(t, "projects.decision", g.decision)}</Cell>
          <Cell><span class="afw-prewrap">{g.rationale}</span></Cell>
          <Cell>{day(g.decidedAt, lang)}</Cell>
        </Row>
      ))}
    </Table>
  );
}

function BoardBody({ ctx, links, r }: Ctx & { r: BoardReport }) {
  const { t, lang } = ctx;
  const [chart] = reportCharts(t, r);
  const sev = { low: 0, medium: 0, high: 0, critical: 0, ...r.findingsBySeverity };
  return (
    <>
      <Part id="started" title={t("accountability.r.started")}>
        {r.started.length ? (
          <Table caption={t("accountability.r.started_caption")} headers={[t("accountability.project"), t("accountability.domain"), t("accountability.r.phase_now"), t("accountability.date")]}>
            {r.started.map((p) => (
              <Row>
                <Cell><MaybeLink href={links.project(p.id)}>{p.title}</MaybeLink></Cell>
                <Cell>{label(t, "projects.domain", p.domain)}</Cell>
                <Cell>{label(t, "projects.phase", p.phase)}</Cell>
                <Cell>{day(p.createdAt, lang)}</Cell>
              </Row>
            ))}
          </Table>
        ) : (
          <Paragraph>{t("accountability.none")}</Paragraph>
        )}
      </Part>
      <Part id="decisions" title={t("accountability.r.decisions")}>
        {chart ? <BarChartView ctx={ctx} chart={chart} /> : null}
      </Part>
      <Part id="changes" title={t("accountability.r.changes")}>
        <GateTable ctx={ctx} links={links} items={r.changes} caption={t("accountability.r.changes_caption")} />
      </Part>
      <Part id="advice" title={t("accountability.r.advice")}>
        {r.advice.length ? (
          <Table caption={t("accountability.r.advice_caption")} headers={[t("accountability.case"), t("accountability.date"), t("accountability.r.response"), t("accountability.reason")]}>
            {r.advice.map((a) => (
              <Row>
                <Cell><MaybeLink href={links.committeeCase(a.caseId, a.adviceId, a.published)}>{a.title}</MaybeLink></Cell>
                <Cell>{day(a.adoptedAt, lang)}</Cell>
                <Cell>{a.decision === "follow" || a.decision === "deviate" ? t(`accountability.r.response.${a.decision}`) : t("accountability.r.response.none")}</Cell>
                <Cell><span class="afw-prewrap">{a.reasons || "—"}</span></Cell>
              </Row>
            ))}
          </Table>
        ) : (
          <Paragraph>{t("accountability.none")}</Paragraph>
        )}
        <Paragraph>{t("accountability.r.recommendations", r.recommendations)}</Paragraph>
      </Part>
      <Part id="audits" title={t("accountability.r.audits")}>
        {r.audits.length ? (
          <Table caption={t("accountability.r.audits_caption")} headers={[t("accountability.audit"), t("accountability.r.type"), t("accountability.date")]}>
            {r.audits.map((a) => (
              <Row>
                <Cell><MaybeLink href={links.audit(a.id)}>{a.title}</MaybeLink></Cell>
                <Cell>{label(t, "audits.type", a.type)}</Cell>
                <Cell>{day(a.finishedAt, lang)}</Cell>
              </Row>
            ))}
          </Table>
        ) : (
          <Paragraph>{t("accountability.none")}</Paragraph>
        )}
        <Paragraph>{t("accountability.r.findings", sev)}</Paragraph>
      </Part>
      <Part id="publications" title={t("accountability.r.publications")}>
        {r.publications.length ? (
          <Table caption={t("accountability.r.publications_caption")} headers={[t("accountability.what"), t("accountability.r.where"), t("accountability.date")]}>
            {r.publications.map((p) => (
              <Row>
                <Cell><MaybeLink href={p.lars ? links.publicRegister(p.lars) : p.adviceId ? links.publicAdvice(p.adviceId) : null}>{p.title}</MaybeLink></Cell>
                <Cell>{t(`accountability.r.publication.${p.kind}`)}</Cell>
                <Cell>{day(p.publishedAt, lang)}</Cell>
              </Row>
            ))}
          </Table>
        ) : (
          <Paragraph>{t("accountability.none")}</Paragraph>
        )}
      </Part>
      <Part id="lessons" title={t("accountability.r.lessons")}>
        <Paragraph>{t("accountability.r.lessons_intro", { total: r.evaluations.total, attention: r.evaluations.needsAttention })}</Paragraph>
        {r.lessons.length ? (
          <Table caption={t("accountability.r.lessons")} captionHidden headers={[t("accountability.project"), t("accountability.r.lesson"), t("accountability.date")]}>
            {r.lessons.map((l) => (
              <Row>
                <Cell><MaybeLink href={links.project(l.projectId)}>{l.projectTitle}</MaybeLink></Cell>
                <Cell><span class="afw-prewrap">{l.text}</span></Cell>
                <Cell>{day(l.recordedAt, lang)}</Cell>
              </Row>
            ))}
          </Table>
        ) : (
          <Paragraph>{t("accountability.none")}</Paragraph>
        )}
      </Part>
    </>
  );
}

function CommitteeBody({ ctx, links, r }: Ctx & { r: CommitteeReport }) {
  const { t, lang } = ctx;
  const [decisions, answers] = reportCharts(t, r);
  return (
    <>
      <Part id="gates" title={t("accountability.r.decisions")}>
        {decisions ? <BarChartView ctx={ctx} chart={decisions} /> : null}
        <GateTable ctx={ctx} links={links} items={r.gates} caption={t("accountability.r.gates_caption")} />
      </Part>
      <Part id="answers" title={t("accountability.r.answers")}>
        <Paragraph>{t("accountability.r.answers_intro")}</Paragraph>
        {answers ? <BarChartView ctx={ctx} chart={answers} /> : null}
        {r.answers.length ? (
          <Table caption={t("accountability.r.answers_caption")} headers={[t("accountability.r.source"), t("accountability.r.subject"), t("accountability.r.answer"), t("accountability.r.explanation"), t("accountability.date")]}>
            {r.answers.map((a) => (
              <Row>
                <Cell>{t(`accountability.r.source.${a.source}`)}{a.projectTitle ? ` (${a.projectTitle})` : ""}</Cell>
                <Cell><span class="afw-prewrap">{a.subject}</span></Cell>
                <Cell>{t(`accountability.r.answer.${a.answer}`)}</Cell>
                <Cell><span class="afw-prewrap">{a.text || "—"}</span></Cell>
                <Cell>{day(a.answeredAt, lang)}</Cell>
              </Row>
            ))}
          </Table>
        ) : null}
      </Part>
      <Part id="deliberations" title={t("accountability.r.deliberations")}>
        {r.deliberations.length ? (
          <Table caption={t("accountability.r.deliberations_caption")} headers={[t("accountability.what"), t("accountability.project"), t("accountability.status"), t("accountability.r.held_on"), t("accountability.r.conclusion")]}>
            {r.deliberations.map((d) => (
              <Row>
                <Cell>{d.title}</Cell>
                <Cell>{d.projectTitle ?? t("accountability.no_project")}</Cell>
                <Cell>{label(t, "deliberation.status", d.status)}</Cell>
                <Cell>{day(d.heldOn, lang)}</Cell>
                <Cell><span class="afw-prewrap">{d.conclusion || "—"}</span></Cell>
              </Row>
            ))}
          </Table>
        ) : (
          <Paragraph>{t("accountability.none")}</Paragraph>
        )}
      </Part>
      <Paragraph>{t("accountability.r.evaluate")}</Paragraph>
    </>
  );
}

export function ReportPage({ ctx, links, kind, report, values, errors }: Ctx & { kind: ReportKind; report: PeriodicReport | null; values: Values; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const path = `/accountability/reports/${kind}`;
  const query = new URLSearchParams({ from: values.from ?? "", to: values.to ?? "" }).toString();
  return (
    <article class="afw-report">
      <Stylesheet />
      <Heading1>{t(`accountability.report.${kind}`)}</Heading1>
      <Paragraph lead>{t(`accountability.report.${kind}_intro`)}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <form method="get" action={path} class="utrecht-form afw-filter" aria-label={t("accountability.period")}>
        <TextField t={t} name="from" type="date" label={t("accountability.from")} required maxlength={10} values={values} errors={errors} />
        <TextField t={t} name="to" type="date" label={t("accountability.to")} required maxlength={10} values={values} errors={errors} />
        <div class="utrecht-form-field"><SubmitButton variant="secondary">{t("accountability.show")}</SubmitButton></div>
      </form>
      {report ? (
        <>
          <Paragraph>{t("accountability.period_line", { from: day(report.period.from, lang), to: day(report.period.to, lang) })}</Paragraph>
          <p class="utrecht-paragraph">
            <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`${path}.pdf?${query}`} download>{t("accountability.pdf")}</a>
          </p>
          {report.kind === "board" ? <BoardBody ctx={ctx} links={links} r={report} /> : <CommitteeBody ctx={ctx} links={links} r={report} />}
        </>
      ) : null}
    </article>
  );
}
