import type { FieldError } from "../../../platform/errors.ts";
import type { PageContext } from "../../../ui/page-context.ts";
import { Heading1, Link, Paragraph } from "../../../ui/components.tsx";
import { ErrorSummary, FileField, PostForm, SubmitButton, TextArea, TextField, type Values } from "../../../ui/form.tsx";
import { ALLOWED_EXTENSIONS } from "../content-check.ts";
import { LIMITS } from "../model.ts";
import type { EvidenceVersion } from "../queries.ts";
import { EvidenceLine, sizeLabel } from "./panel.tsx";

export interface NewEvidenceModel {
  subjectKind: string;
  subjectId: string;
  href: string;
  maxBytes: number;
  values?: Values;
  errors?: FieldError[];
}

function SubjectFields({ m }: { m: NewEvidenceModel }) {
  return (
    <>
      <input type="hidden" name="subjectKind" value={m.subjectKind} />
      <input type="hidden" name="subjectId" value={m.subjectId} />
    </>
  );
}

function CommonFields({ ctx, values, errors }: { ctx: PageContext; values?: Values; errors?: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <TextField t={t} name="title" label={t("evidence.field.title")} hint={t("evidence.field.title_hint")} required maxlength={LIMITS.title} values={values} errors={errors} />
      <TextField t={t} name="validUntil" type="date" label={t("evidence.field.valid_until")} hint={t("evidence.field.valid_until_hint")} maxlength={10} values={values} errors={errors} />
      <TextArea t={t} name="note" label={t("evidence.field.note")} rows={3} maxlength={LIMITS.note} values={values} errors={errors} />
    </>
  );
}

/** Upload a file, or (mode "link") record a link; each its own page, working without JavaScript. */
export function NewEvidencePage({ ctx, m, mode }: { ctx: PageContext; m: NewEvidenceModel; mode: "file" | "link" }) {
  const { t } = ctx;
  const other = `/evidence/${mode === "file" ? "new-link" : "new"}?subject=${encodeURIComponent(m.subjectKind)}&id=${encodeURIComponent(m.subjectId)}`;
  return (
    <>
      <Heading1>{t(mode === "file" ? "evidence.file_heading" : "evidence.link_heading")}</Heading1>
      <Paragraph>{t(mode === "file" ? "evidence.new_intro" : "evidence.link_intro")}</Paragraph>
      <ErrorSummary t={t} errors={m.errors} />
      {mode === "file" ? (
        <PostForm action={`/evidence/upload?_csrf=${encodeURIComponent(ctx.csrfToken)}&subject=${encodeURIComponent(m.subjectKind)}&id=${encodeURIComponent(m.subjectId)}`} csrfToken={ctx.csrfToken} multipart>
          <SubjectFields m={m} />
          <FileField t={t} name="file" label={t("evidence.field.file")} hint={t("evidence.field.file_hint", { max: sizeLabel(m.maxBytes) })} accept={ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(",")} required errors={m.errors} />
          <CommonFields ctx={ctx} values={m.values} errors={m.errors} />
          <SubmitButton>{t("evidence.upload")}</SubmitButton>
        </PostForm>
      ) : (
        <PostForm action="/evidence/link" csrfToken={ctx.csrfToken}>
          <SubjectFields m={m} />
          <TextField t={t} name="url" type="url" label={t("evidence.field.url")} hint={t("evidence.field.url_hint")} required maxlength={LIMITS.url} values={m.values} errors={m.errors} />
          <CommonFields ctx={ctx} values={m.values} errors={m.errors} />
          <SubmitButton>{t("evidence.save_link")}</SubmitButton>
        </PostForm>
      )}
      <div class="afw-actions">
        <Link href={other}>{t(mode === "file" ? "evidence.or_link" : "evidence.or_file")}</Link>
        <Link href={m.href}>{t("evidence.back")}</Link>
      </div>
    </>
  );
}

export function VersionsPage({ ctx, href, versions }: { ctx: PageContext; href: string; versions: EvidenceVersion[] }) {
  const { t } = ctx;
  return (
    <>
      <Heading1>{t("evidence.versions_title", { title: versions[0]?.title ?? "" })}</Heading1>
      <Paragraph>{t("evidence.versions_intro")}</Paragraph>
      <ol class="utrecht-ordered-list" reversed>
        {versions.map((v) => (
          <li class="utrecht-ordered-list__item">
            <EvidenceLine ctx={ctx} v={v} />
            {v.note ? <div class="afw-meta">{v.note}</div> : null}
          </li>
        ))}
      </ol>
      <Paragraph><Link href={href}>{t("evidence.back")}</Link></Paragraph>
    </>
  );
}
