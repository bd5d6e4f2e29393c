import type { FieldError } from "../../platform/errors.ts";
import { ButtonLink, Cell, formatDate, formatDateTime, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/page-context.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { RadioGroupField as RadioGroup } from "../../ui/choice-fields.tsx";
import { MEASURE_LIMITS, REVIEW_CADENCES, SETTABLE_STATUSES } from "./inputs.ts";
import type { Measure } from "./measure-rows.ts";
import type { EvidenceList } from "../evidence/queries.ts";
import { EvidencePanel } from "../evidence/views/panel.tsx";

type Person = { id: string; name: string };

export function MeasureStatusBadge({ ctx, measure }: { ctx: PageContext; measure: Measure }) {
  const { t } = ctx;
  const status = measure.status === "done" || measure.status === "explained" ? "valid" : measure.status === "awaiting_signoff" ? "warning" : "neutral";
  return (
    <>
      <StatusBadge status={status}>{t(`measures.status.${measure.status}`)}</StatusBadge>
      {measure.overdue ? <> <StatusBadge status="invalid">{t("measures.overdue")}</StatusBadge></> : null}
    </>
  );
}

function due(ctx: PageContext, m: Measure): string {
  return m.dueDate ? formatDate(`${m.dueDate}T12:00:00Z`, ctx.lang) : ctx.t("measures.no_due_date");
}

function MeasureTable({ ctx, projectId, measures, caption }: { ctx: PageContext; projectId: string; measures: Measure[]; caption: string }) {
  const { t } = ctx;
  return (
    <Table caption={caption} headers={[t("measures.col.title"), t("measures.col.owner"), t("measures.col.due"), t("measures.col.status"), t("measures.col.source")]}>
      {measures.map((m) => (
        <Row>
          <Cell><Link href={`/projects/${projectId}/measures/${m.id}`}>{m.title}</Link></Cell>
          <Cell>{m.ownerName ?? t("measures.no_owner")}</Cell>
          <Cell>{due(ctx, m)}</Cell>
          <Cell><MeasureStatusBadge ctx={ctx} measure={m} /></Cell>
          <Cell>{t(`measures.source.${m.source.type}`)}</Cell>
        </Row>
      ))}
    </Table>
  );
}

/** The measures section on the project page. */
export function MeasuresPanel({ ctx, project, measures }: { ctx: PageContext; project: ProjectRef; measures: Measure[] }) {
  const { t } = ctx;
  const closed = measures.filter((m) => m.status === "done" || m.status === "explained").length;
  const overdue = measures.filter((m) => m.overdue).length;
  const open = measures.filter((m) => m.status !== "done" && m.status !== "explained");
  return (
    <section aria-labelledby="measures-panel">
      <Heading2 id="measures-panel">{t("measures.title")}</Heading2>
      {measures.length === 0 ? (
        <Paragraph>{t("measures.panel.none")}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("measures.panel.summary", { total: measures.length, closed })}</Paragraph>
          {overdue ? <Paragraph><StatusBadge status="invalid">{t("measures.panel.overdue", { count: overdue })}</StatusBadge></Paragraph> : null}
          {open.length ? <MeasureTable ctx={ctx} projectId={project.id} measures={open.slice(0, 5)} caption={t("measures.panel.open_caption")} /> : null}
        </>
      )}
      <div class="afw-actions"><ButtonLink href={`/projects/${project.id}/measures`}>{t("measures.panel.all")}</ButtonLink></div>
    </section>
  );
}

