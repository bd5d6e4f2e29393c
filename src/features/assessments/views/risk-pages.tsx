// The risk register page (heat map, list, a new risk) and the page of one
// risk (its measures, linking one, changing the risk).
import { RISK_LEVELS } from "../../../domain/risk/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Cell, Heading1, Heading2, Link, Paragraph, Row, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { MEASURE_LIMITS } from "../../measures/service.ts";
import { riskFields, RISK_LIMITS, type Risk, type RiskRegister } from "../risk-register.ts";
import { RISK_CATEGORIES } from "../rules.ts";
import { depiaPath, MeasureTable, type People } from "./depia-pages.tsx";
import { HeatMap, HeatMapTable, levelText, ScaleExplanation } from "./heat-map.tsx";

/** A risk's fields as the form shows them. */
function riskValues(risk: Risk): Values {
  return { ...riskFields(risk), values: risk.values.join(", ") };
}

function RiskFields({ ctx, values, errors, valueOptions }: { ctx: PageContext; values?: Values; errors?: FieldError[]; valueOptions: string }) {
  const { t } = ctx;
  const levels = (empty: string) => [{ value: "", label: empty }, ...RISK_LEVELS.map((l) => ({ value: l, label: t(`assessments.level.${l}`) }))];
  return (
    <>
      <SelectField t={t} name="category" label={t("assessments.risk.category")} required values={values} errors={errors} options={RISK_CATEGORIES.map((c) => ({ value: c, label: t(`assessments.category.${c}`) }))} />
      <TextArea t={t} name="description" label={t("assessments.risk.description")} required maxlength={RISK_LIMITS.description} rows={3} values={values} errors={errors} />
      <TextField t={t} name="values" label={t("assessments.risk.values")} hint={t("assessments.risk.values_hint", { keys: valueOptions })} maxlength={RISK_LIMITS.valueList} values={values} errors={errors} />
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t("assessments.risk.inherent")}</legend>
        <SelectField t={t} name="inherentLikelihood" label={t("assessments.risk.likelihood")} required values={values} errors={errors} options={levels(t("assessments.choose"))} />
        <SelectField t={t} name="inherentImpact" label={t("assessments.risk.impact")} required values={values} errors={errors} options={levels(t("assessments.choose"))} />
        <TextArea t={t} name="inherentJustification" label={t("assessments.risk.justification")} required maxlength={RISK_LIMITS.justification} rows={3} values={values} errors={errors} />
      </fieldset>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t("assessments.risk.residual")}</legend>
        <SelectField t={t} name="residualLikelihood" label={t("assessments.risk.likelihood")} values={values} errors={errors} options={levels(t("assessments.risk.not_yet"))} />
        <SelectField t={t} name="residualImpact" label={t("assessments.risk.impact")} values={values} errors={errors} options={levels(t("assessments.risk.not_yet"))} />
        <TextArea t={t} name="residualJustification" label={t("assessments.risk.justification_residual")} maxlength={RISK_LIMITS.justification} rows={3} values={values} errors={errors} />
        <TextArea t={t} name="residualAboveInherentReason" label={t("assessments.risk.above_reason")} hint={t("assessments.risk.above_reason_hint")} maxlength={RISK_LIMITS.justification} rows={2} values={values} errors={errors} />
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
              <TextField t={t} name="title" label={t("assessments.measure.title")} required maxlength={MEASURE_LIMITS.title} values={errorsFor === "measure" ? props.values : undefined} errors={e("measure")} />
              <TextArea t={t} name="description" label={t("assessments.measure.description")} maxlength={MEASURE_LIMITS.description} rows={3} values={errorsFor === "measure" ? props.values : undefined} errors={e("measure")} />
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
