import { z } from "zod";
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import { requiresPriorConsultation } from "../../domain/risk/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import { lockProjectForActor } from "../projects/access.ts";
import { requireActive, userName } from "./common.ts";
import { acceptedAlready, DEPIA_LIMITS, latestVersion, pendingReviewers, requireRecords, type DepiaRecords, type DepiaVersion } from "./depia-records.ts";
import { highestResidual, risksOf, type Risk } from "./risk-register.ts";

export const AcceptanceInput = z.object({
  /** The version the owner read; when a newer one came meanwhile, the acceptance is a conflict. */
  version: z.coerce.number().int("field.invalid").min(1, "field.invalid").optional(),
  statement: z.string().trim().min(1, "field.required").max(DEPIA_LIMITS.statement, "field.too_long"),
});

/** The version to accept: the latest, reviewed, nothing to correct, every risk scored, not accepted already. */
function versionToAccept(records: DepiaRecords, risks: readonly Risk[], version: number | undefined): DepiaVersion {
  const latest = latestVersion(records);
  if (!latest) throw new AppError("rule_refused", "assessments.acceptance.no_version");
  if (version !== undefined && version !== latest.number) throw new AppError("conflict", "assessments.acceptance.outdated_version", { params: { version, latest: latest.number } });
  if (pendingReviewers(records).length) throw new AppError("rule_refused", "assessments.acceptance.review_open");
  if (records.reviews.some((r) => r.version === latest.number && r.overall === "to_correct")) throw new AppError("rule_refused", "assessments.acceptance.to_correct");
  if (risks.some((r) => !r.residual)) throw new AppError("rule_refused", "assessments.acceptance.unscored_risks");
  if (acceptedAlready(records, latest.number, risks)) throw new AppError("conflict", "assessments.acceptance.already");
  return latest;
}

/**
 * The owner accepts the residual risks of the latest version in a recorded
 * statement. Refused while a review of that version is open, while a reviewer
 * finds a part "to correct", while a risk has no residual score; a conflict on
 * an outdated version and when this version is accepted already.
 */
export async function acceptResidualRisks(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    requireActive(project);
    if (!hasProjectRole(actor, project.id, ["owner"])) throw forbidden();
    const data = parseInput(AcceptanceInput, input);
    const records = await requireRecords(tx, actor, project);
    const risks = await risksOf(tx, actor.organisationId, project.id);
    const latest = versionToAccept(records, risks, data.version);
    const id = tx.newId();
    const now = tx.now().toISOString();
    const name = await userName(tx, actor);
    await tx.db
      .insertInto("residual_acceptances")
      .values({ id, organisation_id: actor.organisationId, project_id: project.id, depia_id: records.id, version_number: latest.number, statement: data.statement, accepted_by: actor.userId, accepted_by_name: name, accepted_at: now })
      .execute();
    await tx.db.updateTable("risks").set({ accepted_by: actor.userId, accepted_by_name: name, accepted_at: now }).where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).execute();
    await tx.audit({
      action: "depia.residual_risks_accepted",
      entityType: "project",
      entityId: project.id,
      after: { depiaId: records.id, version: latest.number, statement: data.statement, highestResidual: highestResidual(risks), priorConsultationNeeded: risks.some((r) => r.residual && requiresPriorConsultation(r.residual.level)) },
    });
    return id;
  });
}
