// Renders any instrument as an accessible form: groups and sections with
// intro and help, every question type, server-side visibility, status badges,
// a table of contents, comments per question, versions and the version diff.
// Each section is its own form: a plain POST works without JavaScript; with
// htmx the section saves itself (debounced) and a live region says so.
import type { Child } from "hono/jsx";
import {
  computeVisibility,
  formatAnswer,
  type AnswerChange,
  type Instrument,
  type Lang,
  type LocalText,
  type Question,
  type Section,
  type TableQuestion,
} from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { CheckboxGroup, Fieldset, RadioGroup } from "../../../ui/choice-fields.tsx";
import { Cell, formatDateTime, Heading2, Link, Paragraph, Row, StatusBadge, Table } from "../../../ui/components.tsx";
import { fieldId, PostForm, SelectField, SubmitButton, TextArea, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { OrgValue } from "../../values/service.ts";
import { fieldForPath, inputName, tableRowCount } from "../form-input.ts";
import { TEXT_MAX, type DisplayStatus, type ResponseComment, type ResponseVersionSummary, type ResponseView, type SectionState, type UpgradePreview, type VersionDiff } from "../service.ts";

export interface InstrumentPageModel {
  ctx: PageContext;
  /** The pinned version of the instrument. */
  instrument: Instrument;
  response: ResponseView;
  /** Where the section forms post to, e.g. /projects/p1/canvas. */
  basePath: string;
  /** The organisation's values, retired ones included, for value tags. */
  values: OrgValue[];
  comments: ResponseComment[];
  /** After a refused save: which section, its errors, and what was typed. */
  failed?: { sectionId: string; errors: FieldError[]; answers: Record<string, unknown> };
  /** Extra empty rows per table question, after "meer rijen". */
  extraRows?: Record<string, number>;
  /** After a refused comment: which section, the errors (fields named as in the form) and what was typed. */
  commentFailed?: { sectionId: string; errors: FieldError[]; values: Record<string, string> };
}

const BADGE: Record<DisplayStatus, "neutral" | "valid" | "warning"> = {
  not_started: "neutral",
  in_progress: "neutral",
  for_review: "warning",
  complete: "valid",
  not_applicable: "neutral",
};

export function statusText(t: Translate, status: DisplayStatus): string {
  return t(`instrument_responses.status.${status}`);
}

export function SectionBadge({ t, status }: { t: Translate; status: DisplayStatus }) {
  return <StatusBadge status={BADGE[status]}>{statusText(t, status)}</StatusBadge>;
}

export function sectionAnchor(sectionId: string): string {
  return `section-${sectionId}`;
}

function text(value: LocalText | undefined, lang: Lang): string {
  return value ? value[lang] : "";
}

export function timeOfDay(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
}

/** "Stand van zaken: Bezig — 3 van 15 onderdelen klaar"; its own element so autosave can refresh it. */
export function OverallStatus({ t, response }: { t: Translate; response: ResponseView }) {
  const applicable = response.sections.filter((s) => s.status !== "not_applicable");
  const complete = applicable.filter((s) => s.status === "complete").length;
  return (
    <>
      {t("instrument_responses.overall", { status: statusText(t, response.status) })} — {t("instrument_responses.progress", { complete, total: applicable.length })}
    </>
  );
}

/** The table of contents: every section with its status, grouped as in the instrument. */
export function InstrumentToc({ ctx, instrument, response }: { ctx: PageContext; instrument: Instrument; response: ResponseView }) {
  const { t, lang } = ctx;
  const groups = groupsOf(instrument);
  return (
    <nav class="afw-toc" aria-labelledby="toc-title">
      <h2 class="utrecht-heading-2" id="toc-title">{t("instrument_responses.toc")}</h2>
      {groups.map((g) => (
        <>
          {g.title ? <h3 class="utrecht-heading-3">{text(g.title, lang)}</h3> : null}
          <ol class="utrecht-ordered-list">
            {g.sections.map((s) => {
              const state = response.sections.find((x) => x.sectionId === s.id)!;
              return (
                <li class="utrecht-ordered-list__item">
                  <a class="utrecht-link" href={`#${sectionAnchor(s.id)}`}>{text(s.title, lang)}</a>{" "}
                  <span id={`toc-status-${s.id}`}><SectionBadge t={t} status={state.display} /></span>
                </li>
              );
            })}
          </ol>
        </>
      ))}
    </nav>
  );
}

interface Group {
  id: string;
  title?: LocalText;
  intro?: LocalText;
  sections: Section[];
}

function groupsOf(instrument: Instrument): Group[] {
  const groups: Group[] = [];
  for (const section of instrument.sections) {
    const id = section.group ?? "";
    let group = groups[groups.length - 1];
    if (!group || group.id !== id) {
      const def = instrument.groups?.find((g) => g.id === id);
      group = { id, title: def?.title, intro: def?.intro, sections: [] };
      groups.push(group);
    }
    group.sections.push(section);
  }
  return groups;
}

/** All sections, under their group headings. */
export function InstrumentSections(props: { model: InstrumentPageModel }) {
  const { model } = props;
  const { lang } = model.ctx;
  return (
    <>
      {groupsOf(model.instrument).map((g) => (
        <section class="afw-instrument-group" aria-labelledby={g.title ? `group-${g.id}` : undefined}>
          {g.title ? <h2 class="utrecht-heading-2" id={`group-${g.id}`}>{text(g.title, lang)}</h2> : null}
          {g.intro ? <Paragraph>{text(g.intro, lang)}</Paragraph> : null}
          {g.sections.map((s) => <SectionBlock model={model} section={s} headingLevel={g.title ? 3 : 2} />)}
        </section>
      ))}
    </>
  );
}

function valueName(values: OrgValue[], key: string, t: Translate, lang: Lang): string {
  const v = values.find((x) => x.key === key);
  if (!v) return key;
  return v.active ? v.name[lang] : t("instrument_responses.value_retired", { name: v.name[lang] });
}

function SectionBlock({ model, section, headingLevel }: { model: InstrumentPageModel; section: Section; headingLevel: 2 | 3 }) {
  const { ctx, response } = model;
  const { t, lang } = ctx;
  const state = response.sections.find((s) => s.sectionId === section.id)!;
  const anchor = sectionAnchor(section.id);
  const title = text(section.title, lang);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section class="afw-instrument-section" id={anchor} aria-labelledby={`${anchor}-title`}>
      <Heading class={`utrecht-heading-${headingLevel}`} id={`${anchor}-title`}>{title}</Heading>
      <p class="utrecht-paragraph afw-section-status">
        <span id={`status-${section.id}`}><SectionStatusLine t={t} state={state} /></span>
      </p>
      {section.values?.length ? (
        <p class="utrecht-paragraph afw-section-values">
          {t("instrument_responses.section_values")}: {section.values.map((k) => valueName(model.values, k, t, lang)).join(" · ")}
        </p>
      ) : null}
      {section.intro ? <Paragraph>{text(section.intro, lang)}</Paragraph> : null}
      {response.canEdit ? <SectionForm model={model} section={section} /> : <ReadOnlyAnswers model={model} section={section} />}
      {response.canEdit && state.status !== "not_started" && state.status !== "not_applicable" ? (
        <PostForm action={`${model.basePath}/sections/${section.id}/review`} csrfToken={ctx.csrfToken} class="afw-inline-form">
          <input type="hidden" name="forReview" value={state.markedForReview ? "0" : "1"} />
          <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t(state.markedForReview ? "instrument_responses.clear_review_label" : "instrument_responses.mark_for_review_label", { title })}>
            {t(state.markedForReview ? "instrument_responses.clear_review" : "instrument_responses.mark_for_review")}
          </button>
        </PostForm>
      ) : null}
      <SectionComments model={model} section={section} />
    </section>
  );
}

