import type { Role } from "../../../domain/permissions/roles.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Cell, formatDate, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { CheckboxGroupField } from "../../../ui/choice-fields.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { LIMITS } from "../limits.ts";
import type { LiteracyOverview, PersonRow, SessionRow } from "../overview.ts";
import { AUDIENCE_ROLES, type Training } from "../trainings.ts";

export type FormState = { form?: "session" | "training"; values?: Values; lists?: Record<string, string[]>; errors?: FieldError[] };

const percent = (covered: number, people: number) => (people ? Math.round((covered / people) * 100) : 0);

function validity(ctx: PageContext, months: number): string {
  return months === 1 ? ctx.t("ai_literacy.month") : ctx.t("ai_literacy.months", { count: months });
}

/** The figure the start page and the overview share. */
export function CoverageFigure({ ctx, overview }: { ctx: PageContext; overview: LiteracyOverview }) {
  const { t } = ctx;
  if (!overview.trainings.length) return <Paragraph>{t("ai_literacy.coverage.no_trainings")}</Paragraph>;
  if (!overview.total.people) return <Paragraph>{t("ai_literacy.coverage.nobody")}</Paragraph>;
  const { covered, people, expiringSoon } = overview.total;
  return (
    <>
      <Paragraph lead>{t("ai_literacy.coverage.figure", { covered, people, percent: percent(covered, people) })}</Paragraph>
      {expiringSoon ? <Paragraph>{t("ai_literacy.coverage.expiring", { count: expiringSoon })}</Paragraph> : null}
    </>
  );
}

export function LiteracyPage({ ctx, overview, sessions, canRecord, state }: { ctx: PageContext; overview: LiteracyOverview; sessions: SessionRow[]; canRecord: boolean; state: FormState }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("ai_literacy.title")}</Heading1>
      <Paragraph lead>{t("ai_literacy.intro")}</Paragraph>
      <section aria-labelledby="lit-coverage">
        <Heading2 id="lit-coverage">{t("ai_literacy.coverage.title")}</Heading2>
        <CoverageFigure ctx={ctx} overview={overview} />
        {overview.roles.length ? (
          <Table caption={t("ai_literacy.coverage.caption")} headers={[t("ai_literacy.col.role"), t("ai_literacy.col.people"), t("ai_literacy.col.covered"), t("ai_literacy.col.expiring")]}>
            {overview.roles.map((r) => (
              <Row>
                <Cell>{t(`role.${r.role}`)}</Cell>
                <Cell numeric>{r.people}</Cell>
                <Cell numeric>{r.covered}</Cell>
                <Cell numeric>{r.expiringSoon}</Cell>
              </Row>
            ))}
          </Table>
        ) : null}
        <Paragraph><Link href="/ai-literacy/people">{t("ai_literacy.people.link")}</Link></Paragraph>
      </section>
      <Trainings ctx={ctx} trainings={overview.trainings} />
      <Sessions ctx={ctx} sessions={sessions} />
      {canRecord ? <Forms ctx={ctx} trainings={overview.trainings} people={overview.people} state={state} /> : null}
    </>
  );
}

