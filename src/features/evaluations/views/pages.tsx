import type { Question } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { RadioGroupField } from "../../../ui/choice-fields.tsx";
import { Alert, formatDate, Heading1, Heading2, Link, Paragraph, StatusBadge } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { CADENCES } from "../model.ts";
import type { EvaluationOverview } from "../queries.ts";

/** The project page's section: when the next evaluation is due, overdue shown. */
export function EvaluationPanel({ ctx, o }: { ctx: PageContext; o: EvaluationOverview }) {
  const { t, lang } = ctx;
  const last = o.items[0];
  if (!o.nextDue && !last) return null;
  return (
    <section class="afw-card" aria-labelledby="panel-evaluations">
      <h2 class="utrecht-heading-2" id="panel-evaluations">{t("evaluations.panel.title")}</h2>
      {o.nextDue ? (o.overdue ? <Alert kind="warning">{t("evaluations.panel.overdue", { date: formatDate(o.nextDue, lang) })}</Alert> : <Paragraph>{t("evaluations.panel.next_due", { date: formatDate(o.nextDue, lang) })}</Paragraph>) : null}
      <Paragraph>{last ? t("evaluations.panel.last", { date: formatDate(last.recordedAt, lang), name: last.recordedByName }) : t("evaluations.panel.none")}</Paragraph>
      <div class="afw-actions"><Link href={`/projects/${o.project.id}/evaluations`}>{t("evaluations.panel.open")}</Link></div>
    </section>
  );
}

function conditionHint(ctx: PageContext, q: Question, all: Question[]): string | undefined {
  const when = q.when as { question?: string; in?: string[] } | undefined;
  if (!when?.question || !when.in) return undefined;
  const on = all.find((x) => x.id === when.question);
  if (!on || on.type !== "single_choice") return undefined;
  const labels = when.in.map((v) => `‘${on.options.find((o) => o.value === v)?.label[ctx.lang] ?? v}’`);
  const words = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} ${ctx.lang === "nl" ? "of" : "or"} ${labels[labels.length - 1]}` : (labels[0] ?? "");
  return ctx.t("evaluations.required_when", { answer: words });
}

function QuestionInput({ ctx, q, all, values, errors }: { ctx: PageContext; q: Question; all: Question[]; values?: Values; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const help = [q.help?.[lang], conditionHint(ctx, q, all)].filter(Boolean).join(" ") || undefined;
  if (q.type === "single_choice") {
    return <RadioGroupField t={t} name={q.id} legend={q.label[lang]} hint={help} required={!q.when} options={q.options.map((o) => ({ value: o.value, label: o.label[lang] }))} selected={values?.[q.id]} errors={errors} />;
  }
  const max = q.type === "text" || q.type === "long_text" ? q.max_length : undefined;
  return <TextArea t={t} name={q.id} label={q.label[lang]} hint={help} rows={3} maxlength={max} values={values} errors={errors} />;
}

export function EvaluationsPage({ ctx, o, values, errors, errorsFor }: { ctx: PageContext; o: EvaluationOverview; values?: Values; errors?: FieldError[]; errorsFor?: "evaluation" | "cadence" }) {
  const { t, lang } = ctx;
  const all = o.instrument.sections.flatMap((s) => s.questions);
  const mine = (part: string) => (errorsFor === part ? errors : undefined);
  return (
    <>
      <Paragraph><Link href={`/projects/${o.project.id}`}>{t("evaluations.back")}</Link></Paragraph>
      <Heading1>{t("evaluations.page_title", { title: o.project.title })}</Heading1>
      <Paragraph>{t("evaluations.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      {o.nextDue ? (o.overdue ? <Alert kind="warning">{t("evaluations.panel.overdue", { date: formatDate(o.nextDue, lang) })}</Alert> : <Paragraph>{t("evaluations.panel.next_due", { date: formatDate(o.nextDue, lang) })}</Paragraph>) : null}
      <section aria-labelledby="cadence">
        <Heading2 id="cadence">{t("evaluations.cadence_title")}</Heading2>
        <Paragraph>{t("evaluations.cadence_line", { months: o.cadence.months })} {o.cadence.chosen ? t("evaluations.cadence_from_risk", { months: o.cadence.fromRisk }) : null}</Paragraph>
        {o.maySetCadence ? (
          <PostForm action={`/projects/${o.project.id}/evaluations/cadence`} csrfToken={ctx.csrfToken} label={t("evaluations.cadence_title")}>
            <SelectField t={t} name="months" label={t("evaluations.cadence_field")} options={CADENCES.map((m) => ({ value: String(m), label: t("evaluations.cadence_option", { months: m }) }))} values={{ months: String(o.cadence.months) }} errors={mine("cadence")} />
            <SubmitButton variant="secondary">{t("evaluations.cadence_save")}</SubmitButton>
          </PostForm>
        ) : null}
      </section>
      {o.mayRecord ? (
        <section aria-labelledby="new-evaluation">
          <Heading2 id="new-evaluation">{t("evaluations.new_title")}</Heading2>
          <Paragraph>{o.instrument.intro?.[lang] ?? ""}</Paragraph>
          <PostForm action={`/projects/${o.project.id}/evaluations`} csrfToken={ctx.csrfToken} label={t("evaluations.new_title")}>
            {o.instrument.sections.map((s) => (
              <>
                <h3 class="utrecht-heading-3">{s.title[lang]}</h3>
                {s.intro ? <Paragraph>{s.intro[lang]}</Paragraph> : null}
                {s.questions.map((q) => <QuestionInput ctx={ctx} q={q} all={all} values={errorsFor === "evaluation" ? values : undefined} errors={mine("evaluation")} />)}
              </>
            ))}
            <SubmitButton>{t("evaluations.submit")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
      <section aria-labelledby="history">
        <Heading2 id="history">{t("evaluations.history_title")}</Heading2>
        {o.items.length === 0 ? <Paragraph>{t("evaluations.panel.none")}</Paragraph> : null}
        {o.items.map((e) => (
          <article class="afw-card">
            <h3 class="utrecht-heading-3">{t("evaluations.history_item", { date: formatDate(e.recordedAt, lang), name: e.recordedByName, phase: t(`projects.phase.${e.phase === "evaluation" ? "evaluation" : "execution"}`) })}</h3>
            <Paragraph>{e.needsAttention ? <StatusBadge status="warning">{t("evaluations.attention")}</StatusBadge> : <StatusBadge status="valid">{t("evaluations.all_well")}</StatusBadge>}</Paragraph>
            {e.materialChange ? <Paragraph>{t("evaluations.change_reported")}</Paragraph> : null}
            <dl class="afw-facts">
              {all.filter((q) => e.answers[q.id] !== undefined).map((q) => (
                <>
                  <dt>{q.label[lang]}</dt>
                  <dd class="afw-prewrap">{q.type === "single_choice" ? (q.options.find((o) => o.value === e.answers[q.id])?.label[lang] ?? e.answers[q.id]) : e.answers[q.id]}</dd>
                </>
              ))}
            </dl>
          </article>
        ))}
      </section>
    </>
  );
}