export function SectionStatusLine({ t, state }: { t: Translate; state: SectionState }) {
  return (
    <>
      <SectionBadge t={t} status={state.display} />
      {state.requiredTotal > 0 ? <> {t("instrument_responses.section_progress", { answered: state.requiredAnswered, total: state.requiredTotal })}</> : null}
    </>
  );
}

/** The editable form of one section. */
function SectionForm({ model, section }: { model: InstrumentPageModel; section: Section }) {
  const { ctx } = model;
  const { t, lang } = ctx;
  const action = `${model.basePath}/sections/${section.id}`;
  return (
    <form
      method="post"
      action={action}
      class="utrecht-form afw-section-form"
      id={`form-${section.id}`}
      aria-label={text(section.title, lang)}
      novalidate
      hx-post={action}
      hx-trigger="change delay:400ms, input delay:1500ms"
      hx-swap="none"
      hx-sync="this:replace"
    >
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <SectionQuestions model={model} section={section} />
      <p class="utrecht-paragraph afw-autosave" id={`saved-${section.id}`} role="status" aria-live="polite"></p>
      <SubmitButton variant="secondary">
        {t("instrument_responses.save_section")}
        <span class="afw-visually-hidden">: {text(section.title, lang)}</span>
      </SubmitButton>
    </form>
  );
}

