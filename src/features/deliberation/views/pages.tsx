import type { Instrument } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Alert, ButtonLink, Cell, formatDate, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { valueLabelKey } from "../../expert-table/values.ts";
import { ValueCheckboxes, valuesToForm } from "../../committee/views/fields.tsx";
import type { AwarenessYear } from "../awareness.ts";
import { ACTIVITY_KINDS } from "../awareness.ts";
import { METHODS, PARTICIPANT_ROLES, type DeliberationListItem, type DeliberationStatus, type DeliberationView } from "../service.ts";
import { StepFields } from "./step-form.tsx";

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
        <TextField t={t} name="title" label={t("deliberation.case_title")} required maxlength={200} values={values} errors={errors} />
        <TextArea t={t} name="caseDescription" label={t("deliberation.case_description")} hint={t("deliberation.case_description_hint")} required maxlength={8000} rows={5} values={values} errors={errors} />
        <SelectField t={t} name="method" label={t("deliberation.method")} required options={METHODS.map((m) => ({ value: m, label: t(`deliberation.method.${m}`) }))} values={values} errors={errors} />
        <SelectField t={t} name="projectId" label={t("deliberation.project")} required={!isAdvisor} options={[...(isAdvisor ? [{ value: "", label: t("deliberation.no_project") }] : []), ...projects.map((p) => ({ value: p.id, label: p.title }))]} values={values} errors={errors} />
        <TextField t={t} name="heldOn" type="date" label={t("deliberation.held_on")} hint={t("deliberation.date_hint")} required maxlength={10} values={values} errors={errors} />
        <SubmitButton>{t("deliberation.open")}</SubmitButton>
      </PostForm>
    </>
  );
}

