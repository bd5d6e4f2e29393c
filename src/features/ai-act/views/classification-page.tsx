import type { AiActOutcome, ClassificationResult, Reason } from "../../../domain/ai-act/index.ts";
import type { Instrument } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Alert, ButtonLink, Cell, formatDate, formatDateTime, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { REVIEW_NOTE_MAX, type ClassificationOverview } from "../classification.ts";
import type { ClassificationRecord } from "../records.ts";

export const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;
export const aiActPath = (projectId: string) => `${projectPath(projectId)}/ai-act`;
export const aiActFormPath = (projectId: string) => `${projectPath(projectId)}/instruments/ai-act-classification`;

export function OutcomeBadge({ ctx, outcome }: { ctx: PageContext; outcome: AiActOutcome }) {
  const status = outcome === "prohibited" ? "invalid" : outcome === "high_risk" ? "warning" : outcome === "transparency" ? "neutral" : "valid";
  return <StatusBadge status={status}>{ctx.t(`ai_act.outcome.${outcome}`)}</StatusBadge>;
}

function reasonDetail(ctx: PageContext, r: Reason): string {
  const parts: string[] = [];
  if (r.article) parts.push(ctx.t("ai_act.reason_article", { article: r.article }));
  if (r.annexPoint) parts.push(ctx.t("ai_act.reason_annex", { point: r.annexPoint }));
  if (r.appliesFrom) parts.push(ctx.t("ai_act.reason_from", { date: formatDate(r.appliesFrom, ctx.lang) }));
  if (r.provisionStatus === "reported" || r.provisionStatus === "unclear") parts.push(ctx.t(`ai_act.reason_status_${r.provisionStatus}`));
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function ReasonText({ ctx, r }: { ctx: PageContext; r: Reason }) {
  const words = r.code === "ai_act.outcome.pending" && r.outcome
    ? ctx.t("ai_act.outcome_from", { date: formatDate(r.appliesFrom ?? "", ctx.lang), outcome: ctx.t(`ai_act.outcome.${r.outcome}`) })
    : ctx.t(r.code);
  return <>{words}{reasonDetail(ctx, r)}</>;
}

/** Everything a classification result says, as words. */
export function ResultBlock({ ctx, result }: { ctx: PageContext; result: ClassificationResult }) {
  const { t, lang } = ctx;
  if (!result.current || !result.eventual) return null;
  const eventual = result.eventual.outcome;
  return (
    <>
      <Paragraph>{t("ai_act.outcome_label")} <OutcomeBadge ctx={ctx} outcome={eventual} /></Paragraph>
      {result.timeline.length > 1 ? (
        <ul class="utrecht-unordered-list">
          {result.timeline.map((step, i) => (
            <li class="utrecht-unordered-list__item">{t(i === 0 ? "ai_act.outcome_now" : "ai_act.outcome_from", { date: formatDate(step.from, lang), outcome: t(`ai_act.outcome.${step.outcome}`) })}</li>
          ))}
        </ul>
      ) : null}
      {eventual === "prohibited" ? <Alert kind="warning">{t("ai_act.stop_notice")}</Alert> : null}
      {result.eventual.publicationCategory ? <Paragraph>{t("ai_act.publication_category", { category: result.eventual.publicationCategory })}</Paragraph> : null}
      <h3 class="utrecht-heading-3">{t("ai_act.reasons_title")}</h3>
      <ul class="utrecht-unordered-list">
        {result.reasons.map((r) => <li class="utrecht-unordered-list__item"><ReasonText ctx={ctx} r={r} /></li>)}
      </ul>
      <h3 class="utrecht-heading-3">{t("ai_act.duties_title")}</h3>
      {result.duties.length ? (
        <ul class="utrecht-unordered-list">
          {result.duties.map((d) => <li class="utrecht-unordered-list__item">{t("ai_act.duty_line", { duty: t(`ai_act.duty.${d.duty}`), article: d.article, date: formatDate(d.appliesFrom, lang) })}</li>)}
        </ul>
      ) : (
        <Paragraph>{t("ai_act.no_duties")}</Paragraph>
      )}
      {result.eventual.aidConclusion ? <Paragraph>{t("ai_act.aid_conclusion", { id: result.eventual.aidConclusion })}</Paragraph> : null}
    </>
  );
}

function ReviewLine({ ctx, record }: { ctx: PageContext; record: ClassificationRecord }) {
  const { t, lang } = ctx;
  const r = record.review;
  if (!r) return <Paragraph>{t("ai_act.review.pending")}</Paragraph>;
  return (
    <Paragraph>
      {t(`ai_act.review.${r.decision}`, { name: r.byName, role: t(`ai_act.review.role.${r.role}`), when: formatDateTime(r.at, lang) })}
      {r.note ? ` ${t("ai_act.review.note_line", { note: r.note })}` : ""}
    </Paragraph>
  );
}

function LiveBlock({ ctx, model, instrument }: { ctx: PageContext; model: ClassificationOverview; instrument: Instrument }) {
  const { t, lang } = ctx;
  const live = model.live;
  if (!live) return <Paragraph>{t("ai_act.not_started")}</Paragraph>;
  const contradictions = instrument.law?.contradictions ?? [];
  if (live.state === "contradictory") {
    const words = live.errors.map((e) => contradictions.find((c) => c.id === e.contradiction)?.message[lang] ?? e.contradiction);
    return <Alert kind="error">{`${t("ai_act.contradictory_answers")} ${words.join(" ")}`}</Alert>;
  }
  if (live.state === "incomplete") return <Alert kind="info">{t("ai_act.provisional")}</Alert>;
  return <ResultBlock ctx={ctx} result={live} />;
}

export function ClassificationPage({ ctx, model, values, errors }: { ctx: PageContext; model: ClassificationOverview; values?: Values; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const { project, current } = model;
  return (
    <>
      <Paragraph><Link href={projectPath(project.id)}>{t("ai_act.back_to_project", { title: project.title })}</Link></Paragraph>
      <Heading1>{t("ai_act.title")}</Heading1>
      <Paragraph lead>{t("ai_act.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      {model.redo ? <Alert kind="warning">{t(`ai_act.redo.${model.redo.because}`, { date: formatDate(model.redo.since, lang) })}</Alert> : null}

      <section aria-labelledby="ai-act-current">
        <Heading2 id="ai-act-current">{t("ai_act.current_title")}</Heading2>
        {current ? (
          <>
            <Paragraph>{t("ai_act.record_line", { name: current.completedByName, when: formatDateTime(current.completedAt, lang), version: current.responseVersion, instrument: current.instrumentVersion })}</Paragraph>
            <ResultBlock ctx={ctx} result={current.result} />
            <h3 class="utrecht-heading-3">{t("ai_act.review.title")}</h3>
            <ReviewLine ctx={ctx} record={current} />
            {current.result.duties.some((d) => d.duty === "fria" || d.duty === "eu_registration_deployer") ? (
              <Paragraph><Link href={`${aiActPath(project.id)}/registration`}>{t("ai_act.panel.registration")}</Link></Paragraph>
            ) : null}
          </>
        ) : (
          <Paragraph>{t("ai_act.none_yet")}</Paragraph>
        )}
      </section>

      <section aria-labelledby="ai-act-live">
        <Heading2 id="ai-act-live">{t("ai_act.live_title")}</Heading2>
        <LiveBlock ctx={ctx} model={model} instrument={model.instrument} />
        <div class="afw-actions">
          {model.canFill ? <ButtonLink href={aiActFormPath(project.id)} variant="secondary">{t(model.live ? "ai_act.fill_more" : "ai_act.fill")}</ButtonLink> : null}
          {model.canFinish ? (
            <PostForm action={`${aiActPath(project.id)}/finish`} csrfToken={ctx.csrfToken} class="afw-inline-form">
              <SubmitButton>{t("ai_act.finish")}</SubmitButton>
            </PostForm>
          ) : null}
        </div>
        {model.canFill && !model.canFinish && model.live ? <Paragraph>{t("ai_act.finish_hint")}</Paragraph> : null}
      </section>

      {model.reviewAs && current ? (
        <section aria-labelledby="ai-act-review">
          <Heading2 id="ai-act-review">{t("ai_act.review.form_title")}</Heading2>
          <PostForm action={`${aiActPath(project.id)}/review`} csrfToken={ctx.csrfToken} label={t("ai_act.review.form_title")}>
            <input type="hidden" name="classificationId" value={current.id} />
            <SelectField t={t} name="decision" label={t("ai_act.review.decision")} required values={values} errors={errors}
              options={[{ value: "confirmed", label: t("ai_act.review.confirm") }, { value: "rejected", label: t("ai_act.review.reject") }]} />
            <TextArea t={t} name="note" label={t("ai_act.review.note")} hint={t("ai_act.review.note_hint")} maxlength={REVIEW_NOTE_MAX} values={values} errors={errors} />
            <SubmitButton>{t("ai_act.review.submit")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}

      {model.records.length > 1 ? (
        <section aria-labelledby="ai-act-history">
          <Heading2 id="ai-act-history">{t("ai_act.history")}</Heading2>
          <Table caption={t("ai_act.history")} headers={[t("ai_act.when"), t("ai_act.outcome_label"), t("ai_act.who")]}>
            {model.records.slice(1).map((r) => (
              <Row>
                <Cell>{formatDateTime(r.completedAt, lang)}</Cell>
                <Cell>{r.result.eventual ? t(`ai_act.outcome.${r.result.eventual.outcome}`) : "-"}</Cell>
                <Cell>{r.completedByName}</Cell>
              </Row>
            ))}
          </Table>
        </section>
      ) : null}
    </>
  );
}
