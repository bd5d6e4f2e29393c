import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { createCaseFromDeliberation } from "../committee/service.ts";
import { parseStringList } from "../expert-table/fields.ts";
import { lockEditable, type DeliberationRow } from "./access.ts";
import { indexConclusion } from "./finish.ts";

/** The record that travels with an escalation: the committee shows it on the case. */
async function recordOf(tx: Tx, d: DeliberationRow): Promise<Record<string, string>> {
  const positions = await tx.db.selectFrom("deliberation_positions").selectAll().where("deliberation_id", "=", d.id).orderBy("created_at").execute();
  const actions = await tx.db.selectFrom("deliberation_actions").selectAll().where("deliberation_id", "=", d.id).orderBy("created_at").execute();
  return {
    case: d.case_description,
    method: d.method,
    held_on: d.held_on,
    moral_question: d.moral_question,
    stakeholders: d.stakeholders,
    options: d.options,
    positions: positions.map((p) => `${p.holder}: ${p.position} — ${p.arguments}`).join("\n"),
    conclusion: d.conclusion,
    actions: actions.map((a) => a.title).join("\n"),
  };
}

/** One click: the outcome goes to the ethics committee as a new case that carries the record along, all in one transaction. */
export async function escalateDeliberation(deps: Deps, actor: Actor, id: string): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const d = await lockEditable(tx, actor, id, "escalated");
    const caseId = await createCaseFromDeliberation(tx, actor, {
      deliberationId: d.id,
      title: d.title,
      question: d.moral_question.trim() || d.case_description,
      projectId: d.project_id,
      record: await recordOf(tx, d),
      values: parseStringList(d.values_json),
    });
    await tx.db.updateTable("deliberations").set({ status: "escalated", escalated_at: tx.now().toISOString(), committee_case_id: caseId }).where("id", "=", d.id).execute();
    await indexConclusion(tx, d);
    await tx.audit({ action: "deliberation.escalated", entityType: "deliberation", entityId: d.id, before: { status: "open" }, after: { status: "escalated", committeeCaseId: caseId } });
    return caseId;
  });
}
