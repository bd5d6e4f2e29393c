// What every part of an instrument page is drawn from, and the small pieces
// they share: texts of the instrument in the page's language, status badges,
// anchors and the name of a value.
import type { Instrument, Lang, LocalText } from "../../../instruments/index.ts";
import type { FieldError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { StatusBadge } from "../../../ui/components.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { OrgValue } from "../../values/service.ts";
import { fieldForPath } from "../form-input.ts";
import type { DisplayStatus, ResponseComment, ResponseView, SectionState } from "../model.ts";

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

/** An instrument text in the page's language; empty when the instrument has none. */
export function text(value: LocalText | undefined, lang: Lang): string {
  return value ? value[lang] : "";
}

export function statusText(t: Translate, status: DisplayStatus): string {
  return t(`instrument_responses.status.${status}`);
}

export function SectionBadge({ t, status }: { t: Translate; status: DisplayStatus }) {
  return <StatusBadge status={BADGE[status]}>{statusText(t, status)}</StatusBadge>;
}

export function SectionStatusLine({ t, state }: { t: Translate; state: SectionState }) {
  return (
    <>
      <SectionBadge t={t} status={state.display} />
      {state.requiredTotal > 0 ? <> {t("instrument_responses.section_progress", { answered: state.requiredAnswered, total: state.requiredTotal })}</> : null}
    </>
  );
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

export function sectionAnchor(sectionId: string): string {
  return `section-${sectionId}`;
}

export function timeOfDay(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
}

/** A value's name, marked when the organisation retired it. */
export function valueName(values: OrgValue[], key: string, t: Translate, lang: Lang): string {
  const v = values.find((x) => x.key === key);
  if (!v) return key;
  return v.active ? v.name[lang] : t("instrument_responses.value_retired", { name: v.name[lang] });
}

/** The errors of a refused save that belong to these form fields, worded. */
export function errorText(t: Translate, errors: FieldError[], instrument: Instrument, ...paths: string[]): string | undefined {
  const names = new Set(paths);
  const found = errors.filter((e) => names.has(fieldForPath(instrument, e.field)));
  return found.length ? found.map((e) => t(e.messageKey, e.params)).join(" ") : undefined;
}

/** Multi-line text with line breaks kept. */
export function Lines({ value }: { value: string }) {
  return <>{value.split("\n").map((line, i) => (i === 0 ? line : <><br />{line}</>))}</>;
}
