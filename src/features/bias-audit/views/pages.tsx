// Pages of the bias audit: list, upload, column mapping, progress, result,
// attach to a project, delete. Every form works without JavaScript.
import type { Child } from "hono/jsx";
import type { FieldError } from "../../../platform/errors.ts";
import type { Lang, Translate } from "../../../platform/i18n/index.ts";
import { Alert, ButtonLink, Cell, formatDateTime, Heading1, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { ErrorSummary, fieldId, FileField, PostForm, SelectField, SubmitButton, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { errorMessageKey, type BiasAuditReport } from "../engine/index.ts";
import type { AuditRiskLinks } from "../risk-links.ts";
import { FAVOURABLE_CHOICES, MAPPING_LIMITS, REFERENCE_CHOICES, UPLOAD_LIMITS, type BiasAuditDetail, type BiasAuditStatus, type BiasAuditSummary, type MappingInput } from "../service.ts";
import { formatBytes } from "../upload.ts";
import { ReportView } from "./result.tsx";

export const STYLESHEET = "/bias-audits/assets/bias-audit.css";

/** The Layout's head is fixed; a stylesheet link is allowed in the body. */
function Styles() {
  return <link rel="stylesheet" href={STYLESHEET} />;
}

const STATUS_BADGE: Record<BiasAuditStatus, "neutral" | "valid" | "invalid" | "warning"> = { uploaded: "neutral", queued: "warning", running: "warning", done: "valid", failed: "invalid" };

export function StatusLabel({ t, status }: { t: Translate; status: BiasAuditStatus }) {
  return <StatusBadge status={STATUS_BADGE[status]}>{t(`bias_audit.status.${status}`)}</StatusBadge>;
}

/** The error of a failed job: the engine's code (or "interrupted", "internal") as its catalogue text. */
export function errorText(t: Translate, error: { code: string; params: Record<string, string | number> }): string {
  if (error.code === "interrupted") return t("bias_audit.error.interrupted");
  const key = errorMessageKey(error.code, error.params);
  return key ? t(key, error.params) : t("bias_audit.error.internal");
}

export function ListPage({ ctx, items, canStart }: { ctx: PageContext; items: BiasAuditSummary[]; canStart: boolean }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{t("bias_audit.title")}</Heading1>
      <Paragraph lead>{t("bias_audit.intro")}</Paragraph>
      {canStart ? (
        <div class="afw-actions">
          <ButtonLink href="/bias-audits/new" variant="primary">{t("bias_audit.new")}</ButtonLink>
        </div>
      ) : null}
      {items.length === 0 ? (
        <Paragraph>{t("bias_audit.empty")}</Paragraph>
      ) : (
        <Table caption={t("bias_audit.list_caption", { count: items.length })} headers={[t("bias_audit.col.name"), t("bias_audit.col.file"), t("bias_audit.col.project"), t("bias_audit.col.status"), t("bias_audit.col.created")]}>
          {items.map((a) => (
            <Row>
              <Cell><Link href={`/bias-audits/${a.id}`}>{a.name}</Link></Cell>
              <Cell>{`${a.fileName} (${formatBytes(a.fileBytes)})`}</Cell>
              <Cell>{a.projectTitle ?? t("bias_audit.no_project")}</Cell>
              <Cell><StatusLabel t={t} status={a.status} /></Cell>
              <Cell>{`${formatDateTime(a.createdAt, lang)} · ${a.createdByName}`}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}

function projectOptions(t: Translate, projects: { id: string; title: string }[]) {
  return [{ value: "", label: t("bias_audit.no_project") }, ...projects.map((p) => ({ value: p.id, label: p.title }))];
}

export function UploadPage(props: { ctx: PageContext; projects: { id: string; title: string }[]; maxBytes: number; values?: Values; errors?: FieldError[] }) {
  const { ctx, projects, maxBytes, values, errors } = props;
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("bias_audit.new")}</Heading1>
      <Paragraph>{t("bias_audit.upload.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action={`/bias-audits/upload?_csrf=${encodeURIComponent(ctx.csrfToken)}`} csrfToken={ctx.csrfToken} multipart>
        <TextField t={t} name="name" label={t("bias_audit.field.name")} hint={t("bias_audit.field.name_hint")} required maxlength={UPLOAD_LIMITS.name} values={values} errors={errors} />
        <SelectField t={t} name="projectId" label={t("bias_audit.field.project")} hint={t("bias_audit.field.project_hint")} options={projectOptions(t, projects)} values={values} errors={errors} />
        <FileField t={t} name="file" label={t("bias_audit.field.file")} hint={t("bias_audit.field.file_hint", { max: formatBytes(maxBytes) })} accept=".csv,.tsv,.txt,.parquet,text/csv" required errors={errors} />
        <SubmitButton>{t("bias_audit.upload.submit")}</SubmitButton>
      </PostForm>
    </>
  );
}

function CheckboxGroup(props: { t: Translate; name: string; legend: string; hint?: string; options: string[]; selected: readonly string[]; errors?: FieldError[] }) {
  const { t, name, legend, hint, options, selected, errors } = props;
  const id = fieldId(name);
  const error = errors?.find((e) => e.field === name);
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? " utrecht-form-fieldset--invalid" : ""}`} aria-describedby={described} aria-invalid={error ? "true" : undefined}>
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend} <span class="afw-required">{t("form.required")}</span>
      </legend>
      {hint ? <div class="utrecht-form-field-description" id={`${id}-hint`}>{hint}</div> : null}
      {error ? <div class="utrecht-form-field-error-message" id={`${id}-error`}>{t(error.messageKey, error.params)}</div> : null}
      {options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${i}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <div class="utrecht-form-field__input">
              <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={optionId} name={name} value={o} checked={selected.includes(o)} />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={optionId}>{o}</label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

function Checkbox({ name, label, checked, hint }: { name: string; label: string; checked: boolean; hint?: string }) {
  const id = fieldId(name);
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <div class="utrecht-form-field__input">
        <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name={name} value="on" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} />
      </div>
      <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>{label}</label>
      </div>
      {hint ? <div class="utrecht-form-field-description" id={`${id}-hint`}>{hint}</div> : null}
    </div>
  );
}

/** A select of one of the mapping's choices (favourable, reference), with its label and hint. */
function ChoiceField<C extends string>(props: { t: Translate; name: "favourable" | "reference"; choices: readonly C[]; text: (choice: C) => string; values: Values; errors?: FieldError[] }) {
  const { t, name, choices, text, values, errors } = props;
  return (
    <SelectField t={t} name={name} label={t(`bias_audit.field.${name}`)} hint={t(`bias_audit.field.${name}_hint`)} options={choices.map((v) => ({ value: v, label: text(v) }))} values={values} errors={errors} />
  );
}

/** Form values of the mapping page: what was sent, or the saved mapping, or a sensible start. */
export interface MappingValues {
  groups: string[];
  fields: Values;
  intersections: boolean;
  scan: boolean;
}

export function mappingValues(audit: BiasAuditDetail, sent?: { groups: string[]; fields: Values; intersections: boolean; scan: boolean }): MappingValues {
  if (sent) return sent;
  const m: MappingInput | null = audit.mapping;
  if (m) {
    return {
      groups: m.groups,
      fields: {
        prediction: m.prediction,
        threshold: m.threshold === null ? "" : String(m.threshold),
        label: m.label ?? "",
        favourable: m.favourable,
        favourableValue: m.favourableValue ?? "",
        reference: m.reference,
        referenceGroup: m.referenceGroup ?? "",
      },
      intersections: m.intersections,
      scan: m.scan,
    };
  }
  const find = (re: RegExp) => audit.columns.find((c) => re.test(c));
  return {
    groups: [],
    fields: { prediction: find(/score|predict|voorspel|beslis|decision/i) ?? audit.columns[0] ?? "", label: find(/^label|label_value|uitkomst|outcome|truth/i) ?? "", favourable: "unspecified", reference: "largest" },
    intersections: true,
    scan: true,
  };
}

export function MappingPage({ ctx, audit, values, errors }: { ctx: PageContext; audit: BiasAuditDetail; values: MappingValues; errors?: FieldError[] }) {
  const { t } = ctx;
  const columns = audit.columns.map((c) => ({ value: c, label: c }));
  return (
    <>
      <Heading1>{t("bias_audit.mapping.title", { name: audit.name })}</Heading1>
      <Paragraph>
        {t("bias_audit.mapping.intro", { file: audit.fileName, count: audit.columns.length })}
        {audit.delimiter ? ` ${t("bias_audit.mapping.delimiter", { delimiter: audit.delimiter === "\t" ? t("bias_audit.mapping.delimiter_tab") : audit.delimiter })}` : ""}
      </Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action={`/bias-audits/${audit.id}/mapping`} csrfToken={ctx.csrfToken}>
        <CheckboxGroup t={t} name="groups" legend={t("bias_audit.field.groups")} hint={t("bias_audit.field.groups_hint")} options={audit.columns} selected={values.groups} errors={errors} />
        <SelectField t={t} name="prediction" label={t("bias_audit.field.prediction")} hint={t("bias_audit.field.prediction_hint")} options={columns} values={values.fields} errors={errors} required />
        <TextField t={t} name="threshold" label={t("bias_audit.field.threshold")} hint={t("bias_audit.field.threshold_hint")} maxlength={40} values={values.fields} errors={errors} />
        <SelectField t={t} name="label" label={t("bias_audit.field.label")} hint={t("bias_audit.field.label_hint")} options={[{ value: "", label: t("bias_audit.field.label_none") }, ...columns]} values={values.fields} errors={errors} />
        <ChoiceField t={t} name="favourable" choices={FAVOURABLE_CHOICES} text={(v) => t(`bias_audit.favourable.${v}`)} values={values.fields} errors={errors} />
        <TextField t={t} name="favourableValue" label={t("bias_audit.field.favourable_value")} hint={t("bias_audit.field.favourable_value_hint")} maxlength={MAPPING_LIMITS.column} values={values.fields} errors={errors} />
        <ChoiceField t={t} name="reference" choices={REFERENCE_CHOICES} text={(v) => t(`bias_audit.reference.${v}`)} values={values.fields} errors={errors} />
        <TextField t={t} name="referenceGroup" label={t("bias_audit.field.reference_group")} hint={t("bias_audit.field.reference_group_hint")} maxlength={MAPPING_LIMITS.column} values={values.fields} errors={errors} />
        <Checkbox name="intersections" label={t("bias_audit.field.intersections")} hint={t("bias_audit.field.intersections_hint")} checked={values.intersections} />
        <Checkbox name="scan" label={t("bias_audit.field.scan")} hint={t("bias_audit.field.scan_hint")} checked={values.scan} />
        <SubmitButton>{t("bias_audit.mapping.submit")}</SubmitButton>
      </PostForm>
    </>
  );
}

/** The part of the progress page that htmx refreshes every second. */
export function ProgressFragment({ ctx, audit }: { ctx: PageContext; audit: BiasAuditDetail }) {
  const { t } = ctx;
  const total = Math.max(1, audit.totalBytes);
  const done = Math.min(audit.progressBytes, total);
  const pct = Math.floor((done / total) * 100);
  const rounded = Math.floor(pct / 10) * 10;
  return (
    <>
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="bias-audit-progress-bar">{t("bias_audit.progress.label")}</label>
        </div>
        <progress id="bias-audit-progress-bar" class="afw-bias-progress" max={String(total)} value={String(done)}>{`${pct} %`}</progress>
      </div>
      <p class="utrecht-paragraph">{t("bias_audit.progress.bytes", { done: formatBytes(done), total: formatBytes(audit.totalBytes), pct })}</p>
      <p class="utrecht-paragraph afw-visually-hidden" role="status" aria-live="polite">
        {audit.status === "queued" ? t("bias_audit.progress.queued") : t("bias_audit.progress.live", { pct: rounded })}
      </p>
    </>
  );
}

export function ProgressPage({ ctx, audit }: { ctx: PageContext; audit: BiasAuditDetail }) {
  const { t } = ctx;
  return (
    <>
      <Styles />
      <Heading1>{audit.name}</Heading1>
      <Paragraph>
        <StatusLabel t={t} status={audit.status} /> {t("bias_audit.progress.intro")}
      </Paragraph>
      <div id="bias-audit-progress" hx-get={`/bias-audits/${audit.id}/progress`} hx-trigger="every 1s" hx-swap="innerHTML">
        <ProgressFragment ctx={ctx} audit={audit} />
      </div>
      <div class="afw-actions">
        <ButtonLink href={`/bias-audits/${audit.id}`}>{t("bias_audit.progress.refresh")}</ButtonLink>
      </div>
      <Paragraph>{t("bias_audit.progress.no_js")}</Paragraph>
    </>
  );
}

function Downloads({ t, audit }: { t: Translate; audit: BiasAuditDetail }) {
  return (
    <div class="afw-actions">
      <ButtonLink href={`/bias-audits/${audit.id}/report.pdf`} variant="primary">{t("bias_audit.download_pdf")}</ButtonLink>
      <ButtonLink href={`/bias-audits/${audit.id}/report.json`}>{t("bias_audit.download_json")}</ButtonLink>
    </div>
  );
}

function Facts({ ctx, audit }: { ctx: PageContext; audit: BiasAuditDetail }) {
  const { t, lang } = ctx;
  return (
    <dl class="afw-bias-facts">
      <dt>{t("bias_audit.col.file")}</dt>
      <dd>{`${audit.fileName} (${audit.fileFormat.toUpperCase()}, ${formatBytes(audit.fileBytes)})`}</dd>
      <dt>{t("bias_audit.col.project")}</dt>
      <dd>{audit.projectId ? <Link href={`/projects/${audit.projectId}`}>{audit.projectTitle ?? audit.projectId}</Link> : t("bias_audit.no_project")}</dd>
      <dt>{t("bias_audit.col.created")}</dt>
      <dd>{`${formatDateTime(audit.createdAt, lang)} · ${audit.createdByName}`}</dd>
      {audit.mapping ? (
        <>
          <dt>{t("bias_audit.col.mapping")}</dt>
          <dd>
            {t("bias_audit.mapping.summary", {
              groups: audit.mapping.groups.join(", "),
              prediction: audit.mapping.prediction,
              label: audit.mapping.label ?? t("bias_audit.field.label_none"),
            })}
            {audit.mapping.threshold !== null ? ` ${t("bias_audit.mapping.summary_threshold", { threshold: audit.mapping.threshold })}` : ""}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function ManageLinks({ t, audit }: { t: Translate; audit: BiasAuditDetail }) {
  if (!audit.canManage) return null;
  return (
    <div class="afw-actions">
      <Link href={`/bias-audits/${audit.id}/mapping`}>{t("bias_audit.change_mapping")}</Link>
      <Link href={`/bias-audits/${audit.id}/project`}>{t("bias_audit.attach.link")}</Link>
      <Link href={`/bias-audits/${audit.id}/delete`}>{t("bias_audit.delete.link")}</Link>
    </div>
  );
}

export function FailedPage({ ctx, audit }: { ctx: PageContext; audit: BiasAuditDetail }) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading1>{audit.name}</Heading1>
      <Paragraph><StatusLabel t={t} status="failed" /></Paragraph>
      <Alert kind="error">{`${t("bias_audit.failed.intro")} ${audit.error ? errorText(t, audit.error) : ""}`}</Alert>
      <Paragraph>{t("bias_audit.failed.what_now")}</Paragraph>
      <Facts ctx={ctx} audit={audit} />
      <ManageLinks t={t} audit={audit} />
    </>
  );
}

/** The risks of the audit's project the audit is evidence for, with a form to link and unlink (plain POST). */
function RiskLinksSection({ ctx, audit, links, errors }: { ctx: PageContext; audit: BiasAuditDetail; links: AuditRiskLinks; errors?: FieldError[] }) {
  const { t } = ctx;
  if (!links.linked.length && !links.available.length) return null;
  return (
    <section aria-labelledby="bias-risk-links">
      <Heading2 id="bias-risk-links">{t("bias_audit.risk_link.title")}</Heading2>
      <Paragraph>{t("bias_audit.risk_link.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      {links.linked.length ? (
        <Table
          caption={t("bias_audit.risk_link.linked_caption")}
          headers={[t("bias_audit.risk_link.col_risk"), t("bias_audit.risk_link.col_description"), ...(links.canManage ? [t("bias_audit.risk_link.col_action")] : [])]}
        >
          {links.linked.map((r) => (
            <Row>
              <Cell>{r.label}</Cell>
              <Cell>{r.description}</Cell>
              {links.canManage ? (
                <Cell>
                  <PostForm action={`/bias-audits/${audit.id}/risks/${r.id}/unlink`} csrfToken={ctx.csrfToken} label={t("bias_audit.risk_link.unlink_label", { label: r.label })}>
                    <SubmitButton>{t("bias_audit.risk_link.unlink")}</SubmitButton>
                  </PostForm>
                </Cell>
              ) : null}
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>{t("bias_audit.risk_link.none")}</Paragraph>
      )}
      {links.canManage && links.available.length ? (
        <PostForm action={`/bias-audits/${audit.id}/risks`} csrfToken={ctx.csrfToken} label={t("bias_audit.risk_link.title")}>
          <SelectField
            t={t}
            name="riskId"
            label={t("bias_audit.risk_link.field")}
            options={[{ value: "", label: t("bias_audit.risk_link.choose") }, ...links.available.map((r) => ({ value: r.id, label: t("bias_audit.risk_link.option", { label: r.label, description: r.description.length > 80 ? `${r.description.slice(0, 80)}…` : r.description }) }))]}
            errors={errors}
          />
          <SubmitButton>{t("bias_audit.risk_link.submit")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

export function ResultPage({ ctx, audit, report, links, errors }: { ctx: PageContext; audit: BiasAuditDetail; report: BiasAuditReport; links?: AuditRiskLinks | null; errors?: FieldError[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <Styles />
      <Heading1>{t("bias_audit.result.title", { name: audit.name })}</Heading1>
      <Facts ctx={ctx} audit={audit} />
      {links ? <RiskLinksSection ctx={ctx} audit={audit} links={links} errors={errors} /> : null}
      <Downloads t={t} audit={audit} />
      <ReportView t={t} lang={lang} report={report} />
      <Heading2>{t("bias_audit.result.next")}</Heading2>
      <ManageLinks t={t} audit={audit} />
    </>
  );
}

export function AttachPage({ ctx, audit, projects, errors }: { ctx: PageContext; audit: BiasAuditDetail; projects: { id: string; title: string }[]; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("bias_audit.attach.title", { name: audit.name })}</Heading1>
      <Paragraph>{t("bias_audit.attach.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action={`/bias-audits/${audit.id}/project`} csrfToken={ctx.csrfToken}>
        <SelectField t={t} name="projectId" label={t("bias_audit.field.project")} options={projectOptions(t, projects)} values={{ projectId: audit.projectId ?? "" }} errors={errors} />
        <SubmitButton>{t("bias_audit.attach.submit")}</SubmitButton>
      </PostForm>
      <Paragraph><Link href={`/bias-audits/${audit.id}`}>{t("bias_audit.back")}</Link></Paragraph>
    </>
  );
}

export function DeletePage({ ctx, audit }: { ctx: PageContext; audit: BiasAuditDetail }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("bias_audit.delete.title", { name: audit.name })}</Heading1>
      <Alert kind="warning">{t("bias_audit.delete.warning", { file: audit.fileName })}</Alert>
      <PostForm action={`/bias-audits/${audit.id}/delete`} csrfToken={ctx.csrfToken}>
        <div class="afw-actions">
          <SubmitButton>{t("bias_audit.delete.submit")}</SubmitButton>
          <Link href={`/bias-audits/${audit.id}`}>{t("bias_audit.delete.cancel")}</Link>
        </div>
      </PostForm>
    </>
  );
}

/** The section on the project page: the project's bias audits. */
export function ProjectPanelView({ ctx, items, projectId }: { ctx: PageContext; items: BiasAuditSummary[]; projectId: string }): Child {
  const { t, lang } = ctx;
  void projectId;
  return (
    <section aria-labelledby="project-bias-audits">
      <Heading2 id="project-bias-audits">{t("bias_audit.panel.title")}</Heading2>
      {items.length === 0 ? (
        <Paragraph>{t("bias_audit.panel.empty")}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {items.map((a) => (
            <li class="utrecht-unordered-list__item">
              <Link href={`/bias-audits/${a.id}`}>{a.name}</Link> · <StatusLabel t={t} status={a.status} /> · {formatDateTime(a.createdAt, lang)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
