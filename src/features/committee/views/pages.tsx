import type { FieldError } from "../../../platform/errors.ts";
import { Alert, ButtonLink, Cell, formatDate, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { valueLabelKey } from "../../expert-table/values.ts";
import type { MeetingSummary } from "../../expert-table/meetings.ts";
import type { PrecedentHit } from "../precedents.ts";
import type { CaseListItem, CaseView, Origin, PublicAdvice } from "../service.ts";
import { ValueCheckboxes } from "./fields.tsx";

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

export function NewCasePage({ ctx, origins, projects, values, errors }: { ctx: PageContext; origins: Origin[]; projects: { id: string; title: string }[]; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("committee.case_new")}</Heading1>
      <Paragraph>{t("committee.case_new_intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/committee/cases" csrfToken={ctx.csrfToken}>
        <TextField t={t} name="title" label={t("committee.case_title")} required maxlength={200} values={values} errors={errors} />
        <TextArea t={t} name="question" label={t("committee.case_question")} hint={t("committee.case_question_hint")} required maxlength={8000} rows={6} values={values} errors={errors} />
        <SelectField t={t} name="origin" label={t("committee.case_origin")} required options={origins.map((o) => ({ value: o, label: t(`committee.origin.${o}`) }))} values={values} errors={errors} />
        <SelectField t={t} name="projectId" label={t("committee.case_project")} options={[{ value: "", label: t("committee.no_project") }, ...projects.map((p) => ({ value: p.id, label: p.title }))]} values={values} errors={errors} />
        <TextField t={t} name="submitter" label={t("committee.case_submitter")} hint={t("committee.case_submitter_hint")} maxlength={200} values={values} errors={errors} />
        <ValueCheckboxes t={t} legend={t("committee.case_values")} values={values} errors={errors} />
        <TextField t={t} name="technologies" label={t("committee.case_technologies")} hint={t("committee.case_technologies_hint")} maxlength={400} values={values} errors={errors} />
        <TextField t={t} name="domain" label={t("committee.case_domain")} hint={t("committee.case_domain_hint")} maxlength={80} values={values} errors={errors} />
        <TextField t={t} name="responseWeeks" type="number" label={t("committee.response_weeks")} hint={t("committee.response_weeks_hint")} maxlength={2} values={values ?? { responseWeeks: "6" }} errors={errors} />
        <SubmitButton>{t("committee.case_create")}</SubmitButton>
      </PostForm>
    </>
  );
}

export function SimilarCases({ ctx, hits }: { ctx: PageContext; hits: PrecedentHit[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="similar">
      <Heading2 id="similar">{t("committee.similar")}</Heading2>
      {hits.length === 0 ? (
        <Paragraph>{t("committee.similar_none")}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {hits.map((h) => (
            <li class="utrecht-unordered-list__item">
              <Link href={h.url}>{h.title}</Link> ({t(`committee.source.${h.sourceType}`)}, {h.year}){h.values.length ? ` — ${h.values.map((v) => t(valueLabelKey(v))).join(", ")}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The parts of a deliberation record that travel with an escalation, in the order shown. */
const RECORD_FIELDS = ["case", "method", "held_on", "moral_question", "stakeholders", "options", "positions", "conclusion", "actions"] as const;

function RecordView({ ctx, record }: { ctx: PageContext; record: Record<string, unknown> }) {
  const { t } = ctx;
  const entries = RECORD_FIELDS.flatMap((k) => (typeof record[k] === "string" && record[k] !== "" ? [[k, record[k]] as const] : []));
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

export function CasePage(props: { ctx: PageContext; c: CaseView; similar: PrecedentHit[]; meetings: MeetingSummary[]; values?: Values; errors?: FieldError[]; errorsFor?: string }) {
  const { ctx, c, similar, meetings, errors, errorsFor } = props;
  const { t, lang } = ctx;
  const errs = (part: string) => (errorsFor === part ? errors : undefined);
  const vals = (part: string) => (errorsFor === part ? props.values : undefined);
  const a = c.advice;
  return (
    <>
      <Heading1>{c.title}</Heading1>
      <ErrorSummary t={t} errors={errors} />
      {c.excluded ? <Alert kind="warning">{t("committee.excluded_notice")}</Alert> : null}
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
        <dd>{c.values.length ? c.values.map((v) => t(valueLabelKey(v))).join(", ") : "—"}</dd>
        <dt>{t("committee.case_technologies")}</dt>
        <dd>{c.technologies.join(", ") || "—"}</dd>
        <dt>{t("committee.case_domain")}</dt>
        <dd>{c.domain || "—"}</dd>
        <dt>{t("committee.col.meeting")}</dt>
        <dd>{c.meeting ? `${day(c.meeting.date, lang)} — ${c.meeting.title}` : t("committee.not_scheduled")}</dd>
        <dt>{t("committee.response_weeks")}</dt>
        <dd>{t("committee.weeks", { weeks: c.responseWeeks })}{c.responseDue ? ` — ${t("committee.due_on", { date: day(c.responseDue, lang) })}` : ""}</dd>
      </dl>
      {c.excludedPeople.length ? (
        <section aria-labelledby="excluded">
          <Heading2 id="excluded">{t("committee.excluded_people")}</Heading2>
          <Paragraph>{t("committee.excluded_people_intro")}</Paragraph>
          <ul class="utrecht-unordered-list">{c.excludedPeople.map((n) => <li class="utrecht-unordered-list__item">{n}</li>)}</ul>
        </section>
      ) : null}

      {c.record ? <RecordView ctx={ctx} record={c.record} /> : null}
      <SimilarCases ctx={ctx} hits={similar} />

      {c.may.schedule && meetings.length ? (
        <PostForm action={`/committee/cases/${c.id}/schedule`} csrfToken={ctx.csrfToken} label={t("committee.schedule")}>
          <SelectField t={t} name="meetingId" label={t("committee.meeting")} required options={meetings.map((m) => ({ value: m.id, label: `${day(m.date, lang)} — ${m.title}` }))} values={vals("schedule")} errors={errs("schedule")} />
          <SubmitButton variant="secondary">{t("committee.schedule")}</SubmitButton>
        </PostForm>
      ) : null}

      <section aria-labelledby="advice">
        <Heading2 id="advice">{t("committee.advice")}</Heading2>
        <Paragraph>{t("committee.non_binding")}</Paragraph>
        {a ? (
          <>
            <Paragraph>
              {a.status === "adopted" ? t("committee.adopted_by_on", { name: a.adoptedBy ?? "", date: day(a.adoptedAt!, lang) }) : t("committee.draft_by", { name: a.writtenBy })}
            </Paragraph>
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
        ) : (
          <Paragraph>{c.adviceStatus === "none" ? t("committee.no_advice") : t("committee.advice_hidden")}</Paragraph>
        )}
        {c.may.draft ? (
          <PostForm action={`/committee/cases/${c.id}/advice`} csrfToken={ctx.csrfToken} label={t("committee.advice_draft")}>
            <TextArea t={t} name="text" label={t("committee.advice_text")} hint={t("committee.advice_text_hint")} required maxlength={20000} rows={10} values={vals("advice") ?? { text: a?.text ?? "" }} errors={errs("advice")} />
            <SubmitButton variant="secondary">{t("committee.advice_save")}</SubmitButton>
          </PostForm>
        ) : null}
        {c.may.vote ? (
          <PostForm action={`/committee/cases/${c.id}/vote`} csrfToken={ctx.csrfToken} label={t("committee.vote_label")}>
            <SelectField t={t} name="vote" label={t("committee.your_vote")} required options={(["for", "against", "abstain"] as const).map((v) => ({ value: v, label: t(`committee.vote.${v}`) }))} values={vals("vote")} errors={errs("vote")} />
            <SubmitButton variant="secondary">{t("committee.vote_submit")}</SubmitButton>
          </PostForm>
        ) : null}
        {c.may.adopt ? (
          <PostForm action={`/committee/cases/${c.id}/adopt`} csrfToken={ctx.csrfToken} label={t("committee.adopt")}>
            <SubmitButton>{t("committee.adopt")}</SubmitButton>
          </PostForm>
        ) : null}
        {c.may.publish && a ? (
          <>
            <PostForm action={`/committee/cases/${c.id}/publication`} csrfToken={ctx.csrfToken} label={t("committee.publication")}>
              <SelectField
                t={t}
                name="publication"
                label={t("committee.publication_choice")}
                required
                options={(["public", "confidential"] as const).map((v) => ({ value: v, label: t(`committee.publication.${v}`) }))}
                values={vals("publication") ?? { publication: a.publication === "undecided" ? "public" : a.publication }}
                errors={errs("publication")}
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
            <TextField t={t} name="responseWeeks" type="number" label={t("committee.response_weeks")} hint={t("committee.response_weeks_hint")} required maxlength={2} values={vals("deadline") ?? { responseWeeks: String(c.responseWeeks) }} errors={errs("deadline")} />
            <SubmitButton variant="subtle">{t("committee.deadline_save")}</SubmitButton>
          </PostForm>
        ) : null}
      </section>

      <section aria-labelledby="board">
        <Heading2 id="board">{t("committee.board_response")}</Heading2>
        {c.boardResponse ? (
          <>
            <Paragraph>
              <StatusBadge status={c.boardResponse.decision === "follow" ? "valid" : "warning"}>{t(`committee.board.${c.boardResponse.decision}`)}</StatusBadge>{" "}
              {t("committee.responded_by_on", { name: c.boardResponse.respondedBy, date: day(c.boardResponse.respondedAt, lang) })}
            </Paragraph>
            {c.boardResponse.reasons ? <p class="utrecht-paragraph afw-prewrap">{c.boardResponse.reasons}</p> : null}
          </>
        ) : (
          <Paragraph>{t("committee.board_none")}</Paragraph>
        )}
        {c.may.respond ? (
          <PostForm action={`/committee/cases/${c.id}/board-response`} csrfToken={ctx.csrfToken} label={t("committee.board_response")}>
            <SelectField t={t} name="decision" label={t("committee.board_decision")} required options={(["follow", "deviate"] as const).map((v) => ({ value: v, label: t(`committee.board.${v}_option`) }))} values={vals("board")} errors={errs("board")} />
            <TextArea t={t} name="reasons" label={t("committee.board_reasons")} hint={t("committee.board_reasons_hint")} maxlength={8000} rows={5} values={vals("board")} errors={errs("board")} />
            <SubmitButton>{t("committee.board_submit")}</SubmitButton>
          </PostForm>
        ) : null}
      </section>

      {c.fgNotes.length || c.may.fgNote ? (
        <section aria-labelledby="fg">
          <Heading2 id="fg">{t("committee.fg_notes")}</Heading2>
          {c.fgNotes.map((n) => (
            <p class="utrecht-paragraph afw-prewrap">{n.text} ({n.author}, {day(n.at, lang)})</p>
          ))}
          {c.may.fgNote ? (
            <PostForm action={`/committee/cases/${c.id}/fg-note`} csrfToken={ctx.csrfToken} label={t("committee.fg_note_add")}>
              <TextArea t={t} name="text" label={t("committee.fg_note")} required maxlength={8000} rows={4} values={vals("fg")} errors={errs("fg")} />
              <SubmitButton variant="secondary">{t("committee.fg_note_add")}</SubmitButton>
            </PostForm>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function PublicAdvicePage({ ctx, advice }: { ctx: PageContext; advice: PublicAdvice }) {
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
            <dd>{advice.values.map((v) => t(valueLabelKey(v))).join(", ")}</dd>
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

export function PrecedentsPage({ ctx, hits, query, facets, searched }: { ctx: PageContext; hits: PrecedentHit[]; query: Values; facets: { values: string[]; technologies: string[]; domains: string[]; years: number[] }; searched: boolean }) {
  const { t } = ctx;
  const any = { value: "", label: t("committee.filter_any") };
  return (
    <>
      <Heading1>{t("committee.precedents")}</Heading1>
      <Paragraph lead>{t("committee.precedents_intro")}</Paragraph>
      <form method="get" action="/committee/precedents" class="utrecht-form afw-filter" role="search" aria-label={t("committee.precedents_search")}>
        <TextField t={t} name="q" label={t("committee.search_words")} values={query} maxlength={200} />
        <SelectField t={t} name="value" label={t("committee.filter_value")} options={[any, ...facets.values.map((v) => ({ value: v, label: t(valueLabelKey(v)) }))]} values={query} />
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
