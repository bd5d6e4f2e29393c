import type { FieldError } from "../../../platform/errors.ts";
import { Alert, Cell, formatDate, Heading1, Heading2, Paragraph, Row, Table } from "../../../ui/components.tsx";
import { ErrorSummary, SubmitButton, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { PeriodicReport, turnaround } from "../report.ts";

function Turnaround({ ctx, label, value }: { ctx: PageContext; label: string; value: ReturnType<typeof turnaround> }) {
  const { t } = ctx;
  return (
    <Row>
      <Cell>{label}</Cell>
      <Cell>{value.count}</Cell>
      <Cell>{value.median === null ? "—" : t("committee.report.days", { days: value.median })}</Cell>
      <Cell>{value.max === null ? "—" : t("committee.report.days", { days: value.max })}</Cell>
    </Row>
  );
}

export function ReportPage({ ctx, report, values, errors }: { ctx: PageContext; report: PeriodicReport | null; values: Values; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("committee.report")}</Heading1>
      <Paragraph lead>{t("committee.report.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <form method="get" action="/committee/report" class="utrecht-form afw-filter" aria-label={t("committee.report.period")}>
        <TextField t={t} name="from" type="date" label={t("committee.report.from")} required maxlength={10} values={values} errors={errors} />
        <TextField t={t} name="to" type="date" label={t("committee.report.to")} required maxlength={10} values={values} errors={errors} />
        <div class="utrecht-form-field"><SubmitButton variant="secondary">{t("committee.report.show")}</SubmitButton></div>
      </form>
      {report ? (
        <>
          <section aria-labelledby="r-turnaround">
            <Heading2 id="r-turnaround">{t("committee.report.turnaround")}</Heading2>
            <Table caption={t("committee.report.turnaround_caption")} headers={[t("committee.report.measure"), t("committee.report.count"), t("committee.report.median"), t("committee.report.max")]}>
              <Turnaround ctx={ctx} label={t("committee.report.expert_request_to_advice")} value={report.expertTable.turnaround} />
              <Turnaround ctx={ctx} label={t("committee.report.case_to_advice")} value={report.committee.requestToAdvice} />
              <Turnaround ctx={ctx} label={t("committee.report.advice_to_board")} value={report.committee.adviceToBoard} />
            </Table>
          </section>
          <section aria-labelledby="r-gates">
            <Heading2 id="r-gates">{t("committee.report.gates")}</Heading2>
            {!report.gateDecisions.available ? (
              <Alert kind="info">{t("committee.report.gates_unavailable")}</Alert>
            ) : report.gateDecisions.total === 0 ? (
              <Paragraph>{t("committee.report.none")}</Paragraph>
            ) : (
              <Table caption={t("committee.report.gates_caption", report.gateDecisions.byDecision)} headers={[t("committee.report.project"), t("committee.report.decision"), t("committee.report.date")]}>
                {report.gateDecisions.items.map((g) => (
                  <Row>
                    <Cell>{g.projectTitle}</Cell>
                    <Cell>{t(`projects.decision.${g.decision}`)}</Cell>
                    <Cell>{formatDate(g.decidedAt, lang)}</Cell>
                  </Row>
                ))}
              </Table>
            )}
          </section>
          <section aria-labelledby="r-deliberations">
            <Heading2 id="r-deliberations">{t("committee.report.deliberations")}</Heading2>
            <Paragraph>{t("committee.report.deliberations_summary", { total: report.deliberations.total, open: report.deliberations.byStatus.open, closed: report.deliberations.byStatus.closed, escalated: report.deliberations.byStatus.escalated })}</Paragraph>
            {report.deliberations.items.length ? (
              <ul class="utrecht-unordered-list">
                {report.deliberations.items.map((d) => <li class="utrecht-unordered-list__item">{d.title} ({formatDate(`${d.heldOn}T12:00:00Z`, lang)}, {t(`deliberation.status.${d.status}`)})</li>)}
              </ul>
            ) : null}
          </section>
          <section aria-labelledby="r-responses">
            <Heading2 id="r-responses">{t("committee.report.responses")}</Heading2>
            <Paragraph>{t("committee.report.expert_responses", report.expertTable.responses)}</Paragraph>
            <Paragraph>{t("committee.report.board_responses", { follow: report.committee.boardFollow, deviate: report.committee.boardDeviate, late: report.committee.boardLate, overdue: report.committee.overdueNow })}</Paragraph>
            <Paragraph>{t("committee.report.cases_opened", { total: report.committee.casesOpened })}</Paragraph>
          </section>
        </>
      ) : null}
    </>
  );
}
