// The page of one project's response to one instrument: heading, status,
// table of contents, the sections, versions, and the instrument's source and
// licence. Features add their own parts (the canvas its actions) as `extra`.
import type { Child } from "hono/jsx";
import type { FieldError } from "../../../platform/errors.ts";
import { Alert, formatDateTime, Link, Paragraph } from "../../../ui/components.tsx";
import { ErrorSummary } from "../../../ui/form.tsx";
import type { ProjectRef } from "../../projects/extension-points.ts";
import type { ResponseVersionSummary } from "../model.ts";
import { AttributionBlock } from "./instrument-form.tsx";
import { OverallStatus, type InstrumentPageModel } from "./page-model.tsx";
import { InstrumentSections, InstrumentToc } from "./sections.tsx";
import { VersionsBlock } from "./versions.tsx";

export function ResponsePage(props: {
  model: InstrumentPageModel;
  project: ProjectRef;
  title: string;
  versions: ResponseVersionSummary[];
  /** Errors for the summary at the top, fields already pointing at form fields. */
  summaryErrors?: FieldError[];
  extra?: Child;
}) {
  const { model, project, title, versions } = props;
  const { ctx, instrument, response } = model;
  const { t, lang } = ctx;
  return (
    <>
      <p class="utrecht-paragraph">
        <Link href={`/projects/${encodeURIComponent(project.id)}`}>{t("instrument_responses.project_link", { title: project.title })}</Link>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary t={t} errors={props.summaryErrors} />
      {instrument.intro ? <Paragraph lead>{instrument.intro[lang]}</Paragraph> : null}
      <p class="utrecht-paragraph">
        <strong id="overall-status"><OverallStatus t={t} response={response} /></strong>
      </p>
      <p class="utrecht-paragraph afw-meta">
        {t("instrument_responses.pinned", { version: response.instrumentVersion })}
        {response.revision > 0 ? <> · {t("instrument_responses.last_saved", { name: response.updatedByName, time: formatDateTime(response.updatedAt, lang) })}</> : null}
      </p>
      {response.latestInstrumentVersion !== response.instrumentVersion ? (
        <Alert kind="info">
          {t("instrument_responses.upgrade_available", { version: response.latestInstrumentVersion, current: response.instrumentVersion })}{" "}
          <a class="utrecht-link" href={`${model.basePath}/upgrade`}>{t("instrument_responses.upgrade_link")}</a>
        </Alert>
      ) : null}
      {!response.canEdit ? <Alert kind="info">{t(project.phase === "stopped" || project.phase === "closed" ? "instrument_responses.frozen" : "instrument_responses.read_only")}</Alert> : null}
      {response.canEdit ? <Paragraph>{t("instrument_responses.autosave_hint")}</Paragraph> : null}
      <InstrumentToc ctx={ctx} instrument={instrument} response={response} />
      <InstrumentSections model={model} />
      {props.extra}
      <VersionsBlock ctx={ctx} basePath={model.basePath} response={response} versions={versions} />
      <AttributionBlock ctx={ctx} instrument={instrument} />
    </>
  );
}
