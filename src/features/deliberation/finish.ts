import type { Tx } from "../../platform/transaction.ts";
import { indexPrecedent } from "../committee/precedents.ts";
import { parseStringList } from "../expert-table/fields.ts";
import type { DeliberationRow } from "./access.ts";

/** A closed or escalated session's conclusion enters the precedent library, inside the caller's transaction. */
export async function indexConclusion(tx: Tx, d: DeliberationRow): Promise<void> {
  if (!d.conclusion.trim()) return;
  const project = d.project_id ? await tx.db.selectFrom("projects").select(["domain", "technologies_json"]).where("id", "=", d.project_id).executeTakeFirst() : undefined;
  await indexPrecedent(tx, {
    organisationId: d.organisation_id,
    sourceType: "deliberation",
    sourceId: d.id,
    title: d.title,
    summary: d.conclusion,
    fullText: `${d.case_description} ${d.moral_question} ${d.conclusion}`,
    values: parseStringList(d.values_json),
    technologies: parseStringList(project?.technologies_json),
    domain: project?.domain ?? "",
    year: Number(d.held_on.slice(0, 4)),
    visibility: "deliberation",
    url: `/deliberations/${d.id}`,
  });
}
