import type { PageContext } from "../../../ui/page-context.ts";
import { ButtonLink, formatDate, Link, Paragraph, StatusBadge } from "../../../ui/components.tsx";
import type { SubjectKind } from "../extension-points.ts";
import type { EvidenceList, EvidenceVersion } from "../queries.ts";

export function newEvidencePath(kind: SubjectKind, id: string): string {
  return `/evidence/new?subject=${encodeURIComponent(kind)}&id=${encodeURIComponent(id)}`;
}

export function sizeLabel(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
  if (bytes >= 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${bytes} bytes`;
}

/** One version: a download link for a file, the address for a link, and its "geldig tot" date. */
export function EvidenceLine({ ctx, v }: { ctx: PageContext; v: EvidenceVersion }) {
  const { t, lang } = ctx;
  return (
    <>
      {v.kind === "file" ? (
        <Link href={`/evidence/${v.id}/download`} label={t("evidence.download_label", { title: v.title, version: v.version })}>{v.title}</Link>
      ) : (
        <a class="utrecht-link" href={v.url ?? "#"} rel="noopener noreferrer nofollow" target="_blank">{v.title}</a>
      )}{" "}
      <span class="afw-meta">
        {v.kind === "file" ? t("evidence.file_meta", { name: v.fileName ?? "", size: sizeLabel(v.size) }) : t("evidence.link_meta", { url: v.url ?? "" })}
        {" · "}
        {t("evidence.added_by", { name: v.createdByName, date: formatDate(v.createdAt, lang), version: v.version })}
      </span>
      {v.validUntil ? (
        <>
          {" "}
          {v.stale ? <StatusBadge status="invalid">{t("evidence.stale", { date: formatDate(v.validUntil, lang) })}</StatusBadge> : <span class="afw-meta">{t("evidence.valid_until", { date: formatDate(v.validUntil, lang) })}</span>}
        </>
      ) : null}
    </>
  );
}

/** The evidence section the pages of measures, contracts, audits, findings and reviews show. */
export function EvidencePanel({ ctx, list, headingLevel = 2, label }: { ctx: PageContext; list: EvidenceList; headingLevel?: 2 | 3 | 4; label?: string }) {
  const { t } = ctx;
  const headingId = `evidence-${list.subjectKind}-${list.subjectId}`;
  const heading = label ?? t("evidence.title");
  return (
    <div class="afw-evidence">
      {headingLevel === 2 ? <h2 class="utrecht-heading-2" id={headingId}>{heading}</h2> : headingLevel === 3 ? <h3 class="utrecht-heading-3" id={headingId}>{heading}</h3> : <h4 class="utrecht-heading-4" id={headingId}>{heading}</h4>}
      {list.documents.length === 0 ? (
        <Paragraph>{t("evidence.none")}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {list.documents.map((d) => (
            <li class="utrecht-unordered-list__item">
              <EvidenceLine ctx={ctx} v={d} />
              {d.older.length > 0 ? (
                <>
                  {" "}
                  <Link href={`/evidence/${d.id}/versions`}>{t("evidence.older_versions", { count: d.older.length })}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {list.mayAdd ? (
        <div class="afw-actions">
          <ButtonLink href={newEvidencePath(list.subjectKind, list.subjectId)}>{t("evidence.add")}</ButtonLink>
        </div>
      ) : null}
    </div>
  );
}
