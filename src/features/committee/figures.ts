import type { Deps } from "../../platform/deps.ts";
import "./schema.ts";
import { ORIGINS, type BoardDecision, type Origin } from "./types.ts";

/** Turnaround and board responses for the periodic report. */
export async function committeeFigures(deps: Deps, organisationId: string, fromIso: string, toIso: string) {
  const rows = await deps.db
    .selectFrom("committee_cases")
    .leftJoin("committee_advice", "committee_advice.case_id", "committee_cases.id")
    .leftJoin("board_responses", "board_responses.advice_id", "committee_advice.id")
    .select([
      "committee_cases.id",
      "committee_cases.origin",
      "committee_cases.created_at",
      "committee_advice.adopted_at",
      "committee_advice.response_due",
      "board_responses.decision",
      "board_responses.responded_at",
    ])
    .where("committee_cases.organisation_id", "=", organisationId)
    .execute();
  const inPeriod = (iso: string | null | undefined) => !!iso && iso >= fromIso && iso < toIso;
  return {
    casesOpened: rows.filter((r) => inPeriod(r.created_at)).length,
    byOrigin: Object.fromEntries(ORIGINS.map((o) => [o, rows.filter((r) => inPeriod(r.created_at) && r.origin === o).length])) as Record<Origin, number>,
    adopted: rows.filter((r) => inPeriod(r.adopted_at)).map((r) => ({ requestedAt: r.created_at, adoptedAt: r.adopted_at! })),
    responses: rows
      .filter((r) => inPeriod(r.responded_at))
      .map((r) => ({ adoptedAt: r.adopted_at!, respondedAt: r.responded_at!, decision: r.decision as BoardDecision, late: !!r.response_due && r.responded_at!.slice(0, 10) > r.response_due })),
    overdueNow: rows.filter((r) => r.adopted_at && !r.decision && r.response_due && r.response_due < toIso.slice(0, 10)).length,
  };
}

