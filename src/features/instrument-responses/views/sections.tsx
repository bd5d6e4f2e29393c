// The sections of an instrument page: the table of contents, each section with
// its status, its form (or its answers for readers), the "for review" mark and
// the comments per question.
import { computeVisibility, formatAnswer, type Instrument, type LocalText, type Section } from "../../../instruments/index.ts";
import { formatDateTime, Paragraph } from "../../../ui/components.tsx";
import { PostForm, SelectField, SubmitButton, TextArea } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { answerWords } from "../answer-words.ts";
import { COMMENT_MAX, type ResponseView } from "../model.ts";
import { Lines, SectionBadge, sectionAnchor, SectionStatusLine, statusText, text, valueName, type InstrumentPageModel } from "./page-model.tsx";
import { QuestionField } from "./question-field.tsx";

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

/** The table of contents: every section with its status, grouped as in the instrument. */
export function InstrumentToc({ ctx, instrument, response }: { ctx: PageContext; instrument: Instrument; response: ResponseView }) {
  const { t, lang } = ctx;
  return (
    <nav class="afw-toc" aria-labelledby="toc-title">
      <h2 class="utrecht-heading-2" id="toc-title">{t("instrument_responses.toc")}</h2>
      {groupsOf(instrument).map((g) => (
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

/** The answers of a section as text, for readers who may not edit. */
function ReadOnlyAnswers({ model, section }: { model: InstrumentPageModel; section: Section }) {
  const { ctx, instrument, response } = model;
  const { t, lang } = ctx;
  const visible = computeVisibility(instrument, response.answers);
  const questions = section.questions.filter((q) => visible.questions.has(q.id));
  const valueLabels = Object.fromEntries(model.values.map((v) => [v.key, v.name]));
  const words = answerWords(t);
  return (
    <dl class="utrecht-data-list afw-answers">
      {questions.map((q) => {
        const value = response.answers[q.id];
        const shown = value === undefined ? t("instrument_responses.not_answered") : formatAnswer(q, value, lang, words, { valueLabels });
        return (
          <div class="utrecht-data-list__item" id={`question-${q.id}`}>
            <dt class="utrecht-data-list__item-key">{text(q.label, lang)}</dt>
            <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd utrecht-data-list__item-value--multiline">
              <Lines value={shown} />
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
        <TextArea t={t} name={`${name}-body`} label={t("instrument_responses.comment_body")} rows={3} maxlength={COMMENT_MAX} required values={failed?.values} errors={failed?.errors} />
        <SubmitButton variant="secondary">{t("instrument_responses.comment_submit")}</SubmitButton>
      </PostForm>
    </details>
  );
}
