import type { FieldError } from "../../../platform/errors.ts";
import { Alert, ButtonLink, Cell, formatDateTime, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { FiredItem, ScreeningOutcome, ScreeningResult, ScreeningSignal } from "../../../domain/screening/evaluate.ts";
import { SCREENING_OUTCOMES } from "../rules.ts";
import { REASON_MAX, type ScreeningOverview, type ScreeningRecord } from "../screening.ts";

export const screeningFormPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/instruments/pre-dpia`;
export const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;

function OutcomeBadge({ ctx, outcome }: { ctx: PageContext; outcome: ScreeningOutcome }) {
  const status = outcome === "required" ? "warning" : outcome === "recommended" ? "neutral" : "valid";
  return <StatusBadge status={status}>{ctx.t(`assessments.outcome.${outcome}`)}</StatusBadge>;
}

export function FiredList({ ctx, fired }: { ctx: PageContext; fired: FiredItem[] }) {
  const { t, lang } = ctx;
  if (!fired.length) return <Paragraph>{t("assessments.screening.nothing_fired")}</Paragraph>;
  return (
    <ul class="utrecht-unordered-list">
      {fired.map((f) => (
        <li class="utrecht-unordered-list__item">
          <strong>{f.kind === "rule" ? t("assessments.screening.rule") : f.label?.[lang] ?? f.id}</strong>
          {f.result ? ` (${t(`assessments.outcome.${f.result}`)})` : ""}: {f.explanation[lang]}
        </li>
      ))}
    </ul>
  );
}

export function Signals({ ctx, signals }: { ctx: PageContext; signals: ScreeningResult["signals"] }) {
  const { t, lang } = ctx;
  const raised = (Object.entries(signals) as [ScreeningSignal, { needed: boolean; reasons: { nl: string; en: string }[] }][]).filter(([, s]) => s.needed);
  if (!raised.length) return <Paragraph>{t("assessments.screening.no_signals")}</Paragraph>;
  return (
    <ul class="utrecht-unordered-list">
      {raised.map(([id, s]) => (
        <li class="utrecht-unordered-list__item"><strong>{t(`assessments.signal.${id}`)}</strong>: {s.reasons.map((r) => r[lang]).join(" ")}</li>
      ))}
    </ul>
  );
}

function RecordBlock({ ctx, record }: { ctx: PageContext; record: ScreeningRecord }) {
  const { t, lang } = ctx;
  return (
    <>
      <Paragraph>
        {t("assessments.screening.record_line", { name: record.completedByName, when: formatDateTime(record.completedAt, lang), version: record.responseVersion })}
      </Paragraph>
      <Paragraph>
        {t("assessments.screening.outcome_label")} <OutcomeBadge ctx={ctx} outcome={record.effectiveOutcome} />
        {record.fg?.decision === "overruled" ? ` ${t("assessments.screening.overruled_from", { outcome: t(`assessments.outcome.${record.outcome}`) })}` : ""}
      </Paragraph>
      <Paragraph>{t("assessments.screening.score", { value: record.score.value, max: record.score.max, threshold: record.score.threshold ?? "-" })}</Paragraph>
      <h3 class="utrecht-heading-3">{t("assessments.screening.fired_title")}</h3>
      <FiredList ctx={ctx} fired={record.fired} />
      <h3 class="utrecht-heading-3">{t("assessments.screening.signals_title")}</h3>
      <Signals ctx={ctx} signals={record.signals} />
      <h3 class="utrecht-heading-3">{t("assessments.screening.fg_title")}</h3>
      {record.fg ? (
        <Paragraph>
          {t(`assessments.screening.fg_${record.fg.decision}`, { name: record.fg.byName, when: formatDateTime(record.fg.at, lang) })}
          {record.fg.reason ? ` ${t("assessments.screening.fg_reason_line", { reason: record.fg.reason })}` : ""}
        </Paragraph>
      ) : (
        <Paragraph>{t("assessments.screening.fg_pending")}</Paragraph>
      )}
    </>
  );
}

export function ScreeningPage({ ctx, model, values, errors }: { ctx: PageContext; model: ScreeningOverview; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  const { project, live, current } = model;
  return (
    <>
      <Paragraph><Link href={projectPath(project.id)}>{t("assessments.back_to_project", { title: project.title })}</Link></Paragraph>
      <Heading1>{t("assessments.screening.title")}</Heading1>
      <Paragraph lead>{t("assessments.screening.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />

      <section aria-labelledby="screening-current">
        <Heading2 id="screening-current">{t("assessments.screening.current_title")}</Heading2>
        {current ? <RecordBlock ctx={ctx} record={current} /> : <Paragraph>{t("assessments.screening.none_yet")}</Paragraph>}
      </section>

      <section aria-labelledby="screening-live">
        <Heading2 id="screening-live">{t("assessments.screening.live_title")}</Heading2>
        {live ? (
          <>
            {!live.complete ? <Alert kind="info">{t("assessments.screening.provisional")}</Alert> : null}
            <Paragraph>{t("assessments.screening.outcome_label")} <OutcomeBadge ctx={ctx} outcome={live.outcome} /></Paragraph>
            {live.explanation ? <Paragraph>{live.explanation[ctx.lang]}</Paragraph> : null}
            <h3 class="utrecht-heading-3">{t("assessments.screening.fired_title")}</h3>
            <FiredList ctx={ctx} fired={live.fired} />
            <h3 class="utrecht-heading-3">{t("assessments.screening.signals_title")}</h3>
            <Signals ctx={ctx} signals={live.signals} />
          </>
        ) : (
          <Paragraph>{t("assessments.screening.not_started")}</Paragraph>
        )}
        <div class="afw-actions">
          {model.canFill ? <ButtonLink href={screeningFormPath(project.id)} variant="secondary">{t(live ? "assessments.screening.fill_more" : "assessments.screening.fill")}</ButtonLink> : null}
          {model.canFinish ? (
            <PostForm action={`${projectPath(project.id)}/screening/finish`} csrfToken={ctx.csrfToken} class="afw-inline-form">
              <SubmitButton>{t("assessments.screening.finish")}</SubmitButton>
            </PostForm>
          ) : null}
        </div>
        {model.canFill && !model.canFinish && live ? <Paragraph>{t("assessments.screening.finish_hint")}</Paragraph> : null}
      </section>

      {model.canFgDecide ? (
        <section aria-labelledby="screening-fg">
          <Heading2 id="screening-fg">{t("assessments.screening.fg_form_title")}</Heading2>
          {current ? (
            <Paragraph>
              <Link href={screeningFormPath(project.id)}>{t("assessments.screening.fg_read_answers", { version: current.responseVersion })}</Link>
            </Paragraph>
          ) : null}
          <PostForm action={`${projectPath(project.id)}/screening/fg`} csrfToken={ctx.csrfToken} label={t("assessments.screening.fg_form_title")}>
            <input type="hidden" name="screeningId" value={current?.id ?? ""} />
            <SelectField t={t} name="decision" label={t("assessments.screening.fg_decision")} required values={values} errors={errors}
              options={[{ value: "", label: t("assessments.choose") }, { value: "confirmed", label: t("assessments.screening.fg_confirm") }, { value: "overruled", label: t("assessments.screening.fg_overrule") }]} />
            <SelectField t={t} name="outcome" label={t("assessments.screening.fg_outcome")} hint={t("assessments.screening.fg_outcome_hint")} values={values} errors={errors}
              options={[{ value: "", label: t("assessments.choose") }, ...SCREENING_OUTCOMES.map((o) => ({ value: o, label: t(`assessments.outcome.${o}`) }))]} />
            <TextArea t={t} name="reason" label={t("assessments.screening.fg_reason")} hint={t("assessments.screening.fg_reason_hint")} maxlength={REASON_MAX} values={values} errors={errors} />
            <SubmitButton>{t("assessments.screening.fg_submit")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}

      {model.records.length > 1 ? (
        <section aria-labelledby="screening-history">
          <Heading2 id="screening-history">{t("assessments.screening.history")}</Heading2>
          <Table caption={t("assessments.screening.history")} headers={[t("assessments.when"), t("assessments.screening.outcome_label"), t("assessments.who")]}>
            {model.records.slice(1).map((r) => (
              <Row>
                <Cell>{formatDateTime(r.completedAt, ctx.lang)}</Cell>
                <Cell>{t(`assessments.outcome.${r.effectiveOutcome}`)}</Cell>
                <Cell>{r.completedByName}</Cell>
              </Row>
            ))}
          </Table>
        </section>
      ) : null}
    </>
  );
}