/** The visible questions of a section; its own element so htmx can swap it when visibility changes. */
export function SectionQuestions({ model, section, oob }: { model: InstrumentPageModel; section: Section; oob?: boolean }) {
  const answers = model.failed?.sectionId === section.id ? model.failed.answers : model.response.answers;
  const visible = computeVisibility(model.instrument, answers);
  const errors = model.failed?.sectionId === section.id ? model.failed.errors : [];
  return (
    <div id={`questions-${section.id}`} class="afw-questions" hx-swap-oob={oob ? "outerHTML" : undefined}>
      {visible.sections.has(section.id)
        ? section.questions.filter((q) => visible.questions.has(q.id)).map((q) => <QuestionField model={model} q={q} value={answers[q.id]} errors={errors} />)
        : <Paragraph>{statusText(model.ctx.t, "not_applicable")}</Paragraph>}
    </div>
  );
}

function errorText(t: Translate, errors: FieldError[], instrument: Instrument, ...paths: string[]): string | undefined {
  const names = new Set(paths);
  const found = errors.filter((e) => names.has(fieldForPath(instrument, e.field)));
  return found.length ? found.map((e) => t(e.messageKey, e.params)).join(" ") : undefined;
}

function QuestionField({ model, q, value, errors }: { model: InstrumentPageModel; q: Question; value: unknown; errors: FieldError[] }) {
  const { ctx, instrument } = model;
  const { t, lang } = ctx;
  const name = inputName(q.id);
  const label = text(q.label, lang);
  const hint = q.help ? text(q.help, lang) : undefined;
  const required = q.required ?? false;
  const requiredLabel = t("form.required");
  const error = errorText(t, errors, instrument, name);
  const inline: FieldError[] | undefined = error ? [{ field: name, messageKey: "instrument_responses.message", params: { message: error } }] : undefined;
  const shown = <input type="hidden" name={inputName(q.id, "__shown")} value="1" />;
  const wrap = (child: Child) => (
    <div class="afw-question" id={`question-${q.id}`}>
      {shown}
      {child}
    </div>
  );
  switch (q.type) {
    case "text":
      return wrap(
        <TextField t={t} name={name} label={label} hint={hint} required={required} maxlength={q.max_length ?? TEXT_MAX} values={{ [name]: typeof value === "string" ? value : "" }} errors={inline} />,
      );
    case "long_text":
      return wrap(
        <TextArea t={t} name={name} label={label} hint={hint} required={required} rows={4} maxlength={q.max_length ?? TEXT_MAX} values={{ [name]: typeof value === "string" ? value : "" }} errors={inline} />,
      );
    case "single_choice":
      return wrap(
        <RadioGroup name={name} legend={label} hint={hint} error={error} required={required} requiredLabel={requiredLabel} value={typeof value === "string" ? value : undefined} options={q.options.map((o) => ({ value: o.value, label: text(o.label, lang), hint: o.help ? text(o.help, lang) : undefined }))} />,
      );
    case "multiple_choice":
      return wrap(
        <CheckboxGroup name={name} legend={label} hint={hint} error={error} required={required} requiredLabel={requiredLabel} values={Array.isArray(value) ? (value as string[]) : []} options={q.options.map((o) => ({ value: o.value, label: text(o.label, lang), hint: o.help ? text(o.help, lang) : undefined }))} />,
      );
    case "value_tags": {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      const options = model.values.filter((v) => v.active || chosen.includes(v.key)).map((v) => ({ value: v.key, label: valueName(model.values, v.key, t, lang), hint: v.description[lang] || undefined }));
      return wrap(<CheckboxGroup name={name} legend={label} hint={hint ?? t("instrument_responses.choose_values")} error={error} required={required} requiredLabel={requiredLabel} values={chosen} options={options} />);
    }
    case "scale": {
      const options = [];
      for (let n = q.min; n <= q.max; n++) {
        const l = q.labels?.find((x) => x.value === n);
        options.push({ value: String(n), label: l ? `${n} – ${text(l.label, lang)}` : String(n) });
      }
      return wrap(
        <RadioGroup name={name} legend={label} hint={hint ?? t("instrument_responses.scale_hint", { min: q.min, max: q.max })} error={error} required={required} requiredLabel={requiredLabel} value={typeof value === "number" ? String(value) : undefined} options={options} />,
      );
    }
    case "yes_no_explain": {
      const answer = value && typeof value === "object" && !Array.isArray(value) ? (value as { choice?: string; explanation?: string }) : {};
      const explanationName = inputName(q.id, "explanation");
      const explanationError = errorText(t, errors, instrument, explanationName);
      return wrap(
        <>
          <RadioGroup
            name={inputName(q.id, "choice")}
            id={fieldId(name)}
            legend={label}
            hint={hint}
            error={error}
            required={required}
            requiredLabel={requiredLabel}
            value={answer.choice}
            options={[
              { value: "yes", label: t("instrument_responses.yes") },
              { value: "no", label: t("instrument_responses.no") },
            ]}
          />
          <TextArea
            t={t}
            name={explanationName}
            label={q.explanation_label ? text(q.explanation_label, lang) : t("instrument_responses.explanation")}
            rows={3}
            maxlength={TEXT_MAX}
            values={{ [explanationName]: answer.explanation ?? "" }}
            errors={explanationError ? [{ field: explanationName, messageKey: "instrument_responses.message", params: { message: explanationError } }] : undefined}
          />
        </>,
      );
    }
    case "table":
      return wrap(<TableField model={model} q={q} value={value} errors={errors} />);
  }
}

