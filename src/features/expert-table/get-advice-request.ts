import { isInvolvedIn, type Actor } from "../../domain/permissions/permissions.ts";
import { canEditProject } from "../../domain/permissions/project-access.ts";
import type { Deps } from "../../platform/deps.ts";
import { adviceOfRequest, canScheduleRequests, canWriteAdvice, isTableMember, loadRequestRow, userNames } from "./access.ts";
import { parseRecord } from "./fields.ts";
import "./schema.ts";
import type { AdviceRequestView, AdviceView, RecommendationResponse, RequestStatus } from "./types.ts";

type AdviceRow = NonNullable<Awaited<ReturnType<typeof adviceOfRequest>>>;

async function recommendationRows(deps: Deps, advice: AdviceRow | undefined) {
  return advice ? deps.db.selectFrom("expert_recommendations").selectAll().where("advice_id", "=", advice.id).orderBy("number").execute() : [];
}

function toAdviceView(advice: AdviceRow, recommendations: Awaited<ReturnType<typeof recommendationRows>>, names: Map<string, string>): AdviceView {
  const name = (id: string | null) => (id ? (names.get(id) ?? "") : null);
  return {
    id: advice.id,
    status: advice.status as "draft" | "given",
    summary: advice.summary,
    findings: parseRecord(advice.findings_json),
    writtenBy: names.get(advice.written_by) ?? "",
    givenAt: advice.given_at,
    givenBy: name(advice.given_by),
    recommendations: recommendations.map((r) => ({
      id: r.id,
      number: r.number,
      text: r.text,
      response: r.response as RecommendationResponse | null,
      responseText: r.response_text,
      respondedBy: name(r.responded_by),
      respondedAt: r.responded_at,
      measureId: r.measure_id,
    })),
  };
}

/** One request with its advice and the project's answers, and what the viewer may do with it. */
export async function getAdviceRequest(deps: Deps, actor: Actor, requestId: string): Promise<AdviceRequestView> {
  const row = await loadRequestRow(deps, actor, requestId);
  const advice = await adviceOfRequest(deps, actor, row.id);
  const recommendations = await recommendationRows(deps, advice);
  const meeting = row.meeting_id
    ? await deps.db.selectFrom("meetings").select(["id", "date", "title"]).where("id", "=", row.meeting_id).where("organisation_id", "=", actor.organisationId).executeTakeFirst()
    : undefined;
  const names = await userNames(deps, actor.organisationId, [row.requested_by, advice?.written_by, advice?.given_by, ...recommendations.map((r) => r.responded_by)]);
  const given = advice?.status === "given";
  return {
    id: row.id,
    projectId: row.project_id,
    projectTitle: row.project_title,
    question: row.question,
    canvasLink: row.canvas_link,
    status: row.status as RequestStatus,
    requestedBy: names.get(row.requested_by) ?? "",
    requestedAt: row.requested_at,
    givenAt: row.given_at,
    meeting: meeting ?? null,
    advice: advice ? toAdviceView(advice, recommendations, names) : null,
    may: {
      schedule: canScheduleRequests(actor) && row.status !== "given",
      write: canWriteAdvice(actor, row.project_id) && !given,
      respond: canEditProject(actor, row.project_id) && given,
      involved: isTableMember(actor) && isInvolvedIn(actor, row.project_id),
    },
  };
}
