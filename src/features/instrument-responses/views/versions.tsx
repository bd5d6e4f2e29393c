// Versions of a response: the list, "save as new version", the compare form,
// the readable diff, and the page that moves a response to a newer instrument version.
import type { AnswerChange, LocalText } from "../../../instruments/index.ts";
import type { Translate } from "../../../platform/i18n/index.ts";
import { Cell, formatDateTime, Heading2, Link, Paragraph, Row, Table } from "../../../ui/components.tsx";
import { PostForm, SelectField, SubmitButton, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { NOTE_MAX, type ResponseVersionSummary, type ResponseView, type UpgradePreview, type VersionDiff } from "../model.ts";
import { Lines } from "./page-model.tsx";

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
          <TextField t={t} name="note" label={t("instrument_responses.version_note")} hint={t("instrument_responses.version_note_hint")} maxlength={NOTE_MAX} />
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
  const lines = (v: LocalText | null) => (v ? <Lines value={v[lang]} /> : "—");
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
      {preview.sectionsAdded.length ? (
        <>
          <Paragraph>{t("instrument_responses.upgrade_sections_added")}</Paragraph>
          <ul class="utrecht-unordered-list">{preview.sectionsAdded.map((d) => <li class="utrecht-unordered-list__item">{d.title[lang]}</li>)}</ul>
        </>
      ) : null}
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
