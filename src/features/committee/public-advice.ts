import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { parseStringList } from "../expert-table/fields.ts";
import { valueNames, type ValueNames } from "../expert-table/values.ts";
import "./schema.ts";
import type { BoardDecision, Origin, PublicAdvice } from "./types.ts";

async function loadPublicAdvice(deps: Deps, adviceId: string): Promise<{ advice: PublicAdvice; organisationId: string }> {
  const row = await deps.db
    .selectFrom("committee_advice")
    .innerJoin("committee_cases", "committee_cases.id", "committee_advice.case_id")
    .innerJoin("organisations", "organisations.id", "committee_advice.organisation_id")
    .leftJoin("board_responses", "board_responses.advice_id", "committee_advice.id")
    .select([
      "committee_advice.id",
      "committee_advice.organisation_id",
      "committee_advice.text",
      "committee_advice.status",
      "committee_advice.publication",
      "committee_advice.adopted_at",
      "committee_advice.published_at",
      "committee_cases.title",
      "committee_cases.question",
      "committee_cases.origin",
      "committee_cases.values_json",
      "organisations.name as organisation_name",
      "board_responses.decision",
      "board_responses.reasons",
      "board_responses.responded_at",
    ])
    .where("committee_advice.id", "=", adviceId)
    .executeTakeFirst();
  if (!row || row.publication !== "public" || !row.published_at || row.status !== "adopted" || !row.adopted_at) throw notFound();
  const advice: PublicAdvice = {
    id: row.id,
    organisationName: row.organisation_name,
    title: row.title,
    question: row.question,
    origin: row.origin as Origin,
    text: row.text,
    adoptedAt: row.adopted_at,
    publishedAt: row.published_at,
    values: parseStringList(row.values_json),
    boardResponse: row.decision ? { decision: row.decision as BoardDecision, reasons: row.reasons ?? "", respondedAt: row.responded_at ?? "" } : null,
  };
  return { advice, organisationId: row.organisation_id };
}

/** A published advice for its public page: no login, nothing but what the committee made public. */
export async function getPublicAdvice(deps: Deps, adviceId: string): Promise<PublicAdvice> {
  return (await loadPublicAdvice(deps, adviceId)).advice;
}

/** The same with the names of the values it weighed, in the organisation's own words. */
export async function getPublicAdvicePage(deps: Deps, adviceId: string): Promise<{ advice: PublicAdvice; names: ValueNames }> {
  const { advice, organisationId } = await loadPublicAdvice(deps, adviceId);
  return { advice, names: await valueNames(deps, organisationId) };
}

/** Published advice of an organisation, newest first, for the public register. */
export async function listPublishedAdvice(deps: Deps, organisationId: string): Promise<{ id: string; title: string; publishedAt: string }[]> {
  const rows = await deps.db
    .selectFrom("committee_advice")
    .innerJoin("committee_cases", "committee_cases.id", "committee_advice.case_id")
    .select(["committee_advice.id", "committee_cases.title", "committee_advice.published_at"])
    .where("committee_advice.organisation_id", "=", organisationId)
    .where("committee_advice.publication", "=", "public")
    .where("committee_advice.published_at", "is not", null)
    .orderBy("committee_advice.published_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, publishedAt: r.published_at! }));
}

/** The published advice on one project, with the board's decision, for the project's public register entry. */
export async function listPublishedAdviceOfProject(deps: Deps, organisationId: string, projectId: string): Promise<{ id: string; title: string; publishedAt: string; boardDecision: string | null }[]> {
  const rows = await deps.db
    .selectFrom("committee_advice")
    .innerJoin("committee_cases", "committee_cases.id", "committee_advice.case_id")
    .leftJoin("board_responses", "board_responses.advice_id", "committee_advice.id")
    .select(["committee_advice.id", "committee_cases.title", "committee_advice.published_at", "board_responses.decision"])
    .where("committee_advice.organisation_id", "=", organisationId)
    .where("committee_cases.project_id", "=", projectId)
    .where("committee_advice.publication", "=", "public")
    .where("committee_advice.status", "=", "adopted")
    .where("committee_advice.published_at", "is not", null)
    .orderBy("committee_advice.published_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, publishedAt: r.published_at!, boardDecision: r.decision ?? null }));
}