function TableField({ model, q, value, errors }: { model: InstrumentPageModel; q: TableQuestion; value: unknown; errors: FieldError[] }) {
  const { ctx, instrument } = model;
  const { t, lang } = ctx;
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const count = tableRowCount(q, rows.length, model.extraRows?.[q.id] ?? 0);
  const name = inputName(q.id);
  const label = text(q.label, lang);
  const tableError = errorText(t, errors, instrument, name);
  const cellErrors = errors.filter((e) => fieldForPath(instrument, e.field) !== name && fieldForPath(instrument, e.field).startsWith(`${name}.`));
  const canAddRows = !q.rows && count < Math.min(q.max_rows ?? 100, 100);
  return (
    <Fieldset id={fieldId(name)} legend={label} hint={q.help ? text(q.help, lang) : undefined} error={[tableError, ...cellErrors.map((e) => t(e.messageKey, e.params))].filter(Boolean).join(" ") || undefined} required={q.required} requiredLabel={t("form.required")}>
      <input type="hidden" name={inputName(q.id, "__rows")} value={String(count)} />
      <div class="utrecht-table-container afw-table-input" id={fieldId(name)} tabindex={-1}>
        <table class="utrecht-table utrecht-table--html-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {q.rows ? <td class="utrecht-table__header-cell"></td> : <th class="utrecht-table__header-cell" scope="col"><span class="afw-visually-hidden">#</span></th>}
              {q.columns.map((c) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {text(c.label, lang)} {c.required ? <span class="afw-required">{t("form.required")}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {Array.from({ length: count }, (_, i) => {
              const fixed = q.rows?.[i];
              const row = fixed ? (rows.find((r) => r.row === fixed.id) ?? {}) : (rows[i] ?? {});
              const rowLabel = fixed ? text(fixed.label, lang) : String(i + 1);
              return (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">{rowLabel}</th>
                  {q.columns.map((c) => {
                    const cellName = inputName(q.id, i, c.id);
                    const cell = row[c.id];
                    const aria = t("instrument_responses.cell_label", { column: text(c.label, lang), number: rowLabel });
                    const invalid = cellErrors.some((e) => fieldForPath(instrument, e.field) === cellName);
                    const common = { id: fieldId(`${cellName}-cell`), name: cellName, "aria-label": aria, "aria-invalid": invalid ? "true" : undefined };
                    return (
                      <td class="utrecht-table__cell">
                        {c.type === "yes_no" ? (
                          <select class="utrecht-select utrecht-select--html-select" {...common}>
                            <option value="">{t("instrument_responses.not_filled")}</option>
                            <option value="yes" selected={cell === true}>{t("instrument_responses.yes")}</option>
                            <option value="no" selected={cell === false}>{t("instrument_responses.no")}</option>
                          </select>
                        ) : c.type === "single_choice" ? (
                          <select class="utrecht-select utrecht-select--html-select" {...common}>
                            <option value="">{t("instrument_responses.not_filled")}</option>
                            {(c.options ?? []).map((o) => <option value={o.value} selected={cell === o.value}>{text(o.label, lang)}</option>)}
                          </select>
                        ) : c.type === "long_text" ? (
                          <textarea class="utrecht-textarea utrecht-textarea--html-textarea" rows={2} maxlength={TEXT_MAX} {...common}>{typeof cell === "string" ? cell : ""}</textarea>
                        ) : (
                          <input
                            class="utrecht-textbox utrecht-textbox--html-input"
                            type={c.type === "date" ? "date" : c.type === "number" ? "number" : "text"}
                            step={c.type === "number" ? "any" : undefined}
                            maxlength={c.type === "text" ? TEXT_MAX : undefined}
                            value={cell === undefined || cell === null ? "" : String(cell)}
                            {...common}
                          />
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canAddRows ? (
        <button type="submit" name="_more" value={q.id} class="utrecht-button utrecht-button--subtle" aria-label={t("instrument_responses.more_rows_label", { question: label })}>
          {t("instrument_responses.more_rows")}
        </button>
      ) : null}
    </Fieldset>
  );
}

/** The answers of a section as text, for readers who may not edit. */
function ReadOnlyAnswers({ model, section }: { model: InstrumentPageModel; section: Section }) {
  const { ctx, instrument, response } = model;
  const { t, lang } = ctx;
  const visible = computeVisibility(instrument, response.answers);
  const questions = section.questions.filter((q) => visible.questions.has(q.id));
  const valueLabels = Object.fromEntries(model.values.map((v) => [v.key, v.name]));
  return (
    <dl class="utrecht-data-list afw-answers">
      {questions.map((q) => {
        const value = response.answers[q.id];
        const shown = value === undefined ? t("instrument_responses.not_answered") : formatAnswer(q, value, lang, { valueLabels });
        return (
          <div class="utrecht-data-list__item" id={`question-${q.id}`}>
            <dt class="utrecht-data-list__item-key">{text(q.label, lang)}</dt>
            <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd utrecht-data-list__item-value--multiline">
              {shown.split("\n").map((line, i) => (i === 0 ? line : <><br />{line}</>))}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function SectionComments({ model, section }: { model: InstrumentPageModel; section: Section }) {
  const { ctx, instrument, response } = model;
  const { t, lang } = ctx;
  const ids = new Set(section.questions.map((q) => q.id));
  const comments = model.comments.filter((c) => ids.has(c.questionId));
  const visible = computeVisibility(instrument, response.answers);
  const questions = section.questions.filter((q) => visible.questions.has(q.id) || comments.some((c) => c.questionId === q.id));
  if (questions.length === 0) return null;
  const name = `comment-${section.id}`;
  const failed = model.commentFailed?.sectionId === section.id ? model.commentFailed : undefined;
  return (
    <details class="afw-comments" id={`comments-${section.id}`} open={failed ? true : undefined}>
      <summary>{t("instrument_responses.comments", { count: comments.length })}</summary>
      {comments.length === 0 ? <Paragraph>{t("instrument_responses.no_comments")}</Paragraph> : null}
      {questions
        .filter((q) => comments.some((c) => c.questionId === q.id))
        .map((q) => (
          <>
            <h4 class="utrecht-heading-4">{text(q.label, lang)}</h4>
            <ul class="utrecht-unordered-list">
              {comments
                .filter((c) => c.questionId === q.id)
                .map((c) => (
                  <li class="utrecht-unordered-list__item">
                    <strong>{t("instrument_responses.comment_by", { name: c.authorName, time: formatDateTime(c.createdAt, lang) })}</strong>: {c.body}
                  </li>
                ))}
            </ul>
          </>
        ))}
      <PostForm action={`${model.basePath}/comments`} csrfToken={ctx.csrfToken} label={t("instrument_responses.comment_submit")}>
        <input type="hidden" name="sectionId" value={section.id} />
        <SelectField t={t} name={`${name}-question`} label={t("instrument_responses.comment_question")} options={questions.map((q) => ({ value: q.id, label: text(q.label, lang) }))} values={failed?.values} errors={failed?.errors} />
        <TextArea t={t} name={`${name}-body`} label={t("instrument_responses.comment_body")} rows={3} maxlength={2000} required values={failed?.values} errors={failed?.errors} />
        <SubmitButton variant="secondary">{t("instrument_responses.comment_submit")}</SubmitButton>
      </PostForm>
    </details>
  );
}

/** The list of versions, "save as new version" and the compare form. */
export function VersionsBlock({ ctx, basePath, response, versions }: { ctx: PageContext; basePath: string; response: ResponseView; versions: ResponseVersionSummary[] }) {
  const { t, lang } = ctx;
  const options = [{ value: "current", label: t("instrument_responses.current") }, ...versions.map((v) => ({ value: String(v.number), label: t("instrument_responses.version_n", { number: v.number }) }))];
  return (
    <section aria-labelledby="versions-title" class="afw-versions">
      <Heading2 id="versions-title">{t("instrument_responses.versions")}</Heading2>
      <Paragraph>{t("instrument_responses.versions_intro")}</Paragraph>
      {versions.length === 0 ? (
        <Paragraph>{t("instrument_responses.no_versions")}</Paragraph>
      ) : (
        <Table caption={t("instrument_responses.versions_caption")} headers={[t("instrument_responses.col.number"), t("instrument_responses.col.when"), t("instrument_responses.col.who"), t("instrument_responses.col.note")]}>
          {versions.map((v) => (
            <Row>
              <Cell>{t("instrument_responses.version_n", { number: v.number })}</Cell>
              <Cell>{formatDateTime(v.createdAt, lang)}</Cell>
              <Cell>{v.createdByName}</Cell>
              <Cell>{v.note}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {response.canEdit ? (
        <PostForm action={`${basePath}/versions`} csrfToken={ctx.csrfToken} label={t("instrument_responses.freeze")}>
          <TextField t={t} name="note" label={t("instrument_responses.version_note")} hint={t("instrument_responses.version_note_hint")} maxlength={500} />
          <SubmitButton variant="secondary">{t("instrument_responses.freeze")}</SubmitButton>
        </PostForm>
      ) : null}
      {versions.length ? (
        <form method="get" action={`${basePath}/diff`} class="utrecht-form afw-filter" aria-label={t("instrument_responses.compare")}>
          <SelectField t={t} name="from" label={t("instrument_responses.compare_from")} options={options} values={{ from: String(versions[0]!.number) }} />
          <SelectField t={t} name="to" label={t("instrument_responses.compare_to")} options={options} values={{ to: "current" }} />
          <div class="utrecht-form-field"><SubmitButton variant="secondary">{t("instrument_responses.compare_submit")}</SubmitButton></div>
        </form>
      ) : null}
    </section>
  );
}

export function versionLabel(t: Translate, ref: number | "current"): string {
  return ref === "current" ? t("instrument_responses.current") : t("instrument_responses.version_n", { number: ref });
}

/** The readable diff: one row per changed question. */
export function DiffTable({ ctx, changes }: { ctx: PageContext; changes: AnswerChange[] }) {
  const { t, lang } = ctx;
  if (changes.length === 0) return <Paragraph>{t("instrument_responses.no_changes")}</Paragraph>;
  const lines = (v: LocalText | null) => (v ? v[lang].split("\n").map((l, i) => (i === 0 ? l : <><br />{l}</>)) : "—");
  return (
    <Table caption={t("instrument_responses.diff_caption")} headers={[t("instrument_responses.col.question"), t("instrument_responses.col.change"), t("instrument_responses.col.before"), t("instrument_responses.col.after")]}>
      {changes.map((c) => (
        <Row>
          <Cell>{c.label[lang]}</Cell>
          <Cell>{t(`instrument_responses.change.${c.kind}`)}</Cell>
          <Cell>{lines(c.before)}</Cell>
          <Cell>{lines(c.after)}</Cell>
        </Row>
      ))}
    </Table>
  );
}

export function DiffPage({ ctx, title, backHref, diff }: { ctx: PageContext; title: string; backHref: string; diff: VersionDiff }) {
  const { t } = ctx;
  return (
    <>
      <p class="utrecht-paragraph"><Link href={backHref}>{t("instrument_responses.back_to", { title })}</Link></p>
      <h1 class="utrecht-heading-1">{t("instrument_responses.diff_title")}</h1>
      <Paragraph lead>{t("instrument_responses.diff_heading", { from: versionLabel(t, diff.from), to: versionLabel(t, diff.to) })}</Paragraph>
      <DiffTable ctx={ctx} changes={diff.changes} />
    </>
  );
}

export function UpgradePage({ ctx, title, backHref, basePath, preview, canEdit }: { ctx: PageContext; title: string; backHref: string; basePath: string; preview: UpgradePreview; canEdit: boolean }) {
  const { t, lang } = ctx;
  return (
    <>
      <p class="utrecht-paragraph"><Link href={backHref}>{t("instrument_responses.back_to", { title })}</Link></p>
      <h1 class="utrecht-heading-1">{t("instrument_responses.upgrade_title", { version: preview.to })}</h1>
      <Paragraph lead>{t("instrument_responses.upgrade_intro")}</Paragraph>
      {preview.dropped.length ? (
        <>
          <Paragraph>{t("instrument_responses.upgrade_dropped")}</Paragraph>
          <ul class="utrecht-unordered-list">{preview.dropped.map((d) => <li class="utrecht-unordered-list__item">{d.label[lang]}</li>)}</ul>
        </>
      ) : (
        <Paragraph>{t("instrument_responses.upgrade_nothing_lost")}</Paragraph>
      )}
      {preview.questionsAdded.length ? (
        <>
          <Paragraph>{t("instrument_responses.upgrade_added")}</Paragraph>
          <ul class="utrecht-unordered-list">{preview.questionsAdded.map((d) => <li class="utrecht-unordered-list__item">{d.label[lang]}</li>)}</ul>
        </>
      ) : null}
      <DiffTable ctx={ctx} changes={preview.changes} />
      {canEdit ? (
        <PostForm action={`${basePath}/upgrade`} csrfToken={ctx.csrfToken}>
          <input type="hidden" name="toVersion" value={preview.to} />
          <SubmitButton>{t("instrument_responses.upgrade_submit")}</SubmitButton>
        </PostForm>
      ) : null}
    </>
  );
}

/** Source, attribution and licence of the instrument, as its licence asks. */
export function AttributionBlock({ ctx, instrument }: { ctx: PageContext; instrument: Instrument }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="attribution-title" class="afw-attribution">
      <Heading2 id="attribution-title">{t("instrument_responses.source")}</Heading2>
      <Paragraph>{instrument.attribution[lang]}</Paragraph>
      <Paragraph>
        {instrument.licence.url ? (
          <a class="utrecht-link" href={instrument.licence.url} rel="license">{t("instrument_responses.licence", { licence: instrument.licence.id })}</a>
        ) : (
          t("instrument_responses.licence", { licence: instrument.licence.id })
        )}
        {instrument.licence.note ? <> {instrument.licence.note[lang]}</> : null}
      </Paragraph>
      <ul class="utrecht-unordered-list">
        {instrument.sources.map((s) => (
          <li class="utrecht-unordered-list__item">
            {s.url ? <a class="utrecht-link" href={s.url}>{s.title}</a> : s.title}, {s.author}
            {s.year ? ` (${s.year})` : ""}
            {s.licence ? `, ${s.licence}` : ""}
            {s.note ? `. ${s.note[lang]}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The htmx answer to an autosave: the live region, the section's status, the overview — and any questions whose visibility changed. */
export function AutosaveResult(props: { model: InstrumentPageModel; sectionId: string; message: string; reRender: Section[] }) {
  const { model, sectionId, message, reRender } = props;
  const { t } = model.ctx;
  const state = model.response.sections.find((s) => s.sectionId === sectionId);
  return (
    <>
      <p id={`saved-${sectionId}`} hx-swap-oob="innerHTML">{message}</p>
      {state ? (
        <>
          <span id={`status-${sectionId}`} hx-swap-oob="innerHTML"><SectionStatusLine t={t} state={state} /></span>
          <span id={`toc-status-${sectionId}`} hx-swap-oob="innerHTML"><SectionBadge t={t} status={state.display} /></span>
        </>
      ) : null}
      <span id="overall-status" hx-swap-oob="innerHTML"><OverallStatus t={t} response={model.response} /></span>
      {reRender.map((s) => <SectionQuestions model={model} section={s} oob />)}
    </>
  );
}
