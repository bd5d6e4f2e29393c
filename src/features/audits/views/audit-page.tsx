import type { FieldError } from "../../../platform/errors.ts";
import { CheckboxGroupField } from "../../../ui/choice-fields.tsx";
import { Alert, ButtonLink, Heading1, Heading2, Link, Paragraph } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { valueNameList, valueOptions, type ValueChoice, type ValueNames } from "../../expert-table/values.ts";
import type { Choice } from "../form-choices.ts";
import type { AuditView, FindingView } from "../get-audit.ts";
import { LIMITS, SEVERITIES } from "../types.ts";
import { AuditStatusBadge, day, FindingFacts, ResponseView } from "./parts.tsx";
import type { EvidenceList } from "../../evidence/queries.ts";
import { EvidencePanel } from "../../evidence/views/panel.tsx";

/** The evidence files and links on the audit and on each finding (by id). */
export interface AuditEvidence {
  audit: EvidenceList;
  findings: Record<string, EvidenceList>;
}

export type FormState = { values?: Values; lists?: Record<string, string[]>; errors?: FieldError[]; errorsFor?: string };

export interface AuditPageChoices {
  owners: Choice[];
  biasAudits: Choice[];
  valueSet: ValueChoice[];
}

function part(form: FormState, name: string): { values?: Values; errors?: FieldError[] } {
  return form.errorsFor === name ? { values: form.values, errors: form.errors } : {};
}

function Facts({ ctx, a, names }: { ctx: PageContext; a: AuditView; names: ValueNames }) {
  const { t, lang } = ctx;
  return (
    <dl class="afw-facts">
      <dt>{t("audits.fact.type")}</dt>
      <dd>{t(`audits.type.${a.type}`)}</dd>
      <dt>{t("audits.fact.status")}</dt>
      <dd><AuditStatusBadge ctx={ctx} status={a.status} /></dd>
      <dt>{t("audits.fact.plan")}</dt>
      <dd><Link href={`/audits?year=${a.year}`}>{t("audits.plan_title", { year: a.year })}</Link></dd>
      <dt>{t("audits.fact.period")}</dt>
      <dd>{t("audits.period", { from: day(a.periodFrom, lang), to: day(a.periodTo, lang) })}</dd>
      <dt>{t("audits.fact.scope")}</dt>
      <dd>{a.scope.map((p, i) => <>{i ? ", " : ""}<Link href={`/projects/${p.id}`}>{p.title}</Link></>)}</dd>
      {a.criteriaValues.length ? (
        <>
          <dt>{t("audits.fact.values")}</dt>
          <dd>{valueNameList(names, a.criteriaValues, lang)}</dd>
        </>
      ) : null}
      {a.requirements ? (
        <>
          <dt>{t("audits.fact.requirements")}</dt>
          <dd class="afw-prewrap">{a.requirements}</dd>
        </>
      ) : null}
      <dt>{t("audits.fact.auditors")}</dt>
      <dd>{a.auditors.map((u) => u.name).join(", ")}</dd>
      {a.followsAudit ? (
        <>
          <dt>{t("audits.fact.follows")}</dt>
          <dd><Link href={`/audits/${a.followsAudit.id}`}>{a.followsAudit.title}</Link></dd>
        </>
      ) : null}
    </dl>
  );
}

