// The start page as an inbox: what waits for the reader across the organisation. Each feature
// that asks something of someone contributes an `inboxSources` entry; the home feature gathers
// them, sorts them (overdue first, then by due date, then the oldest) and counts them in the menu.
import type { ActorWithProfile } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import type { Lang, Translate } from "../../platform/i18n/index.ts";

/** What the page words an entry with. */
export interface InboxWords {
  t: Translate;
  lang: Lang;
}

export interface InboxEntry {
  /** Stable within a source, so the same task is never listed twice. */
  key: string;
  project?: { id: string; title: string };
  /** What is asked, in the reader's language. */
  what: (w: InboxWords) => string;
  /** Where it is done. */
  href: string;
  /** Since when it waits: an ISO date or timestamp. */
  since?: string;
  /** By when: a calendar date (YYYY-MM-DD). */
  due?: string;
}

export interface InboxSource {
  name: string;
  /** Only what this actor can act on now, within their organisation and the projects they may open. */
  collect: (deps: Deps, actor: ActorWithProfile) => Promise<InboxEntry[]>;
}

declare module "../../platform/feature.ts" {
  interface ExtensionPoints {
    /** Tasks that wait for one person, for their start page. */
    inboxSources: InboxSource;
  }
}

export interface InboxItem extends InboxEntry {
  overdue: boolean;
}

export async function inboxOf(deps: Deps, actor: ActorWithProfile): Promise<InboxItem[]> {
  const today = deps.now().toISOString().slice(0, 10);
  const seen = new Set<string>();
  const items: InboxItem[] = [];
  for (const source of deps.extensions.get("inboxSources")) {
    for (const entry of await source.collect(deps, actor)) {
      const id = `${source.name}:${entry.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      items.push({ ...entry, overdue: !!entry.due && entry.due < today });
    }
  }
  return items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.due ?? "9999").localeCompare(b.due ?? "9999") ||
      (a.since ?? "9999").localeCompare(b.since ?? "9999") ||
      (a.project?.title ?? "").localeCompare(b.project?.title ?? ""),
  );
}
