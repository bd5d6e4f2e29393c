// The checklist page of a contract: the attention points carried over (each
// with its verdict and a form to give one), the measures that depend on the
// supplier, and the clause checklist itself. Three kinds of form, each a plain
// POST; one error summary at the top for whichever was refused.
import type { Instrument, Question, Section } from "../../../instruments/index.ts";
import { computeVisibility } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { CheckboxGroupField, RadioGroupField } from "../../../ui/choice-fields.tsx";
import { Alert, Heading1, Heading2, Link, Paragraph, StatusBadge } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { LIMITS, type AttentionPoint, type ContractView, type PointResolution } from "../service.ts";
import { contractPath, day, pointText, sourceLine, staleSource } from "./common.tsx";

export interface ChecklistForm {
  /** Which form was refused: "point", "measures" or "checklist"; its input and errors. */
  errorsFor?: string;
  values?: Values;
  lists?: Record<string, string[]>;
  errors?: FieldError[];
}

export interface ChecklistPageModel {
  ctx: PageContext;
  c: ContractView;
  instrument: Instrument;
  people: { id: string; name: string }[];
  form: ChecklistForm;
}

const SECTION_BADGE = { not_started: "neutral", in_progress: "warning", complete: "valid", not_applicable: "neutral" } as const;

/** The form name of a question of the checklist. */
export const questionField = (id: string) => `q.${id}`;
/** The form name of a field of the verdict form of point number `i`. */
export const pointField = (i: number, name: string) => `point-${i}-${name}`;

function Verdict({ ctx, r }: { ctx: PageContext; r: PointResolution | null }) {
  const { t, lang } = ctx;
  if (!r) return <Paragraph><StatusBadge status="warning">{t("procurement.point.open")}</StatusBadge></Paragraph>;
  return (
    <>
      <Paragraph>
        {r.verdict === "covered" ? <StatusBadge status="valid">{t("procurement.point.covered", { clause: r.clauseRef ?? "" })}</StatusBadge> : <StatusBadge status="neutral">{t("procurement.point.not_covered")}</StatusBadge>}
      </Paragraph>
      {r.verdict === "not_covered" ? <Paragraph>{t("procurement.point.not_covered_detail", { reason: r.reason ?? "", name: r.acceptedByName ?? "" })}</Paragraph> : null}
      <p class="utrecht-paragraph afw-meta">{t("procurement.point.resolved_by", { name: r.resolvedByName, date: day(r.resolvedAt, lang) })}</p>
    </>
  );
}

function pointValues(p: AttentionPoint, i: number): Values {
  const r = p.resolution;
  return { [pointField(i, "verdict")]: r?.verdict, [pointField(i, "clauseRef")]: r?.clauseRef ?? "", [pointField(i, "reason")]: r?.reason ?? "", [pointField(i, "acceptedByUserId")]: r?.acceptedById ?? "" };
}

function PointForm({ m, p, i }: { m: ChecklistPageModel; p: AttentionPoint; i: number }) {
  const { ctx, c, form, people } = m;
  const { t } = ctx;
  const again = form.errorsFor === "point" && form.values?.pointIndex === String(i);
  const values = again ? form.values : pointValues(p, i);
  const errors = again ? form.errors : undefined;
  return (
    <PostForm action={`${contractPath(c.id)}/points`} csrfToken={ctx.csrfToken} label={t("procurement.point.form", { n: i })}>
      <input type="hidden" name="pointKey" value={p.key} />
      <input type="hidden" name="pointIndex" value={String(i)} />
      <input type="hidden" name="expectedRevision" value={String(c.revision)} />
      <RadioGroupField t={t} name={pointField(i, "verdict")} legend={t("procurement.point.verdict", { n: i })} required options={[{ value: "covered", label: t("procurement.point.verdict_covered") }, { value: "not_covered", label: t("procurement.point.verdict_not_covered") }]} selected={values?.[pointField(i, "verdict")]} errors={errors} />
      <TextField t={t} name={pointField(i, "clauseRef")} label={t("procurement.point.clause")} hint={t("procurement.point.clause_hint")} maxlength={LIMITS.clauseRef} values={values} errors={errors} />
      <TextArea t={t} name={pointField(i, "reason")} label={t("procurement.point.reason")} hint={t("procurement.point.reason_hint")} rows={2} maxlength={LIMITS.reason} values={values} errors={errors} />
      <SelectField t={t} name={pointField(i, "acceptedByUserId")} label={t("procurement.point.accepted_by")} hint={t("procurement.point.accepted_by_hint")} options={[{ value: "", label: t("procurement.choose") }, ...people.map((u) => ({ value: u.id, label: u.name }))]} values={values} errors={errors} />
      <SubmitButton variant="secondary">{t("procurement.point.save", { n: i })}</SubmitButton>
    </PostForm>
  );
}

