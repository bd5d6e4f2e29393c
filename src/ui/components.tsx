import type { Child } from "hono/jsx";
import type { Translate } from "../platform/i18n/index.ts";

export function Heading1({ children }: { children: Child }) {
  return <h1 class="utrecht-heading-1">{children}</h1>;
}
export function Heading2({ children, id }: { children: Child; id?: string }) {
  return <h2 class="utrecht-heading-2" id={id}>{children}</h2>;
}
export function Paragraph({ children, lead }: { children: Child; lead?: boolean }) {
  return <p class={`utrecht-paragraph${lead ? " utrecht-paragraph--lead" : ""}`}>{children}</p>;
}
export function Link({ href, children, label }: { href: string; children: Child; label?: string }) {
  return <a class="utrecht-link" href={href} aria-label={label}>{children}</a>;
}
export function ButtonLink({ href, children, variant = "secondary" }: { href: string; children: Child; variant?: "primary" | "secondary" }) {
  return <a class={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${variant}-action`} href={href}>{children}</a>;
}

export function Alert({ kind, children }: { kind: "info" | "ok" | "warning" | "error"; children: Child }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${kind}`} role={kind === "error" ? "alert" : "status"}>
      <div class="utrecht-alert__content"><p class="utrecht-paragraph">{children}</p></div>
    </div>
  );
}

export function StatusBadge({ children, status }: { children: Child; status?: "neutral" | "valid" | "invalid" | "warning" }) {
  return <span class={`utrecht-status-badge utrecht-status-badge--${status ?? "neutral"}`}>{children}</span>;
}

/** A table; `captionHidden` keeps the caption for screen readers only, where a heading just above already says it. */
export function Table({ caption, captionHidden, headers, children }: { caption: string; captionHidden?: boolean; headers: Child[]; children: Child }) {
  return (
    // Focusable, so that a keyboard user can scroll a wide table in its own box.
    <div class="utrecht-table-container" tabindex={0}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class={captionHidden ? "utrecht-table__caption afw-visually-hidden" : "utrecht-table__caption"}>{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {headers.map((h) => <th class="utrecht-table__header-cell" scope="col">{h}</th>)}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ children }: { children: Child }) {
  return <tr class="utrecht-table__row">{children}</tr>;
}
/** A table cell; `numeric` aligns a number to the right (the table uses tabular figures). */
export function Cell({ children, numeric }: { children?: Child; numeric?: boolean }) {
  return <td class={numeric ? "utrecht-table__cell afw-num" : "utrecht-table__cell"}>{children}</td>;
}

/** Page links that keep the current query; works without JavaScript. */
export function Pagination({ t, page, pageSize, total, href }: { t: Translate; page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="utrecht-pagination" aria-label={t("pagination.label")}>
      <span class="utrecht-pagination__before">
        {page > 1 ? <a class="utrecht-pagination__relative-link" rel="prev" href={href(page - 1)}>{t("pagination.previous")}</a> : null}
      </span>
      <span class="utrecht-pagination__pages" aria-current="page">{t("pagination.page", { page, pages })}</span>
      <span class="utrecht-pagination__after">
        {page < pages ? <a class="utrecht-pagination__relative-link" rel="next" href={href(page + 1)}>{t("pagination.next")}</a> : null}
      </span>
    </nav>
  );
}

export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
}
/**
 * A date the Dutch way ("12 januari 2027"; "12 January 2027" in English), from a moment
 * (ISO timestamp) or a calendar date ("2027-01-12", read as that day, whatever the time zone).
 */
export function formatDate(iso: string, lang: string): string {
  const moment = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso;
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date(moment));
}
