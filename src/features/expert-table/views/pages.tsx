import type { MessageKey } from "../../../platform/i18n/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Alert, ButtonLink, Cell, formatDate, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { MeetingSummary } from "../meetings.ts";
import { LIMITS } from "../limits.ts";
import { InlineAction } from "./inline-action.tsx";
import type { AdviceRequestListItem, AdviceRequestView, RecommendationView, RequestStatus } from "../service.ts";
import type { ValueChoice } from "../values.ts";

const STATUS_BADGE: Record<RequestStatus, "neutral" | "warning" | "valid"> = { requested: "warning", scheduled: "neutral", given: "valid" };

export function RequestStatusBadge({ ctx, status }: { ctx: PageContext; status: RequestStatus }) {
  return <StatusBadge status={STATUS_BADGE[status]}>{ctx.t(`expert_table.status.${status}`)}</StatusBadge>;
}

export function ExpertTablePage({ ctx, requests, canRequest, isMember }: { ctx: PageContext; requests: AdviceRequestListItem[]; canRequest: boolean; isMember: boolean }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("expert_table.title")}</Heading1>
      <Paragraph lead>{t("expert_table.intro")}</Paragraph>
      <div class="afw-actions">
        {canRequest ? <ButtonLink href="/expert-table/requests/new" variant="primary">{t("expert_table.request_new")}</ButtonLink> : null}
        {isMember ? <ButtonLink href="/expert-table/meetings">{t("expert_table.meetings")}</ButtonLink> : null}
      </div>
      {requests.length === 0 ? (
        <Paragraph>{t("expert_table.requests_empty")}</Paragraph>
      ) : (
        <Table
          caption={t("expert_table.requests_caption", { total: requests.length })}
          headers={[t("expert_table.col.project"), t("expert_table.col.status"), t("expert_table.col.requested_on"), t("expert_table.col.meeting"), t("expert_table.col.answered")]}
        >
          {requests.map((r) => (
            <Row>
              <Cell><Link href={`/expert-table/requests/${r.id}`}>{r.projectTitle}</Link></Cell>
              <Cell><RequestStatusBadge ctx={ctx} status={r.status} /></Cell>
              <Cell>{formatDate(r.requestedAt, lang)}</Cell>
              <Cell>{r.meetingDate ? formatDate(r.meetingDate, lang) : "—"}</Cell>
              <Cell>{r.status === "given" ? t("expert_table.answered_count", { answered: r.recommendationsAnswered, total: r.recommendationsTotal }) : "—"}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}

export function NewRequestPage({ ctx, projects, values, errors }: { ctx: PageContext; projects: { id: string; title: string }[]; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("expert_table.request_new")}</Heading1>
      <Paragraph>{t("expert_table.request_intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      {projects.length === 0 ? (
        <Alert kind="info">{t("expert_table.request_no_projects")}</Alert>
      ) : (
        <PostForm action="/expert-table/requests" csrfToken={ctx.csrfToken}>
          <SelectField t={t} name="projectId" label={t("expert_table.project")} required options={projects.map((p) => ({ value: p.id, label: p.title }))} values={values} errors={errors} />
          <TextArea t={t} name="question" label={t("expert_table.question")} hint={t("expert_table.question_hint")} required maxlength={LIMITS.question} rows={6} values={values} errors={errors} />
          <SubmitButton>{t("expert_table.request_submit")}</SubmitButton>
        </PostForm>
      )}
    </>
  );
}

type FormState = { values?: Values; errors?: FieldError[]; errorsFor?: string };

/** The errors and input of one form of a page shown again, or nothing for the other forms. */
function formPart(state: FormState, part: string): { values?: Values; errors?: FieldError[] } {
  return state.errorsFor === part ? { values: state.values, errors: state.errors } : {};
}

function RequestFacts({ ctx, request: r }: { ctx: PageContext; request: AdviceRequestView }) {
  const { t, lang } = ctx;
  return (
    <dl class="afw-facts">
      <dt>{t("expert_table.col.status")}</dt>
      <dd><RequestStatusBadge ctx={ctx} status={r.status} /></dd>
      <dt>{t("expert_table.requested_by")}</dt>
      <dd>{t("expert_table.requested_by_on", { name: r.requestedBy, date: formatDate(r.requestedAt, lang) })}</dd>
      <dt>{t("expert_table.question")}</dt>
      <dd class="afw-prewrap">{r.question}</dd>
      <dt>{t("expert_table.canvas")}</dt>
      <dd><Link href={r.canvasLink}>{t("expert_table.canvas_link", { project: r.projectTitle })}</Link></dd>
      <dt>{t("expert_table.col.meeting")}</dt>
      <dd>{r.meeting ? `${formatDate(r.meeting.date, lang)} — ${r.meeting.title}` : t("expert_table.not_scheduled")}</dd>
    </dl>
  );
}

function ScheduleSection({ ctx, request: r, meetings, form }: { ctx: PageContext; request: AdviceRequestView; meetings: MeetingSummary[]; form: FormState }) {
  const { t, lang } = ctx;
  const part = formPart(form, "schedule");
  return (
    <section aria-labelledby="schedule">
      <Heading2 id="schedule">{t("expert_table.schedule")}</Heading2>
      {meetings.length === 0 ? (
        <Paragraph>{t("expert_table.no_meetings")} <Link href="/expert-table/meetings">{t("expert_table.meetings")}</Link></Paragraph>
      ) : (
        <PostForm action={`/expert-table/requests/${r.id}/schedule`} csrfToken={ctx.csrfToken} label={t("expert_table.schedule")}>
          <SelectField t={t} name="meetingId" label={t("expert_table.meeting")} required options={meetings.map((m) => ({ value: m.id, label: `${formatDate(m.date, lang)} — ${m.title}` }))} values={part.values ?? { meetingId: r.meeting?.id ?? "" }} errors={part.errors} />
          <SubmitButton variant="secondary">{t("expert_table.schedule_submit")}</SubmitButton>
        </PostForm>
      )}
    </section>
  );
}

function AdviceForm({ ctx, request: r, valueSet, form }: { ctx: PageContext; request: AdviceRequestView; valueSet: ValueChoice[]; form: FormState }) {
  const { t, lang } = ctx;
  const advice = r.advice;
  const part = formPart(form, "advice");
  const values: Values = part.values ?? { summary: advice?.summary ?? "", ...Object.fromEntries(valueSet.map((v) => [`finding_${v.key}`, advice?.findings[v.key] ?? ""])) };
  return (
    <PostForm action={`/expert-table/requests/${r.id}/advice`} csrfToken={ctx.csrfToken} label={t("expert_table.advice_form")}>
      <TextArea t={t} name="summary" label={t("expert_table.summary")} hint={t("expert_table.summary_hint")} maxlength={LIMITS.summary} rows={6} values={values} errors={part.errors} />
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t("expert_table.findings")}</legend>
        <p class="utrecht-paragraph">{t("expert_table.findings_hint")}</p>
        {valueSet.map((v) => (
          <TextArea t={t} name={`finding_${v.key}`} label={v.name[lang]} maxlength={LIMITS.finding} rows={2} values={values} errors={part.errors} />
        ))}
      </fieldset>
      <SubmitButton variant="secondary">{t("expert_table.advice_save")}</SubmitButton>
    </PostForm>
  );
}

function AdviceSection({ ctx, request: r, valueSet, form }: { ctx: PageContext; request: AdviceRequestView; valueSet: ValueChoice[]; form: FormState }) {
  const { t, lang } = ctx;
  const advice = r.advice;
  return (
    <section aria-labelledby="advice">
      <Heading2 id="advice">{t("expert_table.advice")}</Heading2>
      {r.may.involved ? <Alert kind="warning">{t("expert_table.involved_notice")}</Alert> : null}
      <Paragraph>
        {!advice
          ? t("expert_table.no_advice_yet")
          : advice.status === "given"
            ? t("expert_table.given_by_on", { name: advice.givenBy ?? "", date: formatDate(advice.givenAt!, lang) })
            : t("expert_table.draft_by", { name: advice.writtenBy })}
      </Paragraph>
      {advice && !r.may.write ? (
        <>
          {advice.summary ? <p class="utrecht-paragraph afw-prewrap">{advice.summary}</p> : null}
          <FindingsList ctx={ctx} findings={advice.findings} valueSet={valueSet} />
        </>
      ) : null}
      {r.may.write ? <AdviceForm ctx={ctx} request={r} valueSet={valueSet} form={form} /> : null}
    </section>
  );
}

function RespondForm({ ctx, rec, form }: { ctx: PageContext; rec: RecommendationView; form: FormState }) {
  const { t } = ctx;
  const part = formPart(form, `respond_${rec.id}`);
  const values: Values = part.values ?? { [`response_${rec.number}`]: rec.response ?? "comply", [`text_${rec.number}`]: rec.responseText ?? "" };
  return (
    <PostForm action={`/expert-table/recommendations/${rec.id}/response`} csrfToken={ctx.csrfToken} label={t("expert_table.respond_label", { n: rec.number })}>
      <input type="hidden" name="expectedResponse" value={rec.response ?? "none"} />
      <SelectField
        t={t}
        name={`response_${rec.number}`}
        label={t("expert_table.respond_choice", { n: rec.number })}
        required
        options={[
          { value: "comply", label: t("expert_table.response.comply_option") },
          { value: "explain", label: t("expert_table.response.explain_option") },
        ]}
        values={values}
        errors={part.errors}
      />
      <TextArea t={t} name={`text_${rec.number}`} label={t("expert_table.respond_text", { n: rec.number })} hint={t("expert_table.respond_text_hint")} required maxlength={LIMITS.response} rows={3} values={values} errors={part.errors} />
      <SubmitButton variant="secondary">{t("expert_table.respond_submit", { n: rec.number })}</SubmitButton>
    </PostForm>
  );
}

function RecommendationAnswer({ ctx, rec, given }: { ctx: PageContext; rec: RecommendationView; given: boolean }) {
  const { t, lang } = ctx;
  if (rec.response) {
    return (
      <p class="utrecht-paragraph">
        <StatusBadge status={rec.response === "comply" ? "valid" : "warning"}>{t(`expert_table.response.${rec.response}`)}</StatusBadge>{" "}
        <span class="afw-prewrap">{rec.responseText}</span>{" "}
        <span>{t("expert_table.responded_by_on", { name: rec.respondedBy ?? "", date: formatDate(rec.respondedAt!, lang) })}</span>
      </p>
    );
  }
  return given ? <p class="utrecht-paragraph"><StatusBadge status="invalid">{t("expert_table.response.none")}</StatusBadge></p> : null;
}

function RecommendationItem({ ctx, request: r, rec, form }: { ctx: PageContext; request: AdviceRequestView; rec: RecommendationView; form: FormState }) {
  const { t } = ctx;
  return (
    <li class="utrecht-ordered-list__item">
      <p class="utrecht-paragraph afw-prewrap">
        <strong>{t("expert_table.recommendation_n", { n: rec.number })}</strong> {rec.text}
      </p>
      <RecommendationAnswer ctx={ctx} rec={rec} given={r.advice?.status === "given"} />
      {rec.measureId ? <p class="utrecht-paragraph">{t("expert_table.measure_made")}</p> : null}
      {r.may.write ? (
        <InlineAction ctx={ctx} action={`/expert-table/recommendations/${rec.id}/remove`} text={t("expert_table.recommendation_remove")} label={t("expert_table.recommendation_remove_label", { n: rec.number })} />
      ) : null}
      {r.may.respond ? <RespondForm ctx={ctx} rec={rec} form={form} /> : null}
      {r.may.respond && rec.response === "comply" && !rec.measureId ? (
        <PostForm action={`/expert-table/recommendations/${rec.id}/measure`} csrfToken={ctx.csrfToken} class="afw-inline-form">
          <SubmitButton variant="subtle">{t("expert_table.make_measure", { n: rec.number })}</SubmitButton>
        </PostForm>
      ) : null}
    </li>
  );
}

function RecommendationsSection({ ctx, request: r, form }: { ctx: PageContext; request: AdviceRequestView; form: FormState }) {
  const { t } = ctx;
  const recommendations = r.advice?.recommendations ?? [];
  const part = formPart(form, "recommendations");
  return (
    <section aria-labelledby="recommendations">
      <Heading2 id="recommendations">{t("expert_table.recommendations")}</Heading2>
      {recommendations.length === 0 ? (
        <Paragraph>{t("expert_table.no_recommendations")}</Paragraph>
      ) : (
        <ol class="utrecht-ordered-list afw-recommendations">
          {recommendations.map((rec) => <RecommendationItem ctx={ctx} request={r} rec={rec} form={form} />)}
        </ol>
      )}
      {r.may.write ? (
        <>
          <PostForm action={`/expert-table/requests/${r.id}/recommendations`} csrfToken={ctx.csrfToken} label={t("expert_table.recommendation_add")}>
            <TextArea t={t} name="text" label={t("expert_table.recommendation_new")} required maxlength={LIMITS.recommendation} rows={3} values={part.values} errors={part.errors} />
            <SubmitButton variant="secondary">{t("expert_table.recommendation_add")}</SubmitButton>
          </PostForm>
          <PostForm action={`/expert-table/requests/${r.id}/finalise`} csrfToken={ctx.csrfToken} label={t("expert_table.finalise")}>
            <Paragraph>{t("expert_table.finalise_hint")}</Paragraph>
            <SubmitButton>{t("expert_table.finalise")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </section>
  );
}

export function RequestPage(props: { ctx: PageContext; request: AdviceRequestView; meetings: MeetingSummary[]; valueSet: ValueChoice[] } & FormState) {
  const { ctx, request: r } = props;
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("expert_table.request_title", { project: r.projectTitle })}</Heading1>
      <ErrorSummary t={t} errors={props.errors} />
      <RequestFacts ctx={ctx} request={r} />
      {r.may.schedule ? <ScheduleSection ctx={ctx} request={r} meetings={props.meetings} form={props} /> : null}
      <AdviceSection ctx={ctx} request={r} valueSet={props.valueSet} form={props} />
      <RecommendationsSection ctx={ctx} request={r} form={props} />
    </>
  );
}

/** The findings in the order of the organisation's values; a finding on a value the set no longer has shows its key. */
export function FindingsList({ ctx, findings, valueSet }: { ctx: PageContext; findings: Record<string, string>; valueSet: ValueChoice[] }) {
  const { t, lang } = ctx;
  const known = valueSet.filter((v) => findings[v.key]).map((v) => [v.name[lang], findings[v.key]!] as const);
  const other = Object.entries(findings).filter(([k, text]) => text && !valueSet.some((v) => v.key === k));
  const filled = [...known, ...other];
  if (!filled.length) return null;
  return (
    <>
      <h3 class="utrecht-heading-3">{t("expert_table.findings")}</h3>
      <dl class="afw-facts">
        {filled.map(([name, text]) => (
          <>
            <dt>{name}</dt>
            <dd class="afw-prewrap">{text}</dd>
          </>
        ))}
      </dl>
    </>
  );
}

export function MeetingsPage({ ctx, meetings, subjects, values, errors, basePath, titleKey }: { ctx: PageContext; meetings: MeetingSummary[]; subjects: Map<string, { href: string; label: string }>; values?: Values; errors?: FieldError[]; basePath: string; titleKey: MessageKey }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t(titleKey)}</Heading1>
      <ErrorSummary t={t} errors={errors} />
      {meetings.length === 0 ? <Paragraph>{t("expert_table.meetings_empty")}</Paragraph> : null}
      {meetings.map((m) => (
        <section class="afw-card" aria-label={`${formatDate(m.date, lang)} — ${m.title}`}>
          <h2 class="utrecht-heading-2">{formatDate(m.date, lang)} — {m.title}</h2>
          {m.notes ? <p class="utrecht-paragraph afw-prewrap">{m.notes}</p> : null}
          {m.agenda.length === 0 ? (
            <Paragraph>{t("expert_table.agenda_empty")}</Paragraph>
          ) : (
            <ol class="utrecht-ordered-list">
              {m.agenda.map((a) => {
                const s = subjects.get(a.subjectId);
                return <li class="utrecht-ordered-list__item">{s ? <Link href={s.href}>{s.label}</Link> : a.subjectId}</li>;
              })}
            </ol>
          )}
        </section>
      ))}
      <section aria-labelledby="new-meeting">
        <Heading2 id="new-meeting">{t("expert_table.meeting_new")}</Heading2>
        <PostForm action={basePath} csrfToken={ctx.csrfToken} label={t("expert_table.meeting_new")}>
          <TextField t={t} name="date" type="date" label={t("expert_table.meeting_date")} hint={t("expert_table.date_hint")} required maxlength={LIMITS.date} values={values} errors={errors} />
          <TextField t={t} name="title" label={t("expert_table.meeting_title")} required maxlength={LIMITS.meetingTitle} values={values} errors={errors} />
          <TextArea t={t} name="notes" label={t("expert_table.meeting_notes")} maxlength={LIMITS.meetingNotes} rows={3} values={values} errors={errors} />
          <SubmitButton variant="secondary">{t("expert_table.meeting_create")}</SubmitButton>
        </PostForm>
      </section>
    </>
  );
}
