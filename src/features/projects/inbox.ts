// What the gates of the reader's projects wait for from them, for the start page.
import type { InboxEntry, InboxSource } from "../home/inbox.ts";
import { projectsWaitingForActor } from "./dashboard.ts";
import { missingHref } from "./next-steps.ts";
import { missingText } from "./readiness-text.ts";

export const projectsInbox: InboxSource = {
  name: "projects",
  async collect(deps, actor) {
    const entries: InboxEntry[] = [];
    // Every project with something waiting for the reader, with its stored readiness: one statement.
    for (const item of await projectsWaitingForActor(deps, actor)) {
      for (const w of item.missing.filter((x) => x.forMe)) {
        entries.push({
          key: `${item.id}:${w.key}`,
          project: { id: item.id, title: item.title },
          what: (words) => missingText(words, w),
          href: missingHref(item.id, w.key),
          since: w.since,
        });
      }
    }
    return entries;
  },
};
