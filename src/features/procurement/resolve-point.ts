import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockContract, requireChangeable, userName } from "./access.ts";
import { markedMeasuresOf } from "./facts.ts";
import { expectedRevision } from "./input.ts";
import { LIMITS, VERDICTS } from "./model.ts";
import { writeRevision } from "./revise.ts";
import { sourcePoints } from "./sources.ts";

const optional = (max: number) => z.string().trim().max(max, "field.too_long").optional().default("");

/** Covered: with the clause that covers it. Not covered: with the reason, and who accepted that. */
export const PointInput = z
  .object({
    pointKey: z.string("procurement.point.unknown").trim().min(1, "procurement.point.unknown").max(LIMITS.clauseRef, "procurement.point.unknown"),
    verdict: z.enum(VERDICTS, "procurement.point.verdict_required"),
    clauseRef: optional(LIMITS.clauseRef),
    reason: optional(LIMITS.reason),
    acceptedByUserId: optional(LIMITS.id),
    expectedRevision,
  })
  .superRefine((d, ctx) => {
    if (d.verdict === "covered" && !d.clauseRef) ctx.addIssue({ code: "custom", path: ["clauseRef"], message: "procurement.point.clause_required" });
    if (d.verdict === "not_covered" && !d.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "procurement.point.reason_required" });
    if (d.verdict === "not_covered" && !d.acceptedByUserId) ctx.addIssue({ code: "custom", path: ["acceptedByUserId"], message: "procurement.point.accepted_by_required" });
  });
type PointData = z.infer<typeof PointInput>;

async function acceptedByName(tx: Tx, actor: Actor, data: PointData): Promise<string | null> {
  if (data.verdict !== "not_covered") return null;
  const user = await tx.db.selectFrom("users").select("name").where("id", "=", data.acceptedByUserId).where("organisation_id", "=", actor.organisationId).where("active", "=", 1).executeTakeFirst();
  if (!user) throw invalid([{ field: "acceptedByUserId", messageKey: "procurement.point.accepted_by_unknown" }]);
  return user.name;
}

/**
 * The owner or lead gives a verdict on one attention point of a contract: a
 * point as it is carried over now (from the advice, the DEPIA, the risks or the
 * bias audits). A new verdict replaces the old one and re-opens a sign-off.
 */
export async function resolvePoint(deps: Deps, actor: Actor, contractId: string, input: unknown): Promise<number> {
  return inTransaction(deps, actor, async (tx) => {
    const { row, project } = await lockContract(tx, actor, contractId);
    const data = parseInput(PointInput, input);
    requireChangeable(actor, project, row, data.expectedRevision);
    const point = (await sourcePoints(tx, actor.organisationId, project.id, await markedMeasuresOf(tx, row))).find((p) => p.key === data.pointKey);
    if (!point) throw invalid([{ field: "pointKey", messageKey: "procurement.point.unknown" }]);
    const accepted = await acceptedByName(tx, actor, data);
    const value = {
      verdict: data.verdict,
      clause_ref: data.verdict === "covered" ? data.clauseRef : null,
      reason: data.verdict === "not_covered" ? data.reason : data.reason || null,
      accepted_by: data.verdict === "not_covered" ? data.acceptedByUserId : null,
      accepted_by_name: accepted,
    };
    const existing = await tx.db.selectFrom("contract_point_resolutions").selectAll().where("organisation_id", "=", actor.organisationId).where("contract_id", "=", row.id).where("point_key", "=", point.key).executeTakeFirst();
    const same = existing && existing.verdict === value.verdict && existing.clause_ref === value.clause_ref && existing.reason === value.reason && existing.accepted_by === value.accepted_by;
    if (same) return row.revision;
    const stamp = { point_text: point.text, resolved_by: actor.userId, resolved_by_name: await userName(tx, actor), resolved_at: tx.now().toISOString() };
    if (existing) await tx.db.updateTable("contract_point_resolutions").set({ ...value, ...stamp }).where("id", "=", existing.id).where("organisation_id", "=", actor.organisationId).execute();
    else await tx.db.insertInto("contract_point_resolutions").values({ id: tx.newId(), organisation_id: actor.organisationId, contract_id: row.id, point_key: point.key, ...value, ...stamp }).execute();
    const revision = await writeRevision(tx, actor, row, {});
    await tx.audit({
      action: "contract.point_resolved",
      entityType: "contract",
      entityId: row.id,
      before: existing ? { revision: row.revision, point: point.key, verdict: existing.verdict, clauseRef: existing.clause_ref, reason: existing.reason, acceptedBy: existing.accepted_by_name } : { revision: row.revision },
      after: { revision, point: point.key, source: point.source, verdict: value.verdict, clauseRef: value.clause_ref, reason: value.reason, acceptedBy: accepted },
    });
    return revision;
  });
}
