import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, invalid, notFound } from "../../platform/errors.ts";
import { inTransaction, lockForUpdate } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { createMeasure } from "../measures/service.ts";
import { loadProjectForActor } from "../projects/access.ts";
import { userName } from "./access.ts";
import { FindingResponseInput, findingsOpen, isAuditStatus } from "./types.ts";

/** A measure's title is at most 200 characters. */
const measureTitle = (text: string) => (text.length > 200 ? `${text.slice(0, 197)}…` : text);

/**
 * The management response to a finding, comply-or-explain as with advice: the
 * project's owner or lead agrees and acts (the finding becomes a measure on
 * the project, source "finding", with an owner and a due date) or explains why
 * not. One response per finding: a second one is a conflict.
 *
 * A due date in the past is refused: the measure is a promise about what will
 * still be done, so it starts today at the earliest. (A measure that is
 * already done is agreed with today's date and then marked done with its
 * evidence, so the sign-off by someone else still happens.)
 */
export async function respondToFinding(deps: Deps, actor: Actor, findingId: string, input: unknown): Promise<{ measureId: string | null; auditId: string }> {
  return inTransaction(deps, actor, async (tx) => {
    const ref = await tx.db.selectFrom("audit_findings").select(["audit_id", "project_id"]).where("id", "=", findingId).where("organisation_id", "=", actor.organisationId).executeTakeFirst();
    if (!ref) throw notFound();
    const project = await loadProjectForActor(tx.db, actor, ref.project_id);
    // The audit first, then the finding: the same order as every other audit decision, so they line up.
    const audit = await lockForUpdate(tx, tx.db.selectFrom("audits").select(["id", "status"]).where("id", "=", ref.audit_id).where("organisation_id", "=", actor.organisationId)).executeTakeFirstOrThrow();
    const finding = await lockForUpdate(tx, tx.db.selectFrom("audit_findings").selectAll().where("id", "=", findingId)).executeTakeFirstOrThrow();
    if (!canEditProject(actor, project.id)) throw new AppError("forbidden", "audits.only_owner_responds");
    if (!isAuditStatus(audit.status) || !findingsOpen(audit.status)) throw new AppError("rule_refused", "audits.responses_closed");
    if (finding.response) throw new AppError("conflict", "audits.answered_meanwhile");
    const data = parseInput(FindingResponseInput, input);
    let measureId: string | null = null;
    if (data.response === "agree") {
      const today = tx.now().toISOString().slice(0, 10);
      if (data.dueDate < today) throw invalid([{ field: "dueDate", messageKey: "audits.due_date_past" }]);
      measureId = await createMeasure(tx, actor, {
        projectId: project.id,
        title: measureTitle(finding.title),
        description: data.text,
        ownerUserId: data.ownerUserId,
        dueDate: data.dueDate,
        source: { type: "finding", id: finding.id },
      });
    }
    await tx.db
      .updateTable("audit_findings")
      .set({ response: data.response, response_text: data.text, responded_by: actor.userId, responded_by_name: await userName(tx, actor), responded_at: tx.now().toISOString(), measure_id: measureId })
      .where("id", "=", finding.id)
      .execute();
    await tx.audit({ action: "audit_finding.answered", entityType: "audit_finding", entityId: finding.id, after: { ...data, measureId } });
    return { measureId, auditId: audit.id };
  });
}
