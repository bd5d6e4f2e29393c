import { hasProjectRole, type Actor } from "../../domain/permissions/permissions.ts";
import { sectionStatus } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { userNames } from "../expert-table/access.ts";
import { parseStringList } from "../expert-table/fields.ts";
import { canManage, canView, loadRow, type DeliberationRow } from "./access.ts";
import { asMethod, methodInstrument, type DeliberationStatus, type ParticipantRole } from "./methods.ts";
import { mergedAnswers } from "./step-answers.ts";
import type { DeliberationListItem, DeliberationView, StepView } from "./types.ts";

export async function listDeliberations(deps: Deps, actor: Actor): Promise<DeliberationListItem[]> {
  const rows = await deps.db
    .selectFrom("deliberations")
    .leftJoin("projects", "projects.id", "deliberations.project_id")
    .selectAll("deliberations")
    .select("projects.title as project_title")
    .where("deliberations.organisation_id", "=", actor.organisationId)
    .orderBy("deliberations.held_on", "desc")
    .orderBy("deliberations.id")
    .execute();
  const out: DeliberationListItem[] = [];
  for (const r of rows) {
    if (await canView(deps, actor, r)) out.push(toListItem(r, r.project_title ?? null));
  }
  return out;
}

function toListItem(d: DeliberationRow, projectTitle: string | null): DeliberationListItem {
  return { id: d.id, title: d.title, method: asMethod(d.method), status: d.status as DeliberationStatus, heldOn: d.held_on, projectId: d.project_id, projectTitle, committeeCaseId: d.committee_case_id };
}

async function stepViews(deps: Deps, d: DeliberationRow): Promise<StepView[]> {
  const rows = await deps.db.selectFrom("deliberation_steps").selectAll().where("deliberation_id", "=", d.id).execute();
  const instrument = methodInstrument(deps, d.method, d.method_version);
  const statuses = sectionStatus(instrument, mergedAnswers(rows));
  return instrument.sections.map((s) => {
    const row = rows.find((r) => r.section_id === s.id);
    return { sectionId: s.id, answers: row ? (JSON.parse(row.answers_json) as Record<string, unknown>) : {}, status: statuses.find((x) => x.sectionId === s.id)?.status ?? "not_started", updatedAt: row?.updated_at ?? null };
  });
}

/** One session with its steps, record, participants, positions and actions. */
export async function getDeliberation(deps: Deps, actor: Actor, id: string): Promise<DeliberationView> {
  const d = await loadRow(deps, actor, id);
  const project = d.project_id ? await deps.db.selectFrom("projects").select("title").where("id", "=", d.project_id).executeTakeFirst() : undefined;
  const participants = await deps.db.selectFrom("deliberation_participants").selectAll().where("deliberation_id", "=", d.id).orderBy("role").orderBy("name").execute();
  const positions = await deps.db.selectFrom("deliberation_positions").selectAll().where("deliberation_id", "=", d.id).orderBy("created_at").orderBy("id").execute();
  const actions = await deps.db.selectFrom("deliberation_actions").selectAll().where("deliberation_id", "=", d.id).orderBy("created_at").orderBy("id").execute();
  const names = await userNames(deps, actor.organisationId, [d.facilitator_id, ...actions.map((a) => a.owner_user_id)]);
  const nameOf = (uid: string | null) => (uid ? (names.get(uid) ?? null) : null);
  const open = d.status === "open";
  return {
    ...toListItem(d, project?.title ?? null),
    methodVersion: d.method_version,
    caseDescription: d.case_description,
    facilitator: nameOf(d.facilitator_id) ?? "",
    moralQuestion: d.moral_question,
    stakeholders: d.stakeholders,
    values: parseStringList(d.values_json),
    options: d.options,
    conclusion: d.conclusion,
    participants: participants.map((p) => ({ id: p.id, name: p.name, userId: p.user_id, role: p.role as ParticipantRole })),
    steps: await stepViews(deps, d),
    positions: positions.map((p) => ({ id: p.id, holder: p.holder, position: p.position, arguments: p.arguments })),
    actions: actions.map((a) => ({ id: a.id, title: a.title, description: a.description, ownerUserId: a.owner_user_id, ownerName: nameOf(a.owner_user_id), dueDate: a.due_date, measureId: a.measure_id })),
    closedAt: d.closed_at,
    escalatedAt: d.escalated_at,
    may: {
      edit: open && canManage(actor, d),
      escalate: open && canManage(actor, d),
      makeMeasure: !!d.project_id && hasProjectRole(actor, d.project_id, ["owner", "lead", "member"]),
    },
  };
}
