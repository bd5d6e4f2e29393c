// For the start page: the board's response that is due, advice the committee still has to
// write, and a draft advice a member has not voted on yet.
import type { InboxEntry, InboxSource } from "../home/inbox.ts";
import { has, isCommittee, isExcluded } from "./access.ts";
import { caseRows } from "./case-rows.ts";
import "./schema.ts";

export const committeeInbox: InboxSource = {
  name: "committee",
  async collect(deps, actor) {
    const board = has(actor, "board_member");
    const committee = isCommittee(actor);
    const voter = has(actor, "committee_member", "committee_chair");
    if (!board && !committee) return [];
    const rows = await caseRows(deps, actor.organisationId);
    const voted = new Set(
      (await deps.db.selectFrom("committee_votes").select("advice_id").where("organisation_id", "=", actor.organisationId).where("user_id", "=", actor.userId).execute()).map((v) => v.advice_id),
    );
    const entries: InboxEntry[] = [];
    for (const r of rows) {
      const href = `/committee/cases/${encodeURIComponent(r.id)}`;
      const project = r.project_id && r.project_title ? { id: r.project_id, title: r.project_title } : undefined;
      const title = r.title;
      if (board && r.advice_status === "adopted" && !r.board_decision) {
        entries.push({ key: `respond:${r.id}`, project, href: `${href}#board`, since: r.adopted_at ?? undefined, due: r.response_due ?? undefined, what: ({ t }) => t("committee.inbox.respond", { title }) });
      }
      if (committee && !isExcluded(actor, r.project_id) && !r.advice_id && r.status === "open") {
        entries.push({ key: `draft:${r.id}`, project, href, since: r.created_at, what: ({ t }) => t("committee.inbox.draft", { title }) });
      }
      if (voter && !isExcluded(actor, r.project_id) && r.advice_id && r.advice_status === "draft" && !voted.has(r.advice_id)) {
        entries.push({ key: `vote:${r.id}`, project, href: `${href}#advice`, since: r.created_at, what: ({ t }) => t("committee.inbox.vote", { title }) });
      }
    }
    return entries;
  },
};
