import type { Child } from "hono/jsx";
import { PHASES, type GateReadiness, type Phase } from "../../../domain/lifecycle/index.ts";
import { PROJECT_ROLES } from "../../../domain/permissions/roles.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Alert, ButtonLink, Cell, formatDate, formatDateTime, Heading1, Heading2, Link, Pagination, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { RESPONSIBLES, type Dashboard, type WaitingItem } from "../dashboard.ts";
import { missingHref } from "../next-steps.ts";
import { decisionNoteText, missingText, phaseName, summaryText } from "../readiness-text.ts";
import { projectDescriptionOf } from "../project-rows.ts";
import {
  DATA_CATEGORIES,
  DOMAINS,
  EXPLICIT_CHANGE_KINDS,
  LIMITS,
  TECHNOLOGIES,
  type EvaluationRecord,
  type GateDecisionView,
  type MaterialChangeRecord,
  type ProjectDetail,
} from "../service.ts";
import { CheckboxGroupField as CheckboxGroup, RadioGroupField as RadioGroup } from "../../../ui/choice-fields.tsx";

type Person = { id: string; name: string };
/** Form values: text fields as strings, checkbox groups as lists. */
export type FormValues = Record<string, string | string[] | undefined>;

const ACTIVE_PHASES: Phase[] = ["pre_start", "start", "execution", "evaluation", "closed"];

function text(values: FormValues | undefined): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values ?? {})) out[k] = Array.isArray(v) ? v[v.length - 1] : v;
  return out;
}

