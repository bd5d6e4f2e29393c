import type { ScreeningOutcome } from "../../../domain/screening/evaluate.ts";
import type { ReviewVerdict } from "../../../domain/lifecycle/snapshot.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Alert, ButtonLink, Cell, formatDate, formatDateTime, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, FileField, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { DiffTable } from "../../instrument-responses/views/instrument-form.tsx";
import type { Measure } from "../../measures/service.ts";
import { DEPIA_LIMITS, type DepiaOverview, type VersionDetail } from "../depia.ts";
import type { Risk, RiskRegister } from "../risks.ts";
import { EXTRA_REVIEWER_ROLES, REVIEW_VERDICTS, RISK_CATEGORIES, type ExtraReviewerRole } from "../rules.ts";
import { HeatMap, HeatMapTable, levelText, ScaleExplanation } from "./heat-map.tsx";
import { projectPath } from "./screening-page.tsx";

export const depiaPath = (projectId: string) => `${projectPath(projectId)}/depia`;
const formPath = (projectId: string) => `${projectPath(projectId)}/instruments/depia`;
type People = { id: string; name: string }[];

function VerdictBadge({ ctx, verdict }: { ctx: PageContext; verdict: ReviewVerdict }) {
  const status = verdict === "acceptable" ? "valid" : verdict === "to_correct" ? "invalid" : "warning";
  return <StatusBadge status={status}>{ctx.t(`assessments.verdict.${verdict}`)}</StatusBadge>;
}

function MeasureRows({ ctx, measures }: { ctx: PageContext; measures: Measure[] }) {
  const { t, lang } = ctx;
  return (
    <>
      {measures.map((m) => (
        <Row>
          <Cell>{m.title}</Cell>
          <Cell>{m.ownerName ?? t("assessments.measure.no_owner")}</Cell>
          <Cell>{m.dueDate ? formatDate(m.dueDate, lang) : "-"}</Cell>
          <Cell>{t(`assessments.measure.status.${m.status}`)}{m.overdue ? ` (${t("assessments.measure.overdue")})` : ""}</Cell>
          <Cell>{m.evidence ?? "-"}</Cell>
        </Row>
      ))}
    </>
  );
}

export function MeasureTable({ ctx, measures, caption }: { ctx: PageContext; measures: Measure[]; caption: string }) {
  const { t } = ctx;
  if (!measures.length) return <Paragraph>{t("assessments.measure.none")}</Paragraph>;
  return (
    <Table caption={caption} headers={[t("assessments.measure.title"), t("assessments.measure.owner"), t("assessments.measure.due"), t("assessments.measure.status_label"), t("assessments.measure.evidence")]}>
      <MeasureRows ctx={ctx} measures={measures} />
    </Table>
  );
}

