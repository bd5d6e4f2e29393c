import { z } from "zod";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { lockProjectForActor } from "../projects/access.ts";
import { LIMITS } from "./limits.ts";
import "./schema.ts";

export const RequestAdviceInput = z.object({
  projectId: z.string().trim().min(1, "field.required").max(64, "field.too_long"),
  question: fields.text(LIMITS.question),
});

/** The project's owner or lead asks the table for advice; one open request per project. */
export async function requestAdvice(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const data = parseInput(RequestAdviceInput, input);
    // Locked: two requests for one project line up, and the second finds the first open.
    const project = await lockProjectForActor(tx, actor, data.projectId).catch(() => {
      throw invalid([{ field: "projectId", messageKey: "expert_table.project_unknown" }]);
    });
    if (!canEditProject(actor, project.id)) throw new AppError("forbidden", "expert_table.only_lead_requests");
    const open = await tx.db
      .selectFrom("advice_requests")
      .select("id")
      .where("organisation_id", "=", actor.organisationId)
      .where("project_id", "=", project.id)
      .where("status", "!=", "given")
      .executeTakeFirst();
    if (open) throw new AppError("conflict", "expert_table.request_open");
    const id = tx.newId();
    await tx.db
      .insertInto("advice_requests")
      .values({
        id,
        organisation_id: actor.organisationId,
        project_id: project.id,
        question: data.question,
        canvas_link: `/projects/${project.id}/canvas`,
        status: "requested",
        meeting_id: null,
        requested_by: actor.userId,
        requested_at: tx.now().toISOString(),
        given_at: null,
      })
      .execute();
    await tx.audit({ action: "advice_request.created", entityType: "advice_request", entityId: id, after: { projectId: project.id, question: data.question } });
    return id;
  });
}
