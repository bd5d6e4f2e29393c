import { PHASES } from "../../../domain/lifecycle/phases.ts";
import { RISK_LEVELS, MATRIX, type RiskLevel } from "../../../domain/risk/scale.ts";
import { Cell, Heading1, Heading2, Paragraph, Row, Table } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ReportKind } from "../access.ts";
import { TREND_KINDS, type DashboardFigures } from "../figures.ts";
import { codesOf, label } from "../labels.ts";
import type { Links } from "../links.ts";
import { CounterTable, day, MaybeLink, More, Stylesheet } from "./parts.tsx";

type Props = { ctx: PageContext; f: DashboardFigures; links: Links; reports: ReportKind[] };

const SECTIONS = ["projects", "gates", "screenings", "measures", "open_work", "audits", "bias", "advice", "register", "heatmap", "trends"] as const;

function Section({ id, title, children }: { id: string; title: string; children: unknown }) {
  return (
    <section aria-labelledby={`acc-${id}`} class="afw-acc-section">
      <Heading2 id={`acc-${id}`}>{title}</Heading2>
      {children as never}
    </section>
  );
}

function ProjectsTable({ ctx, f, links }: Props) {
  const { t } = ctx;
  const domains = [...new Set(f.projects.map((p) => p.domain))].sort();
  const phases = PHASES.filter((ph) => f.projects.some((p) => p.phase === ph));
  if (!domains.length) return <Paragraph>{t("accountability.nothing")}</Paragraph>;
  const n = (domain: string | null, phase: string | null) => f.projects.filter((p) => (!domain || p.domain === domain) && (!phase || p.phase === phase)).reduce((s, p) => s + p.count, 0);
  const cell = (domain: string | null, phase: string | null) => {
    const count = n(domain, phase);
    return <Cell numeric>{count ? <MaybeLink href={links.projects({ ...(domain ? { domain } : {}), ...(phase ? { phase } : {}) })}>{count}</MaybeLink> : 0}</Cell>;
  };
  return (
    <Table caption={t("accountability.projects_caption")} headers={[t("accountability.domain"), ...phases.map((ph) => label(t, "projects.phase", ph)), t("accountability.total")]}>
      {domains.map((d) => (
        <Row>
          <Cell>{label(t, "projects.domain", d)}</Cell>
          {phases.map((ph) => cell(d, ph))}
          {cell(d, null)}
        </Row>
      ))}
      <Row>
        <Cell>{t("accountability.total")}</Cell>
        {phases.map((ph) => cell(null, ph))}
        {cell(null, null)}
      </Row>
    </Table>
  );
}