function listOf(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function phaseLabel(ctx: PageContext, phase: Phase): string {
  return phaseName(ctx.t, phase);
}

function PhaseBadge({ ctx, phase }: { ctx: PageContext; phase: Phase }) {
  const status = phase === "stopped" ? "warning" : phase === "closed" ? "valid" : "neutral";
  return <StatusBadge status={status}>{phaseLabel(ctx, phase)}</StatusBadge>;
}

/** Where the project stands among the phases, as an ordered list a screen reader reads as steps. */
export function PhaseSteps({ ctx, phase, stoppedIn }: { ctx: PageContext; phase: Phase; stoppedIn?: Phase | null }) {
  const { t } = ctx;
  const current = phase === "stopped" ? (stoppedIn ?? null) : phase;
  const at = current ? ACTIVE_PHASES.indexOf(current) : -1;
  return (
    <ol class="utrecht-ordered-list afw-stepper" aria-label={t("projects.steps_label")}>
        {ACTIVE_PHASES.map((p, i) => {
          const state = i < at ? t("projects.step_done") : i === at ? (phase === "stopped" ? t("projects.step_stopped_here") : t("projects.step_current")) : t("projects.step_later");
          return (
            <li class={`utrecht-ordered-list__item afw-stepper__step afw-stepper__step--${i < at ? "done" : i === at ? "now" : "later"}`} aria-current={i === at ? "step" : undefined}>
              {i === at ? <strong>{phaseLabel(ctx, p)}</strong> : phaseLabel(ctx, p)} <span class="afw-step-state">({state})</span>
            </li>
          );
        })}
    </ol>
  );
}

function whoLabel(ctx: PageContext, item: Pick<WaitingItem, "who" | "people">): string {
  const role = ctx.t(`projects.who.${item.who}`);
  return item.people.length ? `${role} (${item.people.join(", ")})` : role;
}

// ------------------------------------------------------------------ dashboard

export function DashboardPage({ ctx, dashboard, query }: { ctx: PageContext; dashboard: Dashboard; query: Record<string, string> }) {
  const { t } = ctx;
  const { items, total, page, pageSize, countsByPhase, waitingForMeCount, filters } = dashboard;
  const visibleTotal = PHASES.reduce((n, p) => n + countsByPhase[p], 0);
  const filtered = !!(filters.phase || filters.waitingOn || filters.mine);
  const href = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...extra })) if (v) q.set(k, v);
    const s = q.toString();
    return `/projects${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <Heading1>{t("projects.dashboard.title")}</Heading1>
      <Paragraph lead>{t("projects.dashboard.intro")}</Paragraph>
      <div class="afw-actions">
        <ButtonLink href="/projects/new" variant="primary">{t("projects.register")}</ButtonLink>
        <ButtonLink href={href({ mine: "1", page: undefined })}>{t("projects.dashboard.waiting_for_me", { count: waitingForMeCount })}</ButtonLink>
      </div>

      <section aria-labelledby="by-phase">
        <Heading2 id="by-phase">{t("projects.dashboard.by_phase")}</Heading2>
        <ul class="utrecht-unordered-list">
          {PHASES.map((p) => (
            <li class="utrecht-unordered-list__item">
              <Link href={href({ phase: p, page: undefined })}>{t("projects.dashboard.phase_link", { phase: phaseLabel(ctx, p), count: countsByPhase[p] })}</Link>
            </li>
          ))}
        </ul>
      </section>

      <DashboardFilter ctx={ctx} filters={filters} />

      {visibleTotal === 0 && !filters.domain ? (
        <Paragraph>{t("projects.dashboard.empty")}</Paragraph>
      ) : items.length === 0 ? (
        <Paragraph>{filtered || filters.domain ? t("projects.dashboard.empty_filter") : t("projects.dashboard.empty")}</Paragraph>
      ) : (
        <DashboardTable ctx={ctx} items={items} total={total} />
      )}
      <Pagination t={t} page={page} pageSize={pageSize} total={total} href={(p) => href({ page: String(p) })} />
    </>
  );
}

function DashboardFilter({ ctx, filters }: { ctx: PageContext; filters: Dashboard["filters"] }) {
  const { t } = ctx;
  return (
    <form method="get" action="/projects" class="utrecht-form afw-filter" role="search" aria-label={t("projects.dashboard.filter")}>
      <SelectField
        t={t}
        name="domain"
        label={t("projects.field.domain")}
        options={[{ value: "", label: t("projects.filter.all_domains") }, ...DOMAINS.map((d) => ({ value: d, label: t(`projects.domain.${d}`) }))]}
        values={{ domain: filters.domain ?? "" }}
      />
      <SelectField
        t={t}
        name="phase"
        label={t("projects.field.phase")}
        options={[{ value: "", label: t("projects.filter.all_phases") }, ...PHASES.map((p) => ({ value: p, label: phaseLabel(ctx, p) }))]}
        values={{ phase: filters.phase ?? "" }}
      />
      <SelectField
        t={t}
        name="waitingOn"
        label={t("projects.filter.waiting_on")}
        options={[{ value: "", label: t("projects.filter.anyone") }, ...RESPONSIBLES.map((w) => ({ value: w, label: t(`projects.who.${w}`) }))]}
        values={{ waitingOn: filters.waitingOn ?? "" }}
      />
      <SelectField
        t={t}
        name="mine"
        label={t("projects.filter.mine")}
        options={[{ value: "", label: t("projects.filter.mine_all") }, { value: "1", label: t("projects.filter.mine_only") }]}
        values={{ mine: filters.mine ? "1" : "" }}
      />
      <div class="utrecht-form-field"><SubmitButton variant="secondary">{t("projects.filter.submit")}</SubmitButton></div>
    </form>
  );
}

function DashboardTable({ ctx, items, total }: { ctx: PageContext; items: Dashboard["items"]; total: number }) {
  const { t } = ctx;
  return (
    <Table caption={t("projects.dashboard.count", { total })} headers={[t("projects.col.project"), t("projects.col.phase"), t("projects.col.waiting"), t("projects.col.my_role")]}>
      {items.map((i) => (
        <Row>
          <Cell>
            <Link href={`/projects/${i.id}`}>{i.title}</Link>
            <br />
            <span>{t(`projects.domain.${i.domain}`)}</span>
          </Cell>
          <Cell><PhaseBadge ctx={ctx} phase={i.phase} /></Cell>
          <Cell>
            {i.waiting.length === 0 ? (
              i.readiness.transition ? t("projects.dashboard.ready") : summaryText(ctx, i.readiness.summary)
            ) : (
              <ul class="utrecht-unordered-list">
                {i.waiting.map((w) => (
                  <li class="utrecht-unordered-list__item">
                    {missingText(ctx, w)} — {t("projects.waiting_on", { who: whoLabel(ctx, w) })}
                    {w.forMe ? <> <StatusBadge status="warning">{t("projects.for_me")}</StatusBadge></> : null}
                  </li>
                ))}
              </ul>
            )}
          </Cell>
          <Cell>{i.myRoles.length ? i.myRoles.map((r) => t(`role.${r}`)).join(", ") : t("projects.no_project_role")}</Cell>
        </Row>
      ))}
    </Table>
  );
}

// ------------------------------------------------------------------ register and edit

function ProjectFieldsForm({ ctx, values, errors }: { ctx: PageContext; values?: FormValues; errors?: FieldError[] }) {
  const { t } = ctx;
  const v = text(values);
  return (
    <>
      <TextField t={t} name="title" label={t("projects.field.title")} required maxlength={LIMITS.title} values={v} errors={errors} />
      <TextArea t={t} name="goal" label={t("projects.field.goal")} hint={t("projects.field.goal_hint")} required rows={4} maxlength={LIMITS.goal} values={v} errors={errors} />
      <TextArea t={t} name="description" label={t("projects.field.description")} hint={t("projects.field.description_hint")} rows={6} maxlength={LIMITS.description} values={v} errors={errors} />
      <SelectField
        t={t}
        name="domain"
        label={t("projects.field.domain")}
        required
        options={[{ value: "", label: t("projects.choose") }, ...DOMAINS.map((d) => ({ value: d, label: t(`projects.domain.${d}`) }))]}
        values={v}
        errors={errors}
      />
      <CheckboxGroup
        t={t}
        name="technologies"
        legend={t("projects.field.technologies")}
        hint={t("projects.field.technologies_hint")}
        options={TECHNOLOGIES.map((x) => ({ value: x, label: t(`projects.technology.${x}`) }))}
        selected={listOf(values, "technologies")}
        errors={errors}
      />
      <CheckboxGroup
        t={t}
        name="dataCategories"
        legend={t("projects.field.data_categories")}
        hint={t("projects.field.data_categories_hint")}
        required
        options={DATA_CATEGORIES.map((x) => ({ value: x, label: t(`projects.data.${x}`) }))}
        selected={listOf(values, "dataCategories")}
        errors={errors}
      />
      <RadioGroup
        t={t}
        name="supplierInvolved"
        legend={t("projects.field.supplier")}
        hint={t("projects.field.supplier_hint")}
        required
        options={[{ value: "yes", label: t("projects.yes") }, { value: "no", label: t("projects.no") }]}
        selected={v.supplierInvolved}
        errors={errors}
      />
    </>
  );
}

export function NewProjectPage({ ctx, people, values, errors }: { ctx: PageContext; people: Person[]; values?: FormValues; errors?: FieldError[] }) {
  const { t } = ctx;
  const v = { leadUserId: ctx.actor?.userId ?? "", ...text(values) };
  const personOptions = people.map((p) => ({ value: p.id, label: p.name }));
  return (
    <>
      <Heading1>{t("projects.register")}</Heading1>
      <Paragraph lead>{t("projects.register_intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/projects" csrfToken={ctx.csrfToken}>
        <ProjectFieldsForm ctx={ctx} values={values} errors={errors} />
        <SelectField t={t} name="ownerUserId" label={t("projects.field.owner")} hint={t("projects.field.owner_hint")} required options={[{ value: "", label: t("projects.choose") }, ...personOptions]} values={v} errors={errors} />
        <SelectField t={t} name="leadUserId" label={t("projects.field.lead")} hint={t("projects.field.lead_hint")} required options={personOptions} values={v} errors={errors} />
        <SubmitButton>{t("projects.register_submit")}</SubmitButton>
      </PostForm>
    </>
  );
}

export function projectValues(p: ProjectDetail): FormValues {
  return { ...projectDescriptionOf(p), supplierInvolved: p.supplierInvolved ? "yes" : "no" };
}

export function EditProjectPage({ ctx, project, values, errors }: { ctx: PageContext; project: ProjectDetail; values?: FormValues; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("projects.edit_title", { title: project.title })}</Heading1>
      <Paragraph>{t("projects.edit_intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action={`/projects/${project.id}/edit`} csrfToken={ctx.csrfToken}>
        <ProjectFieldsForm ctx={ctx} values={values ?? projectValues(project)} errors={errors} />
        <div class="afw-actions">
          <SubmitButton>{t("projects.save")}</SubmitButton>
          <Link href={`/projects/${project.id}`}>{t("projects.cancel")}</Link>
        </div>
      </PostForm>
    </>
  );
}

// ------------------------------------------------------------------ project page

export interface ProjectPageProps {
  ctx: PageContext;
  project: ProjectDetail;
  readiness: GateReadiness;
  decisions: GateDecisionView[];
  evaluations: EvaluationRecord[];
  changes: MaterialChangeRecord[];
  people: Person[];
  may: { edit: boolean; decide: boolean; manageMembers: boolean };
  panels: Child[];
  values?: FormValues;
  errors?: FieldError[];
  errorsFor?: "gate" | "members" | "evaluation" | "change";
}

export function ProjectPage(props: ProjectPageProps) {
  const { ctx, project, readiness, decisions, may, errors, errorsFor } = props;
  const { t } = ctx;
  const stop = project.phase === "stopped" ? decisions.find((d) => d.decision === "stop") : undefined;
  const final = project.phase === "stopped" || project.phase === "closed";
  const formErrors = (part: ProjectPageProps["errorsFor"]) => (errorsFor === part ? errors : undefined);
  const formValues = (part: ProjectPageProps["errorsFor"]) => (errorsFor === part ? text(props.values) : undefined);
  return (
    <>
      <Heading1>{project.title}</Heading1>
      <Paragraph>
        <PhaseBadge ctx={ctx} phase={project.phase} /> {t(`projects.domain.${project.domain}`)}
      </Paragraph>
      <ErrorSummary t={t} errors={errors} />

      <Outcome ctx={ctx} project={project} stop={stop} />

      {final ? null : <ReadinessPanel ctx={ctx} readiness={readiness} project={project} />}

      <PhaseSteps ctx={ctx} phase={project.phase} stoppedIn={stop?.phase ?? null} />

      {final ? null : <GateDecisionForm ctx={ctx} project={project} readiness={readiness} mayDecide={may.decide} values={formValues("gate")} errors={formErrors("gate")} />}

      <Evaluations ctx={ctx} project={project} evaluations={props.evaluations} mayEdit={may.edit} values={formValues("evaluation")} errors={formErrors("evaluation")} />

      <DecisionHistory ctx={ctx} decisions={decisions} />
      <Members {...props} errors={formErrors("members")} values={formValues("members")} />
      <Details {...props} errors={formErrors("change")} values={formValues("change")} />
      {props.panels}
    </>
  );
}

/** A stopped project reads as the process having worked; a closed one as every step taken. */
function Outcome({ ctx, project, stop }: { ctx: PageContext; project: ProjectDetail; stop: GateDecisionView | undefined }) {
  const { t } = ctx;
  return project.phase === "stopped" ? (
    <div class="utrecht-alert utrecht-alert--ok" role="status" aria-labelledby="stopped-title">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id="stopped-title">{t("projects.stopped.title")}</h2>
        <p class="utrecht-paragraph">
          {t("projects.stopped.text", { date: project.stoppedAt ? formatDate(project.stoppedAt, ctx.lang) : "", phase: stop ? phaseLabel(ctx, stop.phase).toLowerCase() : "" })}
        </p>
        {project.stoppedReason ? (
          <p class="utrecht-paragraph">
            <strong>{t("projects.stopped.reason")}</strong> {project.stoppedReason}
          </p>
        ) : null}
      </div>
    </div>
  ) : project.phase === "closed" ? (
    <Alert kind="ok">{t("projects.closed_text", { date: project.closedAt ? formatDate(project.closedAt, ctx.lang) : "" })}</Alert>
  ) : null;
}

type FormPart = { values?: Values; errors?: FieldError[] };

/** The owner's decision at the gate: why go is not possible yet, the three choices and the rationale. */
function GateDecisionForm({ ctx, project, readiness, mayDecide, values, errors }: { ctx: PageContext; project: ProjectDetail; readiness: GateReadiness; mayDecide: boolean } & FormPart) {
  const { t } = ctx;
  return (
    <section aria-labelledby="gate-decision">
      <Heading2 id="gate-decision">{t("projects.gate.title")}</Heading2>
      {mayDecide ? (
        <>
          <Paragraph>{t("projects.gate.intro")}</Paragraph>
          {!readiness.ready ? (
            <div class="utrecht-alert utrecht-alert--warning" role="note">
              <div class="utrecht-alert__content">
                <p class="utrecht-paragraph">{t("projects.gate.go_refused_because")}</p>
                <ul class="utrecht-unordered-list">
                  {readiness.missing.map((m) => <li class="utrecht-unordered-list__item">{missingText(ctx, m)}</li>)}
                </ul>
              </div>
            </div>
          ) : null}
          <PostForm action={`/projects/${project.id}/gate-decisions`} csrfToken={ctx.csrfToken} label={t("projects.gate.title")}>
            <input type="hidden" name="expectedPhase" value={project.phase} />
            <RadioGroup
              t={t}
              name="decision"
              legend={t("projects.gate.decision")}
              required
              options={(["go", "adjust", "stop"] as const).map((d) => ({ value: d, label: t(`projects.gate.option.${d}`, { next: readiness.transition ? phaseLabel(ctx, readiness.transition.to).toLowerCase() : "" }) }))}
              selected={values?.decision}
              errors={errors}
            />
            <TextArea t={t} name="rationale" label={t("projects.gate.rationale")} hint={t("projects.gate.rationale_hint")} required rows={4} maxlength={LIMITS.rationale} values={values} errors={errors} />
            <SubmitButton>{t("projects.gate.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : (
        <Paragraph>{t("projects.gate.owner_only", { names: project.members.filter((m) => m.role === "owner").map((m) => m.name).join(", ") })}</Paragraph>
      )}
    </section>
  );
}

/** Evaluations, and the form for one during execution and evaluation. */
function Evaluations({ ctx, project, evaluations, mayEdit, values, errors }: { ctx: PageContext; project: ProjectDetail; evaluations: EvaluationRecord[]; mayEdit: boolean } & FormPart) {
  const { t } = ctx;
  if (!(project.phase === "execution" || project.phase === "evaluation" || evaluations.length)) return null;
  return (
    <section aria-labelledby="evaluation">
      <Heading2 id="evaluation">{t("projects.evaluation.title")}</Heading2>
      {evaluations.length === 0 ? <Paragraph>{t("projects.evaluation.none")}</Paragraph> : null}
      {evaluations.map((e) => (
        <div class="afw-card">
          <Paragraph>
            <strong>{t("projects.evaluation.by", { name: e.recordedByName, date: formatDate(e.recordedAt, ctx.lang), phase: phaseLabel(ctx, e.phase).toLowerCase() })}</strong>
          </Paragraph>
          <p class="utrecht-paragraph afw-change">{e.text}</p>
        </div>
      ))}
      {mayEdit && (project.phase === "execution" || project.phase === "evaluation") ? (
        <details class="afw-disclosure" open={errors?.length || project.phase === "evaluation" ? true : undefined}>
          <summary>{t("projects.evaluation.record")}</summary>
          <PostForm action={`/projects/${project.id}/evaluations`} csrfToken={ctx.csrfToken} label={t("projects.evaluation.record")}>
            <TextArea t={t} name="text" label={t("projects.evaluation.text")} hint={t("projects.evaluation.text_hint")} required rows={5} maxlength={LIMITS.evaluation} values={values} errors={errors} />
            <SubmitButton variant="secondary">{t("projects.evaluation.record")}</SubmitButton>
          </PostForm>
        </details>
      ) : null}
    </section>
  );
}

export function ReadinessPanel({ ctx, readiness, project }: { ctx: PageContext; readiness: GateReadiness; project: ProjectDetail }) {
  const { t } = ctx;
  const people = (who: string) => (who === "owner" || who === "lead" ? project.members.filter((m) => m.role === who).map((m) => m.name) : []);
  return (
    <section aria-labelledby="readiness" class="afw-card">
      <Heading2 id="readiness">{t("projects.readiness.title", { next: readiness.transition ? phaseLabel(ctx, readiness.transition.to).toLowerCase() : "" })}</Heading2>
      <Paragraph>
        {readiness.ready ? <StatusBadge status="valid">{t("projects.readiness.ready")}</StatusBadge> : <StatusBadge status="warning">{t("projects.readiness.not_ready")}</StatusBadge>}{" "}
        {summaryText(ctx, readiness.summary)}
      </Paragraph>
      {readiness.decisionNote ? <Paragraph>{decisionNoteText(ctx, readiness.decisionNote)}</Paragraph> : null}
      {readiness.missing.length ? (
        <ul class="utrecht-unordered-list afw-readiness">
          {readiness.missing.map((m) => (
            <li class="utrecht-unordered-list__item">
              <Link href={missingHref(project.id, m.key)}>{missingText(ctx, m)}</Link> — {t("projects.waiting_on", { who: whoLabel(ctx, { who: m.who, people: people(m.who) }) })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function DecisionHistory({ ctx, decisions }: { ctx: PageContext; decisions: GateDecisionView[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="decisions">
      <Heading2 id="decisions">{t("projects.history.title")}</Heading2>
      {decisions.length === 0 ? (
        <Paragraph>{t("projects.history.none")}</Paragraph>
      ) : (
        <Table caption={t("projects.history.caption")} headers={[t("projects.history.col.when"), t("projects.history.col.gate"), t("projects.history.col.decision"), t("projects.history.col.by"), t("projects.history.col.rationale")]}>
          {decisions.map((d) => (
            <Row>
              <Cell>{formatDateTime(d.decidedAt, ctx.lang)}</Cell>
              <Cell>{phaseLabel(ctx, d.phase)}</Cell>
              <Cell>
                <StatusBadge status={d.decision === "go" ? "valid" : d.decision === "stop" ? "warning" : "neutral"}>{t(`projects.decision.${d.decision}`)}</StatusBadge>
                {d.readiness && !d.readiness.ready && d.decision !== "go" ? <><br />{t("projects.history.open_items", { count: d.readiness.missing.length })}</> : null}
              </Cell>
              <Cell>{d.decidedByName}</Cell>
              <Cell><span class="afw-change">{d.rationale}</span></Cell>
            </Row>
          ))}
        </Table>
      )}
    </section>
  );
}

function Members({ ctx, project, people, may, errors, values }: ProjectPageProps & { values?: Values }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="members">
      <Heading2 id="members">{t("projects.members.title")}</Heading2>
      <ul class="utrecht-unordered-list">
        {project.members.map((m) => (
          <li class="utrecht-unordered-list__item">
            {m.name} — {t(`role.${m.role}`)}
            {may.manageMembers ? (
              <>
                {" "}
                <PostForm action={`/projects/${project.id}/members/${m.assignmentId}/remove`} csrfToken={ctx.csrfToken} class="afw-inline-form">
                  <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t("projects.members.remove_label", { name: m.name, role: t(`role.${m.role}`) })}>
                    {t("projects.members.remove")}
                  </button>
                </PostForm>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {may.manageMembers ? (
        <details class="afw-disclosure" open={errors?.length ? true : undefined}>
        <summary>{t("projects.members.add")}</summary>
        <PostForm action={`/projects/${project.id}/members`} csrfToken={ctx.csrfToken} label={t("projects.members.add")}>
          <SelectField t={t} name="userId" label={t("projects.members.person")} required options={[{ value: "", label: t("projects.choose") }, ...people.map((p) => ({ value: p.id, label: p.name }))]} values={values} errors={errors} />
          <SelectField t={t} name="role" label={t("projects.members.role")} required options={PROJECT_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} values={values ?? { role: "member" }} errors={errors} />
          <SubmitButton variant="secondary">{t("projects.members.add")}</SubmitButton>
        </PostForm>
        </details>
      ) : null}
    </section>
  );
}

function Details({ ctx, project, changes, may, errors, values }: ProjectPageProps & { values?: Values }) {
  const { t } = ctx;
  const final = project.phase === "stopped" || project.phase === "closed";
  const none = t("projects.none");
  return (
    <section aria-labelledby="details">
      <Heading2 id="details">{t("projects.details.title")}</Heading2>
      <dl class="afw-details">
        <dt>{t("projects.field.goal")}</dt>
        <dd class="afw-change">{project.goal}</dd>
        <dt>{t("projects.field.description")}</dt>
        <dd class="afw-change">{project.description || none}</dd>
        <dt>{t("projects.field.domain")}</dt>
        <dd>{t(`projects.domain.${project.domain}`)}</dd>
        <dt>{t("projects.field.technologies")}</dt>
        <dd>{project.technologies.length ? project.technologies.map((x) => t(`projects.technology.${x}`)).join(", ") : none}</dd>
        <dt>{t("projects.field.data_categories")}</dt>
        <dd>{project.dataCategories.map((x) => t(`projects.data.${x}`)).join(", ") || none}</dd>
        <dt>{t("projects.field.supplier")}</dt>
        <dd>{project.supplierInvolved ? t("projects.yes") : t("projects.no")}</dd>
        <dt>{t("projects.details.registered")}</dt>
        <dd>{formatDate(project.createdAt, ctx.lang)}</dd>
      </dl>
      {may.edit && !final ? (
        <div class="afw-actions"><ButtonLink href={`/projects/${project.id}/edit`}>{t("projects.edit")}</ButtonLink></div>
      ) : null}

      <h3 class="utrecht-heading-3">{t("projects.changes.title")}</h3>
      <Paragraph>{t("projects.changes.intro")}</Paragraph>
      {changes.length === 0 ? (
        <Paragraph>{t("projects.changes.none")}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {changes.map((c) => (
            <li class="utrecht-unordered-list__item">
              {formatDate(c.recordedAt, ctx.lang)}: {t(`projects.change.${c.kind}`)}
              {c.description ? ` — ${c.description}` : ""}
            </li>
          ))}
        </ul>
      )}
      {may.edit && !final ? (
        <details class="afw-disclosure" open={errors?.length ? true : undefined}>
        <summary>{t("projects.changes.record")}</summary>
        <PostForm action={`/projects/${project.id}/material-changes`} csrfToken={ctx.csrfToken} label={t("projects.changes.record")}>
          <SelectField t={t} name="kind" label={t("projects.changes.kind")} required options={[{ value: "", label: t("projects.choose") }, ...EXPLICIT_CHANGE_KINDS.map((k) => ({ value: k, label: t(`projects.change.${k}`) }))]} values={values} errors={errors} />
          <TextArea t={t} name="description" label={t("projects.changes.description")} required rows={3} maxlength={LIMITS.changeDescription} values={values} errors={errors} />
          <SubmitButton variant="secondary">{t("projects.changes.record")}</SubmitButton>
        </PostForm>
        </details>
      ) : null}
    </section>
  );
}
