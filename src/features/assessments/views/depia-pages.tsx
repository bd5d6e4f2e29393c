// The parts the DEPIA pages share (paths, verdict badges, the measure table),
// the organisation's setting page and the panel on the project page. The
// pages themselves: depia-page.tsx, version-page.tsx, risk-pages.tsx.
import type { ScreeningOutcome } from "../../../domain/screening/evaluate.ts";
import type { ReviewVerdict } from "../../../domain/lifecycle/snapshot.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Cell, formatDate, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SubmitButton } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { Measure } from "../../measures/service.ts";
import type { DepiaOverview } from "../get-depia.ts";
import { EXTRA_REVIEWER_ROLES, type ExtraReviewerRole } from "../rules.ts";
import { projectPath } from "./screening-page.tsx";

export const depiaPath = (projectId: string) => `${projectPath(projectId)}/depia`;
export type People = { id: string; name: string }[];

export function VerdictBadge({ ctx, verdict }: { ctx: PageContext; verdict: ReviewVerdict }) {
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