function PointCard({ m, p, i }: { m: ChecklistPageModel; p: AttentionPoint; i: number }) {
  const { ctx, c } = m;
  const { t } = ctx;
  const text = pointText(t, p);
  return (
    <article class="afw-card" aria-labelledby={`point-${i}`} id={`point-${i}-card`}>
      <h3 class="utrecht-heading-3" id={`point-${i}`}>{t("procurement.point.title", { n: i, source: sourceLine(ctx, p) })}</h3>
      {text ? <p class="utrecht-paragraph afw-prewrap">{text}</p> : null}
      {p.context ? <p class="utrecht-paragraph afw-meta">{t(p.source === "risk" ? "procurement.point.context_measures" : "procurement.point.context_response", { text: p.context })}</p> : null}
      {p.href ? <Paragraph><Link href={p.href}>{t(`procurement.point.source_link.${p.source}`)}</Link></Paragraph> : null}
      <Verdict ctx={ctx} r={p.resolution} />
      {!c.may.edit ? null : p.resolution ? (
        <details class="afw-comments" open={m.form.errorsFor === "point" && m.form.values?.pointIndex === String(i) ? true : undefined}>
          <summary>{t("procurement.point.change", { n: i })}</summary>
          <PointForm m={m} p={p} i={i} />
        </details>
      ) : (
        <PointForm m={m} p={p} i={i} />
      )}
    </article>
  );
}

