// For the start page: measures the reader owns that are still open, and measures that wait
// for the reader's sign-off.
import { canViewProject } from "../../domain/permissions/project-access.ts";
import type { InboxEntry, InboxSource } from "../home/inbox.ts";
import { maySignOff } from "./rules.ts";
import "./schema.ts";

export const measuresInbox: InboxSource = {
  name: "measures",
  async collect(deps, actor) {
    const rows = await deps.db
      .selectFrom("measures")
      .innerJoin("projects", "projects.id", "measures.project_id")
      .select(["measures.id", "measures.project_id", "measures.title", "measures.status", "measures.due_date", "measures.owner_user_id", "measures.done_requested_by", "measures.done_requested_at", "measures.created_at", "projects.title as project_title", "projects.phase"])
      .where("measures.organisation_id", "=", actor.organisationId)
      .where("projects.organisation_id", "=", actor.organisationId)
      .where("measures.status", "in", ["open", "in_progress", "awaiting_signoff"])
      .where("projects.phase", "not in", ["closed", "stopped"])
      .orderBy("measures.due_date")
      .execute();
    const entries: InboxEntry[] = [];
    for (const r of rows) {
      if (!canViewProject(actor, r.project_id)) continue;
      const project = { id: r.project_id, title: r.project_title };
      const href = `/projects/${encodeURIComponent(r.project_id)}/measures/${encodeURIComponent(r.id)}`;
      const title = r.title;
      if (r.status !== "awaiting_signoff" && r.owner_user_id === actor.userId) {
        entries.push({ key: `do:${r.id}`, project, href, since: r.created_at, due: r.due_date ?? undefined, what: ({ t }) => t("measures.inbox.carry_out", { title }) });
      }
      if (maySignOff(actor, { status: r.status, projectId: r.project_id, ownerUserId: r.owner_user_id, doneRequestedBy: r.done_requested_by })) {
        entries.push({ key: `signoff:${r.id}`, project, href, since: r.done_requested_at ?? undefined, what: ({ t }) => t("measures.inbox.sign_off", { title }) });
      }
    }
    return entries;
  },
};
