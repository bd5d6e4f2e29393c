// The DEPIA page: how far it is, its versions, the reviews of the latest
// version, the owner's acceptance of the residual risks, the consultation of
// the AP and the exports; before it is started, the start and the import.
import type { FieldError } from "../../../platform/errors.ts";
import { ButtonLink, Cell, formatDate, formatDateTime, Heading1, Heading2, Link, Paragraph, Row, Table } from "../../../ui/components.tsx";
import { ErrorSummary, FileField, PostForm, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { DEPIA_LIMITS, type DepiaRecords, type DepiaVersion } from "../depia-records.ts";
import type { DepiaOverview } from "../get-depia.ts";
import { depiaPath, VerdictBadge } from "./depia-pages.tsx";
import { levelText } from "./heat-map.tsx";
import { projectPath } from "./screening-page.tsx";

const formPath = (projectId: string) => `${projectPath(projectId)}/instruments/depia`;

/** A refused form's input and errors, for the form they belong to only. */
interface Again {
  errors: (form: string) => FieldError[] | undefined;
  values: (form: string) => Values | undefined;
}

interface Part {
  ctx: PageContext;
  model: DepiaOverview;
  again: Again;
}

export function DepiaPage({ ctx, model, errors, errorsFor, values }: { ctx: PageContext; model: DepiaOverview; errors?: FieldError[]; errorsFor?: string; values?: Values }) {
  const { t } = ctx;
  const { project, records } = model;
  const again: Again = { errors: (form) => (errorsFor === form ? errors : undefined), values: (form) => (errorsFor === form ? values : undefined) };
  const part = { ctx, model, again };
  return (
    <>
      <Paragraph><Link href={projectPath(project.id)}>{t("assessments.back_to_project", { title: project.title })}</Link></Paragraph>
      <Heading1>{t("assessments.depia.title")}</Heading1>
      <Paragraph lead>{t("assessments.depia.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      {!records ? (
        <NotStarted {...part} />
      ) : (
        <>
          <StatusSection {...part} />
          <VersionsSection ctx={ctx} records={records} base={depiaPath(project.id)} />
          {model.latest ? <ReviewsSection ctx={ctx} model={model} latest={model.latest} /> : null}
          <AcceptanceSection {...part} records={records} />
          <ApSection {...part} records={records} />
          <ExportsSection ctx={ctx} base={depiaPath(project.id)} />
        </>
      )}
    </>
  );
}

function NotStarted({ ctx, model, again }: Part) {
  const { t } = ctx;
  const base = depiaPath(model.project.id);
  return (
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
            <FileField t={t} name="file" label={t("assessments.import.file")} accept="application/json,.json" errors={again.errors("import")} />
            <SubmitButton variant="secondary">{t("assessments.import.submit")}</SubmitButton>
          </PostForm>
        ) : null}
      </section>
    </>
  );
}