function PointsSection({ m }: { m: ChecklistPageModel }) {
  const { ctx, c } = m;
  const { t } = ctx;
  return (
    <section aria-labelledby="points" class="afw-recommendations">
      <Heading2 id="points">{t("procurement.points_title")}</Heading2>
      <Paragraph>{t("procurement.points_intro")}</Paragraph>
      {c.points.length === 0 ? (
        <Paragraph>{t("procurement.points_empty")}</Paragraph>
      ) : (
        <>
          <Paragraph>{c.openPoints === 0 ? t("procurement.points_all_done", { total: c.points.length }) : t("procurement.points_open_long", { open: c.openPoints, total: c.points.length })}</Paragraph>
          <div class="afw-questions">{c.points.map((p, i) => <PointCard m={m} p={p} i={i + 1} />)}</div>
        </>
      )}
      {c.stalePoints.length > 0 ? (
        <>
          <h3 class="utrecht-heading-3" id="stale-points">{t("procurement.stale_title")}</h3>
          <Paragraph>{t("procurement.stale_intro")}</Paragraph>
          <ul class="utrecht-unordered-list">
            {c.stalePoints.map((p) => (
              <li class="utrecht-unordered-list__item">
                {staleSource(t, p)}: {pointText(t, p)} — {p.resolution.verdict === "covered" ? t("procurement.point.covered", { clause: p.resolution.clauseRef ?? "" }) : t("procurement.point.not_covered")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function MeasuresSection({ m }: { m: ChecklistPageModel }) {
  const { ctx, c, form } = m;
  const { t } = ctx;
  const marked = c.supplierMeasures.filter((x) => x.marked);
  const selected = form.errorsFor === "measures" ? (form.lists?.measureIds ?? []) : marked.map((x) => x.id);
  return (
    <section aria-labelledby="supplier-measures" class="afw-recommendations">
      <Heading2 id="supplier-measures">{t("procurement.measures.title")}</Heading2>
      <Paragraph>{t("procurement.measures.intro")}</Paragraph>
      {c.supplierMeasures.length === 0 ? (
        <Paragraph>{t("procurement.measures.empty")}</Paragraph>
      ) : c.may.edit ? (
        <PostForm action={`${contractPath(c.id)}/supplier-measures`} csrfToken={ctx.csrfToken} label={t("procurement.measures.title")}>
          <input type="hidden" name="expectedRevision" value={String(c.revision)} />
          <CheckboxGroupField
            t={t}
            name="measureIds"
            legend={t("procurement.measures.legend")}
            options={c.supplierMeasures.map((x) => ({ value: x.id, label: x.title, hint: x.riskLabels.length ? t("procurement.measures.risks", { risks: x.riskLabels.join(", ") }) : t("procurement.measures.no_risk") }))}
            selected={selected}
            errors={form.errorsFor === "measures" ? form.errors : undefined}
          />
          <SubmitButton variant="secondary">{t("procurement.measures.save")}</SubmitButton>
        </PostForm>
      ) : marked.length === 0 ? (
        <Paragraph>{t("procurement.measures.none_marked")}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">{marked.map((x) => <li class="utrecht-unordered-list__item">{x.title}</li>)}</ul>
      )}
    </section>
  );
}

function QuestionInput({ m, q, values, errors }: { m: ChecklistPageModel; q: Question; values: Values; errors?: FieldError[] }) {
  const { t, lang } = m.ctx;
  const name = questionField(q.id);
  const label = q.label[lang];
  const hint = q.help?.[lang];
  // A question that applies only after a choice (the clause, the reason) is not marked required: its hint says when it is needed.
  const required = q.required && !q.when;
  if (q.type === "single_choice") return <RadioGroupField t={t} name={name} legend={label} hint={hint} required={required} options={q.options.map((o) => ({ value: o.value, label: o.label[lang] }))} selected={values[name]} errors={errors} />;
  if (q.type === "long_text") return <TextArea t={t} name={name} label={label} hint={hint} required={required} rows={2} maxlength={q.max_length ?? LIMITS.subject} values={values} errors={errors} />;
  return <TextField t={t} name={name} label={label} hint={hint} required={required} maxlength={q.type === "text" ? (q.max_length ?? LIMITS.subject) : LIMITS.subject} values={values} errors={errors} />;
}

/** A question's answer as the reader sees it, without a form. */
function answerWords(m: ChecklistPageModel, q: Question): string {
  const v = m.c.checklist.answers[q.id];
  if (typeof v !== "string" || v === "") return m.ctx.t("procurement.not_answered");
  if (q.type === "single_choice") return q.options.find((o) => o.value === v)?.label[m.ctx.lang] ?? v;
  return v;
}

function ChecklistSection({ m, s, visible, values, errors }: { m: ChecklistPageModel; s: Section; visible: ReturnType<typeof computeVisibility>; values: Values; errors?: FieldError[] }) {
  const { t, lang } = m.ctx;
  const status = m.c.checklist.sections.find((x) => x.sectionId === s.id)?.status ?? "not_started";
  return (
    <div class="afw-instrument-section" id={`section-${s.id}`}>
      <h4 class="utrecht-heading-4">{s.title[lang]}</h4>
      <p class="utrecht-paragraph afw-section-status"><StatusBadge status={SECTION_BADGE[status]}>{t(`procurement.section_status.${status}`)}</StatusBadge></p>
      {!visible.sections.has(s.id) ? (
        <Paragraph>{t("procurement.section_not_applicable")}</Paragraph>
      ) : (
        <>
          {s.intro ? <Paragraph>{s.intro[lang]}</Paragraph> : null}
          {m.c.may.edit ? (
            <div class="afw-questions">{s.questions.map((q) => <QuestionInput m={m} q={q} values={values} errors={errors} />)}</div>
          ) : (
            <dl class="afw-answers afw-details">
              {s.questions.filter((q) => visible.questions.has(q.id)).map((q) => (
                <>
                  <dt>{q.label[lang]}</dt>
                  <dd>{answerWords(m, q)}</dd>
                </>
              ))}
            </dl>
          )}
        </>
      )}
    </div>
  );
}

export function checklistValues(answers: Record<string, unknown>): Values {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [questionField(k), typeof v === "string" ? v : ""]));
}

function ChecklistSectionList({ m }: { m: ChecklistPageModel }) {
  const { ctx, c, instrument, form } = m;
  const { t, lang } = ctx;
  const again = form.errorsFor === "checklist";
  const values = again ? (form.values ?? {}) : checklistValues(c.checklist.answers);
  const visible = computeVisibility(instrument, c.checklist.answers);
  const groups = instrument.groups ?? [];
  const body = groups.map((g) => (
    <div class="afw-instrument-group">
      <h3 class="utrecht-heading-3" id={`group-${g.id}`}>{g.title[lang]}</h3>
      {g.intro ? <Paragraph>{g.intro[lang]}</Paragraph> : null}
      {instrument.sections.filter((s) => s.group === g.id).map((s) => <ChecklistSection m={m} s={s} visible={visible} values={values} errors={again ? form.errors : undefined} />)}
    </div>
  ));
  if (!c.may.edit) return <>{body}</>;
  return (
    <PostForm action={`${contractPath(c.id)}/checklist`} csrfToken={ctx.csrfToken} label={t("procurement.checklist_form")}>
      <input type="hidden" name="expectedRevision" value={String(c.revision)} />
      {body}
      <SubmitButton>{t("procurement.checklist_save")}</SubmitButton>
    </PostForm>
  );
}

export function ChecklistPage({ m }: { m: ChecklistPageModel }) {
  const { ctx, c, instrument } = m;
  const { t, lang } = ctx;
  return (
    <>
      <Paragraph><Link href={contractPath(c.id)}>{t("procurement.back_to_contract")}</Link></Paragraph>
      <Heading1>{t("procurement.checklist_title", { supplier: c.supplier })}</Heading1>
      <ErrorSummary t={t} errors={m.form.errors} />
      <Paragraph lead>{instrument.intro?.[lang] ?? ""}</Paragraph>
      {c.reopened ? <Alert kind="warning">{t(c.openPoints > 0 ? "procurement.reopened_by_point" : "procurement.reopened_by_change")}</Alert> : null}
      {c.may.edit && c.slots.some((s) => s.signoff) ? <Alert kind="info">{t("procurement.change_reopens")}</Alert> : null}
      <nav class="afw-toc" aria-label={t("procurement.toc")}>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#points">{t("procurement.points_title")}</a> — {t("procurement.points_open", { open: c.openPoints, total: c.points.length })}</li>
          <li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#supplier-measures">{t("procurement.measures.title")}</a></li>
          <li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#checklist">{t("procurement.clauses_title")}</a> — {t(`procurement.progress.${c.checklist.progress}`)}</li>
        </ul>
      </nav>
      <PointsSection m={m} />
      <MeasuresSection m={m} />
      <section aria-labelledby="checklist">
        <Heading2 id="checklist">{t("procurement.clauses_title")}</Heading2>
        <Paragraph>{t("procurement.clauses_intro")}</Paragraph>
        <ChecklistSectionList m={m} />
      </section>
      <p class="utrecht-paragraph afw-attribution">{instrument.attribution[lang]} {t("procurement.instrument_version", { title: instrument.title[lang], version: instrument.version, licence: instrument.licence.id })}</p>
    </>
  );
}
