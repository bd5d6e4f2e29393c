import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseStringList } from "../expert-table/fields.ts";
import { has, refuseIfExcluded } from "./access.ts";
import { adviceOf, lockCaseRow } from "./case-rows.ts";
import { addDays } from "./dates.ts";
import { indexPrecedent } from "./precedents.ts";
import { notify } from "../../platform/notify.ts";

/** The chair adopts the advice after the members voted, with more votes for than against; it enters the precedent library. */
export async function adoptAdvice(deps: Deps, actor: Actor, caseId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const r = await lockCaseRow(tx, actor, caseId);
    if (!has(actor, "committee_chair")) throw new AppError("forbidden", "committee.only_chair_adopts");
    refuseIfExcluded(actor, r);
    const advice = await adviceOf(tx, r);
    if (!advice) throw new AppError("rule_refused", "committee.no_advice_yet");
    // A second adoption (a second click, or another chair at the same moment) finds it done.
    if (advice.status === "adopted") throw new AppError("conflict", "committee.already_adopted");
    const votes = await tx.db.selectFrom("committee_votes").select("vote").where("advice_id", "=", advice.id).execute();
    if (!votes.length) throw new AppError("rule_refused", "committee.no_votes");
    const pro = votes.filter((v) => v.vote === "for").length;
    const contra = votes.filter((v) => v.vote === "against").length;
    if (pro <= contra) throw new AppError("rule_refused", "committee.no_majority", { params: { for: pro, against: contra } });
    const now = tx.now().toISOString();
    const due = addDays(now, 7 * Number(r.response_weeks));
    await tx.db.updateTable("committee_advice").set({ status: "adopted", adopted_at: now, adopted_by: actor.userId, response_due: due, updated_at: now }).where("id", "=", advice.id).execute();
    await tx.db.updateTable("committee_cases").set({ status: "adopted" }).where("id", "=", r.id).execute();
    await indexPrecedent(tx, {
      organisationId: actor.organisationId,
      sourceType: "committee_advice",
      sourceId: advice.id,
      title: r.title,
      summary: advice.text,
      fullText: `${r.question} ${advice.text}`,
      values: parseStringList(r.values_json),
      technologies: parseStringList(r.technologies_json),
      domain: r.domain,
      year: Number(now.slice(0, 4)),
      visibility: advice.publication === "public" && advice.published_at ? "public" : "committee",
      url: `/committee/cases/${r.id}`,
    });
    await tx.audit({ action: "committee_advice.adopted", entityType: "committee_advice", entityId: advice.id, before: { status: "draft" }, after: { status: "adopted", votesFor: pro, votesAgainst: contra, responseDue: due } });
    if (r.project_id) {
      await notify(tx, { organisationId: actor.organisationId, projectId: r.project_id, projectRoles: ["owner", "lead"], kind: "outcome", key: `committee-advice:${advice.id}`, message: { key: "notifications.event.advice_adopted" }, href: `/projects/${encodeURIComponent(r.project_id)}` });
    }
  });
}