function Trainings({ ctx, trainings }: { ctx: PageContext; trainings: Training[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="lit-trainings">
      <Heading2 id="lit-trainings">{t("ai_literacy.trainings.title")}</Heading2>
      {trainings.length ? (
        <Table caption={t("ai_literacy.trainings.title")} captionHidden headers={[t("ai_literacy.col.training"), t("ai_literacy.col.validity"), t("ai_literacy.col.audience")]}>
          {trainings.map((tr) => (
            <Row>
              <Cell>
                <strong>{tr.title}</strong>
                {tr.description ? <p class="utrecht-paragraph">{tr.description}</p> : null}
              </Cell>
              <Cell>{validity(ctx, tr.validityMonths)}</Cell>
              <Cell>{tr.audience.map((r) => t(`role.${r}`)).join(", ")}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>{t("ai_literacy.trainings.empty")}</Paragraph>
      )}
    </section>
  );
}

function Sessions({ ctx, sessions }: { ctx: PageContext; sessions: SessionRow[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="lit-sessions">
      <Heading2 id="lit-sessions">{t("ai_literacy.sessions.title")}</Heading2>
      {sessions.length ? (
        <Table caption={t("ai_literacy.sessions.title")} captionHidden headers={[t("ai_literacy.col.date"), t("ai_literacy.col.training"), t("ai_literacy.col.valid_until"), t("ai_literacy.col.participants")]}>
          {sessions.map((s) => (
            <Row>
              <Cell>{formatDate(s.date, lang)}</Cell>
              <Cell>{s.title}</Cell>
              <Cell>{formatDate(s.validUntil, lang)}</Cell>
              <Cell>{s.participants.join(", ")}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>{t("ai_literacy.sessions.empty")}</Paragraph>
      )}
      <Paragraph>{t("ai_literacy.sessions.also_awareness")}</Paragraph>
    </section>
  );
}

function Forms({ ctx, trainings, people, state }: { ctx: PageContext; trainings: Training[]; people: PersonRow[]; state: FormState }) {
  const { t } = ctx;
  const own = (form: FormState["form"]) => (state.form === form ? state : {});
  const s = own("session");
  const tr = own("training");
  return (
    <>
      {trainings.length ? (
        <section aria-labelledby="lit-session-new">
          <Heading2 id="lit-session-new">{t("ai_literacy.session.record")}</Heading2>
          <ErrorSummary t={t} errors={s.errors} />
          <PostForm action="/ai-literacy/sessions" csrfToken={ctx.csrfToken} label={t("ai_literacy.session.record")}>
            <SelectField t={t} name="trainingId" label={t("ai_literacy.session.training")} required options={[{ value: "", label: t("ai_literacy.session.choose") }, ...trainings.map((x) => ({ value: x.id, label: x.title }))]} values={s.values} errors={s.errors} />
            <TextField t={t} name="date" type="date" label={t("ai_literacy.session.date")} required maxlength={LIMITS.date} values={s.values} errors={s.errors} />
            <CheckboxGroupField t={t} name="participantUserIds" legend={t("ai_literacy.session.users")} required options={people.map((p) => ({ value: p.userId, label: p.name }))} selected={s.lists?.participantUserIds ?? []} errors={s.errors} />
            <TextArea t={t} name="participantNames" label={t("ai_literacy.session.names")} hint={t("ai_literacy.session.names_hint")} rows={3} maxlength={20000} values={s.values} errors={s.errors} />
            <SubmitButton>{t("ai_literacy.session.save")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
      <section aria-labelledby="lit-training-new">
        <Heading2 id="lit-training-new">{t("ai_literacy.training.add")}</Heading2>
        <details class="afw-disclosure" open={tr.errors?.length || !trainings.length ? true : undefined}>
          <summary>{t("ai_literacy.training.add")}</summary>
          <ErrorSummary t={t} errors={tr.errors} />
          <PostForm action="/ai-literacy/trainings" csrfToken={ctx.csrfToken} label={t("ai_literacy.training.add")}>
            <TextField t={t} name="title" label={t("ai_literacy.training.title")} required maxlength={LIMITS.title} values={tr.values} errors={tr.errors} />
            <TextArea t={t} name="description" label={t("ai_literacy.training.description")} rows={3} maxlength={LIMITS.description} values={tr.values} errors={tr.errors} />
            <TextField t={t} name="validityMonths" type="number" label={t("ai_literacy.training.validity")} hint={t("ai_literacy.training.validity_hint")} required maxlength={3} values={tr.values} errors={tr.errors} />
            <CheckboxGroupField t={t} name="audience" legend={t("ai_literacy.training.audience")} hint={t("ai_literacy.training.audience_hint")} required options={AUDIENCE_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} selected={tr.lists?.audience ?? []} errors={tr.errors} />
            <SubmitButton>{t("ai_literacy.training.save")}</SubmitButton>
          </PostForm>
        </details>
      </section>
    </>
  );
}

function PersonStatus({ ctx, person, trainings }: { ctx: PageContext; person: PersonRow; trainings: Training[] }) {
  const { t, lang } = ctx;
  const lines = person.trainings
    .map((p, i) => ({ p, title: trainings[i]!.title }))
    .filter(({ p }) => p.required || p.validUntil)
    .map(({ p, title }) => {
      const date = p.validUntil ? formatDate(p.validUntil, lang) : "";
      if (!p.required) return t("ai_literacy.status.optional", { title, date });
      return t(`ai_literacy.status.${p.status}`, { title, date });
    });
  return lines.length ? (
    <ul class="utrecht-unordered-list">{lines.map((l) => <li class="utrecht-unordered-list__item">{l}</li>)}</ul>
  ) : (
    <>{t("ai_literacy.people.nothing_needed")}</>
  );
}

export function PeoplePage({ ctx, overview, people, role }: { ctx: PageContext; overview: LiteracyOverview; people: PersonRow[]; role: Role | "all" | null }) {
  const { t } = ctx;
  const audience = new Set(overview.trainings.flatMap((x) => x.audience));
  return (
    <>
      <Heading1>{t("ai_literacy.people.title")}</Heading1>
      <Paragraph lead>{t("ai_literacy.people.intro")}</Paragraph>
      <Paragraph><Link href="/ai-literacy">{t("ai_literacy.people.back")}</Link></Paragraph>
      <form method="get" action="/ai-literacy/people" class="utrecht-form afw-filter" role="search" aria-label={t("ai_literacy.people.filter")}>
        <SelectField
          t={t}
          name="role"
          label={t("ai_literacy.people.role")}
          options={[{ value: "", label: t("ai_literacy.people.all_roles") }, { value: "all", label: t("ai_literacy.people.everyone") }, ...AUDIENCE_ROLES.filter((r) => audience.has(r)).map((r) => ({ value: r, label: t(`role.${r}`) }))]}
          values={{ role: role ?? "" }}
        />
        <div class="utrecht-form-field"><SubmitButton variant="secondary">{t("ai_literacy.people.show")}</SubmitButton></div>
      </form>
      {people.length ? (
        <Table caption={t("ai_literacy.people.caption", { count: people.length })} headers={[t("ai_literacy.col.name"), t("ai_literacy.col.roles"), t("ai_literacy.col.trainings")]}>
          {people.map((p) => (
            <Row>
              <Cell>
                <strong>{p.name}</strong>
                <br />
                {p.inScope ? <StatusBadge status={p.covered ? "valid" : "warning"}>{t(p.covered ? "ai_literacy.badge.covered" : "ai_literacy.badge.missing")}</StatusBadge> : <StatusBadge>{t("ai_literacy.badge.not_in_scope")}</StatusBadge>}
              </Cell>
              <Cell>{p.roles.length ? p.roles.map((r) => t(`role.${r}`)).join(", ") : t("ai_literacy.people.none")}</Cell>
              <Cell><PersonStatus ctx={ctx} person={p} trainings={overview.trainings} /></Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>{t("ai_literacy.people.empty")}</Paragraph>
      )}
    </>
  );
}

/** The start page's card for the administrator and the CIO. */
export function LiteracyHomeCard({ ctx, overview }: { ctx: PageContext; overview: LiteracyOverview }) {
  const { t } = ctx;
  return (
    <section class="afw-card" aria-labelledby="home-ai-literacy">
      <Heading2 id="home-ai-literacy">{t("ai_literacy.panel.title")}</Heading2>
      <CoverageFigure ctx={ctx} overview={overview} />
      <Paragraph><Link href="/ai-literacy">{t("ai_literacy.panel.open")}</Link></Paragraph>
    </section>
  );
}
