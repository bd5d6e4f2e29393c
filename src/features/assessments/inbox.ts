// For the FG's start page: finished screenings that wait for her confirmation.
import { canViewProject } from "../../domain/permissions/project-access.ts";
import type { InboxSource } from "../home/inbox.ts";
import { mayDecideAsFg } from "./screening.ts";
import "./schema.ts";

export const assessmentsInbox: InboxSource = {
  name: "assessments",
  async collect(deps, actor) {
    if (!actor.organisationRoles.has("fg")) return [];
    const rows = await deps.db
      .selectFrom("screenings")
      .innerJoin("projects", "projects.id", "screenings.project_id")
      .select(["screenings.id", "screenings.project_id", "screenings.completed_at", "screenings.fg_decision", "projects.title", "projects.organisation_id"])
      .where("screenings.organisation_id", "=", actor.organisationId)
      .where("projects.organisation_id", "=", actor.organisationId)
      .orderBy("screenings.completed_at", "desc")
      .orderBy("screenings.id", "desc")
      .execute();
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) if (!latest.has(r.project_id)) latest.set(r.project_id, r);
    return [...latest.values()]
      .filter((r) => !r.fg_decision && canViewProject(actor, r.project_id) && mayDecideAsFg(actor, r.project_id))
      .map((r) => ({
        key: r.id,
        project: { id: r.project_id, title: r.title },
        what: ({ t }) => t("assessments.inbox.confirm_screening"),
        href: `/projects/${encodeURIComponent(r.project_id)}/screening#screening-fg`,
        since: r.completed_at,
      }));
  },
};
