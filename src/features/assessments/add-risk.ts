import type { Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { lockProjectForActor } from "../projects/access.ts";
import type { ProjectRef } from "../projects/extension-points.ts";
import { parseRisk, requireTeam, type RiskInputData } from "./risk-register.ts";

/** Risk data as stored; the residual columns stay empty until a residual score is given. */
export function riskColumns(data: RiskInputData) {
  const hasResidual = data.residualLikelihood !== "";
  return {
    category: data.category,
    values_json: JSON.stringify(data.values),
    description: data.description,
    inherent_likelihood: data.inherentLikelihood,
    inherent_impact: data.inherentImpact,
    inherent_justification: data.inherentJustification,
    residual_likelihood: hasResidual ? data.residualLikelihood : null,
    residual_impact: hasResidual ? data.residualImpact : null,
    residual_justification: hasResidual ? data.residualJustification : null,
    residual_above_reason: hasResidual && data.residualAboveInherentReason ? data.residualAboveInherentReason : null,
  };
}

/** Adds a risk to the register (project team). Returns its id. */
export async function addRisk(deps: Deps, actor: Actor, projectId: string, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    // Locked: two risks added at once get the next two numbers.
    const project = await lockProjectForActor(tx, actor, projectId);
    requireTeam(actor, project);
    const data = await parseRisk(tx, actor.organisationId, input);
    return insertRisk(tx, actor, project, data);
  });
}

/** Used by addRisk and the JSON import, inside their transaction: the project is checked and the data parsed. */
export async function insertRisk(deps: Deps, actor: Actor, project: ProjectRef, data: RiskInputData): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const id = tx.newId();
    const now = tx.now().toISOString();
    const last = await tx.db.selectFrom("risks").select((eb) => eb.fn.max("number").as("n")).where("organisation_id", "=", actor.organisationId).where("project_id", "=", project.id).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    await tx.db
      .insertInto("risks")
      .values({ id, organisation_id: actor.organisationId, project_id: project.id, number, ...riskColumns(data), accepted_by: null, accepted_by_name: null, accepted_at: null, created_by: actor.userId, created_at: now, updated_at: now })
      .execute();
    await tx.audit({ action: "risk.added", entityType: "risk", entityId: id, after: { projectId: project.id, number, ...data } });
    return id;
  });
}
