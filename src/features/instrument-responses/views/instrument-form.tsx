// Renders any instrument as an accessible form: groups and sections with
// intro and help, every question type, server-side visibility, status badges,
// a table of contents, comments per question, versions and the version diff
// (sections.tsx, question-field.tsx, table-field.tsx, versions.tsx).
// Each section is its own form: a plain POST works without JavaScript; with
// htmx the section saves itself (debounced) and a live region says so.
import type { Instrument, Section } from "../../../instruments/index.ts";
import { Heading2, Paragraph } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { OverallStatus, SectionBadge, SectionStatusLine, type InstrumentPageModel } from "./page-model.tsx";
import { SectionQuestions } from "./sections.tsx";

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
