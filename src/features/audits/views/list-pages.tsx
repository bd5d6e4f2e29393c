import type { FieldError } from "../../../platform/errors.ts";
import { CheckboxGroupField } from "../../../ui/choice-fields.tsx";
import { Alert, ButtonLink, Cell, Heading1, Heading2, Link, Pagination, Paragraph, Row, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { valueOptions, type ValueChoice, type ValueNames } from "../../expert-table/values.ts";
import type { Choice } from "../form-choices.ts";
import type { FindingView } from "../get-audit.ts";
import type { AuditPlanView } from "../list-audits.ts";
import { AUDIT_TYPES, LIMITS } from "../types.ts";
import { AuditStatusBadge, day, FindingFacts, shortDay } from "./parts.tsx";

type Form = { values?: Values; errors?: FieldError[]; errorsFor?: string };

function PlanForm({ ctx, view, form }: { ctx: PageContext; view: AuditPlanView; form: Form }) {
  const { t } = ctx;
  const mine = form.errorsFor === "plan";
  const values = mine ? form.values : { description: view.plan?.description ?? "" };
  return (
    <PostForm action={`/audits/plans/${view.year}`} csrfToken={ctx.csrfToken} label={t("audits.plan_save")}>
      {mine ? <ErrorSummary t={t} errors={form.errors} /> : null}
      <TextArea t={t} name="description" label={t("audits.plan_description")} hint={t("audits.plan_description_hint")} required maxlength={LIMITS.planDescription} rows={4} values={values} errors={mine ? form.errors : undefined} />
      <SubmitButton variant="secondary">{t("audits.plan_save")}</SubmitButton>
    </PostForm>
  );
}

function AuditTable({ ctx, view }: { ctx: PageContext; view: AuditPlanView }) {
  const { t, lang } = ctx;
  if (!view.items.length) return <Paragraph>{t("audits.list_empty")}</Paragraph>;
  return (
    <>
      <Table caption={t("audits.list_caption", { year: view.year, total: view.total })} headers={[t("audits.col.audit"), t("audits.col.period"), t("audits.col.status"), t("audits.col.findings")]}>
        {view.items.map((a) => (
          <Row>
            <Cell>
              <Link href={`/audits/${a.id}`}>{a.title}</Link>
              <br />
              <span>{t(`audits.type.${a.type}`)}: {a.projects.join(", ")}</span>
            </Cell>
            <Cell>{t("audits.period_short", { from: shortDay(a.periodFrom, lang), to: shortDay(a.periodTo, lang) })}</Cell>
            <Cell><AuditStatusBadge ctx={ctx} status={a.status} /></Cell>
            <Cell>{a.findings}</Cell>
          </Row>
        ))}
      </Table>
      <Pagination t={t} page={view.page} pageSize={view.pageSize} total={view.total} href={(p) => `/audits?year=${view.year}&page=${p}`} />
    </>
  );
}

/** The audit plan of a year with its audits. */
export function AuditsPage({ ctx, view, form }: { ctx: PageContext; view: AuditPlanView; form: Form }) {
  const { t, lang } = ctx;
  const others = view.years.filter((y) => y !== view.year);
  return (
    <>
      <Heading1>{t("audits.plan_title", { year: view.year })}</Heading1>
      <Paragraph lead>{t("audits.intro")}</Paragraph>
      <div class="afw-actions">
        {view.mayPlan && view.plan ? <ButtonLink href={`/audits/new?year=${view.year}`} variant="primary">{t("audits.new")}</ButtonLink> : null}
        <ButtonLink href="/audits/to-answer">{t("audits.to_answer_link")}</ButtonLink>
      </div>
      <section aria-labelledby="plan">
        <Heading2 id="plan">{t("audits.plan_heading")}</Heading2>
        {view.plan ? (
          <>
            <p class="utrecht-paragraph afw-prewrap">{view.plan.description}</p>
            <Paragraph>{t("audits.plan_updated", { name: view.plan.updatedByName, date: day(view.plan.updatedAt, lang) })}</Paragraph>
          </>
        ) : (
          <Paragraph>{t("audits.plan_none", { year: view.year })}</Paragraph>
        )}
        {view.mayPlan && view.plan ? (
          <details class="afw-details-toggle" open={form.errorsFor === "plan"}>
            <summary>{t("audits.plan_edit")}</summary>
            <PlanForm ctx={ctx} view={view} form={form} />
          </details>
        ) : null}
        {view.mayPlan && !view.plan ? <PlanForm ctx={ctx} view={view} form={form} /> : null}
      </section>
      <section aria-labelledby="audits">
        <Heading2 id="audits">{t("audits.title")}</Heading2>
        <AuditTable ctx={ctx} view={view} />
      </section>
      {others.length ? (
        <nav aria-labelledby="years">
          <Heading2 id="years">{t("audits.years")}</Heading2>
          <ul class="utrecht-unordered-list">
            {others.map((y) => <li class="utrecht-unordered-list__item"><Link href={`/audits?year=${y}`}>{t("audits.year_link", { year: y })}</Link></li>)}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

export interface NewAuditChoices {
  projects: Choice[];
  auditors: Choice[];
  earlier: Choice[];
  valueSet: ValueChoice[];
}

/** The form to plan an audit. */
export function NewAuditPage({ ctx, year, hasPlan, choices, values, lists, errors }: { ctx: PageContext; year: number; hasPlan: boolean; choices: NewAuditChoices; values?: Values; lists?: Record<string, string[]>; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const v: Values = values ?? { year: String(year), type: "algorithm" };
  return (
    <>
      <Heading1>{t("audits.new")}</Heading1>
      <Paragraph>{t("audits.new_intro")}</Paragraph>
      {hasPlan ? null : <Alert kind="warning">{t("audits.new_needs_plan")}</Alert>}
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/audits" csrfToken={ctx.csrfToken}>
        <input type="hidden" name="year" value={v.year ?? String(year)} />
        <TextField t={t} name="title" label={t("audits.field.title")} required maxlength={LIMITS.title} values={v} errors={errors} />
        <SelectField t={t} name="type" label={t("audits.field.type")} required options={AUDIT_TYPES.map((x) => ({ value: x, label: t(`audits.type.${x}`) }))} values={v} errors={errors} />
        <CheckboxGroupField t={t} name="projectIds" legend={t("audits.field.projects")} required options={choices.projects} selected={lists?.projectIds ?? []} errors={errors} />
        <CheckboxGroupField t={t} name="criteriaValues" legend={t("audits.field.criteria_values")} options={valueOptions(choices.valueSet, lang)} selected={lists?.criteriaValues ?? []} errors={errors} />
        <TextArea t={t} name="requirements" label={t("audits.field.requirements")} hint={t("audits.field.requirements_hint")} maxlength={LIMITS.requirements} rows={3} values={v} errors={errors} />
        <TextField t={t} name="periodFrom" label={t("audits.field.period_from")} hint={t("audits.field.date_hint")} required maxlength={10} values={v} errors={errors} />
        <TextField t={t} name="periodTo" label={t("audits.field.period_to")} hint={t("audits.field.date_hint")} required maxlength={10} values={v} errors={errors} />
        <CheckboxGroupField t={t} name="auditorIds" legend={t("audits.field.auditors")} hint={t("audits.field.auditors_hint")} required options={choices.auditors} selected={lists?.auditorIds ?? []} errors={errors} />
        <SelectField t={t} name="followsAuditId" label={t("audits.field.follows")} options={[{ value: "", label: t("audits.field.follows_none") }, ...choices.earlier]} values={v} errors={errors} />
        <SubmitButton>{t("audits.plan_submit")}</SubmitButton>
      </PostForm>
    </>
  );
}

/** The findings waiting for the person's management response. */
export function ToAnswerPage({ ctx, findings, names }: { ctx: PageContext; findings: (FindingView & { auditTitle: string })[]; names: ValueNames }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("audits.to_answer_title")}</Heading1>
      <Paragraph lead>{t("audits.to_answer_intro")}</Paragraph>
      {findings.length === 0 ? <Paragraph>{t("audits.to_answer_empty")}</Paragraph> : null}
      {findings.map((f) => (
        <section class="afw-card" aria-labelledby={`f-${f.id}`}>
          <h2 class="utrecht-heading-2" id={`f-${f.id}`}>
            <Link href={`/audits/${f.auditId}#finding-${f.number}`}>{t("audits.panel.finding_line", { audit: f.auditTitle, number: f.number, title: f.title })}</Link>
          </h2>
          <p class="utrecht-paragraph afw-prewrap">{f.description}</p>
          <FindingFacts ctx={ctx} f={f} names={names} />
        </section>
      ))}
    </>
  );
}
