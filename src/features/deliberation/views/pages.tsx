import type { Instrument } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { CheckboxGroupField } from "../../../ui/choice-fields.tsx";
import { Alert, ButtonLink, Cell, formatDate, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { choiceNames, valueNameList, valueOptions, type ValueChoice } from "../../expert-table/values.ts";
import { InlineAction } from "../../expert-table/views/inline-action.tsx";
import type { AwarenessYear } from "../awareness.ts";
import { ACTIVITY_KINDS } from "../awareness.ts";
import { LIMITS } from "../limits.ts";
import { METHODS, PARTICIPANT_ROLES, type DeliberationListItem, type DeliberationStatus, type DeliberationView } from "../service.ts";
import { StepFields, type StepForm } from "./step-form.tsx";

const day = (d: string, lang: string) => formatDate(d.length === 10 ? `${d}T12:00:00Z` : d, lang);
const STATUS: Record<DeliberationStatus, "warning" | "valid" | "neutral"> = { open: "warning", closed: "valid", escalated: "neutral" };

export function StatusBadgeFor({ ctx, status }: { ctx: PageContext; status: DeliberationStatus }) {
  return <StatusBadge status={STATUS[status]}>{ctx.t(`deliberation.status.${status}`)}</StatusBadge>;
}

export function DeliberationsPage({ ctx, items, canOpen, canAwareness }: { ctx: PageContext; items: DeliberationListItem[]; canOpen: boolean; canAwareness: boolean }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("deliberation.title")}</Heading1>
      <Paragraph lead>{t("deliberation.intro")}</Paragraph>
      <div class="afw-actions">
        {canOpen ? <ButtonLink href="/deliberations/new" variant="primary">{t("deliberation.new")}</ButtonLink> : null}
        {canAwareness ? <ButtonLink href="/awareness">{t("deliberation.awareness.title")}</ButtonLink> : null}
      </div>
      {items.length === 0 ? (
        <Paragraph>{t("deliberation.empty")}</Paragraph>
      ) : (
        <Table caption={t("deliberation.caption", { total: items.length })} headers={[t("deliberation.col.case"), t("deliberation.col.method"), t("deliberation.col.date"), t("deliberation.col.project"), t("deliberation.col.status")]}>
          {items.map((d) => (
            <Row>
              <Cell><Link href={`/deliberations/${d.id}`}>{d.title}</Link></Cell>
              <Cell>{t(`deliberation.method.${d.method}`)}</Cell>
              <Cell>{day(d.heldOn, lang)}</Cell>
              <Cell>{d.projectTitle ?? "—"}</Cell>
              <Cell><StatusBadgeFor ctx={ctx} status={d.status} /></Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}

export function NewDeliberationPage({ ctx, projects, values, errors }: { ctx: PageContext; projects: { id: string; title: string }[]; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  const isAdvisor = ctx.actor?.organisationRoles.has("ethics_advisor");
  return (
    <>
      <Heading1>{t("deliberation.new")}</Heading1>
      <Paragraph>{t("deliberation.new_intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/deliberations" csrfToken={ctx.csrfToken}>
        <TextField t={t} name="title" label={t("deliberation.case_title")} required maxlength={LIMITS.title} values={values} errors={errors} />
        <TextArea t={t} name="caseDescription" label={t("deliberation.case_description")} hint={t("deliberation.case_description_hint")} required maxlength={LIMITS.caseDescription} rows={5} values={values} errors={errors} />
        <SelectField t={t} name="method" label={t("deliberation.method")} required options={METHODS.map((m) => ({ value: m, label: t(`deliberation.method.${m}`) }))} values={values} errors={errors} />
        <SelectField t={t} name="projectId" label={t("deliberation.project")} required={!isAdvisor} options={[...(isAdvisor ? [{ value: "", label: t("deliberation.no_project") }] : []), ...projects.map((p) => ({ value: p.id, label: p.title }))]} values={values} errors={errors} />
        <TextField t={t} name="heldOn" type="date" label={t("deliberation.held_on")} hint={t("deliberation.date_hint")} required maxlength={LIMITS.date} values={values} errors={errors} />
        <SubmitButton>{t("deliberation.open")}</SubmitButton>
      </PostForm>
    </>
  );
}

type FormState = { values?: Values; errors?: FieldError[]; errorsFor?: string };
type PartProps = { ctx: PageContext; d: DeliberationView; form: FormState };
type Person = { id: string; name: string };

/** The errors and input of one form of the page shown again, or nothing for the other forms. */
function formPart(form: FormState, part: string): { values?: Values; errors?: FieldError[] } {
  return form.errorsFor === part ? { values: form.values, errors: form.errors } : {};
}

function personOptions(ctx: PageContext, people: Person[]) {
  return [{ value: "", label: ctx.t("deliberation.no_account") }, ...people.map((p) => ({ value: p.id, label: p.name }))];
}

function Facts({ ctx, d }: { ctx: PageContext; d: DeliberationView }) {
  const { t, lang } = ctx;
  return (
    <dl class="afw-facts">
      <dt>{t("deliberation.col.status")}</dt>
      <dd><StatusBadgeFor ctx={ctx} status={d.status} /></dd>
      <dt>{t("deliberation.method")}</dt>
      <dd>{t("deliberation.method_version", { method: t(`deliberation.method.${d.method}`), version: d.methodVersion })}</dd>
      <dt>{t("deliberation.held_on")}</dt>
      <dd>{day(d.heldOn, lang)}</dd>
      <dt>{t("deliberation.facilitator")}</dt>
      <dd>{d.facilitator}</dd>
      <dt>{t("deliberation.project")}</dt>
      <dd>{d.projectTitle ?? "—"}</dd>
      <dt>{t("deliberation.case_description")}</dt>
      <dd class="afw-prewrap">{d.caseDescription}</dd>
    </dl>
  );
}

function Participants({ ctx, d, form, people }: PartProps & { people: Person[] }) {
  const { t } = ctx;
  const part = formPart(form, "participant");
  return (
    <section aria-labelledby="participants">
      <Heading2 id="participants">{t("deliberation.participants")}</Heading2>
      <ul class="utrecht-unordered-list">
        {d.participants.map((p) => (
          <li class="utrecht-unordered-list__item">
            {p.name} — {t(`deliberation.role.${p.role}`)}
            {d.may.edit && p.role !== "facilitator" ? <> <InlineAction ctx={ctx} action={`/deliberations/${d.id}/participants/${p.id}/remove`} text={t("deliberation.remove")} label={t("deliberation.participant_remove_label", { name: p.name })} /></> : null}
          </li>
        ))}
      </ul>
      {d.may.edit ? (
        <PostForm action={`/deliberations/${d.id}/participants`} csrfToken={ctx.csrfToken} label={t("deliberation.participant_add")}>
          <TextField t={t} name="name" label={t("deliberation.participant_name")} required maxlength={LIMITS.name} values={part.values} errors={part.errors} />
          <SelectField t={t} name="role" label={t("deliberation.participant_role")} required options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`deliberation.role.${r}`) }))} values={part.values ?? { role: "participant" }} errors={part.errors} />
          <SelectField t={t} name="userId" label={t("deliberation.participant_user")} options={personOptions(ctx, people)} values={part.values} errors={part.errors} />
          <SubmitButton variant="secondary">{t("deliberation.participant_add")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

function Steps({ ctx, d, instrument }: { ctx: PageContext; d: DeliberationView; instrument: Instrument }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="steps">
      <Heading2 id="steps">{t("deliberation.steps")}</Heading2>
      <ol class="utrecht-ordered-list">
        {instrument.sections.map((s) => {
          const step = d.steps.find((x) => x.sectionId === s.id);
          return (
            <li class="utrecht-ordered-list__item">
              <Link href={`/deliberations/${d.id}/steps/${s.id}`}>{s.title[lang]}</Link> <StatusBadge status={step?.status === "complete" ? "valid" : step?.status === "in_progress" ? "warning" : "neutral"}>{t(`deliberation.step_status.${step?.status ?? "not_started"}`)}</StatusBadge>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function RecordForm({ ctx, d, form, valueSet, selectedValues }: PartProps & { valueSet: ValueChoice[]; selectedValues?: string[] }) {
  const { t, lang } = ctx;
  const part = formPart(form, "record");
  const values: Values = part.values ?? { moralQuestion: d.moralQuestion, stakeholders: d.stakeholders, options: d.options, conclusion: d.conclusion };
  return (
    <PostForm action={`/deliberations/${d.id}/record`} csrfToken={ctx.csrfToken} label={t("deliberation.record")}>
      <TextArea t={t} name="moralQuestion" label={t("deliberation.moral_question")} maxlength={LIMITS.moralQuestion} rows={2} values={values} errors={part.errors} />
      <TextArea t={t} name="stakeholders" label={t("deliberation.stakeholders")} maxlength={LIMITS.stakeholders} rows={3} values={values} errors={part.errors} />
      <CheckboxGroupField t={t} name="values" legend={t("deliberation.values_in_tension")} options={valueOptions(valueSet, lang)} selected={part.values ? (selectedValues ?? []) : d.values} errors={part.errors} />
      <TextArea t={t} name="options" label={t("deliberation.options")} maxlength={LIMITS.options} rows={3} values={values} errors={part.errors} />
      <TextArea t={t} name="conclusion" label={t("deliberation.conclusion")} maxlength={LIMITS.conclusion} rows={4} values={values} errors={part.errors} />
      <SubmitButton variant="secondary">{t("deliberation.record_save")}</SubmitButton>
    </PostForm>
  );
}

function RecordFacts({ ctx, d, valueSet }: { ctx: PageContext; d: DeliberationView; valueSet: ValueChoice[] }) {
  const { t, lang } = ctx;
  return (
    <dl class="afw-facts">
      <dt>{t("deliberation.moral_question")}</dt>
      <dd class="afw-prewrap">{d.moralQuestion || "—"}</dd>
      <dt>{t("deliberation.stakeholders")}</dt>
      <dd class="afw-prewrap">{d.stakeholders || "—"}</dd>
      <dt>{t("deliberation.values_in_tension")}</dt>
      <dd>{valueNameList(choiceNames(valueSet), d.values, lang) || "—"}</dd>
      <dt>{t("deliberation.options")}</dt>
      <dd class="afw-prewrap">{d.options || "—"}</dd>
      <dt>{t("deliberation.conclusion")}</dt>
      <dd class="afw-prewrap">{d.conclusion || "—"}</dd>
    </dl>
  );
}

function Positions({ ctx, d, form }: PartProps) {
  const { t } = ctx;
  const part = formPart(form, "position");
  return (
    <section aria-labelledby="positions">
      <Heading2 id="positions">{t("deliberation.positions")}</Heading2>
      {d.positions.length === 0 ? <Paragraph>{t("deliberation.positions_empty")}</Paragraph> : null}
      <ul class="utrecht-unordered-list">
        {d.positions.map((p) => (
          <li class="utrecht-unordered-list__item"><strong>{p.holder}</strong>: {p.position} — <span class="afw-prewrap">{p.arguments}</span></li>
        ))}
      </ul>
      {d.may.edit ? (
        <PostForm action={`/deliberations/${d.id}/positions`} csrfToken={ctx.csrfToken} label={t("deliberation.position_add")}>
          <TextField t={t} name="holder" label={t("deliberation.position_holder")} hint={t("deliberation.position_holder_hint")} required maxlength={LIMITS.name} values={part.values} errors={part.errors} />
          <TextField t={t} name="position" label={t("deliberation.position")} required maxlength={LIMITS.position} values={part.values} errors={part.errors} />
          <TextArea t={t} name="arguments" label={t("deliberation.arguments")} required maxlength={LIMITS.arguments} rows={3} values={part.values} errors={part.errors} />
          <SubmitButton variant="secondary">{t("deliberation.position_add")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

function Actions({ ctx, d, form, people }: PartProps & { people: Person[] }) {
  const { t, lang } = ctx;
  const part = formPart(form, "action");
  return (
    <section aria-labelledby="actions">
      <Heading2 id="actions">{t("deliberation.actions")}</Heading2>
      {d.actions.length === 0 ? <Paragraph>{t("deliberation.actions_empty")}</Paragraph> : null}
      <ul class="utrecht-unordered-list">
        {d.actions.map((a) => (
          <li class="utrecht-unordered-list__item">
            {a.title}
            {a.ownerName ? ` — ${a.ownerName}` : ""}
            {a.dueDate ? ` — ${day(a.dueDate, lang)}` : ""}
            {a.measureId ? ` — ${t("deliberation.is_measure")}` : null}
            {!a.measureId && d.may.makeMeasure ? <> <InlineAction ctx={ctx} action={`/deliberations/${d.id}/actions/${a.id}/measure`} text={t("deliberation.make_measure")} label={t("deliberation.make_measure_label", { title: a.title })} /></> : null}
          </li>
        ))}
      </ul>
      {d.may.edit ? (
        <PostForm action={`/deliberations/${d.id}/actions`} csrfToken={ctx.csrfToken} label={t("deliberation.action_add")}>
          <TextField t={t} name="title" label={t("deliberation.action_title")} required maxlength={LIMITS.actionTitle} values={part.values} errors={part.errors} />
          <TextArea t={t} name="description" label={t("deliberation.action_description")} maxlength={LIMITS.actionDescription} rows={2} values={part.values} errors={part.errors} />
          <SelectField t={t} name="ownerUserId" label={t("deliberation.action_owner")} options={personOptions(ctx, people)} values={part.values} errors={part.errors} />
          <TextField t={t} name="dueDate" type="date" label={t("deliberation.action_due")} maxlength={LIMITS.date} values={part.values} errors={part.errors} />
          <SubmitButton variant="secondary">{t("deliberation.action_add")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

function Finish({ ctx, d }: { ctx: PageContext; d: DeliberationView }) {
  const { t } = ctx;
  if (!d.may.edit) return null;
  return (
    <section aria-labelledby="finish">
      <Heading2 id="finish">{t("deliberation.finish")}</Heading2>
      <Paragraph>{t("deliberation.finish_intro")}</Paragraph>
      <div class="afw-actions">
        <PostForm action={`/deliberations/${d.id}/close`} csrfToken={ctx.csrfToken} class="afw-inline-form">
          <SubmitButton variant="secondary">{t("deliberation.close")}</SubmitButton>
        </PostForm>
        <PostForm action={`/deliberations/${d.id}/escalate`} csrfToken={ctx.csrfToken} class="afw-inline-form">
          <SubmitButton>{t("deliberation.escalate")}</SubmitButton>
        </PostForm>
      </div>
    </section>
  );
}

export function DeliberationPage(props: { ctx: PageContext; d: DeliberationView; instrument: Instrument; people: Person[]; valueSet: ValueChoice[]; selectedValues?: string[] } & FormState) {
  const { ctx, d } = props;
  const { t } = ctx;
  const parts: PartProps = { ctx, d, form: props };
  return (
    <>
      <Heading1>{d.title}</Heading1>
      <ErrorSummary t={t} errors={props.errors} />
      {d.status === "escalated" && d.committeeCaseId ? (
        <Alert kind="info">{t("deliberation.escalated_notice")} <Link href={`/committee/cases/${d.committeeCaseId}`}>{t("deliberation.committee_case")}</Link></Alert>
      ) : null}
      <Facts ctx={ctx} d={d} />
      <Participants {...parts} people={props.people} />
      <Steps ctx={ctx} d={d} instrument={props.instrument} />
      <section aria-labelledby="record">
        <Heading2 id="record">{t("deliberation.record")}</Heading2>
        {d.may.edit ? <RecordForm {...parts} valueSet={props.valueSet} selectedValues={props.selectedValues} /> : <RecordFacts ctx={ctx} d={d} valueSet={props.valueSet} />}
      </section>
      <Positions {...parts} />
      <Actions {...parts} people={props.people} />
      <Finish ctx={ctx} d={d} />
    </>
  );
}

export function StepPage({ ctx, d, instrument, sectionId, form, valueSet, errors }: { ctx: PageContext; d: DeliberationView; instrument: Instrument; sectionId: string; form: StepForm; valueSet: ValueChoice[]; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const section = instrument.sections.find((s) => s.id === sectionId)!;
  const index = instrument.sections.indexOf(section);
  const next = instrument.sections[index + 1];
  return (
    <>
      <Heading1>{section.title[lang]}</Heading1>
      <Paragraph>{t("deliberation.step_of", { n: index + 1, total: instrument.sections.length, title: d.title })}</Paragraph>
      {section.intro ? <Paragraph>{section.intro[lang]}</Paragraph> : null}
      <ErrorSummary t={t} errors={errors} />
      {d.may.edit ? (
        <PostForm action={`/deliberations/${d.id}/steps/${section.id}`} csrfToken={ctx.csrfToken}>
          <StepFields t={t} lang={lang} section={section} form={form} valueSet={valueSet} errors={errors} />
          <input type="hidden" name="_next" value={next ? next.id : ""} />
          <SubmitButton>{next ? t("deliberation.step_save_next") : t("deliberation.step_save")}</SubmitButton>
        </PostForm>
      ) : (
        <Paragraph>{t("deliberation.read_only")}</Paragraph>
      )}
      <Paragraph><Link href={`/deliberations/${d.id}`}>{t("deliberation.back")}</Link></Paragraph>
    </>
  );
}

export function AwarenessPage({ ctx, overview, canRecord, people, values, selectedPeople, errors }: { ctx: PageContext; overview: AwarenessYear; canRecord: boolean; people: Person[]; values?: Values; selectedPeople?: string[]; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("deliberation.awareness.title")}</Heading1>
      <Paragraph lead>{t("deliberation.awareness.intro")}</Paragraph>
      <form method="get" action="/awareness" class="utrecht-form afw-filter" aria-label={t("deliberation.awareness.year")}>
        <TextField t={t} name="year" type="number" label={t("deliberation.awareness.year")} maxlength={4} values={{ year: String(overview.year) }} />
        <div class="utrecht-form-field"><SubmitButton variant="secondary">{t("deliberation.awareness.show")}</SubmitButton></div>
      </form>
      <Table caption={t("deliberation.awareness.quarters_caption", { year: overview.year })} headers={[t("deliberation.awareness.quarter"), t("deliberation.awareness.activities"), t("deliberation.awareness.participants"), t("deliberation.awareness.unique"), t("deliberation.awareness.cumulative")]}>
        {overview.quarters.map((q) => (
          <Row>
            <Cell>{t("deliberation.awareness.q", { q: q.quarter })}</Cell>
            <Cell>{q.activities}</Cell>
            <Cell>{q.participants}</Cell>
            <Cell>{q.uniquePeople}</Cell>
            <Cell>{q.cumulativeUniquePeople}</Cell>
          </Row>
        ))}
      </Table>
      <Paragraph>{t("deliberation.awareness.by_kind", overview.byKind)}</Paragraph>
      {overview.activities.length ? (
        <Table caption={t("deliberation.awareness.list_caption")} headers={[t("deliberation.col.date"), t("deliberation.awareness.kind"), t("deliberation.awareness.topic"), t("deliberation.awareness.participants")]}>
          {overview.activities.map((a) => (
            <Row>
              <Cell>{day(a.date, lang)}</Cell>
              <Cell>{t(`deliberation.awareness.kind.${a.kind}`)}</Cell>
              <Cell>{a.topic}</Cell>
              <Cell>{a.participants.join(", ")}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>{t("deliberation.awareness.empty")}</Paragraph>
      )}
      {canRecord ? (
        <section aria-labelledby="aw-new">
          <Heading2 id="aw-new">{t("deliberation.awareness.record")}</Heading2>
          <ErrorSummary t={t} errors={errors} />
          <PostForm action="/awareness" csrfToken={ctx.csrfToken} label={t("deliberation.awareness.record")}>
            <SelectField t={t} name="kind" label={t("deliberation.awareness.kind")} required options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`deliberation.awareness.kind.${k}`) }))} values={values} errors={errors} />
            <TextField t={t} name="date" type="date" label={t("deliberation.col.date")} required maxlength={LIMITS.date} values={values} errors={errors} />
            <TextField t={t} name="topic" label={t("deliberation.awareness.topic")} required maxlength={LIMITS.topic} values={values} errors={errors} />
            <TextArea t={t} name="participantNames" label={t("deliberation.awareness.names")} hint={t("deliberation.awareness.names_hint")} maxlength={LIMITS.participantNames} rows={4} values={values} errors={errors} />
            <CheckboxGroupField t={t} name="participantUserIds" legend={t("deliberation.awareness.users")} options={people.map((p) => ({ value: p.id, label: p.name }))} selected={selectedPeople ?? []} errors={errors} />
            <SubmitButton>{t("deliberation.awareness.save")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
