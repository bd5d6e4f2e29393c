// The standard's text fields take "limited HTML". This keeps only the tags the
// register shows (paragraphs, line breaks, emphasis, lists and links to web or
// mail addresses) and turns everything else into text or drops it: scripts,
// styles and comments with their content, every attribute but a link's href.
// Fields without HTML keep no tag at all. The result is balanced, so a stray
// opening tag cannot run on into the page around it.

export const ALLOWED_TAGS = ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a"] as const;
const ALLOWED = new Set<string>(ALLOWED_TAGS);
const VOID = new Set(["br"]);

const escapeText = (s: string) =>
  s
    .replace(/&(?!(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});)/gi, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]{1,6});?/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d{1,7});?/g, (_, d: string) => String.fromCodePoint(Math.min(parseInt(d, 10), 0x10ffff)))
    .replace(/&colon;/gi, ":")
    .replace(/&amp;/gi, "&");
}

/** A link target the register may show: a web or mail address, nothing that runs. */
function safeHref(attributes: string): string | null {
  const m = attributes.match(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i);
  if (!m) return null;
  const href = decodeEntities(m[1] ?? m[2] ?? m[3] ?? "").replace(/[\x00-\x20\x7f]/g, "");
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
}

/** Keeps the allowed tags (or none, for plain text) and makes the rest harmless text. */
export function sanitiseHtml(input: string, allowTags = true): string {
  const cleaned = input.replace(/<!--[\s\S]*?(-->|$)/g, "").replace(/<(script|style|iframe|object|template|noscript)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, "");
  const open: string[] = [];
  let out = "";
  for (const part of cleaned.split(/(<\/?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>)/)) {
    const tag = part.match(/^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>$/);
    if (!tag) {
      out += escapeText(part);
      continue;
    }
    const [, closing, rawName, attributes] = tag;
    const name = rawName!.toLowerCase();
    if (!allowTags || !ALLOWED.has(name)) continue;
    if (VOID.has(name)) {
      if (!closing) out += `<${name}>`;
      continue;
    }
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) out += `</${open.pop()}>`;
      continue;
    }
    if (name === "a") {
      const href = safeHref(attributes ?? "");
      out += href ? `<a href="${escapeText(href)}">` : "<a>";
    } else out += `<${name}>`;
    open.push(name);
  }
  while (open.length) out += `</${open.pop()}>`;
  return out;
}

/** The text of a field without any tags, for search, summaries and the B1 hint. */
export function plainText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>|<\/(p|li)>/gi, " \n").replace(/<[^>]*>/g, "")).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');
}

/** Plain text made safe to place inside limited HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** An intro and a bulleted list of plain texts, as many items as fit in `max` characters (each item cut at 200). */
export function htmlList(intro: string, items: readonly string[], max: number): string {
  let out = "";
  for (const item of items) {
    const text = item.trim().length > 200 ? `${item.trim().slice(0, 199)}…` : item.trim();
    if (!text) continue;
    const li = `<li>${escapeHtml(text)}</li>`;
    if (intro.length + out.length + li.length + 9 > max) break;
    out += li;
  }
  return out ? `${intro}<ul>${out}</ul>` : "";
}