function Gates({ ctx, f, links }: Props) {
  const { t, lang } = ctx;
  const phases = PHASES.filter((ph) => f.gates.some((g) => g.phase === ph));
  const decisions = codesOf("projects.decision");
  const n = (phase: string, decision: string) => f.gates.find((g) => g.phase === phase && g.decision === decision)?.count ?? 0;
  return (
    <>
      {phases.length ? (
        <Table caption={t("accountability.gates_caption")} headers={[t("accountability.gate"), ...decisions.map((d) => label(t, "projects.decision", d))]}>
          {phases.map((ph) => (
            <Row>
              <Cell>{label(t, "projects.phase", ph)}</Cell>
              {decisions.map((d) => <Cell numeric>{n(ph, d)}</Cell>)}
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>{t("accountability.nothing")}</Paragraph>
      )}
      {f.stops.length ? (
        <>
          <h3 class="utrecht-heading-3">{t("accountability.stops")}</h3>
          <Table caption={t("accountability.stops_caption")} headers={[t("accountability.project"), t("accountability.gate"), t("accountability.reason"), t("accountability.date")]}>
            {f.stops.map((s) => (
              <Row>
                <Cell><MaybeLink href={links.project(s.projectId)}>{s.title}</MaybeLink></Cell>
                <Cell>{label(t, "projects.phase", s.phase)}</Cell>
                <Cell><span class="afw-prewrap">{s.rationale}</span></Cell>
                <Cell>{day(s.decidedAt, lang)}</Cell>
              </Row>
            ))}
          </Table>
          <More ctx={ctx} shown={f.stops.length} total={f.counters.stops} />
        </>
      ) : null}
    </>
  );
}

function Screenings({ ctx, f, links }: Props) {
  const { t, lang } = ctx;
  const outcomes = codesOf("assessments.outcome");
  const states = codesOf("accountability.fg");
  const n = (o: string, s: string) => f.screenings.find((r) => r.outcome === o && r.fg === s)?.count ?? 0;
  const roles = [...new Set(f.depiaReviews.map((r) => r.role))];
  const verdicts = codesOf("assessments.verdict");
  const v = (role: string, overall: string) => f.depiaReviews.find((r) => r.role === role && r.overall === overall)?.count ?? 0;
  return (
    <>
      {f.screenings.length ? (
        <Table caption={t("accountability.screenings_caption")} headers={[t("accountability.outcome"), ...states.map((s) => label(t, "accountability.fg", s))]}>
          {outcomes.map((o) => (
            <Row>
              <Cell>{label(t, "assessments.outcome", o)}</Cell>
              {states.map((s) => <Cell numeric>{n(o, s)}</Cell>)}
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>{t("accountability.nothing")}</Paragraph>
      )}
      {roles.length ? (
        <Table caption={t("accountability.depia_caption")} headers={[t("accountability.reviewer"), ...verdicts.map((x) => label(t, "assessments.verdict", x))]}>
          {roles.map((r) => (
            <Row>
              <Cell>{label(t, "role", r)}</Cell>
              {verdicts.map((x) => <Cell numeric>{v(r, x)}</Cell>)}
            </Row>
          ))}
        </Table>
      ) : null}
      {f.waitingReviews.length ? (
        <>
          <h3 class="utrecht-heading-3">{t("accountability.waiting_reviews")}</h3>
          <Table caption={t("accountability.waiting_reviews")} captionHidden headers={[t("accountability.project"), t("accountability.version"), t("accountability.submitted")]}>
            {f.waitingReviews.map((w) => (
              <Row>
                <Cell><MaybeLink href={links.depia(w.projectId)}>{w.title}</MaybeLink></Cell>
                <Cell numeric>{w.version}</Cell>
                <Cell>{day(w.submittedAt, lang)}</Cell>
              </Row>
            ))}
          </Table>
          <More ctx={ctx} shown={f.waitingReviews.length} total={f.counters.depia_waiting_review} />
        </>
      ) : null}
    </>
  );
}

function Measures({ ctx, f, links }: Props) {
  const { t, lang } = ctx;
  const c = f.counters;
  return (
    <>
      <CounterTable
        ctx={ctx}
        caption={t("accountability.measures_caption")}
        rows={(["measures_open", "measures_overdue", "measures_awaiting_signoff", "measures_done", "measures_explained"] as const).map((k) => ({ label: t(`accountability.counter.${k}`), count: c[k], href: k === "measures_overdue" ? "#acc-overdue" : null }))}
      />
      {f.overdueMeasures.length ? (
        <>
          <h3 class="utrecht-heading-3" id="acc-overdue">{t("accountability.overdue_measures")}</h3>
          <Table caption={t("accountability.overdue_measures")} captionHidden headers={[t("accountability.measure"), t("accountability.project"), t("accountability.due"), t("accountability.status")]}>
            {f.overdueMeasures.map((m) => (
              <Row>
                <Cell><MaybeLink href={links.measures(m.projectId)}>{m.title}</MaybeLink></Cell>
                <Cell>{m.projectTitle}</Cell>
                <Cell>{day(m.dueDate, lang)}</Cell>
                <Cell>{label(t, "measures.status", m.status)}</Cell>
              </Row>
            ))}
          </Table>
          <More ctx={ctx} shown={f.overdueMeasures.length} total={c.measures_overdue} />
        </>
      ) : null}
    </>
  );
}

function OpenWork({ ctx, f, links }: Props) {
  const { t } = ctx;
  const c = f.counters;
  return (
    <CounterTable
      ctx={ctx}
      caption={t("accountability.open_work_caption")}
      rows={[
        { label: t("accountability.counter.depia_waiting_review"), count: c.depia_waiting_review, href: "#acc-screenings" },
        { label: t("accountability.counter.measures_awaiting_signoff"), count: c.measures_awaiting_signoff, href: null },
        { label: t("accountability.counter.contracts_awaiting_signoff"), count: c.contracts_awaiting_signoff, href: links.contracts() },
      ]}
    />
  );
}

function Audits({ ctx, f, links }: Props) {
  const { t } = ctx;
  const severities = codesOf("audits.severity");
  const states = codesOf("accountability.finding");
  const n = (sev: string, st: string) => f.findings.find((r) => r.severity === sev && r.state === st)?.count ?? 0;
  return (
    <>
      <CounterTable ctx={ctx} caption={t("accountability.audits_caption")} rows={codesOf("audits.status").map((s) => ({ label: label(t, "audits.status", s), count: f.audits.find((a) => a.key === s)?.count ?? 0, href: links.audits() }))} />
      {f.findings.length ? (
        <Table caption={t("accountability.findings_caption")} headers={[t("accountability.severity"), ...states.map((s) => label(t, "accountability.finding", s))]}>
          {severities.map((sev) => (
            <Row>
              <Cell>{label(t, "audits.severity", sev)}</Cell>
              {states.map((st) => <Cell numeric>{n(sev, st)}</Cell>)}
            </Row>
          ))}
        </Table>
      ) : null}
      {f.openFindings.length ? (
        <>
          <h3 class="utrecht-heading-3">{t("accountability.open_findings")}</h3>
          <Table caption={t("accountability.open_findings")} captionHidden headers={[t("accountability.finding"), t("accountability.audit"), t("accountability.project"), t("accountability.severity"), t("accountability.status")]}>
            {f.openFindings.map((x) => (
              <Row>
                <Cell><MaybeLink href={links.audit(x.auditId)}>{t("accountability.finding_line", { number: x.number, title: x.title })}</MaybeLink></Cell>
                <Cell>{x.auditTitle}</Cell>
                <Cell>{x.projectTitle}</Cell>
                <Cell>{label(t, "audits.severity", x.severity)}</Cell>
                <Cell>{label(t, "accountability.finding", x.state)}</Cell>
              </Row>
            ))}
          </Table>
          <More ctx={ctx} shown={f.openFindings.length} total={f.counters.findings_open} />
        </>
      ) : null}
    </>
  );
}

function Bias({ ctx, f, links }: Props) {
  const { t, lang } = ctx;
  if (!f.biasAudits.length) return <Paragraph>{t("accountability.nothing")}</Paragraph>;
  return (
    <>
      <Table caption={t("accountability.bias_caption")} headers={[t("accountability.status"), t("accountability.count"), t("accountability.with_differences")]}>
        {f.biasAudits.map((b) => (
          <Row>
            <Cell>{label(t, "bias_audit.status", b.status)}</Cell>
            <Cell numeric><MaybeLink href={links.biasAudits()}>{b.count}</MaybeLink></Cell>
            <Cell numeric>{b.status === "done" ? b.withDifferences : "—"}</Cell>
          </Row>
        ))}
      </Table>
      {f.biasFound.length ? (
        <>
          <h3 class="utrecht-heading-3">{t("accountability.bias_found")}</h3>
          <Table caption={t("accountability.bias_found")} captionHidden headers={[t("accountability.bias"), t("accountability.project"), t("accountability.outcome"), t("accountability.date")]}>
            {f.biasFound.map((b) => (
              <Row>
                <Cell><MaybeLink href={links.biasAudit(b.id)}>{b.name}</MaybeLink></Cell>
                <Cell>{b.projectTitle ?? t("accountability.no_project")}</Cell>
                <Cell>{t("accountability.bias_result", { significant: b.significant, tests: b.tests })}</Cell>
                <Cell>{day(b.finishedAt, lang)}</Cell>
              </Row>
            ))}
          </Table>
        </>
      ) : null}
    </>
  );
}

function Advice({ ctx, f, links }: Props) {
  const { t, lang } = ctx;
  const c = f.counters;
  const committee = links.committee();
  return (
    <>
      <CounterTable
        ctx={ctx}
        caption={t("accountability.advice_caption")}
        rows={(["advice_draft", "advice_adopted", "advice_published", "board_follow", "board_deviate", "board_overdue"] as const).map((k) => ({ label: t(`accountability.counter.${k}`), count: c[k], href: k === "board_deviate" ? "#acc-deviations" : committee }))}
      />
      {f.deviations.length ? (
        <>
          <h3 class="utrecht-heading-3" id="acc-deviations">{t("accountability.deviations")}</h3>
          <Table caption={t("accountability.deviations")} captionHidden headers={[t("accountability.case"), t("accountability.reason"), t("accountability.date")]}>
            {f.deviations.map((d) => (
              <Row>
                <Cell><MaybeLink href={links.committeeCase(d.caseId, d.adviceId, d.published)}>{d.title}</MaybeLink></Cell>
                <Cell><span class="afw-prewrap">{d.reasons}</span></Cell>
                <Cell>{day(d.respondedAt, lang)}</Cell>
              </Row>
            ))}
          </Table>
          <More ctx={ctx} shown={f.deviations.length} total={c.board_deviate} />
        </>
      ) : null}
    </>
  );
}

function Register({ ctx, f, links }: Props) {
  const { t, lang } = ctx;
  const c = f.counters;
  return (
    <>
      <CounterTable
        ctx={ctx}
        caption={t("accountability.register_caption")}
        rows={(["register_unpublished", "register_published", "register_retracted", "register_revision_overdue"] as const).map((k) => ({ label: t(`accountability.counter.${k}`), count: c[k], href: k === "register_revision_overdue" ? "#acc-revision" : "/register" }))}
      />
      {f.revisionOverdue.length ? (
        <>
          <h3 class="utrecht-heading-3" id="acc-revision">{t("accountability.revision_overdue")}</h3>
          <Table caption={t("accountability.revision_overdue")} captionHidden headers={[t("accountability.project"), t("accountability.revision_date")]}>
            {f.revisionOverdue.map((r) => (
              <Row>
                <Cell><MaybeLink href={links.registerEntry(r.projectId)}>{r.name}</MaybeLink></Cell>
                <Cell>{day(r.revisionDate, lang)}</Cell>
              </Row>
            ))}
          </Table>
          <More ctx={ctx} shown={f.revisionOverdue.length} total={c.register_revision_overdue} />
        </>
      ) : null}
    </>
  );
}

/** One small 3×3 table per value: colour and the level in words, so colour is never the only sign. */
function HeatMaps({ ctx, f }: Props) {
  const { t, lang } = ctx;
  const values = [...new Map(f.heatMap.map((h) => [h.valueKey, lang === "en" ? h.nameEn : h.nameNl])).entries()];
  if (!values.length) return <Paragraph>{t("accountability.nothing")}</Paragraph>;
  const n = (key: string, l: RiskLevel, i: RiskLevel) => f.heatMap.filter((h) => h.valueKey === key && h.likelihood === l && h.impact === i).reduce((s, h) => s + h.count, 0);
  return (
    <>
      <Paragraph>{t("accountability.heatmap_intro")}</Paragraph>
      <div class="afw-acc-heatmaps">
        {values.map(([key, name]) => (
          <div class="utrecht-table-container" tabindex={0}>
            <table class="utrecht-table utrecht-table--html-table afw-acc-heat">
              <caption class="utrecht-table__caption">{t("accountability.heatmap_caption", { value: name })}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__header-cell">
                    <span class="afw-visually-hidden">{`${t("accountability.impact")} / ${t("accountability.likelihood")}`}</span>
                  </td>
                  {RISK_LEVELS.map((l) => <th class="utrecht-table__header-cell" scope="col">{`${t("accountability.likelihood")}: ${label(t, "accountability.level", l)}`}</th>)}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {[...RISK_LEVELS].reverse().map((i) => (
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">{`${t("accountability.impact")}: ${label(t, "accountability.level", i)}`}</th>
                    {RISK_LEVELS.map((l) => {
                      const level = MATRIX[l][i];
                      return <td class={`utrecht-table__cell afw-num afw-acc-level--${level}`}>{t("accountability.heatmap_cell", { count: n(key, l, i), level: label(t, "accountability.level", level) })}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </>
  );
}

function Trends({ ctx, f }: Props) {
  const { t } = ctx;
  const quarters: { year: number; quarter: number }[] = [];
  let y = Number(f.trendFrom.slice(0, 4));
  let q = Math.floor((Number(f.trendFrom.slice(5, 7)) - 1) / 3) + 1;
  for (let i = 0; i < 8; i++) {
    quarters.push({ year: y, quarter: q });
    q++;
    if (q > 4) (q = 1), y++;
  }
  const n = (kind: string, year: number, quarter: number) => f.trends.find((r) => r.kind === kind && r.year === year && r.quarter === quarter)?.count ?? 0;
  return (
    <Table caption={t("accountability.trends_caption")} headers={[t("accountability.what"), ...quarters.map((x) => t("accountability.quarter", x))]}>
      {TREND_KINDS.map((k) => (
        <Row>
          <Cell>{t(`accountability.trend.${k}`)}</Cell>
          {quarters.map((x) => <Cell numeric>{n(k, x.year, x.quarter)}</Cell>)}
        </Row>
      ))}
    </Table>
  );
}

export function DashboardPage(props: Props) {
  const { ctx, f, reports } = props;
  const { t, lang } = ctx;
  const titles: Record<(typeof SECTIONS)[number], string> = {
    projects: t("accountability.projects"),
    gates: t("accountability.gates"),
    screenings: t("accountability.screenings"),
    measures: t("accountability.measures"),
    open_work: t("accountability.open_work"),
    audits: t("accountability.audits"),
    bias: t("accountability.bias"),
    advice: t("accountability.advice"),
    register: t("accountability.register"),
    heatmap: t("accountability.heatmap"),
    trends: t("accountability.trends"),
  };
  const body = { projects: ProjectsTable, gates: Gates, screenings: Screenings, measures: Measures, open_work: OpenWork, audits: Audits, bias: Bias, advice: Advice, register: Register, heatmap: HeatMaps, trends: Trends };
  return (
    <>
      <Stylesheet />
      <Heading1>{t("accountability.title")}</Heading1>
      <Paragraph lead>{t("accountability.intro")}</Paragraph>
      <Paragraph>{t("accountability.today", { date: day(f.today, lang) })}</Paragraph>
      {reports.length ? (
        <nav aria-labelledby="acc-reports" class="afw-acc-reports">
          <h2 class="utrecht-heading-2" id="acc-reports">{t("accountability.reports")}</h2>
          <ul class="utrecht-unordered-list">
            {reports.map((k) => <li class="utrecht-unordered-list__item"><a class="utrecht-link" href={`/accountability/reports/${k}`}>{t(`accountability.report.${k}`)}</a></li>)}
          </ul>
        </nav>
      ) : null}
      <nav aria-label={t("accountability.toc")} class="afw-acc-toc">
        <ul class="utrecht-unordered-list">
          {SECTIONS.map((s) => <li class="utrecht-unordered-list__item"><a class="utrecht-link" href={`#acc-${s}`}>{titles[s]}</a></li>)}
        </ul>
      </nav>
      {SECTIONS.map((s) => {
        const Body = body[s];
        return <Section id={s} title={titles[s]}><Body {...props} /></Section>;
      })}
    </>
  );
}

