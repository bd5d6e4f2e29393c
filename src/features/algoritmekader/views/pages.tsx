import type { Why } from "../../../domain/algoritmekader/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Cell, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { REASON_MAX, type OrganisationCoverage, type ProjectRequirement, type ProjectRequirements } from "../service.ts";

export const akPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/algoritmekader`;
const code = (urn: string) => urn.split(":").pop() ?? urn;

function whyText(ctx: PageContext, w: Why): string {
  switch (w.code) {
    case "ak.why.trigger":
      return ctx.t("ak.why.trigger", { trigger: w.trigger ? ctx.t(`ak.trigger.${w.trigger}`) : "" });
    case "ak.why.ai_act_labels":
      return ctx.t("ak.why.ai_act_labels", { riskGroup: w.labels?.riskGroup ?? "", roles: w.labels?.roles.join(", ") ?? "" });
    default:
      return ctx.t(w.code);
  }
}

/** The order of the groups on the requirements page: what needs work first. */
const GROUPS = ["not_yet", "met", "not_applicable"] as const;

function Status({ ctx, r }: { ctx: PageContext; r: ProjectRequirement }) {
  const s = r.status.status;
  return <StatusBadge status={s === "met" ? "valid" : s === "not_applicable" ? "neutral" : "warning"}>{ctx.t(`ak.status.${s}`)}</StatusBadge>;
}

function Evidence({ ctx, r, labels }: { ctx: PageContext; r: ProjectRequirement; labels: Map<string, string> }) {
  const { t } = ctx;
  const s = r.status;
  const names = (ids: string[]) => ids.map((id) => labels.get(id) ?? id).join("; ");
  if (s.source === "override") return <>{t("ak.source.override", { reason: s.reason ?? "" })}</>;
  if (s.metBy.length) return <>{t("ak.met_by", { links: names(s.metBy) })}</>;
  if (s.linked.length) return <>{t("ak.linked", { links: names(s.linked) })}</>;
  return <>{t("ak.source.none")}</>;
}

export function RequirementsPage({ ctx, model, values, errors }: { ctx: PageContext; model: ProjectRequirements; values?: Values; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  const labels = new Map(model.framework.evidence_links.map((l) => [l.id, l.label[lang]]));
  const id = model.project.id;
  const count = (status: ProjectRequirement["status"]["status"]) => model.requirements.filter((r) => r.status.status === status).length;
  return (
    <>
      <Paragraph><Link href={`/projects/${encodeURIComponent(id)}`}>{t("ak.back_to_project", { title: model.project.title })}</Link></Paragraph>
      <Heading1>{t("ak.title")}</Heading1>
      <Paragraph lead>{t("ak.intro", { version: model.framework.version })}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      {model.awaitingClassification.length ? (
        <Paragraph>{t("ak.awaiting", { count: model.awaitingClassification.length })} <Link href={`/projects/${encodeURIComponent(id)}/ai-act`}>{t("ak.to_classification")}</Link></Paragraph>
      ) : null}
      <Paragraph>{t("ak.summary", { met: count("met"), not_yet: count("not_yet"), not_applicable: count("not_applicable") })}</Paragraph>
      {GROUPS.map((status) => {
        const here = model.requirements.filter((r) => r.status.status === status);
        if (!here.length) return null;
        return (
          // Only what still needs work is open; on a phone the page stays short.
          <details class="afw-disclosure" open={status === "not_yet" ? true : undefined}>
            <summary>{t(`ak.group.${status}`, { count: here.length })}</summary>
            <ul class="afw-requirements">
              {here.map((r) => (
                <li class="afw-requirements__item" id={`req-${code(r.requirement.id)}`}>
                  <p class="utrecht-paragraph"><strong>{code(r.requirement.id)}: {r.requirement.title[lang]}</strong> <Status ctx={ctx} r={r} /></p>
                  <p class="utrecht-paragraph">{t("ak.col.why")}: {r.why.map((w) => whyText(ctx, w)).join(" ")}</p>
                  <p class="utrecht-paragraph">{t("ak.col.evidence")}: <Evidence ctx={ctx} r={r} labels={labels} /></p>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {model.canEdit ? (
        <section aria-labelledby="ak-status-form">
          <Heading2 id="ak-status-form">{t("ak.form.submit")}</Heading2>
          <PostForm action={`${akPath(id)}/status`} csrfToken={ctx.csrfToken} label={t("ak.form.submit")}>
            <SelectField t={t} name="requirementId" label={t("ak.col.requirement")} required values={values} errors={errors}
              options={model.requirements.map((r) => ({ value: r.requirement.id, label: `${code(r.requirement.id)}: ${r.requirement.title[lang]}` }))} />
            <SelectField t={t} name="status" label={t("ak.col.status")} required values={values} errors={errors}
              options={[{ value: "not_applicable", label: t("ak.form.mark_na") }, { value: "met", label: t("ak.form.mark_met") }, { value: "clear", label: t("ak.form.clear") }]} />
            <TextArea t={t} name="reason" label={t("ak.form.reason")} hint={t("ak.form.reason_hint")} maxlength={REASON_MAX} values={values} errors={errors} />
            <SubmitButton>{t("ak.form.submit")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
      {model.measures.length ? (
        <section aria-labelledby="ak-measures">
          <Heading2 id="ak-measures">{t("ak.measures.title")}</Heading2>
          <Paragraph>{t("ak.measures.intro")}</Paragraph>
          <ul class="utrecht-unordered-list">
            {model.measures.slice(0, 20).map((m) => <li class="utrecht-unordered-list__item">{code(m.measure.id)}: {m.measure.title[lang]} ({m.serves.map(code).join(", ")})</li>)}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function CoveragePage({ ctx, model }: { ctx: PageContext; model: OrganisationCoverage }) {
  const { t, lang } = ctx;
  const titles = new Map(model.projects.map((p) => [p.id, p.title]));
  const req = new Map(model.framework.requirements.map((r) => [r.id, r.title[lang]]));
  return (
    <>
      <Heading1>{t("ak.org.title")}</Heading1>
      <Paragraph lead>{t("ak.org.intro")}</Paragraph>
      <Paragraph><Link href="/algoritmekader.csv">{t("ak.org.export")}</Link></Paragraph>
      {model.rows.length ? (
        <Table caption={t("ak.org.title")} headers={[t("ak.col.requirement"), t("ak.org.col.met"), t("ak.org.col.not_yet"), t("ak.org.col.not_applicable"), t("ak.org.col.gaps")]}>
          {model.rows.map((r) => (
            <Row>
              <Cell>{code(r.requirementId)}: {req.get(r.requirementId) ?? ""}</Cell>
              <Cell>{r.counts.met}</Cell>
              <Cell>{r.counts.not_yet}</Cell>
              <Cell>{r.counts.not_applicable}</Cell>
              <Cell>{r.gaps.map((id) => titles.get(id) ?? id).join(", ") || "-"}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>{t("ak.org.none")}</Paragraph>
      )}
    </>
  );
}

export function AkPanel({ ctx, projectId, met, total }: { ctx: PageContext; projectId: string; met: number; total: number }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="panel-ak">
      <h2 class="utrecht-heading-2" id="panel-ak">{t("ak.panel.title")}</h2>
      <Paragraph>{t("ak.panel.summary", { met, total })}</Paragraph>
      <Paragraph><Link href={akPath(projectId)}>{t("ak.panel.open")}</Link></Paragraph>
    </section>
  );
}
