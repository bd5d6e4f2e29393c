// The pages of a contract: a project's contracts, the form to register or
// change one, the contract with its sign-off, the confirmation before deleting
// or withdrawing, the overview of contracts, and the organisation's setting.
import type { FieldError } from "../../../platform/errors.ts";
import { RadioGroupField } from "../../../ui/choice-fields.tsx";
import { Alert, ButtonLink, Cell, Heading1, Heading2, Link, Paragraph, Row, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { LIMITS, PROCEDURES, SECOND_SIGNERS, VALUE_BANDS, type ContractOverview, type ContractSummary, type ContractView, type SecondSigner } from "../service.ts";
import { contractPath, day, projectContractsPath, StateBadge, term } from "./common.tsx";
import type { EvidenceList } from "../../evidence/queries.ts";
import { EvidencePanel } from "../../evidence/views/panel.tsx";

type Form = { values?: Values; errors?: FieldError[] };

function ContractTable({ ctx, caption, items, showProject }: { ctx: PageContext; caption: string; items: ContractSummary[]; showProject?: boolean }) {
  const { t, lang } = ctx;
  const headers = [t("procurement.col.supplier"), ...(showProject ? [t("procurement.col.project")] : []), t("procurement.col.term"), t("procurement.col.points"), t("procurement.col.state")];
  return (
    <Table caption={caption} headers={headers}>
      {items.map((c) => (
        <Row>
          <Cell><Link href={contractPath(c.id)}>{c.supplier}</Link> <span class="afw-meta">{c.reference}</span></Cell>
          {showProject ? <Cell><Link href={`/projects/${c.projectId}`}>{c.projectTitle}</Link></Cell> : null}
          <Cell>{term(t, lang, c)}</Cell>
          <Cell>{t("procurement.points_open", { open: c.openPoints, total: c.totalPoints })}</Cell>
          <Cell><StateBadge ctx={ctx} state={c.state} />{c.reopened ? <> <span class="afw-meta">{t("procurement.reopened_short")}</span></> : null}</Cell>
        </Row>
      ))}
    </Table>
  );
}

export function ProjectContractsPage({ ctx, project, items, mayRegister }: { ctx: PageContext; project: { id: string; title: string; supplierInvolved: boolean }; items: ContractSummary[]; mayRegister: boolean }) {
  const { t } = ctx;
  return (
    <>
      <Paragraph><Link href={`/projects/${project.id}`}>{t("procurement.back_to_project", { title: project.title })}</Link></Paragraph>
      <Heading1>{t("procurement.project_title", { title: project.title })}</Heading1>
      <Paragraph lead>{t("procurement.intro")}</Paragraph>
      {!project.supplierInvolved ? <Alert kind="info">{t("procurement.no_supplier_info")}</Alert> : null}
      {mayRegister && project.supplierInvolved ? (
        <div class="afw-actions"><ButtonLink href={`${projectContractsPath(project.id)}/new`} variant="primary">{t("procurement.register")}</ButtonLink></div>
      ) : null}
      {items.length === 0 ? (
        <Paragraph>{project.supplierInvolved ? t("procurement.empty") : t("procurement.empty_no_supplier")}</Paragraph>
      ) : (
        <ContractTable ctx={ctx} caption={t("procurement.caption", { total: items.length })} items={items} />
      )}
    </>
  );
}

/** The contract's details as form fields, for registering and changing. */
function ContractFields({ ctx, values, errors }: { ctx: PageContext } & Form) {
  const { t } = ctx;
  return (
    <>
      <TextField t={t} name="supplier" label={t("procurement.field.supplier")} required maxlength={LIMITS.supplier} values={values} errors={errors} />
      <TextField t={t} name="reference" label={t("procurement.field.reference")} hint={t("procurement.field.reference_hint")} required maxlength={LIMITS.reference} values={values} errors={errors} />
      <TextArea t={t} name="subject" label={t("procurement.field.subject")} hint={t("procurement.field.subject_hint")} required rows={3} maxlength={LIMITS.subject} values={values} errors={errors} />
      <TextField t={t} name="startDate" type="date" label={t("procurement.field.start_date")} hint={t("procurement.field.date_hint")} required maxlength={LIMITS.date} values={values} errors={errors} />
      <TextField t={t} name="endDate" type="date" label={t("procurement.field.end_date")} hint={t("procurement.field.end_date_hint")} maxlength={LIMITS.date} values={values} errors={errors} />
      <SelectField t={t} name="valueBand" label={t("procurement.field.value_band")} required options={[{ value: "", label: t("procurement.choose") }, ...VALUE_BANDS.map((v) => ({ value: v, label: t(`procurement.value_band.${v}`) }))]} values={values} errors={errors} />
      <SelectField t={t} name="procedure" label={t("procurement.field.procedure")} required options={[{ value: "", label: t("procurement.choose") }, ...PROCEDURES.map((v) => ({ value: v, label: t(`procurement.procedure.${v}`) }))]} values={values} errors={errors} />
    </>
  );
}

export function ContractFormPage({ ctx, project, contract, values, errors }: { ctx: PageContext; project: { id: string; title: string }; contract?: ContractView } & Form) {
  const { t } = ctx;
  const action = contract ? `${contractPath(contract.id)}/edit` : projectContractsPath(project.id);
  return (
    <>
      <Paragraph><Link href={contract ? contractPath(contract.id) : projectContractsPath(project.id)}>{contract ? t("procurement.back_to_contract") : t("procurement.back_to_contracts")}</Link></Paragraph>
      <Heading1>{contract ? t("procurement.edit_title", { supplier: contract.supplier }) : t("procurement.new_title")}</Heading1>
      <Paragraph>{contract ? t("procurement.edit_intro") : t("procurement.new_intro", { title: project.title })}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action={action} csrfToken={ctx.csrfToken}>
        {contract ? <input type="hidden" name="expectedRevision" value={String(contract.revision)} /> : null}
        <ContractFields ctx={ctx} values={values} errors={errors} />
        <SubmitButton>{contract ? t("procurement.save_changes") : t("procurement.register")}</SubmitButton>
      </PostForm>
    </>
  );
}

export function contractValues(c: ContractView): Values {
  return { supplier: c.supplier, reference: c.reference, subject: c.subject, startDate: c.startDate, endDate: c.endDate ?? "", valueBand: c.valueBand, procedure: c.procedure };
}

function Facts({ ctx, c }: { ctx: PageContext; c: ContractView }) {
  const { t, lang } = ctx;
  return (
    <dl class="afw-facts">
      <dt>{t("procurement.col.state")}</dt>
      <dd><StateBadge ctx={ctx} state={c.state} /></dd>
      <dt>{t("procurement.field.supplier")}</dt>
      <dd>{c.supplier}</dd>
      <dt>{t("procurement.field.reference")}</dt>
      <dd>{c.reference}</dd>
      <dt>{t("procurement.field.subject")}</dt>
      <dd class="afw-prewrap">{c.subject}</dd>
      <dt>{t("procurement.col.term")}</dt>
      <dd>{term(t, lang, c)}</dd>
      <dt>{t("procurement.field.value_band")}</dt>
      <dd>{t(`procurement.value_band.${c.valueBand}`)}</dd>
      <dt>{t("procurement.field.procedure")}</dt>
      <dd>{t(`procurement.procedure.${c.procedure}`)}</dd>
      <dt>{t("procurement.checklist")}</dt>
      <dd>{t(`procurement.progress.${c.checklist.progress}`)} <span class="afw-meta">{t("procurement.checklist_version", { version: c.checklist.instrumentVersion })}</span></dd>
      <dt>{t("procurement.points")}</dt>
      <dd>{t("procurement.points_open", { open: c.openPoints, total: c.points.length })}</dd>
      <dt>{t("procurement.last_change")}</dt>
      <dd>{t("procurement.changed_by", { name: c.updatedByName, date: day(c.updatedAt, lang), revision: c.revision })}</dd>
      {c.withdrawnAt ? (
        <>
          <dt>{t("procurement.withdrawn_on")}</dt>
          <dd class="afw-prewrap">{t("procurement.withdrawn_because", { date: day(c.withdrawnAt, lang), reason: c.withdrawnReason ?? "" })}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** What the state means for the reader, in one sentence. */
function StateText({ ctx, c }: { ctx: PageContext; c: ContractView }) {
  const { t } = ctx;
  if (c.state === "withdrawn") return null;
  if (c.reopened) return <Alert kind="warning">{t(c.state === "in_progress" && c.openPoints > 0 ? "procurement.reopened_by_point" : "procurement.reopened_by_change")}</Alert>;
  if (c.state === "signed_off") return <Alert kind="ok">{t("procurement.signed_off_text", { date: day(c.signedOffOn ?? c.updatedAt, ctx.lang) })}</Alert>;
  if (c.state === "ready") return <Paragraph>{t("procurement.ready_text")}</Paragraph>;
  return <Paragraph>{t("procurement.in_progress_text")}</Paragraph>;
}

function SignoffSection({ ctx, c, form }: { ctx: PageContext; c: ContractView; form: Form }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="signoff" id="sign-off">
      <Heading2 id="signoff">{t("procurement.signoff.title")}</Heading2>
      <Paragraph>{t("procurement.signoff.intro")}</Paragraph>
      <Table caption={t("procurement.signoff.caption", { revision: c.revision })} headers={[t("procurement.signoff.col.place"), t("procurement.signoff.col.who"), t("procurement.signoff.col.signed")]}>
        {c.slots.map((s) => (
          <Row>
            <Cell>{t(`procurement.slot.${s.slot}`)}</Cell>
            <Cell>{(c.signers.find((x) => x.slot === s.slot)?.names ?? []).join(", ") || t("procurement.signoff.nobody")}</Cell>
            <Cell>
              {s.signoff ? t("procurement.signoff.by", { name: s.signoff.userName, role: t(`role.${s.signoff.role}`), date: day(s.signoff.signedAt, lang) }) : t("procurement.signoff.not_yet")}
              {s.signoff?.note ? <span class="afw-prewrap"> — {s.signoff.note}</span> : null}
            </Cell>
          </Row>
        ))}
      </Table>
      {c.may.signOff.length > 0 ? (
        <PostForm action={`${contractPath(c.id)}/sign-off`} csrfToken={ctx.csrfToken} label={t("procurement.signoff.form")}>
          <ErrorSummary t={t} errors={form.errors} />
          <input type="hidden" name="revision" value={String(c.revision)} />
          {c.may.signOff.length > 1 ? (
            <RadioGroupField t={t} name="slot" legend={t("procurement.signoff.which_place")} required options={c.may.signOff.map((s) => ({ value: s, label: t(`procurement.slot.${s}`) }))} selected={form.values?.slot ?? c.may.signOff[0]} errors={form.errors} />
          ) : (
            <input type="hidden" name="slot" value={c.may.signOff[0]} />
          )}
          <TextArea t={t} name="note" label={t("procurement.signoff.note")} hint={t("procurement.signoff.note_hint")} rows={3} maxlength={LIMITS.note} values={form.values} errors={form.errors} />
          <SubmitButton>{t("procurement.signoff.submit")}</SubmitButton>
        </PostForm>
      ) : c.may.involved ? (
        <Alert kind="info">{t("procurement.signoff.own_project")}</Alert>
      ) : null}
      {c.earlierSignoffs.length > 0 ? (
        <>
          <Heading2 id="earlier-signoffs">{t("procurement.signoff.earlier")}</Heading2>
          <ul class="utrecht-unordered-list">
            {c.earlierSignoffs.map((s) => (
              <li class="utrecht-unordered-list__item">{t("procurement.signoff.earlier_item", { name: s.userName, role: t(`role.${s.role}`), date: day(s.signedAt, lang), revision: s.revision })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ContractPage({ ctx, c, form, evidence }: { ctx: PageContext; c: ContractView; form: Form; evidence?: EvidenceList }) {
  const { t } = ctx;
  return (
    <>
      <Paragraph><Link href={projectContractsPath(c.projectId)}>{t("procurement.back_to_contracts_of", { title: c.projectTitle })}</Link></Paragraph>
      <Heading1>{t("procurement.contract_title", { supplier: c.supplier })}</Heading1>
      <StateText ctx={ctx} c={c} />
      <Facts ctx={ctx} c={c} />
      <div class="afw-actions">
        <ButtonLink href={`${contractPath(c.id)}/checklist`} variant="primary">{c.may.edit ? t("procurement.open_checklist_edit") : t("procurement.open_checklist")}</ButtonLink>
        {c.may.edit ? <ButtonLink href={`${contractPath(c.id)}/edit`}>{t("procurement.edit")}</ButtonLink> : null}
        {c.may.delete ? <ButtonLink href={`${contractPath(c.id)}/delete`}>{t("procurement.delete")}</ButtonLink> : null}
        {c.may.withdraw ? <ButtonLink href={`${contractPath(c.id)}/withdraw`}>{t("procurement.withdraw")}</ButtonLink> : null}
      </div>
      {c.state !== "withdrawn" ? <SignoffSection ctx={ctx} c={c} form={form} /> : null}
      {evidence ? <EvidencePanel ctx={ctx} list={evidence} /> : null}
    </>
  );
}

export function ConfirmPage({ ctx, c, kind, form }: { ctx: PageContext; c: ContractView; kind: "delete" | "withdraw"; form: Form }) {
  const { t } = ctx;
  return (
    <>
      <Paragraph><Link href={contractPath(c.id)}>{t("procurement.back_to_contract")}</Link></Paragraph>
      <Heading1>{t(`procurement.${kind}_title`, { supplier: c.supplier })}</Heading1>
      <Paragraph lead>{t(`procurement.${kind}_intro`, { supplier: c.supplier, reference: c.reference })}</Paragraph>
      <ErrorSummary t={t} errors={form.errors} />
      <PostForm action={`${contractPath(c.id)}/${kind}`} csrfToken={ctx.csrfToken}>
        <input type="hidden" name="confirm" value="1" />
        <input type="hidden" name="expectedRevision" value={String(c.revision)} />
        {kind === "withdraw" ? <TextArea t={t} name="reason" label={t("procurement.withdraw.reason")} required rows={3} maxlength={LIMITS.withdrawReason} values={form.values} errors={form.errors} /> : null}
        <div class="afw-actions">
          <SubmitButton>{t(`procurement.${kind}_confirm`)}</SubmitButton>
          <Link href={contractPath(c.id)}>{t("procurement.cancel")}</Link>
        </div>
      </PostForm>
    </>
  );
}

export function OverviewPage({ ctx, overview, isSigner }: { ctx: PageContext; overview: ContractOverview; isSigner: boolean }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("procurement.overview_title")}</Heading1>
      <Paragraph lead>{t("procurement.overview_intro")}</Paragraph>
      {isSigner ? (
        <section aria-labelledby="waiting">
          <Heading2 id="waiting">{t("procurement.waiting_title")}</Heading2>
          {overview.waitingForMe.length === 0 ? <Paragraph>{t("procurement.waiting_empty")}</Paragraph> : <ContractTable ctx={ctx} caption={t("procurement.waiting_caption", { total: overview.waitingForMe.length })} items={overview.waitingForMe} showProject />}
        </section>
      ) : null}
      <section aria-labelledby="all-contracts">
        <Heading2 id="all-contracts">{t("procurement.all_title")}</Heading2>
        {overview.others.length === 0 ? <Paragraph>{t("procurement.all_empty")}</Paragraph> : <ContractTable ctx={ctx} caption={t("procurement.all_caption", { total: overview.others.length })} items={overview.others} showProject />}
      </section>
    </>
  );
}

export function SettingsPage({ ctx, secondSigner, errors }: { ctx: PageContext; secondSigner: SecondSigner; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("procurement.settings.title")}</Heading1>
      <Paragraph lead>{t("procurement.settings.intro")}</Paragraph>
      <ErrorSummary t={t} errors={errors} />
      <PostForm action="/admin/procurement" csrfToken={ctx.csrfToken}>
        <RadioGroupField t={t} name="secondSigner" legend={t("procurement.settings.second_signer")} required options={SECOND_SIGNERS.map((s) => ({ value: s, label: t(`procurement.settings.option.${s}`) }))} selected={secondSigner} errors={errors} />
        <SubmitButton>{t("procurement.settings.save")}</SubmitButton>
      </PostForm>
    </>
  );
}