function MeasureFields({ ctx, people, values, errors }: { ctx: PageContext; people: Person[]; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <TextField t={t} name="title" label={t("measures.field.title")} required maxlength={MEASURE_LIMITS.title} values={values} errors={errors} />
      <TextArea t={t} name="description" label={t("measures.field.description")} rows={3} maxlength={MEASURE_LIMITS.description} values={values} errors={errors} />
      <SelectField t={t} name="ownerUserId" label={t("measures.field.owner")} hint={t("measures.field.owner_hint")} options={[{ value: "", label: t("measures.no_owner") }, ...people.map((p) => ({ value: p.id, label: p.name }))]} values={values} errors={errors} />
      <TextField t={t} name="dueDate" type="date" label={t("measures.field.due")} hint={t("measures.field.due_hint")} maxlength={MEASURE_LIMITS.date} values={values} errors={errors} />
      <SelectField t={t} name="reviewCadence" label={t("measures.field.cadence")} options={REVIEW_CADENCES.map((c) => ({ value: c, label: t(`measures.cadence.${c}`) }))} values={values} errors={errors} />
    </>
  );
}

export function MeasuresPage(props: { ctx: PageContext; project: ProjectRef; measures: Measure[]; people: Person[]; mayAdd: boolean; values?: Values; errors?: FieldError[] }) {
  const { ctx, project, measures } = props;
  const { t } = ctx;
  return (
    <>
      <Paragraph><Link href={`/projects/${project.id}`}>{t("measures.back_to_project", { title: project.title })}</Link></Paragraph>
      <Heading1>{t("measures.page_title", { title: project.title })}</Heading1>
      <Paragraph lead>{t("measures.intro")}</Paragraph>
      <ErrorSummary t={t} errors={props.errors} />
      {measures.length === 0 ? <Paragraph>{t("measures.none")}</Paragraph> : <MeasureTable ctx={ctx} projectId={project.id} measures={measures} caption={t("measures.count", { total: measures.length })} />}
      {props.mayAdd ? (
        <section aria-labelledby="measure-new">
          <Heading2 id="measure-new">{t("measures.add")}</Heading2>
          <PostForm action={`/projects/${project.id}/measures`} csrfToken={ctx.csrfToken} label={t("measures.add")}>
            <MeasureFields ctx={ctx} people={props.people} values={props.values ?? { reviewCadence: "none" }} errors={props.errors} />
            <SubmitButton>{t("measures.add_submit")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

export function MeasurePage(props: {
  ctx: PageContext;
  project: ProjectRef;
  measure: Measure;
  people: Person[];
  may: { edit: boolean; status: boolean; signOff: boolean };
  values?: Values;
  errors?: FieldError[];
  errorsFor?: "edit" | "status" | "signoff";
  evidence?: EvidenceList;
}) {
  const { ctx, project, measure: m, may, errorsFor } = props;
  const { t } = ctx;
  const base = `/projects/${project.id}/measures/${m.id}`;
  const errorsOf = (part: string) => (errorsFor === part ? props.errors : undefined);
  const valuesOf = (part: string) => (errorsFor === part ? props.values : undefined);
  return (
    <>
      <Paragraph><Link href={`/projects/${project.id}/measures`}>{t("measures.back_to_list")}</Link></Paragraph>
      <Heading1>{m.title}</Heading1>
      <Paragraph><MeasureStatusBadge ctx={ctx} measure={m} /></Paragraph>
      <ErrorSummary t={t} errors={props.errors} />
      <MeasureDetails ctx={ctx} project={project} measure={m} />
      {props.evidence ? <EvidencePanel ctx={ctx} list={props.evidence} /> : null}

      {m.status === "awaiting_signoff" ? <SignOffSection ctx={ctx} measure={m} base={base} maySignOff={may.signOff} /> : null}

      {may.status ? (
        <section aria-labelledby="measure-status">
          <Heading2 id="measure-status">{t("measures.status.title")}</Heading2>
          <Paragraph>{t("measures.status.intro")}</Paragraph>
          <PostForm action={`${base}/status`} csrfToken={ctx.csrfToken} label={t("measures.status.title")}>
            <RadioGroup
              t={t}
              name="status"
              legend={t("measures.field.status")}
              required
              options={SETTABLE_STATUSES.map((s) => ({ value: s, label: t(`measures.status_option.${s}`) }))}
              selected={valuesOf("status")?.status ?? (m.status === "awaiting_signoff" ? "done" : m.status)}
              errors={errorsOf("status")}
            />
            <TextArea t={t} name="evidence" label={t("measures.field.evidence")} hint={t("measures.field.evidence_hint")} rows={3} maxlength={MEASURE_LIMITS.evidence} values={valuesOf("status") ?? { evidence: m.evidence ?? "" }} errors={errorsOf("status")} />
            <TextArea t={t} name="explanation" label={t("measures.field.explanation")} hint={t("measures.field.explanation_hint")} rows={3} maxlength={MEASURE_LIMITS.explanation} values={valuesOf("status") ?? { explanation: m.explanation ?? "" }} errors={errorsOf("status")} />
            <SubmitButton>{t("measures.status.submit")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}

      {may.edit ? (
        <section aria-labelledby="measure-edit">
          <Heading2 id="measure-edit">{t("measures.edit")}</Heading2>
          <PostForm action={base} csrfToken={ctx.csrfToken} label={t("measures.edit")}>
            <MeasureFields
              ctx={ctx}
              people={props.people}
              values={valuesOf("edit") ?? { title: m.title, description: m.description, ownerUserId: m.ownerUserId ?? "", dueDate: m.dueDate ?? "", reviewCadence: m.reviewCadence }}
              errors={errorsOf("edit")}
            />
            <SubmitButton variant="secondary">{t("measures.save")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

function MeasureDetails({ ctx, project, measure: m }: { ctx: PageContext; project: ProjectRef; measure: Measure }) {
  const { t } = ctx;
  return (
    <dl class="afw-details">
      <dt>{t("measures.field.project")}</dt>
      <dd><Link href={`/projects/${project.id}`}>{project.title}</Link></dd>
      <dt>{t("measures.field.description")}</dt>
      <dd class="afw-change">{m.description || t("measures.empty_value")}</dd>
      <dt>{t("measures.field.owner")}</dt>
      <dd>{m.ownerName ?? t("measures.no_owner")}</dd>
      <dt>{t("measures.field.due")}</dt>
      <dd>{due(ctx, m)}</dd>
      <dt>{t("measures.field.cadence")}</dt>
      <dd>{t(`measures.cadence.${m.reviewCadence}`)}</dd>
      <dt>{t("measures.field.source")}</dt>
      <dd>{t(`measures.source.${m.source.type}`)}</dd>
      <dt>{t("measures.field.evidence")}</dt>
      <dd class="afw-change">{m.evidence || t("measures.empty_value")}</dd>
      {m.status === "explained" ? (
        <>
          <dt>{t("measures.field.explanation")}</dt>
          <dd class="afw-change">{m.explanation}</dd>
        </>
      ) : null}
      {m.signedOffAt ? (
        <>
          <dt>{t("measures.signed_off")}</dt>
          <dd>{t("measures.signed_off_by", { name: m.signedOffByName ?? "", date: formatDateTime(m.signedOffAt, ctx.lang) })}</dd>
        </>
      ) : null}
    </dl>
  );
}

function SignOffSection({ ctx, measure: m, base, maySignOff: may }: { ctx: PageContext; measure: Measure; base: string; maySignOff: boolean }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="measure-signoff">
      <Heading2 id="measure-signoff">{t("measures.signoff.title")}</Heading2>
      <Paragraph>{t("measures.signoff.intro")}</Paragraph>
      {may ? (
        <PostForm action={`${base}/signoff`} csrfToken={ctx.csrfToken} label={t("measures.signoff.title")}>
          <input type="hidden" name="expectedStatus" value={m.status} />
          <SubmitButton>{t("measures.signoff.submit")}</SubmitButton>
        </PostForm>
      ) : (
        <Paragraph>{t("measures.signoff.not_you")}</Paragraph>
      )}
    </section>
  );
}
