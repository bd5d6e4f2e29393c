// A notification in words, and its e-mail: plain text and HTML (escaped), in the
// recipient's language, with an absolute link to where they act. A mail names only
// what the notification names (the inbox's words and the project's title).
import { translator, type Lang } from "../../platform/i18n/index.ts";
import { formatDate } from "../../ui/components.tsx";
import type { NotificationTable } from "./schema.ts";

export type NotificationWords = Pick<NotificationTable, "kind" | "text_nl" | "text_en" | "due_date" | "project_title" | "href">;

export function langOf(locale: string | null | undefined): Lang {
  return locale === "en" ? "en" : "nl";
}

export function notificationText(n: NotificationWords, lang: Lang): string {
  const what = lang === "en" ? n.text_en : n.text_nl;
  if ((n.kind === "due_soon" || n.kind === "overdue") && n.due_date) {
    return translator(lang)(`notifications.text.${n.kind}`, { what, date: formatDate(n.due_date, lang) });
  }
  return what;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A local path made absolute with the configured base URL; anything else becomes the notifications page. */
export function absoluteUrl(baseUrl: string, href: string): string {
  const path = href.startsWith("/") && !href.startsWith("//") ? href : "/notifications";
  return new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).toString();
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** One notification (immediate) or several (the daily digest) in one mail. */
export function composeMail(input: { lang: Lang; name: string; baseUrl: string; items: readonly NotificationWords[]; digest: boolean }): ComposedMail {
  const { lang, baseUrl, items } = input;
  const t = translator(lang);
  const lines = items.map((n) => ({ text: notificationText(n, lang), project: n.project_title ? t("notifications.project", { title: n.project_title }) : null, url: absoluteUrl(baseUrl, n.href) }));
  const first = lines[0];
  const subject = input.digest || !first ? t("notifications.mail.digest_subject", { count: items.length }) : `Afweging: ${first.text}`;
  const intro = input.digest ? t("notifications.mail.digest_intro") : t("notifications.mail.one_intro");
  const settings = absoluteUrl(baseUrl, "/account/notifications");
  const all = absoluteUrl(baseUrl, "/notifications");
  const greeting = t("notifications.mail.greeting", { name: input.name });
  const text = [
    greeting,
    "",
    intro,
    "",
    ...lines.flatMap((l) => [`- ${l.text}`, ...(l.project ? [`  ${l.project}`] : []), `  ${t("notifications.mail.open")}: ${l.url}`, ""]),
    `${t("notifications.mail.all")}: ${all}`,
    "",
    `${t("notifications.mail.footer")} ${settings}`,
    "",
  ].join("\n");
  const e = escapeHtml;
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${e(subject)}</title></head><body>`,
    `<p>${e(greeting)}</p>`,
    `<p>${e(intro)}</p>`,
    "<ul>",
    ...lines.map((l) => `<li><p><strong>${e(l.text)}</strong>${l.project ? `<br>${e(l.project)}` : ""}<br><a href="${e(l.url)}">${e(t("notifications.mail.open"))}</a></p></li>`),
    "</ul>",
    `<p><a href="${e(all)}">${e(t("notifications.mail.all"))}</a></p>`,
    `<p>${e(t("notifications.mail.footer"))} <a href="${e(settings)}">${e(settings)}</a></p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