export function DeliberationPage(props: { ctx: PageContext; d: DeliberationView; instrument: Instrument; people: { id: string; name: string }[]; values?: Values; errors?: FieldError[]; errorsFor?: string }) {
  const { ctx, d, instrument, people, errors, errorsFor } = props;
  const { t, lang } = ctx;
  const errs = (part: string) => (errorsFor === part ? errors : undefined);
  const vals = (part: string) => (errorsFor === part ? props.values : undefined);
  const personOptions = [{ value: "", label: t("deliberation.no_account") }, ...people.map((p) => ({ value: p.id, label: p.name }))];
  const recordValues: Values = vals("record") ?? { moralQuestion: d.moralQuestion, stakeholders: d.stakeholders, options: d.options, conclusion: d.conclusion, ...valuesToForm(d.values) };
  return (
    <>
      <Heading1>{d.title}</Heading1>
      <ErrorSummary t={t} errors={errors} />
      {d.status === "escalated" && d.committeeCaseId ? (
        <Alert kind="info">{t("deliberation.escalated_notice")} <Link href={`/committee/cases/${d.committeeCaseId}`}>{t("deliberation.committee_case")}</Link></Alert>
      ) : null}
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

      <section aria-labelledby="participants">
        <Heading2 id="participants">{t("deliberation.participants")}</Heading2>
        <ul class="utrecht-unordered-list">
          {d.participants.map((p) => (
            <li class="utrecht-unordered-list__item">
              {p.name} — {t(`deliberation.role.${p.role}`)}
              {d.may.edit && p.role !== "facilitator" ? (
                <>
                  {" "}
                  <PostForm action={`/deliberations/${d.id}/participants/${p.id}/remove`} csrfToken={ctx.csrfToken} class="afw-inline-form">
                    <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t("deliberation.participant_remove_label", { name: p.name })}>{t("deliberation.remove")}</button>
                  </PostForm>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {d.may.edit ? (
          <PostForm action={`/deliberations/${d.id}/participants`} csrfToken={ctx.csrfToken} label={t("deliberation.participant_add")}>
            <TextField t={t} name="name" label={t("deliberation.participant_name")} required maxlength={120} values={vals("participant")} errors={errs("participant")} />
            <SelectField t={t} name="role" label={t("deliberation.participant_role")} required options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`deliberation.role.${r}`) }))} values={vals("participant") ?? { role: "participant" }} errors={errs("participant")} />
            <SelectField t={t} name="userId" label={t("deliberation.participant_user")} options={personOptions} values={vals("participant")} errors={errs("participant")} />
            <SubmitButton variant="secondary">{t("deliberation.participant_add")}</SubmitButton>
          </PostForm>
        ) : null}
      </section>

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

      <section aria-labelledby="record">
        <Heading2 id="record">{t("deliberation.record")}</Heading2>
        {d.may.edit ? (
          <PostForm action={`/deliberations/${d.id}/record`} csrfToken={ctx.csrfToken} label={t("deliberation.record")}>
            <TextArea t={t} name="moralQuestion" label={t("deliberation.moral_question")} maxlength={2000} rows={2} values={recordValues} errors={errs("record")} />
            <TextArea t={t} name="stakeholders" label={t("deliberation.stakeholders")} maxlength={8000} rows={3} values={recordValues} errors={errs("record")} />
            <ValueCheckboxes t={t} legend={t("deliberation.values_in_tension")} values={recordValues} errors={errs("record")} />
            <TextArea t={t} name="options" label={t("deliberation.options")} maxlength={8000} rows={3} values={recordValues} errors={errs("record")} />
            <TextArea t={t} name="conclusion" label={t("deliberation.conclusion")} maxlength={8000} rows={4} values={recordValues} errors={errs("record")} />
            <SubmitButton variant="secondary">{t("deliberation.record_save")}</SubmitButton>
          </PostForm>
        ) : (
          <dl class="afw-facts">
            <dt>{t("deliberation.moral_question")}</dt>
            <dd class="afw-prewrap">{d.moralQuestion || "—"}</dd>
            <dt>{t("deliberation.stakeholders")}</dt>
            <dd class="afw-prewrap">{d.stakeholders || "—"}</dd>
            <dt>{t("deliberation.values_in_tension")}</dt>
            <dd>{d.values.map((v) => t(valueLabelKey(v))).join(", ") || "—"}</dd>
            <dt>{t("deliberation.options")}</dt>
            <dd class="afw-prewrap">{d.options || "—"}</dd>
            <dt>{t("deliberation.conclusion")}</dt>
            <dd class="afw-prewrap">{d.conclusion || "—"}</dd>
          </dl>
        )}
      </section>

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
            <TextField t={t} name="holder" label={t("deliberation.position_holder")} hint={t("deliberation.position_holder_hint")} required maxlength={120} values={vals("position")} errors={errs("position")} />
            <TextField t={t} name="position" label={t("deliberation.position")} required maxlength={2000} values={vals("position")} errors={errs("position")} />
            <TextArea t={t} name="arguments" label={t("deliberation.arguments")} required maxlength={8000} rows={3} values={vals("position")} errors={errs("position")} />
            <SubmitButton variant="secondary">{t("deliberation.position_add")}</SubmitButton>
          </PostForm>
        ) : null}
      </section>

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
              {!a.measureId && d.may.makeMeasure ? (
                <>
                  {" "}
                  <PostForm action={`/deliberations/${d.id}/actions/${a.id}/measure`} csrfToken={ctx.csrfToken} class="afw-inline-form">
                    <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t("deliberation.make_measure_label", { title: a.title })}>{t("deliberation.make_measure")}</button>
                  </PostForm>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {d.may.edit ? (
          <PostForm action={`/deliberations/${d.id}/actions`} csrfToken={ctx.csrfToken} label={t("deliberation.action_add")}>
            <TextField t={t} name="title" label={t("deliberation.action_title")} required maxlength={200} values={vals("action")} errors={errs("action")} />
            <TextArea t={t} name="description" label={t("deliberation.action_description")} maxlength={4000} rows={2} values={vals("action")} errors={errs("action")} />
            <SelectField t={t} name="ownerUserId" label={t("deliberation.action_owner")} options={personOptions} values={vals("action")} errors={errs("action")} />
            <TextField t={t} name="dueDate" type="date" label={t("deliberation.action_due")} maxlength={10} values={vals("action")} errors={errs("action")} />
            <SubmitButton variant="secondary">{t("deliberation.action_add")}</SubmitButton>
          </PostForm>
        ) : null}
      </section>

      {d.may.edit ? (
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
      ) : null}
    </>
  );
}

export function StepPage({ ctx, d, instrument, sectionId, values, errors }: { ctx: PageContext; d: DeliberationView; instrument: Instrument; sectionId: string; values: Values; errors?: FieldError[] }) {
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
          <StepFields t={t} lang={lang} section={section} values={values} errors={errors} />
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

export function AwarenessPage({ ctx, overview, canRecord, people, values, errors }: { ctx: PageContext; overview: AwarenessYear; canRecord: boolean; people: { id: string; name: string }[]; values?: Values; errors?: FieldError[] }) {
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
            <TextField t={t} name="date" type="date" label={t("deliberation.col.date")} required maxlength={10} values={values} errors={errors} />
            <TextField t={t} name="topic" label={t("deliberation.awareness.topic")} required maxlength={200} values={values} errors={errors} />
            <TextArea t={t} name="participantNames" label={t("deliberation.awareness.names")} hint={t("deliberation.awareness.names_hint")} maxlength={20000} rows={4} values={values} errors={errors} />
            <fieldset class="utrecht-form-fieldset utrecht-form-field">
              <legend class="utrecht-form-fieldset__legend utrecht-form-label">{t("deliberation.awareness.users")}</legend>
              {people.map((p) => (
                <div class="utrecht-form-field utrecht-form-field--checkbox">
                  <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`field-user-${p.id}`} name={`user_${p.id}`} value="on" checked={values?.[`user_${p.id}`] === "on"} />{" "}
                  <label class="utrecht-form-label utrecht-form-label--checkbox" for={`field-user-${p.id}`}>{p.name}</label>
                </div>
              ))}
            </fieldset>
            <SubmitButton>{t("deliberation.awareness.save")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