export function DepiaPage({ ctx, model, errors, errorsFor, values }: { ctx: PageContext; model: DepiaOverview; errors?: FieldError[]; errorsFor?: string; values?: Values }) {
  const { t, lang } = ctx;
  const { project, records, latest, state } = model;
  const base = depiaPath(project.id);
  const e = (form: string) => (errorsFor === form ? errors : undefined);
  const v = (form: string) => (errorsFor === form ? values : undefined);
  return (
    <>
      <Paragraph><Link href={projectPath(project.id)}>{t("assessments.back_to_project", { title: project.title })}</Link></Paragraph>
      <Heading1>{t("assessments.depia.title")}</Heading1>
      <Paragraph lead>{t("assessments.depia.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />

      {!records ? (
        <>
          <Paragraph>{t("assessments.depia.not_started")}</Paragraph>
          {model.can.start ? (
            <PostForm action={`${base}/start`} csrfToken={ctx.csrfToken}>
              <SubmitButton>{t("assessments.depia.start")}</SubmitButton>
            </PostForm>
          ) : null}
          <section aria-labelledby="depia-import">
            <Heading2 id="depia-import">{t("assessments.import.title")}</Heading2>
            <Paragraph>{t("assessments.import.intro")}</Paragraph>
            {model.can.start ? (
              <PostForm action={`${base}/import`} csrfToken={ctx.csrfToken} multipart label={t("assessments.import.title")}>
                <FileField t={t} name="file" label={t("assessments.import.file")} accept="application/json,.json" errors={e("import")} />
                <SubmitButton variant="secondary">{t("assessments.import.submit")}</SubmitButton>
              </PostForm>
            ) : null}
          </section>
        </>
      ) : (
        <>
          <section aria-labelledby="depia-status">
            <Heading2 id="depia-status">{t("assessments.depia.status_title")}</Heading2>
            <Paragraph>
              {latest
                ? t("assessments.depia.latest_line", { version: latest.number, when: formatDateTime(latest.submittedAt, lang), name: latest.submittedByName })
                : t("assessments.depia.no_version")}
            </Paragraph>
            {model.response ? <Paragraph>{t("assessments.depia.progress", { status: t(`assessments.progress.${model.response.status}`) })}</Paragraph> : null}
            {latest && model.draftChanges.length ? <Paragraph>{t("assessments.depia.draft_changed", { count: model.draftChanges.length })}</Paragraph> : null}
            <div class="afw-actions">
              <ButtonLink href={formPath(project.id)} variant={model.can.edit ? "primary" : "secondary"}>{t(model.can.edit ? "assessments.depia.fill" : "assessments.depia.read")}</ButtonLink>
              <ButtonLink href={`${base}/risks`}>{t("assessments.depia.risks_link", { count: model.risks.length })}</ButtonLink>
            </div>
            {model.can.submit ? (
              <PostForm action={`${base}/versions`} csrfToken={ctx.csrfToken} label={t("assessments.depia.submit")}>
                <TextField t={t} name="note" label={t("assessments.depia.note")} hint={t("assessments.depia.note_hint")} maxlength={DEPIA_LIMITS.note} values={v("submit")} errors={e("submit")} />
                <SubmitButton>{t("assessments.depia.submit")}</SubmitButton>
              </PostForm>
            ) : null}
          </section>

          {records.versions.length ? (
            <section aria-labelledby="depia-versions">
              <Heading2 id="depia-versions">{t("assessments.depia.versions")}</Heading2>
              <Table caption={t("assessments.depia.versions")} headers={[t("assessments.depia.version"), t("assessments.when"), t("assessments.who"), t("assessments.depia.changed_sections"), t("assessments.depia.verdicts")]}>
                {[...records.versions].reverse().map((ver) => (
                  <Row>
                    <Cell><Link href={`${base}/versions/${ver.number}`}>{t("assessments.depia.version_n", { version: ver.number })}</Link></Cell>
                    <Cell>{formatDateTime(ver.submittedAt, lang)}</Cell>
                    <Cell>{ver.submittedByName}</Cell>
                    <Cell>{ver.number === 1 ? t("assessments.depia.all_sections") : String(ver.changedSections.length)}</Cell>
                    <Cell>
                      {records.reviews.filter((r) => r.version === ver.number).map((r) => (
                        <span>{t(`assessments.role.${r.role}`)}: <VerdictBadge ctx={ctx} verdict={r.overall} />{" "}</span>
                      ))}
                    </Cell>
                  </Row>
                ))}
              </Table>
            </section>
          ) : null}

          {latest ? (
            <section aria-labelledby="depia-reviews">
              <Heading2 id="depia-reviews">{t("assessments.review.title", { version: latest.number })}</Heading2>
              <ul class="utrecht-unordered-list">
                {model.reviewers.map((r) => (
                  <li class="utrecht-unordered-list__item">
                    {t(`assessments.role.${r.role}`)}:{" "}
                    {r.review ? (
                      <>
                        <VerdictBadge ctx={ctx} verdict={r.review.overall} /> {t("assessments.review.by", { name: r.review.reviewerName, when: formatDateTime(r.review.givenAt, lang) })} — {r.review.advice}
                      </>
                    ) : (
                      t("assessments.review.waiting")
                    )}
                  </li>
                ))}
              </ul>
              {model.can.review.length ? (
                <ButtonLink href={`${base}/versions/${latest.number}#review`} variant="primary">{t("assessments.review.give")}</ButtonLink>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="depia-acceptance">
            <Heading2 id="depia-acceptance">{t("assessments.acceptance.title")}</Heading2>
            {records.acceptances.length ? (
              <ul class="utrecht-unordered-list">
                {records.acceptances.map((a) => (
                  <li class="utrecht-unordered-list__item">{t("assessments.acceptance.line", { name: a.acceptedByName, when: formatDateTime(a.acceptedAt, lang), version: a.version })} “{a.statement}”</li>
                ))}
              </ul>
            ) : (
              <Paragraph>{t("assessments.acceptance.none")}</Paragraph>
            )}
            <Paragraph>{t("assessments.acceptance.highest", { level: levelText(ctx, state.exists ? state.highestResidualLevel : null) })}</Paragraph>
            {latest && model.pending.length ? <Paragraph>{t("assessments.acceptance.waiting_reviews", { roles: model.pending.map((r) => t(`assessments.role.${r}`)).join(", ") })}</Paragraph> : null}
            {model.can.accept ? (
              <PostForm action={`${base}/acceptance`} csrfToken={ctx.csrfToken} label={t("assessments.acceptance.title")}>
                <input type="hidden" name="version" value={String(latest?.number ?? "")} />
                <TextArea t={t} name="statement" label={t("assessments.acceptance.statement")} hint={t("assessments.acceptance.statement_hint")} required maxlength={DEPIA_LIMITS.statement} values={v("acceptance")} errors={e("acceptance")} />
                <SubmitButton>{t("assessments.acceptance.submit")}</SubmitButton>
              </PostForm>
            ) : null}
          </section>

          <section aria-labelledby="depia-ap">
            <Heading2 id="depia-ap">{t("assessments.ap.title")}</Heading2>
            <Paragraph>{t("assessments.ap.intro")}</Paragraph>
            {records.consultations.length ? (
              <ul class="utrecht-unordered-list">
                {records.consultations.map((c) => (
                  <li class="utrecht-unordered-list__item">{t("assessments.ap.line", { on: formatDate(c.consultedOn, lang), reference: c.reference, outcome: c.outcome })}</li>
                ))}
              </ul>
            ) : (
              <Paragraph>{t("assessments.ap.none")}</Paragraph>
            )}
            {model.can.consult ? (
              <PostForm action={`${base}/ap-consultation`} csrfToken={ctx.csrfToken} label={t("assessments.ap.title")}>
                <TextField t={t} name="consultedOn" type="date" label={t("assessments.ap.date")} required values={v("ap")} errors={e("ap")} />
                <TextField t={t} name="reference" label={t("assessments.ap.reference")} required maxlength={DEPIA_LIMITS.reference} values={v("ap")} errors={e("ap")} />
                <TextArea t={t} name="outcome" label={t("assessments.ap.outcome")} required maxlength={DEPIA_LIMITS.outcome} values={v("ap")} errors={e("ap")} />
                <SubmitButton variant="secondary">{t("assessments.ap.submit")}</SubmitButton>
              </PostForm>
            ) : null}
          </section>

          <section aria-labelledby="depia-exports">
            <Heading2 id="depia-exports">{t("assessments.export.title")}</Heading2>
            <ul class="utrecht-unordered-list">
              <li class="utrecht-unordered-list__item"><Link href={`${base}/export.pdf`}>{t("assessments.export.pdf")}</Link></li>
              <li class="utrecht-unordered-list__item"><Link href={`${base}/export.json`}>{t("assessments.export.json")}</Link></li>
              <li class="utrecht-unordered-list__item"><Link href={`${base}/action-plan.csv`}>{t("assessments.export.csv")}</Link></li>
            </ul>
          </section>
        </>
      )}
    </>
  );
}

function riskValues(risk: Risk | undefined): Values {
  if (!risk) return {};
  return {
    category: risk.category,
    values: risk.values.join(", "),
    description: risk.description,
    inherentLikelihood: risk.inherent.likelihood,
    inherentImpact: risk.inherent.impact,
    inherentJustification: risk.inherent.justification,
    residualLikelihood: risk.residual?.likelihood ?? "",
    residualImpact: risk.residual?.impact ?? "",
    residualJustification: risk.residual?.justification ?? "",
    residualAboveInherentReason: risk.residualAboveInherentReason ?? "",
  };
}

function RiskFields({ ctx, values, errors, valueOptions }: { ctx: PageContext; values?: Values; errors?: FieldError[]; valueOptions: string }) {
  const { t } = ctx;
  const levels = (empty: string) => [{ value: "", label: empty }, ...(["low", "medium", "high"] as const).map((l) => ({ value: l, label: t(`assessments.level.${l}`) }))];
  return (
    <>
      <SelectField t={t} name="category" label={t("assessments.risk.category")} required values={values} errors={errors} options={RISK_CATEGORIES.map((c) => ({ value: c, label: t(`assessments.category.${c}`) }))} />
      <TextArea t={t} name="description" label={t("assessments.risk.description")} required maxlength={4000} rows={3} values={values} errors={errors} />
      <TextField t={t} name="values" label={t("assessments.risk.values")} hint={t("assessments.risk.values_hint", { keys: valueOptions })} maxlength={1000} values={values} errors={errors} />
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t("assessments.risk.inherent")}</legend>
        <SelectField t={t} name="inherentLikelihood" label={t("assessments.risk.likelihood")} required values={values} errors={errors} options={levels(t("assessments.choose"))} />
        <SelectField t={t} name="inherentImpact" label={t("assessments.risk.impact")} required values={values} errors={errors} options={levels(t("assessments.choose"))} />
        <TextArea t={t} name="inherentJustification" label={t("assessments.risk.justification")} required maxlength={4000} rows={3} values={values} errors={errors} />
      </fieldset>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t("assessments.risk.residual")}</legend>
        <SelectField t={t} name="residualLikelihood" label={t("assessments.risk.likelihood")} values={values} errors={errors} options={levels(t("assessments.risk.not_yet"))} />
        <SelectField t={t} name="residualImpact" label={t("assessments.risk.impact")} values={values} errors={errors} options={levels(t("assessments.risk.not_yet"))} />
        <TextArea t={t} name="residualJustification" label={t("assessments.risk.justification_residual")} maxlength={4000} rows={3} values={values} errors={errors} />
        <TextArea t={t} name="residualAboveInherentReason" label={t("assessments.risk.above_reason")} hint={t("assessments.risk.above_reason_hint")} maxlength={4000} rows={2} values={values} errors={errors} />
      </fieldset>
    </>
  );
}

export function RisksPage({ ctx, model, valueKeys, values, errors }: { ctx: PageContext; model: RiskRegister; valueKeys: string[]; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  const base = depiaPath(model.project.id);
  return (
    <>
      <Paragraph><Link href={base}>{t("assessments.back_to_depia")}</Link></Paragraph>
      <Heading1>{t("assessments.risk.register_title")}</Heading1>
      <Paragraph lead>{t("assessments.risk.register_intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <ScaleExplanation ctx={ctx} />
      <section aria-labelledby="risk-map">
        <Heading2 id="risk-map">{t("assessments.heatmap.heading")}</Heading2>
        <div class="afw-grid">
          <HeatMap ctx={ctx} risks={model.risks} />
          <HeatMapTable ctx={ctx} risks={model.risks} />
        </div>
      </section>
      <section aria-labelledby="risk-list">
        <Heading2 id="risk-list">{t("assessments.risk.list_title")}</Heading2>
        {model.risks.length ? (
          <Table caption={t("assessments.risk.list_title")} headers={[t("assessments.risk.label"), t("assessments.risk.category"), t("assessments.risk.description"), t("assessments.risk.values"), t("assessments.risk.residual_level"), t("assessments.risk.measures"), t("assessments.risk.evidence"), t("assessments.risk.accepted_by")]}>
            {model.risks.map((r) => (
              <Row>
                <Cell><Link href={`${base}/risks/${r.id}`} label={t("assessments.risk.open_label", { label: r.label })}>{r.label}</Link></Cell>
                <Cell>{t(`assessments.category.${r.category}`)}</Cell>
                <Cell>{r.description}</Cell>
                <Cell>{r.values.join(", ")}</Cell>
                <Cell>{levelText(ctx, r.residual?.level)}</Cell>
                <Cell>{String(r.measureIds.length)}</Cell>
                <Cell>
                  {(model.evidence[r.id] ?? []).length ? (
                    <ul class="utrecht-unordered-list">
                      {(model.evidence[r.id] ?? []).map((e) => (
                        <li class="utrecht-unordered-list__item"><Link href={e.href}>{t(e.labelKey, e.params)}</Link></li>
                      ))}
                    </ul>
                  ) : "-"}
                </Cell>
                <Cell>{r.accepted ? r.accepted.byName : "-"}</Cell>
              </Row>
            ))}
          </Table>
        ) : (
          <Paragraph>{t("assessments.risk.none")}</Paragraph>
        )}
      </section>
      {model.canEdit ? (
        <section aria-labelledby="risk-new">
          <Heading2 id="risk-new">{t("assessments.risk.add")}</Heading2>
          <PostForm action={`${base}/risks`} csrfToken={ctx.csrfToken} label={t("assessments.risk.add")}>
            <RiskFields ctx={ctx} values={values} errors={errors} valueOptions={valueKeys.join(", ")} />
            <SubmitButton>{t("assessments.risk.add_submit")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

export function RiskPage(props: { ctx: PageContext; model: RiskRegister; risk: Risk; people: People; valueKeys: string[]; values?: Values; errors?: FieldError[]; errorsFor?: string }) {
  const { ctx, model, risk, people, errors, errorsFor } = props;
  const { t } = ctx;
  const base = depiaPath(model.project.id);
  const linked = model.measures.filter((m) => risk.measureIds.includes(m.id));
  const unlinked = model.measures.filter((m) => !risk.measureIds.includes(m.id));
  const e = (form: string) => (errorsFor === form ? errors : undefined);
  return (
    <>
      <Paragraph><Link href={`${base}/risks`}>{t("assessments.back_to_risks")}</Link></Paragraph>
      <Heading1>{t("assessments.risk.page_title", { label: risk.label })}</Heading1>
      <ErrorSummary t={t} errors={errors} />
      <section aria-labelledby="risk-measures">
        <Heading2 id="risk-measures">{t("assessments.risk.measures")}</Heading2>
        <MeasureTable ctx={ctx} measures={linked} caption={t("assessments.risk.measures_caption", { label: risk.label })} />
        {model.canEdit ? (
          <>
            <PostForm action={`${base}/risks/${risk.id}/measures`} csrfToken={ctx.csrfToken} label={t("assessments.measure.new")}>
              <h3 class="utrecht-heading-3">{t("assessments.measure.new")}</h3>
              <TextField t={t} name="title" label={t("assessments.measure.title")} required maxlength={200} values={errorsFor === "measure" ? props.values : undefined} errors={e("measure")} />
              <TextArea t={t} name="description" label={t("assessments.measure.description")} maxlength={4000} rows={3} values={errorsFor === "measure" ? props.values : undefined} errors={e("measure")} />
              <SelectField t={t} name="ownerUserId" label={t("assessments.measure.owner")} values={errorsFor === "measure" ? props.values : undefined} errors={e("measure")} options={[{ value: "", label: t("assessments.measure.no_owner") }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
              <TextField t={t} name="dueDate" type="date" label={t("assessments.measure.due")} values={errorsFor === "measure" ? props.values : undefined} errors={e("measure")} />
              <SubmitButton variant="secondary">{t("assessments.measure.add_submit")}</SubmitButton>
            </PostForm>
            {unlinked.length ? (
              <PostForm action={`${base}/risks/${risk.id}/links`} csrfToken={ctx.csrfToken} label={t("assessments.measure.link")}>
                <SelectField t={t} name="measureId" label={t("assessments.measure.existing")} errors={e("link")} options={unlinked.map((m) => ({ value: m.id, label: m.title }))} />
                <SubmitButton variant="secondary">{t("assessments.measure.link")}</SubmitButton>
              </PostForm>
            ) : null}
          </>
        ) : null}
      </section>
      <section aria-labelledby="risk-edit">
        <Heading2 id="risk-edit">{t("assessments.risk.edit")}</Heading2>
        {model.canEdit ? (
          <PostForm action={`${base}/risks/${risk.id}`} csrfToken={ctx.csrfToken} label={t("assessments.risk.edit")}>
            <RiskFields ctx={ctx} values={errorsFor === "risk" ? props.values : riskValues(risk)} errors={e("risk")} valueOptions={props.valueKeys.join(", ")} />
            <SubmitButton>{t("assessments.risk.save")}</SubmitButton>
          </PostForm>
        ) : (
          <HeatMapTable ctx={ctx} risks={[risk]} />
        )}
      </section>
    </>
  );
}

export function VersionPage({ ctx, detail, people, values, errors }: { ctx: PageContext; detail: VersionDetail; people: People; values?: Values; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const { overview, version, instrument } = detail;
  const base = depiaPath(overview.project.id);
  const records = overview.records!;
  const reviewsHere = records.reviews.filter((r) => r.version === version.number);
  const canReview = detail.isLatest ? overview.can.review : [];
  const title = (id: string) => instrument.sections.find((s) => s.id === id)?.title[lang] ?? id;
  const role = canReview[0];
  const effective = role ? overview.reviewers.find((r) => r.role === role)?.effective ?? {} : {};
  return (
    <>
      <Paragraph><Link href={base}>{t("assessments.back_to_depia")}</Link></Paragraph>
      <Heading1>{t("assessments.depia.version_title", { version: version.number })}</Heading1>
      <Paragraph>{t("assessments.depia.latest_line", { version: version.number, when: formatDateTime(version.submittedAt, lang), name: version.submittedByName })}</Paragraph>
      {version.note ? <Paragraph>{t("assessments.depia.note_line", { note: version.note })}</Paragraph> : null}
      {!detail.isLatest ? <Alert kind="warning">{t("assessments.depia.outdated")}</Alert> : null}
      <ErrorSummary t={t} errors={errors} />

      <section aria-labelledby="version-changes">
        <Heading2 id="version-changes">{t("assessments.depia.changes_title")}</Heading2>
        {version.number === 1 ? (
          <Paragraph>{t("assessments.depia.first_version")}</Paragraph>
        ) : (
          <>
            <Paragraph>{t("assessments.depia.changed_list", { sections: version.changedSections.map(title).join(", ") || "-" })}</Paragraph>
            <DiffTable ctx={ctx} changes={detail.changes} />
          </>
        )}
        <Paragraph><Link href={`/projects/${encodeURIComponent(overview.project.id)}/instruments/depia`}>{t("assessments.depia.read_answers")}</Link></Paragraph>
      </section>

      <section aria-labelledby="version-risks">
        <Heading2 id="version-risks">{t("assessments.depia.risks_at_version")}</Heading2>
        {version.risks.length ? <HeatMapTable ctx={ctx} risks={version.risks} /> : <Paragraph>{t("assessments.risk.none")}</Paragraph>}
      </section>

      <section aria-labelledby="version-reviews">
        <Heading2 id="version-reviews">{t("assessments.review.on_version")}</Heading2>
        {reviewsHere.length ? (
          reviewsHere.map((r) => (
            <div class="afw-card">
              <h3 class="utrecht-heading-3">{t(`assessments.role.${r.role}`)}: {r.reviewerName}</h3>
              <Paragraph><VerdictBadge ctx={ctx} verdict={r.overall} /> {r.advice}</Paragraph>
              {r.sections.length ? (
                <Table caption={t("assessments.review.sections_caption", { role: t(`assessments.role.${r.role}`) })} headers={[t("assessments.review.section"), t("assessments.review.verdict"), t("assessments.review.note")]}>
                  {r.sections.map((s) => (
                    <Row>
                      <Cell>{title(s.sectionId)}</Cell>
                      <Cell><VerdictBadge ctx={ctx} verdict={s.verdict} /></Cell>
                      <Cell>{s.note || "-"}</Cell>
                    </Row>
                  ))}
                </Table>
              ) : (
                <Paragraph>{t("assessments.review.all_carried")}</Paragraph>
              )}
            </div>
          ))
        ) : (
          <Paragraph>{t("assessments.review.none_yet")}</Paragraph>
        )}
      </section>

      {role ? (
        <section aria-labelledby="review">
          <Heading2 id="review">{t("assessments.review.form_title", { role: t(`assessments.role.${role}`) })}</Heading2>
          <Paragraph>{t("assessments.review.form_intro")}</Paragraph>
          <PostForm action={`${base}/reviews`} csrfToken={ctx.csrfToken} label={t("assessments.review.form_title", { role: t(`assessments.role.${role}`) })}>
            <input type="hidden" name="version" value={String(version.number)} />
            {canReview.length > 1 ? (
              <SelectField t={t} name="role" label={t("assessments.review.as_role")} values={values} errors={errors} options={canReview.map((r) => ({ value: r, label: t(`assessments.role.${r}`) }))} />
            ) : (
              <input type="hidden" name="role" value={role} />
            )}
            {detail.sectionIds.map((id) => {
              const held = effective[id];
              return (
                <fieldset class="utrecht-form-fieldset">
                  <legend class="utrecht-form-fieldset__legend">{title(id)}</legend>
                  {held ? <Paragraph>{t("assessments.review.carried", { verdict: t(`assessments.verdict.${held.verdict}`), version: held.version })}</Paragraph> : null}
                  <SelectField t={t} name={`section.${id}.verdict`} label={t("assessments.review.verdict_for", { section: title(id) })} required={!held} values={values} errors={errors}
                    options={[{ value: "", label: held ? t("assessments.review.keep") : t("assessments.choose") }, ...REVIEW_VERDICTS.map((v) => ({ value: v, label: t(`assessments.verdict.${v}`) }))]} />
                  <TextArea t={t} name={`section.${id}.note`} label={t("assessments.review.note_for", { section: title(id) })} rows={2} maxlength={DEPIA_LIMITS.sectionNote} values={values} errors={errors} />
                  <SelectField t={t} name={`section.${id}.actionOwnerUserId`} label={t("assessments.review.action_owner")} hint={t("assessments.review.action_hint")} values={values} errors={errors}
                    options={[{ value: "", label: t("assessments.choose") }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
                  <TextField t={t} name={`section.${id}.actionDueDate`} type="date" label={t("assessments.review.action_due")} values={values} errors={errors} />
                </fieldset>
              );
            })}
            <SelectField t={t} name="overall" label={t("assessments.review.overall")} required values={values} errors={errors}
              options={[{ value: "", label: t("assessments.choose") }, ...REVIEW_VERDICTS.map((v) => ({ value: v, label: t(`assessments.verdict.${v}`) }))]} />
            <TextArea t={t} name="advice" label={t("assessments.review.advice")} required maxlength={DEPIA_LIMITS.advice} values={values} errors={errors} />
            <SubmitButton>{t("assessments.review.submit")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

export function SettingsPage({ ctx, extra, errors }: { ctx: PageContext; extra: ExtraReviewerRole[]; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("assessments.settings.title")}</Heading1>
      <Paragraph lead>{t("assessments.settings.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/admin/assessments" csrfToken={ctx.csrfToken} label={t("assessments.settings.title")}>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t("assessments.settings.extra")}</legend>
          {EXTRA_REVIEWER_ROLES.map((r) => (
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`extra-${r}`} name={`extra_${r}`} value="1" checked={extra.includes(r)} />{" "}
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={`extra-${r}`}>{t(`assessments.role.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <SubmitButton>{t("assessments.settings.save")}</SubmitButton>
      </PostForm>
    </>
  );
}

export function ProjectPanel({ ctx, projectId, screening, depia }: { ctx: PageContext; projectId: string; screening: { outcome: ScreeningOutcome; on: string } | null; depia: DepiaOverview["state"] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="panel-assessments">
      <Heading2 id="panel-assessments">{t("assessments.panel.title")}</Heading2>
      <Paragraph>
        {screening ? t("assessments.panel.screening_done", { outcome: t(`assessments.outcome.${screening.outcome}`), when: formatDate(screening.on, lang) }) : t("assessments.panel.screening_none")}{" "}
        <Link href={`${projectPath(projectId)}/screening`}>{t("assessments.panel.screening_link")}</Link>
      </Paragraph>
      <Paragraph>
        {depia.exists
          ? depia.submittedOn
            ? t("assessments.panel.depia_version", { version: depia.currentVersion })
            : t("assessments.panel.depia_draft")
          : t("assessments.panel.depia_none")}{" "}
        <Link href={depiaPath(projectId)}>{t("assessments.panel.depia_link")}</Link>
      </Paragraph>
    </section>
  );
}