function StatusSection({ ctx, model, again }: Part) {
  const { t, lang } = ctx;
  const { project, latest } = model;
  const base = depiaPath(project.id);
  return (
    <section aria-labelledby="depia-status">
      <Heading2 id="depia-status">{t("assessments.depia.status_title")}</Heading2>
      <Paragraph>
        {latest ? t("assessments.depia.latest_line", { version: latest.number, when: formatDateTime(latest.submittedAt, lang), name: latest.submittedByName }) : t("assessments.depia.no_version")}
      </Paragraph>
      {model.response ? <Paragraph>{t("assessments.depia.progress", { status: t(`assessments.progress.${model.response.status}`) })}</Paragraph> : null}
      {latest && model.draftChanges.length ? <Paragraph>{t("assessments.depia.draft_changed", { count: model.draftChanges.length })}</Paragraph> : null}
      <div class="afw-actions">
        <ButtonLink href={formPath(project.id)} variant={model.can.edit ? "primary" : "secondary"}>{t(model.can.edit ? "assessments.depia.fill" : "assessments.depia.read")}</ButtonLink>
        <ButtonLink href={`${base}/risks`}>{t("assessments.depia.risks_link", { count: model.risks.length })}</ButtonLink>
      </div>
      {model.can.submit ? (
        <PostForm action={`${base}/versions`} csrfToken={ctx.csrfToken} label={t("assessments.depia.submit")}>
          <TextField t={t} name="note" label={t("assessments.depia.note")} hint={t("assessments.depia.note_hint")} maxlength={DEPIA_LIMITS.note} values={again.values("submit")} errors={again.errors("submit")} />
          <SubmitButton>{t("assessments.depia.submit")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

function VersionsSection({ ctx, records, base }: { ctx: PageContext; records: DepiaRecords; base: string }) {
  const { t, lang } = ctx;
  if (!records.versions.length) return null;
  return (
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
  );
}

function ReviewsSection({ ctx, model, latest }: { ctx: PageContext; model: DepiaOverview; latest: DepiaVersion }) {
  const { t, lang } = ctx;
  return (
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
        <ButtonLink href={`${depiaPath(model.project.id)}/versions/${latest.number}#review`} variant="primary">{t("assessments.review.give")}</ButtonLink>
      ) : null}
    </section>
  );
}

function AcceptanceSection({ ctx, model, again, records }: Part & { records: DepiaRecords }) {
  const { t, lang } = ctx;
  const { latest, state } = model;
  return (
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
        <PostForm action={`${depiaPath(model.project.id)}/acceptance`} csrfToken={ctx.csrfToken} label={t("assessments.acceptance.title")}>
          <input type="hidden" name="version" value={String(latest?.number ?? "")} />
          <TextArea t={t} name="statement" label={t("assessments.acceptance.statement")} hint={t("assessments.acceptance.statement_hint")} required maxlength={DEPIA_LIMITS.statement} values={again.values("acceptance")} errors={again.errors("acceptance")} />
          <SubmitButton>{t("assessments.acceptance.submit")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

function ApSection({ ctx, model, again, records }: Part & { records: DepiaRecords }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="depia-ap">
      <Heading2 id="depia-ap">{t("assessments.ap.title")}</Heading2>
      <Paragraph>{t("assessments.ap.intro")}</Paragraph>
      {model.state.exists && model.state.highestResidualLevel !== "high" && !records.consultations.length ? <Paragraph>{t("assessments.ap.not_needed")}</Paragraph> : null}
      {records.consultations.length ? (
        <ul class="utrecht-unordered-list">
          {records.consultations.map((c) => (
            <li class="utrecht-unordered-list__item">{t("assessments.ap.line", { on: formatDate(c.consultedOn, lang), reference: c.reference, outcome: c.outcome })}</li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t("assessments.ap.none")}</Paragraph>
      )}
      {model.can.consult && (records.consultations.length > 0 || (model.state.exists && model.state.highestResidualLevel === "high")) ? (
        <PostForm action={`${depiaPath(model.project.id)}/ap-consultation`} csrfToken={ctx.csrfToken} label={t("assessments.ap.title")}>
          <TextField t={t} name="consultedOn" type="date" label={t("assessments.ap.date")} required values={again.values("ap")} errors={again.errors("ap")} />
          <TextField t={t} name="reference" label={t("assessments.ap.reference")} required maxlength={DEPIA_LIMITS.reference} values={again.values("ap")} errors={again.errors("ap")} />
          <TextArea t={t} name="outcome" label={t("assessments.ap.outcome")} required maxlength={DEPIA_LIMITS.outcome} values={again.values("ap")} errors={again.errors("ap")} />
          <SubmitButton variant="secondary">{t("assessments.ap.submit")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

function ExportsSection({ ctx, base }: { ctx: PageContext; base: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="depia-exports">
      <Heading2 id="depia-exports">{t("assessments.export.title")}</Heading2>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item"><Link href={`${base}/export.pdf`}>{t("assessments.export.pdf")}</Link></li>
        <li class="utrecht-unordered-list__item"><Link href={`${base}/export.json`}>{t("assessments.export.json")}</Link></li>
        <li class="utrecht-unordered-list__item"><Link href={`${base}/action-plan.csv`}>{t("assessments.export.csv")}</Link></li>
      </ul>
    </section>
  );
}