function History({ ctx, a, form }: { ctx: PageContext; a: AuditView; form: FormState }) {
  const { t, lang } = ctx;
  const mine = part(form, "status");
  return (
    <section aria-labelledby="history">
      <Heading2 id="history">{t("audits.history")}</Heading2>
      <ol class="utrecht-ordered-list">
        {a.history.map((h) => <li class="utrecht-ordered-list__item">{t("audits.history_line", { status: t(`audits.status.${h.to}`), name: h.byName, date: day(h.at, lang) })}</li>)}
      </ol>
      <Paragraph>{t("audits.progress", a.progress)}</Paragraph>
      {a.may.advanceTo ? (
        <PostForm action={`/audits/${a.id}/status`} csrfToken={ctx.csrfToken} label={t("audits.advance_title")}>
          <ErrorSummary t={t} errors={mine.errors} />
          <input type="hidden" name="to" value={a.may.advanceTo} />
          {a.may.advanceTo === "final" ? <Paragraph>{t("audits.advance_hint_final")}</Paragraph> : null}
          {a.may.advanceTo === "followed_up" ? <Paragraph>{t("audits.advance_hint_followed_up")}</Paragraph> : null}
          <SubmitButton variant="secondary">{t("audits.advance_to", { status: t(`audits.status.${a.may.advanceTo}`) })}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

function RespondForm({ ctx, f, owners, form }: { ctx: PageContext; f: FindingView; owners: Choice[]; form: FormState }) {
  const { t } = ctx;
  const n = f.number;
  const mine = part(form, `respond_${n}`);
  return (
    <PostForm action={`/audits/${f.auditId}/respond`} csrfToken={ctx.csrfToken} label={t("audits.respond_title", { number: n })}>
      <ErrorSummary t={t} errors={mine.errors} />
      <input type="hidden" name="finding" value={f.id} />
      <input type="hidden" name="number" value={String(n)} />
      <SelectField
        t={t}
        name={`response_${n}`}
        label={t("audits.field.response", { number: n })}
        required
        options={[{ value: "", label: t("audits.field.response_choose") }, { value: "agree", label: t("audits.field.response_agree") }, { value: "explain", label: t("audits.field.response_explain") }]}
        values={mine.values}
        errors={mine.errors}
      />
      <TextArea t={t} name={`text_${n}`} label={t("audits.field.response_text", { number: n })} hint={t("audits.field.response_text_hint")} required maxlength={LIMITS.responseText} rows={3} values={mine.values} errors={mine.errors} />
      <SelectField t={t} name={`owner_${n}`} label={t("audits.field.measure_owner", { number: n })} options={[{ value: "", label: t("audits.field.measure_owner_none") }, ...owners]} values={mine.values} errors={mine.errors} />
      <TextField t={t} name={`due_${n}`} label={t("audits.field.measure_due", { number: n })} hint={t("audits.field.measure_due_hint")} maxlength={10} values={mine.values} errors={mine.errors} />
      <SubmitButton variant="secondary">{t("audits.respond_submit", { number: n })}</SubmitButton>
    </PostForm>
  );
}

export function FindingItem({ ctx, f, names, owners, form, evidence }: { ctx: PageContext; f: FindingView; names: ValueNames; owners: Choice[]; form: FormState; evidence?: EvidenceList }) {
  const { t, lang } = ctx;
  return (
    <article class="afw-card" id={`finding-${f.number}`} aria-labelledby={`finding-${f.number}-title`}>
      <h3 class="utrecht-heading-3" id={`finding-${f.number}-title`}>{t("audits.finding_heading", { number: f.number, title: f.title })}</h3>
      <p class="utrecht-paragraph afw-prewrap">{f.description}</p>
      <FindingFacts ctx={ctx} f={f} names={names} />
      <Paragraph>{t("audits.finding.recorded_by", { name: f.createdByName, date: day(f.createdAt, lang) })}</Paragraph>
      <h4 class="utrecht-heading-4">{t("audits.finding.response")}</h4>
      <ResponseView ctx={ctx} f={f} />
      {f.mayRespond ? <RespondForm ctx={ctx} f={f} owners={owners} form={form} /> : null}
      {evidence ? <EvidencePanel ctx={ctx} list={evidence} headingLevel={4} label={ctx.t("evidence.panel_finding")} /> : null}
    </article>
  );
}

function FindingForm({ ctx, a, valueSet, form }: { ctx: PageContext; a: AuditView; valueSet: ValueChoice[]; form: FormState }) {
  const { t, lang } = ctx;
  const mine = part(form, "finding");
  const values = mine.values ?? { severity: "medium" };
  return (
    <section aria-labelledby="finding-new">
      <Heading2 id="finding-new">{t("audits.finding_new")}</Heading2>
      <PostForm action={`/audits/${a.id}/findings`} csrfToken={ctx.csrfToken} label={t("audits.finding_new")}>
        <ErrorSummary t={t} errors={mine.errors} />
        <SelectField t={t} name="projectId" label={t("audits.field.finding_project")} required options={a.scope.map((p) => ({ value: p.id, label: p.title }))} values={values} errors={mine.errors} />
        <TextField t={t} name="title" label={t("audits.field.finding_title")} required maxlength={LIMITS.findingTitle} values={values} errors={mine.errors} />
        <TextArea t={t} name="description" label={t("audits.field.finding_description")} required maxlength={LIMITS.findingDescription} rows={4} values={values} errors={mine.errors} />
        <SelectField t={t} name="severity" label={t("audits.field.severity")} required options={SEVERITIES.map((s) => ({ value: s, label: t(`audits.severity.${s}`) }))} values={values} errors={mine.errors} />
        <CheckboxGroupField t={t} name="values" legend={t("audits.field.finding_values")} options={valueOptions(valueSet, lang)} selected={form.errorsFor === "finding" ? (form.lists?.values ?? []) : []} errors={mine.errors} />
        <TextArea t={t} name="evidenceText" label={t("audits.field.evidence_text")} hint={t("audits.field.evidence_text_hint")} maxlength={LIMITS.evidenceText} rows={3} values={values} errors={mine.errors} />
        <TextArea t={t} name="evidenceLinks" label={t("audits.field.evidence_links")} hint={t("audits.field.evidence_links_hint")} maxlength={LIMITS.link * LIMITS.links + LIMITS.links} rows={3} values={values} errors={mine.errors} />
        <SubmitButton>{t("audits.finding_submit")}</SubmitButton>
      </PostForm>
    </section>
  );
}

function Evidence({ ctx, a, choices, form, evidence }: { ctx: PageContext; a: AuditView; choices: Choice[]; form: FormState; evidence?: EvidenceList }) {
  const { t } = ctx;
  const mine = part(form, "evidence");
  return (
    <section aria-labelledby="evidence">
      <Heading2 id="evidence">{t("audits.evidence")}</Heading2>
      {a.biasAudits.length ? (
        <ul class="utrecht-unordered-list">
          {a.biasAudits.map((b) => <li class="utrecht-unordered-list__item"><Link href={`/bias-audits/${b.id}`}>{t("audits.evidence_line", { name: b.name, project: b.projectTitle })}</Link></li>)}
        </ul>
      ) : (
        <Paragraph>{t("audits.evidence_empty")}</Paragraph>
      )}
      {a.may.attachEvidence ? (
        choices.length ? (
          <PostForm action={`/audits/${a.id}/bias-audits`} csrfToken={ctx.csrfToken} label={t("audits.evidence_submit")}>
            <ErrorSummary t={t} errors={mine.errors} />
            <SelectField t={t} name="biasAuditId" label={t("audits.field.bias_audit")} required options={choices} values={mine.values} errors={mine.errors} />
            <SubmitButton variant="secondary">{t("audits.evidence_submit")}</SubmitButton>
          </PostForm>
        ) : (
          <Paragraph>{t("audits.evidence_none_available")}</Paragraph>
        )
      ) : null}
      {evidence ? <EvidencePanel ctx={ctx} list={evidence} headingLevel={3} /> : null}
    </section>
  );
}

function Earlier({ ctx, a, names }: { ctx: PageContext; a: AuditView; names: ValueNames }) {
  const { t } = ctx;
  if (!a.earlier) return null;
  return (
    <section aria-labelledby="earlier">
      <Heading2 id="earlier">{t("audits.earlier", { title: a.earlier.title })}</Heading2>
      {a.earlier.findings.length === 0 ? <Paragraph>{t("audits.earlier_empty")}</Paragraph> : null}
      {a.earlier.findings.map((f) => (
        <article class="afw-card" aria-labelledby={`earlier-${f.number}`}>
          <h3 class="utrecht-heading-3" id={`earlier-${f.number}`}>{t("audits.finding_heading", { number: f.number, title: f.title })}</h3>
          <FindingFacts ctx={ctx} f={f} names={names} />
          <ResponseView ctx={ctx} f={f} />
        </article>
      ))}
    </section>
  );
}

/** One audit: facts, steps, findings with their responses, evidence and the earlier audit it follows up. */
export function AuditPage({ ctx, a, names, choices, form, evidence }: { ctx: PageContext; a: AuditView; names: ValueNames; choices: AuditPageChoices; form: FormState; evidence?: AuditEvidence }) {
  const { t } = ctx;
  const involved = a.involvedIn ? a.scope.find((p) => p.id === a.involvedIn)?.title : undefined;
  return (
    <>
      <Heading1>{a.title}</Heading1>
      {form.errorsFor === "_" ? <ErrorSummary t={t} errors={form.errors} /> : null}
      {involved ? <Alert kind="info">{t("audits.you_are_involved_note", { project: involved })}</Alert> : null}
      <div class="afw-actions">
        <ButtonLink href={`/audits/${a.id}/report`}>{t("audits.report_html")}</ButtonLink>
        <ButtonLink href={`/audits/${a.id}/report.pdf`}>{t("audits.report_pdf")}</ButtonLink>
      </div>
      <section aria-labelledby="facts">
        <Heading2 id="facts">{t("audits.facts")}</Heading2>
        <Facts ctx={ctx} a={a} names={names} />
      </section>
      <History ctx={ctx} a={a} form={form} />
      <section aria-labelledby="findings">
        <Heading2 id="findings">{t("audits.findings")}</Heading2>
        {a.findings.length === 0 ? <Paragraph>{t("audits.findings_empty")}</Paragraph> : null}
        {a.findings.map((f) => <FindingItem ctx={ctx} f={f} names={names} owners={choices.owners} form={form} evidence={evidence?.findings[f.id]} />)}
      </section>
      {a.may.recordFindings ? <FindingForm ctx={ctx} a={a} valueSet={choices.valueSet} form={form} /> : null}
      <Evidence ctx={ctx} a={a} choices={choices.biasAudits} form={form} evidence={evidence?.audit} />
      <Earlier ctx={ctx} a={a} names={names} />
    </>
  );
}
