import { z } from "zod";
import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid } from "../../platform/errors.ts";
import { inTransaction, type Tx } from "../../platform/transaction.ts";
import { fields, parseInput } from "../../platform/validation.ts";
import { optionalId, parseStringList } from "../expert-table/fields.ts";
import { assertValueKeys, knownValueKeys, valueKeyList } from "../expert-table/values.ts";
import { has, isCommittee } from "./access.ts";
import { LIMITS } from "./limits.ts";
import { DEFAULT_RESPONSE_WEEKS, OPEN_ORIGINS, type OpenOrigin, type Origin } from "./types.ts";

export const CaseInput = z.object({
  title: fields.text(LIMITS.title),
  question: fields.text(LIMITS.question),
  origin: z.enum(OPEN_ORIGINS, "field.invalid_choice"),
  projectId: optionalId(),
  submitter: fields.optionalText(LIMITS.submitter),
  /** Keys of the organisation's value set. */
  values: valueKeyList(),
  technologies: z.array(z.string().trim().min(1).max(LIMITS.technology, "field.too_long")).max(20).default([]),
  domain: z.string().trim().max(LIMITS.domain, "field.too_long").optional().transform((v) => v ?? ""),
  responseWeeks: z.coerce.number().int("field.number").min(1, "field.number").max(52, "field.number").optional(),
});

async function projectFacts(deps: Deps, organisationId: string, projectId: string) {
  const p = await deps.db.selectFrom("projects").select(["id", "title", "domain", "technologies_json"]).where("id", "=", projectId).where("organisation_id", "=", organisationId).executeTakeFirst();
  if (!p) throw invalid([{ field: "projectId", messageKey: "committee.project_unknown" }]);
  return p;
}

/** Who may bring a case of each origin. A deliberation escalates through createCaseFromDeliberation. */
function mayOpen(actor: Actor, origin: OpenOrigin, projectId: string | null): boolean {
  switch (origin) {
    case "resident":
      return has(actor, "committee_secretary");
    case "board":
      return has(actor, "board_member", "committee_secretary");
    case "own_initiative":
      return isCommittee(actor);
    case "project":
      return has(actor, "committee_secretary") || (!!projectId && hasProjectRole(actor, projectId, ["owner", "lead"]));
  }
}

interface NewCase {
  title: string;
  question: string;
  origin: Origin;
  projectId: string | null;
  deliberationId: string | null;
  submitter: string | null;
  record: Record<string, unknown> | null;
  values: string[];
  technologies: string[];
  domain: string;
  responseWeeks: number;
}

async function insertCase(tx: Tx, actor: Actor, c: NewCase): Promise<string> {
  const id = tx.newId();
  await tx.db
    .insertInto("committee_cases")
    .values({
      id,
      organisation_id: actor.organisationId,
      title: c.title,
      question: c.question,
      origin: c.origin,
      project_id: c.projectId,
      deliberation_id: c.deliberationId,
      submitter: c.submitter,
      record_json: c.record ? JSON.stringify(c.record) : null,
      values_json: JSON.stringify(c.values),
      technologies_json: JSON.stringify(c.technologies),
      domain: c.domain,
      status: "open",
      response_weeks: c.responseWeeks,
      meeting_id: null,
      created_by: actor.userId,
      created_at: tx.now().toISOString(),
    })
    .execute();
  await tx.audit({ action: "committee_case.created", entityType: "committee_case", entityId: id, after: { title: c.title, origin: c.origin, projectId: c.projectId, deliberationId: c.deliberationId } });
  return id;
}

/** A case brought by the board, a project, a resident (through the secretary) or the committee itself. */
export async function createCase(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const data = parseInput(CaseInput, input);
    await assertValueKeys(tx, actor.organisationId, data.values, "values");
    if (data.origin === "project" && !data.projectId) throw invalid([{ field: "projectId", messageKey: "committee.project_required" }]);
    if (data.origin === "resident" && !data.submitter) throw invalid([{ field: "submitter", messageKey: "committee.submitter_required" }]);
    if (!mayOpen(actor, data.origin, data.projectId)) throw forbidden();
    const project = data.projectId ? await projectFacts(tx, actor.organisationId, data.projectId) : null;
    return insertCase(tx, actor, {
      title: data.title,
      question: data.question,
      origin: data.origin,
      projectId: project?.id ?? null,
      deliberationId: null,
      submitter: data.submitter,
      record: null,
      values: data.values,
      technologies: data.technologies.length ? data.technologies : parseStringList(project?.technologies_json),
      domain: data.domain || project?.domain || "",
      responseWeeks: data.responseWeeks ?? DEFAULT_RESPONSE_WEEKS,
    });
  });
}

/**
 * Escalation of a moral deliberation: a case carrying the deliberation's
 * record. Called with the deliberation's transaction, it joins it: one click, all or nothing.
 */
export async function createCaseFromDeliberation(
  deps: Deps,
  actor: Actor,
  d: { deliberationId: string; title: string; question: string; projectId: string | null; record: Record<string, unknown>; values: string[] },
): Promise<string> {
  return inTransaction(deps, actor, async (tx) => {
    const project = d.projectId ? await projectFacts(tx, actor.organisationId, d.projectId) : null;
    return insertCase(tx, actor, {
      title: d.title,
      question: d.question,
      origin: "deliberation",
      projectId: d.projectId,
      deliberationId: d.deliberationId,
      submitter: null,
      record: d.record,
      values: await knownValueKeys(tx, actor.organisationId, d.values),
      technologies: parseStringList(project?.technologies_json),
      domain: project?.domain ?? "",
      responseWeeks: DEFAULT_RESPONSE_WEEKS,
    });
  });
}
