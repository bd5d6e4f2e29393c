// Before release (when the organisation turned it on in its settings): do the
// links in the entry answer? Each link gets one time limit for all its steps;
// a redirect is followed only to another http(s) address, at most a few times;
// HEAD first, GET when the server does not take HEAD. Only whether a link
// answers is learned, never what it says.
//
// A public register links to public pages: an address that resolves to this
// machine or an internal network is reported as not reachable for residents,
// and is not asked (so the check cannot be used to probe the network inside).
// A name is resolved just before it is asked; a name that changes its address
// in between can slip past this, but then too only "answers or not" comes back.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { REGISTER_FIELDS, type EntryFields, type Link, type RegisterField } from "./fields.ts";

export type LinkProblem = "timeout" | "status" | "unreachable" | "not_http" | "internal";
export interface BrokenLink { url: string; problem: LinkProblem; status?: number }

export interface LinkCheckPolicy {
  timeoutMs: number;
  maxRedirects: number;
  maxLinks: number;
  /** Ask addresses on this machine and internal networks too (tests with a local server; never in production). */
  allowInternalAddresses: boolean;
}

export const linkCheckPolicy: LinkCheckPolicy = { timeoutMs: 5000, maxRedirects: 3, maxLinks: 50, allowInternalAddresses: false };

/** Every web address in an entry: the url fields, the links of the link lists and the hrefs in its texts. */
export function linksOf(fields: EntryFields): string[] {
  const out = new Set<string>();
  for (const f of REGISTER_FIELDS as readonly RegisterField[]) {
    const v = fields[f.name as keyof EntryFields];
    if (f.kind === "line" && f.format === "url" && typeof v === "string" && v.trim()) out.add(v.trim());
    if (f.kind === "links" && Array.isArray(v)) for (const l of v as Link[]) if (l.link?.trim()) out.add(l.link.trim());
    if (f.kind === "text" && f.html && typeof v === "string") for (const m of v.matchAll(/<a href="(https?:\/\/[^"]+)"/gi)) out.add(m[1]!.replace(/&amp;/g, "&"));
  }
  return [...out];
}

function internalAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split(".").map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || a >= 224;
  }
  const v6 = ip.toLowerCase();
  if (v6.startsWith("::ffff:")) return internalAddress(v6.slice(7));
  return v6 === "::" || v6 === "::1" || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe8") || v6.startsWith("fe9") || v6.startsWith("fea") || v6.startsWith("feb") || v6.startsWith("ff");
}

async function isInternal(host: string): Promise<boolean> {
  const bare = host.replace(/^\[|\]$/g, "");
  const addresses = isIP(bare) ? [bare] : (await lookup(bare, { all: true })).map((a) => a.address);
  return addresses.some(internalAddress);
}

async function ask(url: URL, method: "HEAD" | "GET", signal: AbortSignal): Promise<Response> {
  const res = await fetch(url, { method, redirect: "manual", signal, headers: { "user-agent": "Afweging-linkcontrole/1.0" } });
  await res.body?.cancel().catch(() => undefined);
  return res;
}

/** Whether one link answers (a status below 400 at the end of its redirects), within the policy's time limit. */
export async function checkLink(raw: string, policy: LinkCheckPolicy = linkCheckPolicy): Promise<BrokenLink | null> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { url: raw, problem: "not_http" };
  }
  try {
    for (let hop = 0; hop <= policy.maxRedirects; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:") return { url: raw, problem: "not_http" };
      if (!policy.allowInternalAddresses && (await isInternal(url.hostname))) return { url: raw, problem: "internal" };
      let res = await ask(url, "HEAD", signal);
      if (res.status === 405 || res.status === 501) res = await ask(url, "GET", signal);
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      return res.status < 400 ? null : { url: raw, problem: "status", status: res.status };
    }
    return { url: raw, problem: "status" };
  } catch (e) {
    return { url: raw, problem: signal.aborted || (e as Error).name === "TimeoutError" ? "timeout" : "unreachable" };
  }
}

/** The links of an entry that do not answer, asked a few at a time. */
export async function brokenLinks(fields: EntryFields, policy: LinkCheckPolicy = linkCheckPolicy): Promise<BrokenLink[]> {
  const links = linksOf(fields).slice(0, policy.maxLinks);
  const results: (BrokenLink | null)[] = new Array(links.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < links.length) {
      const i = next++;
      results[i] = await checkLink(links[i]!, policy);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, links.length) }, worker));
  return results.filter((r): r is BrokenLink => r !== null);
}
