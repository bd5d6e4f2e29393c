import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { valueKeys } from "../values/service.ts";
import { lockAuditForWork, userName } from "./access.ts";
import { findingsOpen, FindingInput } from "./types.ts";

/**
 * An auditor records a finding on one project of the audit's scope, with its
 * severity, the values it touches and its evidence (text and links). Returns
 * the finding's id. The management of that project answers it.
 */
export async function recordFinding(deps: Deps, actor: Actor, auditId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const { audit, people } = await lockAuditForWork(tx, actor, auditId);
    if (!findingsOpen(audit.status)) throw new AppError("rule_refused", "audits.findings_closed");
    const data = parseInput(FindingInput, input);
    if (!people.scope.includes(data.projectId)) throw invalid([{ field: "projectId", messageKey: "audits.finding_outside_scope" }]);
    const known = new Set(await valueKeys(tx, actor.organisationId));
    if (data.values.some((k) => !known.has(k))) throw invalid([{ field: "values", messageKey: "field.invalid_choice" }]);
    const last = await tx.db.selectFrom("audit_findings").select((eb) => eb.fn.max("number").as("n")).where("audit_id", "=", audit.id).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    const id = tx.newId();
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("audit_findings")
      .values({
        id,
        organisation_id: actor.organisationId,
        audit_id: audit.id,
        project_id: data.projectId,
        number,
        title: data.title,
        description: data.description,
        severity: data.severity,
        values_json: JSON.stringify(data.values),
        evidence_text: data.evidenceText,
        evidence_links_json: JSON.stringify(data.evidenceLinks),
        created_by: actor.userId,
        created_by_name: await userName(tx, actor),
        created_at: now,
        response: null,
        response_text: null,
        responded_by: null,
        responded_by_name: null,
        responded_at: null,
        measure_id: null,
      })
      .execute();
    await tx.db.updateTable("audits").set({ updated_at: now }).where("id", "=", audit.id).execute();
    await tx.audit({ action: "audit_finding.recorded", entityType: "audit_finding", entityId: id, after: { auditId: audit.id, number, ...data } });
    return id;
  });
}
