import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { has, refuseIfExcluded } from "./access.ts";
import { adviceOf, lockCaseRow, type AdviceRow, type CaseRow } from "./case-rows.ts";

/** The case locked for one of `roles`, who is not excluded from it. */
export async function lockCaseFor(tx: Deps, actor: Actor, caseId: string, ...roles: string[]): Promise<CaseRow> {
  const r = await lockCaseRow(tx, actor, caseId);
  if (!has(actor, ...roles)) throw forbidden();
  refuseIfExcluded(actor, r);
  return r;
}

/** The case and its advice, locked, for the chair or secretary deciding on its publication. */
export async function lockForPublication(tx: Deps, actor: Actor, caseId: string): Promise<{ r: CaseRow; advice: AdviceRow }> {
  const r = await lockCaseFor(tx, actor, caseId, "committee_chair", "committee_secretary");
  const advice = await adviceOf(tx, r);
  if (!advice) throw new AppError("rule_refused", "committee.no_advice_yet");
  return { r, advice };
}
