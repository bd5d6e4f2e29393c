// One DEPIA version: what changed since the version before, its risk register,
// the reviews given on it, and for a reviewer the form with a verdict per section.
import type { FieldError } from "../../../platform/errors.ts";
import { Alert, Cell, formatDateTime, Heading1, Heading2, Link, Paragraph, Row, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { DiffTable } from "../../instrument-responses/views/versions.tsx";
import { DEPIA_LIMITS, type DepiaReview } from "../depia-records.ts";
import type { VersionDetail } from "../get-depia.ts";
import { REVIEW_VERDICTS, type EffectiveVerdict, type ReviewerRole } from "../rules.ts";
import { depiaPath, VerdictBadge, type People } from "./depia-pages.tsx";
import { HeatMapTable } from "./heat-map.tsx";
import type { EvidenceList } from "../../evidence/queries.ts";
import { EvidencePanel } from "../../evidence/views/panel.tsx";

type SectionTitle = (id: string) => string;

export function VersionPage({ ctx, detail, people, values, errors, evidence }: { ctx: PageContext; detail: VersionDetail; people: People; values?: Values; errors?: FieldError[]; evidence?: Record<string, EvidenceList> }) {
  const { t, lang } = ctx;
  const { overview, version, instrument } = detail;
  const records = overview.records!;
  const canReview = detail.isLatest ? overview.can.review : [];
  const title: SectionTitle = (id) => instrument.sections.find((s) => s.id === id)?.title[lang] ?? id;
  const role = canReview[0];
  const effective = role ? (overview.reviewers.find((r) => r.role === role)?.effective ?? {}) : {};
  return (
    <>
      <Paragraph><Link href={depiaPath(overview.project.id)}>{t("assessments.back_to_depia")}</Link></Paragraph>
      <Heading1>{t("assessments.depia.version_title", { version: version.number })}</Heading1>
      <Paragraph>{t("assessments.depia.latest_line", { version: version.number, when: formatDateTime(version.submittedAt, lang), name: version.submittedByName })}</Paragraph>
      {version.note ? <Paragraph>{t("assessments.depia.note_line", { note: version.note })}</Paragraph> : null}
      {!detail.isLatest ? <Alert kind="warning">{t("assessments.depia.outdated")}</Alert> : null}
      <ErrorSummary t={t} errors={errors} />
      <ChangesSection ctx={ctx} detail={detail} title={title} />
      <section aria-labelledby="version-risks">
        <Heading2 id="version-risks">{t("assessments.depia.risks_at_version")}</Heading2>
        {version.risks.length ? <HeatMapTable ctx={ctx} risks={version.risks} /> : <Paragraph>{t("assessments.risk.none")}</Paragraph>}
      </section>
      <ReviewsGiven ctx={ctx} reviews={records.reviews.filter((r) => r.version === version.number)} title={title} evidence={evidence} />
      {role ? <ReviewForm ctx={ctx} detail={detail} roles={canReview} effective={effective} people={people} title={title} values={values} errors={errors} /> : null}
    </>
  );
}

function ChangesSection({ ctx, detail, title }: { ctx: PageContext; detail: VersionDetail; title: SectionTitle }) {
  const { t } = ctx;
  const { version } = detail;
  return (
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
      <Paragraph><Link href={`/projects/${encodeURIComponent(detail.overview.project.id)}/instruments/depia`}>{t("assessments.depia.read_answers")}</Link></Paragraph>
    </section>
  );
}

function ReviewsGiven({ ctx, reviews, title, evidence }: { ctx: PageContext; reviews: DepiaReview[]; title: SectionTitle; evidence?: Record<string, EvidenceList> }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="version-reviews">
      <Heading2 id="version-reviews">{t("assessments.review.on_version")}</Heading2>
      {reviews.length ? (
        reviews.map((r) => (
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
            {evidence?.[r.id] ? <EvidencePanel ctx={ctx} list={evidence[r.id]!} headingLevel={4} label={t("evidence.panel_review")} /> : null}
          </div>
        ))
      ) : (
        <Paragraph>{t("assessments.review.none_yet")}</Paragraph>
      )}
    </section>
  );
}

interface ReviewFormProps {
  ctx: PageContext;
  detail: VersionDetail;
  roles: ReviewerRole[];
  effective: Record<string, EffectiveVerdict | null>;
  people: People;
  title: SectionTitle;
  values?: Values;
  errors?: FieldError[];
}

function ReviewForm({ ctx, detail, roles, effective, people, title, values, errors }: ReviewFormProps) {
  const { t } = ctx;
  const role = roles[0]!;
  const verdictOptions = (empty: string) => [{ value: "", label: empty }, ...REVIEW_VERDICTS.map((v) => ({ value: v, label: t(`assessments.verdict.${v}`) }))];
  return (
    <section aria-labelledby="review">
      <Heading2 id="review">{t("assessments.review.form_title", { role: t(`assessments.role.${role}`) })}</Heading2>
      <Paragraph>{t("assessments.review.form_intro")}</Paragraph>
      <PostForm action={`${depiaPath(detail.overview.project.id)}/reviews`} csrfToken={ctx.csrfToken} label={t("assessments.review.form_title", { role: t(`assessments.role.${role}`) })}>
        <input type="hidden" name="version" value={String(detail.version.number)} />
        {roles.length > 1 ? (
          <SelectField t={t} name="role" label={t("assessments.review.as_role")} values={values} errors={errors} options={roles.map((r) => ({ value: r, label: t(`assessments.role.${r}`) }))} />
        ) : (
          <input type="hidden" name="role" value={role} />
        )}
        {detail.sectionIds.map((id) => {
          const held = effective[id];
          return (
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">{title(id)}</legend>
              {held ? <Paragraph>{t("assessments.review.carried", { verdict: t(`assessments.verdict.${held.verdict}`), version: held.version })}</Paragraph> : null}
              <SelectField t={t} name={`section.${id}.verdict`} label={t("assessments.review.verdict_for", { section: title(id) })} required={!held} values={values} errors={errors} options={verdictOptions(held ? t("assessments.review.keep") : t("assessments.choose"))} />
              <TextArea t={t} name={`section.${id}.note`} label={t("assessments.review.note_for", { section: title(id) })} rows={2} maxlength={DEPIA_LIMITS.sectionNote} values={values} errors={errors} />
              <SelectField t={t} name={`section.${id}.actionOwnerUserId`} label={t("assessments.review.action_owner")} hint={t("assessments.review.action_hint")} values={values} errors={errors}
                options={[{ value: "", label: t("assessments.choose") }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
              <TextField t={t} name={`section.${id}.actionDueDate`} type="date" label={t("assessments.review.action_due")} values={values} errors={errors} />
            </fieldset>
          );
        })}
        <SelectField t={t} name="overall" label={t("assessments.review.overall")} required values={values} errors={errors} options={verdictOptions(t("assessments.choose"))} />
        <TextArea t={t} name="advice" label={t("assessments.review.advice")} required maxlength={DEPIA_LIMITS.advice} values={values} errors={errors} />
        <SubmitButton>{t("assessments.review.submit")}</SubmitButton>
      </PostForm>
    </section>
  );
}
