// The canvas's "Acties": actions recorded as measures of the project, linked to an area.
import type { Instrument } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import { Cell, formatDate, Heading2, Paragraph, Row, Table } from "../../../ui/components.tsx";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { MEASURE_LIMITS, type Measure } from "../../measures/service.ts";
import { DATE_MAX } from "../canvas.ts";

export function CanvasActions(props: {
  ctx: PageContext;
  instrument: Instrument;
  actions: Measure[];
  people: { id: string; name: string }[];
  canEdit: boolean;
  action: string;
  values?: Values;
  errors?: FieldError[];
}) {
  const { ctx, instrument, actions, people } = props;
  const { t, lang } = ctx;
  const areaTitle = (id: string | null) => instrument.sections.find((s) => s.id === id)?.title[lang] ?? id ?? "";
  return (
    <section aria-labelledby="actions-title" class="afw-canvas-actions" id="actions">
      <Heading2 id="actions-title">{t("instrument_responses.canvas.actions")}</Heading2>
      <Paragraph>{t("instrument_responses.canvas.actions_intro")}</Paragraph>
      {actions.length ? (
        <Table
          caption={t("instrument_responses.canvas.actions")}
          headers={[t("instrument_responses.canvas.action_title"), t("instrument_responses.canvas.action_area"), t("instrument_responses.canvas.action_owner"), t("instrument_responses.canvas.action_due"), t("instrument_responses.canvas.action_status")]}
        >
          {actions.map((m) => (
            <Row>
              <Cell><a class="utrecht-link" href={`/projects/${encodeURIComponent(m.projectId)}/measures/${encodeURIComponent(m.id)}`}>{m.title}</a></Cell>
              <Cell>{areaTitle(m.source.id)}</Cell>
              <Cell>{m.ownerName ?? t("instrument_responses.canvas.action_owner_none")}</Cell>
              <Cell>{m.dueDate ? formatDate(`${m.dueDate}T12:00:00Z`, lang) : ""}</Cell>
              <Cell>{t(`measures.status.${m.status}`)}</Cell>
            </Row>
          ))}
        </Table>
      ) : null}
      {props.canEdit ? (
        <PostForm action={props.action} csrfToken={ctx.csrfToken} label={t("instrument_responses.canvas.action_submit")}>
          <ErrorSummary t={t} errors={props.errors} />
          <TextField t={t} name="title" label={t("instrument_responses.canvas.action_title")} required maxlength={MEASURE_LIMITS.title} values={props.values} errors={props.errors} />
          <TextArea t={t} name="description" label={t("instrument_responses.canvas.action_description")} rows={3} maxlength={MEASURE_LIMITS.description} values={props.values} errors={props.errors} />
          <SelectField t={t} name="areaId" label={t("instrument_responses.canvas.action_area")} required options={instrument.sections.map((s) => ({ value: s.id, label: s.title[lang] }))} values={props.values} errors={props.errors} />
          <SelectField
            t={t}
            name="ownerUserId"
            label={t("instrument_responses.canvas.action_owner")}
            options={[{ value: "", label: t("instrument_responses.canvas.action_owner_none") }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
            values={props.values}
            errors={props.errors}
          />
          <TextField t={t} name="dueDate" type="date" label={t("instrument_responses.canvas.action_due")} hint={t("instrument_responses.canvas.action_due_hint")} maxlength={DATE_MAX} values={props.values} errors={props.errors} />
          <SubmitButton variant="secondary">{t("instrument_responses.canvas.action_submit")}</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}
