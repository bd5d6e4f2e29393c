import type { FieldError } from "../../../platform/errors.ts";
import { isMessageKey } from "../../../platform/i18n/index.ts";
import { CheckboxGroupField } from "../../../ui/choice-fields.tsx";
import { Alert, ButtonLink, Cell, formatDate, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { MeetingSummary } from "../../expert-table/meetings.ts";
import { valueName, valueNameList, valueOptions, type ValueChoice, type ValueNames } from "../../expert-table/values.ts";
import { LIMITS } from "../limits.ts";
import type { PrecedentHit } from "../precedents.ts";
import { BOARD_DECISIONS, VOTES, type CaseListItem, type CaseView, type OpenOrigin, type PublicAdvice } from "../service.ts";

const day = (iso: string, lang: string) => formatDate(iso.length === 10 ? `${iso}T12:00:00Z` : iso, lang);

export function CaseStatusBadge({ ctx, item }: { ctx: PageContext; item: CaseListItem }) {
  const { t } = ctx;
  if (item.overdue) return <StatusBadge status="invalid">{t("committee.overdue")}</StatusBadge>;
  if (item.boardDecision) return <StatusBadge status="valid">{t(`committee.board.${item.boardDecision}`)}</StatusBadge>;
  if (item.adviceStatus === "adopted") return <StatusBadge status="warning">{t("committee.status.waiting_board")}</StatusBadge>;
  if (item.adviceStatus === "draft") return <StatusBadge>{t("committee.status.draft")}</StatusBadge>;
  return <StatusBadge>{t("committee.status.open")}</StatusBadge>;
}

export function CommitteePage({ ctx, cases, canCreate }: { ctx: PageContext; cases: CaseListItem[]; canCreate: boolean }) {
  const { t, lang } = ctx;
  const overdue = cases.filter((c) => c.overdue).length;
  return (
    <>
      <Heading1>{t("committee.title")}</Heading1>
      <Paragraph lead>{t("committee.intro")}</Paragraph>
      <div class="afw-actions">
        {canCreate ? <ButtonLink href="/committee/cases/new" variant="primary">{t("committee.case_new")}</ButtonLink> : null}
        <ButtonLink href="/committee/meetings">{t("committee.meetings")}</ButtonLink>
        <ButtonLink href="/committee/precedents">{t("committee.precedents")}</ButtonLink>
        <ButtonLink href="/committee/report">{t("committee.report")}</ButtonLink>
      </div>
      {overdue ? <Alert kind="warning">{t("committee.overdue_alert", { count: overdue })}</Alert> : null}
      {cases.length === 0 ? (
        <Paragraph>{t("committee.cases_empty")}</Paragraph>
      ) : (
        <Table caption={t("committee.cases_caption", { total: cases.length })} headers={[t("committee.col.case"), t("committee.col.origin"), t("committee.col.status"), t("committee.col.deadline"), t("committee.col.public")]}>
          {cases.map((c) => (
            <Row>
              <Cell>
                <Link href={`/committee/cases/${c.id}`}>{c.title}</Link>
                {c.excluded ? <> <StatusBadge status="warning">{t("committee.you_are_excluded")}</StatusBadge></> : null}
              </Cell>
              <Cell>{t(`committee.origin.${c.origin}`)}</Cell>
              <Cell><CaseStatusBadge ctx={ctx} item={c} /></Cell>
              <Cell>{c.responseDue ? day(c.responseDue, lang) : "—"}</Cell>
              <Cell>{c.published ? t("committee.published_yes") : "—"}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}

export function NewCasePage(props: { ctx: PageContext; origins: OpenOrigin[]; projects: { id: string; title: string }[]; valueSet: ValueChoice[]; selectedValues?: string[]; values?: Values; errors?: FieldError[] }) {
  const { ctx, origins, projects, values, errors } = props;
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("committee.case_new")}</Heading1>
      <Paragraph>{t("committee.case_new_intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/committee/cases" csrfToken={ctx.csrfToken}>
        <TextField t={t} name="title" label={t("committee.case_title")} required maxlength={LIMITS.title} values={values} errors={errors} />
        <TextArea t={t} name="question" label={t("committee.case_question")} hint={t("committee.case_question_hint")} required maxlength={LIMITS.question} rows={6} values={values} errors={errors} />
        <SelectField t={t} name="origin" label={t("committee.case_origin")} required options={origins.map((o) => ({ value: o, label: t(`committee.origin.${o}`) }))} values={values} errors={errors} />
        <SelectField t={t} name="projectId" label={t("committee.case_project")} options={[{ value: "", label: t("committee.no_project") }, ...projects.map((p) => ({ value: p.id, label: p.title }))]} values={values} errors={errors} />
        <TextField t={t} name="submitter" label={t("committee.case_submitter")} hint={t("committee.case_submitter_hint")} maxlength={LIMITS.submitter} values={values} errors={errors} />
        <CheckboxGroupField t={t} name="values" legend={t("committee.case_values")} options={valueOptions(props.valueSet, lang)} selected={props.selectedValues ?? []} errors={errors} />
        <TextField t={t} name="technologies" label={t("committee.case_technologies")} hint={t("committee.case_technologies_hint")} maxlength={LIMITS.technologies} values={values} errors={errors} />
        <TextField t={t} name="domain" label={t("committee.case_domain")} hint={t("committee.case_domain_hint")} maxlength={LIMITS.domain} values={values} errors={errors} />
        <TextField t={t} name="responseWeeks" type="number" label={t("committee.response_weeks")} hint={t("committee.response_weeks_hint")} maxlength={LIMITS.responseWeeks} values={values ?? { responseWeeks: "6" }} errors={errors} />
        <SubmitButton>{t("committee.case_create")}</SubmitButton>
      </PostForm>
    </>
  );
}

export function SimilarCases({ ctx, hits, names }: { ctx: PageContext; hits: PrecedentHit[]; names: ValueNames }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="similar">
      <Heading2 id="similar">{t("committee.similar")}</Heading2>
      {hits.length === 0 ? (
        <Paragraph>{t("committee.similar_none")}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {hits.map((h) => (
            <li class="utrecht-unordered-list__item">
              <Link href={h.url}>{h.title}</Link> ({t(`committee.source.${h.sourceType}`)}, {h.year}){h.values.length ? ` — ${valueNameList(names, h.values, lang)}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The parts of a deliberation record that travel with an escalation, in the order shown. */
const RECORD_FIELDS = ["case", "method", "held_on", "moral_question", "stakeholders", "options", "positions", "conclusion", "actions"] as const;

/** A record field as shown: the method by its name in the catalogue (the record holds its code), the rest as written. */
function recordText(ctx: PageContext, field: (typeof RECORD_FIELDS)[number], value: string): string {
  if (field !== "method") return value;
  const key = `deliberation.method.${value}`;
  return isMessageKey(key) ? ctx.t(key) : value;
}

function RecordView({ ctx, record }: { ctx: PageContext; record: Record<string, unknown> }) {
  const { t } = ctx;
  const entries = RECORD_FIELDS.flatMap((k) => (typeof record[k] === "string" && record[k] !== "" ? [[k, recordText(ctx, k, String(record[k]))] as const] : []));
  return (
    <section aria-labelledby="record">
      <Heading2 id="record">{t("committee.record")}</Heading2>
      <dl class="afw-facts">
        {entries.map(([k, v]) => (
          <>
            <dt>{t(`committee.record.${k}`)}</dt>
            <dd class="afw-prewrap">{v}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

type FormState = { values?: Values; errors?: FieldError[]; errorsFor?: string };
type CaseProps = { ctx: PageContext; c: CaseView; form: FormState };

/** The errors and input of one form of the page shown again, or nothing for the other forms. */
function formPart(form: FormState, part: string): { values?: Values; errors?: FieldError[] } {
  return form.errorsFor === part ? { values: form.values, errors: form.errors } : {};
}

function CaseFacts({ ctx, c, names }: { ctx: PageContext; c: CaseView; names: ValueNames }) {
  const { t, lang } = ctx;
  return (
    <dl class="afw-facts">
      <dt>{t("committee.col.status")}</dt>
      <dd><CaseStatusBadge ctx={ctx} item={c} /></dd>
      <dt>{t("committee.case_origin")}</dt>
      <dd>{t(`committee.origin.${c.origin}`)}{c.submitter ? ` — ${c.submitter}` : ""}</dd>
      <dt>{t("committee.opened_by")}</dt>
      <dd>{t("committee.opened_by_on", { name: c.createdBy, date: day(c.createdAt, lang) })}</dd>
      {c.projectTitle ? (
        <>
          <dt>{t("committee.case_project")}</dt>
          <dd>{c.projectTitle}</dd>
        </>
      ) : null}
      {c.deliberationId ? (
        <>
          <dt>{t("committee.from_deliberation")}</dt>
          <dd><Link href={`/deliberations/${c.deliberationId}`}>{t("committee.deliberation_link")}</Link></dd>
        </>
      ) : null}
      <dt>{t("committee.case_question")}</dt>
      <dd class="afw-prewrap">{c.question}</dd>
      <dt>{t("committee.case_values")}</dt>
      <dd>{c.values.length ? valueNameList(names, c.values, lang) : "—"}</dd>
      <dt>{t("committee.case_technologies")}</dt>
      <dd>{c.technologies.join(", ") || "—"}</dd>
      <dt>{t("committee.case_domain")}</dt>
      <dd>{c.domain || "—"}</dd>
      <dt>{t("committee.col.meeting")}</dt>
      <dd>{c.meeting ? `${day(c.meeting.date, lang)} — ${c.meeting.title}` : t("committee.not_scheduled")}</dd>
      <dt>{t("committee.response_weeks")}</dt>
      <dd>{t("committee.weeks", { weeks: c.responseWeeks })}{c.responseDue ? ` — ${t("committee.due_on", { date: day(c.responseDue, lang) })}` : ""}</dd>
    </dl>
  );
}

function ExcludedPeople({ ctx, people }: { ctx: PageContext; people: string[] }) {
  const { t } = ctx;
  if (!people.length) return null;
  return (
    <section aria-labelledby="excluded">
      <Heading2 id="excluded">{t("committee.excluded_people")}</Heading2>
      <Paragraph>{t("committee.excluded_people_intro")}</Paragraph>
      <ul class="utrecht-unordered-list">{people.map((n) => <li class="utrecht-unordered-list__item">{n}</li>)}</ul>
    </section>
  );
}

function ScheduleForm({ ctx, c, form, meetings }: CaseProps & { meetings: MeetingSummary[] }) {
  const { t, lang } = ctx;
  if (!c.may.schedule || !meetings.length) return null;
  const part = formPart(form, "schedule");
  return (
    <PostForm action={`/committee/cases/${c.id}/schedule`} csrfToken={ctx.csrfToken} label={t("committee.schedule")}>
      <SelectField t={t} name="meetingId" label={t("committee.meeting")} required options={meetings.map((m) => ({ value: m.id, label: `${day(m.date, lang)} — ${m.title}` }))} values={part.values} errors={part.errors} />
      <SubmitButton variant="secondary">{t("committee.schedule")}</SubmitButton>
    </PostForm>
  );
}

function AdviceSummary({ ctx, c }: { ctx: PageContext; c: CaseView }) {
  const { t, lang } = ctx;
  const a = c.advice;
  if (!a) return <Paragraph>{c.adviceStatus === "none" ? t("committee.no_advice") : t("committee.advice_hidden")}</Paragraph>;
  return (
    <>
      <Paragraph>{a.status === "adopted" ? t("committee.adopted_by_on", { name: a.adoptedBy ?? "", date: day(a.adoptedAt!, lang) }) : t("committee.draft_by", { name: a.writtenBy })}</Paragraph>
      {!c.may.draft ? <p class="utrecht-paragraph afw-prewrap">{a.text}</p> : null}
      <Paragraph>
        {t("committee.publication")}: {t(`committee.publication.${a.publication}`)}
        {a.publishedAt ? <> — <Link href={`/openbaar/advies/${a.id}`}>{t("committee.public_page")}</Link></> : null}
      </Paragraph>
      {a.votes.length ? (
        <>
          <h3 class="utrecht-heading-3">{t("committee.votes")}</h3>
          <ul class="utrecht-unordered-list">{a.votes.map((v) => <li class="utrecht-unordered-list__item">{v.name}: {t(`committee.vote.${v.vote}`)}</li>)}</ul>
        </>
      ) : null}
    </>
  );
}

/** Drafting, voting and adopting the advice. */
function AdviceWork({ ctx, c, form }: CaseProps) {
  const { t } = ctx;
  const draft = formPart(form, "advice");
  const vote = formPart(form, "vote");
  return (
    <>
      {c.may.draft ? (
        <PostForm action={`/committee/cases/${c.id}/advice`} csrfToken={ctx.csrfToken} label={t("committee.advice_draft")}>
          <TextArea t={t} name="text" label={t("committee.advice_text")} hint={t("committee.advice_text_hint")} required maxlength={LIMITS.advice} rows={10} values={draft.values ?? { text: c.advice?.text ?? "" }} errors={draft.errors} />
          <SubmitButton variant="secondary">{t("committee.advice_save")}</SubmitButton>
        </PostForm>
      ) : null}
      {c.may.vote ? (
        <PostForm action={`/committee/cases/${c.id}/vote`} csrfToken={ctx.csrfToken} label={t("committee.vote_label")}>
          <input type="hidden" name="expectedVote" value={c.advice?.ownVote ?? "none"} />
          <SelectField t={t} name="vote" label={t("committee.your_vote")} required options={VOTES.map((v) => ({ value: v, label: t(`committee.vote.${v}`) }))} values={vote.values} errors={vote.errors} />
          <SubmitButton variant="secondary">{t("committee.vote_submit")}</SubmitButton>
        </PostForm>
      ) : null}
      {c.may.adopt ? (
        <PostForm action={`/committee/cases/${c.id}/adopt`} csrfToken={ctx.csrfToken} label={t("committee.adopt")}>
          <SubmitButton>{t("committee.adopt")}</SubmitButton>
        </PostForm>
      ) : null}
    </>
  );
}

/** The publication decision, publishing, and the board's deadline. */
function PublicationWork({ ctx, c, form }: CaseProps) {
  const { t } = ctx;
  const a = c.advice;
  const publication = formPart(form, "publication");
  const deadline = formPart(form, "deadline");
  return (
    <>
      {c.may.publish && a ? (
        <>
          <PostForm action={`/committee/cases/${c.id}/publication`} csrfToken={ctx.csrfToken} label={t("committee.publication")}>
            <SelectField
              t={t}
              name="publication"
              label={t("committee.publication_choice")}
              required
              options={(["public", "confidential"] as const).map((v) => ({ value: v, label: t(`committee.publication.${v}`) }))}
              values={publication.values ?? { publication: a.publication === "undecided" ? "public" : a.publication }}
              errors={publication.errors}
            />
            <SubmitButton variant="secondary">{t("committee.publication_save")}</SubmitButton>
          </PostForm>
          {a.status === "adopted" ? (
            <PostForm action={`/committee/cases/${c.id}/publish`} csrfToken={ctx.csrfToken} label={t("committee.publish")}>
              <SubmitButton variant="secondary">{t("committee.publish")}</SubmitButton>
            </PostForm>
          ) : null}
        </>
      ) : null}
      {c.may.setDeadline ? (
        <PostForm action={`/committee/cases/${c.id}/deadline`} csrfToken={ctx.csrfToken} label={t("committee.response_weeks")}>
          <TextField t={t} name="responseWeeks" type="number" label={t("committee.response_weeks")} hint={t("committee.response_weeks_hint")} required maxlength={LIMITS.responseWeeks} values={deadline.values ?? { responseWeeks: String(c.responseWeeks) }} errors={deadline.errors} />
          <SubmitButton variant="subtle">{t("committee.deadline_save")}</SubmitButton>
        </PostForm>
      ) : null}
    </>
  );
}

function AdviceSection(props: CaseProps) {
  const { t } = props.ctx;
  return (
    <section aria-labelledby="advice">
      <Heading2 id="advice">{t("committee.advice")}</Heading2>
      <Paragraph>{t("committee.non_binding")}</Paragraph>
      <AdviceSummary ctx={props.ctx} c={props.c} />
      <AdviceWork {...props} />
      <PublicationWork {...props} />
    </section>
  );
}

function BoardSection({ ctx, c, form }: CaseProps) {
  const { t, lang } = ctx;
  const part = formPart(form, "board");
  const r = c.boardResponse;
  return (
    <section aria-labelledby="board">
      <Heading2 id="board">{t("committee.board_response")}</Heading2>
      {r ? (
        <>
          <Paragraph>
            <StatusBadge status={r.decision === "follow" ? "valid" : "warning"}>{t(`committee.board.${r.decision}`)}</StatusBadge> {t("committee.responded_by_on", { name: r.respondedBy, date: day(r.respondedAt, lang) })}
          </Paragraph>
          {r.reasons ? <p class="utrecht-paragraph afw-prewrap">{r.reasons}</p> : null}
        </>
      ) : (
        <Paragraph>{t("committee.board_none")}</Paragraph>
      )}
      {c.may.respond ? (
        <PostForm action={`/committee/cases/${c.id}/board-response`} csrfToken={ctx.csrfToken} label={t("committee.board_response")}>
          <SelectField t={t} name="decision" label={t("committee.board_decision")} required options={BOARD_DECISIONS.map((v) => ({ value: v, label: t(`committee.board.${v}_option`) }))} values={part.values} errors={part.errors} />
          <TextArea t={t} name="reasons" label={t("committee.board_reasons")} hint={t("committee.board_reasons_hint")} maxlength={LIMITS.reasons} rows={5} values={part.values} errors={part.errors} />
          <SubmitButton>{t("committee.board_submit")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

function FgSection({ ctx, c, form }: CaseProps) {
  const { t, lang } = ctx;
  if (!c.fgNotes.length && !c.may.fgNote) return null;
  const part = formPart(form, "fg");
  return (
    <section aria-labelledby="fg">
      <Heading2 id="fg">{t("committee.fg_notes")}</Heading2>
      {c.fgNotes.map((n) => (
        <p class="utrecht-paragraph afw-prewrap">{n.text} ({n.author}, {day(n.at, lang)})</p>
      ))}
      {c.may.fgNote ? (
        <PostForm action={`/committee/cases/${c.id}/fg-note`} csrfToken={ctx.csrfToken} label={t("committee.fg_note_add")}>
          <TextArea t={t} name="text" label={t("committee.fg_note")} required maxlength={LIMITS.fgNote} rows={4} values={part.values} errors={part.errors} />
          <SubmitButton variant="secondary">{t("committee.fg_note_add")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

export function CasePage(props: { ctx: PageContext; c: CaseView; similar: PrecedentHit[]; meetings: MeetingSummary[]; names: ValueNames } & FormState) {
  const { ctx, c } = props;
  const { t } = ctx;
  const parts: CaseProps = { ctx, c, form: props };
  return (
    <>
      <Heading1>{c.title}</Heading1>
      <ErrorSummary t={t} errors={props.errors} />
      {c.excluded ? <Alert kind="warning">{t("committee.excluded_notice")}</Alert> : null}
      <CaseFacts ctx={ctx} c={c} names={props.names} />
      <ExcludedPeople ctx={ctx} people={c.excludedPeople} />
      {c.record ? <RecordView ctx={ctx} record={c.record} /> : null}
      <SimilarCases ctx={ctx} hits={props.similar} names={props.names} />
      <ScheduleForm {...parts} meetings={props.meetings} />
      <AdviceSection {...parts} />
      <BoardSection {...parts} />
      <FgSection {...parts} />
    </>
  );
}

export function PublicAdvicePage({ ctx, advice, names }: { ctx: PageContext; advice: PublicAdvice; names: ValueNames }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{advice.title}</Heading1>
      <Paragraph lead>{t("committee.public.intro", { organisation: advice.organisationName })}</Paragraph>
      <dl class="afw-facts">
        <dt>{t("committee.public.adopted_on")}</dt>
        <dd>{day(advice.adoptedAt, lang)}</dd>
        <dt>{t("committee.public.published_on")}</dt>
        <dd>{day(advice.publishedAt, lang)}</dd>
        <dt>{t("committee.public.asked_by")}</dt>
        <dd>{t(`committee.origin.${advice.origin}`)}</dd>
        {advice.values.length ? (
          <>
            <dt>{t("committee.public.values")}</dt>
            <dd>{valueNameList(names, advice.values, lang)}</dd>
          </>
        ) : null}
      </dl>
      <Heading2>{t("committee.public.question")}</Heading2>
      <p class="utrecht-paragraph afw-prewrap">{advice.question}</p>
      <Heading2>{t("committee.public.advice")}</Heading2>
      <p class="utrecht-paragraph afw-prewrap">{advice.text}</p>
      <Paragraph>{t("committee.public.non_binding")}</Paragraph>
      <Heading2>{t("committee.public.board")}</Heading2>
      {advice.boardResponse ? (
        <>
          <Paragraph>{t(`committee.public.board_${advice.boardResponse.decision}`, { date: day(advice.boardResponse.respondedAt, lang) })}</Paragraph>
          {advice.boardResponse.reasons ? <p class="utrecht-paragraph afw-prewrap">{advice.boardResponse.reasons}</p> : null}
        </>
      ) : (
        <Paragraph>{t("committee.public.board_pending")}</Paragraph>
      )}
    </>
  );
}

/** The values to filter on: the organisation's values, and any other value the library's entries hold. */
function valueFilterOptions(valueSet: ValueChoice[], inLibrary: string[], names: ValueNames, lang: PageContext["lang"]) {
  const others = inLibrary.filter((k) => !valueSet.some((v) => v.key === k));
  return [...valueOptions(valueSet, lang), ...others.map((k) => ({ value: k, label: valueName(names, k, lang) }))];
}

export function PrecedentsPage(props: {
  ctx: PageContext;
  hits: PrecedentHit[];
  query: Values;
  facets: { values: string[]; technologies: string[]; domains: string[]; years: number[] };
  searched: boolean;
  valueSet: ValueChoice[];
  names: ValueNames;
  errors?: FieldError[];
}) {
  const { ctx, hits, query, facets, searched } = props;
  const { t, lang } = ctx;
  const any = { value: "", label: t("committee.filter_any") };
  return (
    <>
      <Heading1>{t("committee.precedents")}</Heading1>
      <Paragraph lead>{t("committee.precedents_intro")}</Paragraph>
      <ErrorSummary t={t} errors={props.errors} />
      <form method="get" action="/committee/precedents" class="utrecht-form afw-filter" role="search" aria-label={t("committee.precedents_search")}>
        <TextField t={t} name="q" label={t("committee.search_words")} values={query} maxlength={LIMITS.search} errors={props.errors} />
        <SelectField t={t} name="value" label={t("committee.filter_value")} options={[any, ...valueFilterOptions(props.valueSet, facets.values, props.names, lang)]} values={query} />
        <SelectField t={t} name="technology" label={t("committee.filter_technology")} options={[any, ...facets.technologies.map((v) => ({ value: v, label: v }))]} values={query} />
        <SelectField t={t} name="domain" label={t("committee.filter_domain")} options={[any, ...facets.domains.map((v) => ({ value: v, label: v }))]} values={query} />
        <SelectField t={t} name="year" label={t("committee.filter_year")} options={[any, ...facets.years.map((v) => ({ value: String(v), label: String(v) }))]} values={query} />
        <div class="utrecht-form-field"><SubmitButton variant="secondary">{t("committee.search_submit")}</SubmitButton></div>
      </form>
      {hits.length === 0 ? (
        <Paragraph>{searched ? t("committee.search_none") : t("committee.library_empty")}</Paragraph>
      ) : (
        <section aria-labelledby="hits">
          <Heading2 id="hits">{t("committee.search_hits", { total: hits.length })}</Heading2>
          <ul class="utrecht-unordered-list">
            {hits.map((h) => (
              <li class="utrecht-unordered-list__item">
                <Link href={h.url}>{h.title}</Link> ({t(`committee.source.${h.sourceType}`)}, {h.year})
                <p class="utrecht-paragraph">{h.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
