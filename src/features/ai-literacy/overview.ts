import type { Actor } from "../../domain/permissions/permissions.ts";
import { isRole, type Role } from "../../domain/permissions/roles.ts";
import type { Deps } from "../../platform/deps.ts";
import { readStringList } from "../../platform/db/json-columns.ts";
import { forbidden } from "../../platform/errors.ts";
import { canReadLiteracy } from "./access.ts";
import { EXPIRING_DAYS } from "./limits.ts";
import { trainingsOf, type Training } from "./trainings.ts";
import "./schema.ts";

export type TrainingStatus = "valid" | "expiring" | "expired" | "none";

export interface PersonTraining {
  trainingId: string;
  /** The person holds a role the training is for. */
  required: boolean;
  status: TrainingStatus;
  lastDate: string | null;
  validUntil: string | null;
}

export interface PersonRow {
  userId: string;
  name: string;
  roles: Role[];
  trainings: PersonTraining[];
  /** Has every training their roles need, still valid today. */
  covered: boolean;
  /** Holds a role at least one training is for: works with AI. */
  inScope: boolean;
}

export interface RoleCoverage {
  role: Role;
  people: number;
  covered: number;
  /** Covered today, but a needed training expires within EXPIRING_DAYS. */
  expiringSoon: number;
}

export interface LiteracyOverview {
  today: string;
  trainings: Training[];
  people: PersonRow[];
  roles: RoleCoverage[];
  /** Over everyone in a role that works with AI. */
  total: { people: number; covered: number; expiringSoon: number };
}

function statusOf(validUntil: string | null, today: string, soon: string): TrainingStatus {
  if (!validUntil) return "none";
  if (validUntil <= today) return "expired";
  return validUntil <= soon ? "expiring" : "valid";
}

/** The people of the organisation with their roles and, per training, the latest session they took part in. */
export async function literacyFacts(deps: Deps, organisationId: string): Promise<LiteracyOverview> {
  const today = deps.now().toISOString().slice(0, 10);
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + EXPIRING_DAYS * 86_400_000).toISOString().slice(0, 10);
  const trainings = await trainingsOf(deps, organisationId);
  const users = await deps.db.selectFrom("users").select(["id", "name"]).where("organisation_id", "=", organisationId).where("active", "=", 1).orderBy("name").orderBy("id").execute();
  const assignments = await deps.db.selectFrom("role_assignments").select(["user_id", "role"]).where("organisation_id", "=", organisationId).execute();
  const attended = await deps.db
    .selectFrom("ai_literacy_participants as p")
    .innerJoin("ai_literacy_sessions as s", (j) => j.onRef("s.id", "=", "p.session_id").onRef("s.organisation_id", "=", "p.organisation_id"))
    .select(["p.user_id", "s.training_id", "s.date", "s.valid_until"])
    .where("p.organisation_id", "=", organisationId)
    .execute();
  const rolesOf = new Map<string, Set<Role>>();
  for (const a of assignments) if (isRole(a.role)) rolesOf.set(a.user_id, (rolesOf.get(a.user_id) ?? new Set()).add(a.role));
  const latest = new Map<string, { date: string; validUntil: string }>();
  for (const r of attended) {
    const key = `${r.user_id}|${r.training_id}`;
    const seen = latest.get(key);
    if (!seen || r.valid_until > seen.validUntil) latest.set(key, { date: r.date, validUntil: r.valid_until });
  }
  const people: PersonRow[] = users.map((u) => {
    const roles = [...(rolesOf.get(u.id) ?? [])];
    const personTrainings = trainings.map((tr) => {
      const last = latest.get(`${u.id}|${tr.id}`);
      return { trainingId: tr.id, required: tr.audience.some((a) => roles.includes(a)), status: statusOf(last?.validUntil ?? null, today, soon), lastDate: last?.date ?? null, validUntil: last?.validUntil ?? null };
    });
    const needed = personTrainings.filter((p) => p.required);
    return { userId: u.id, name: u.name, roles, trainings: personTrainings, inScope: needed.length > 0, covered: needed.length > 0 && needed.every((p) => p.status === "valid" || p.status === "expiring") };
  });
  const audience = [...new Set(trainings.flatMap((tr) => tr.audience))];
  const expiring = (p: PersonRow) => p.covered && p.trainings.some((x) => x.required && x.status === "expiring");
  const roles = audience.map((role) => {
    const holders = people.filter((p) => p.roles.includes(role));
    return { role, people: holders.length, covered: holders.filter((p) => p.covered).length, expiringSoon: holders.filter(expiring).length };
  });
  const inScope = people.filter((p) => p.inScope);
  return { today, trainings, people, roles, total: { people: inScope.length, covered: inScope.filter((p) => p.covered).length, expiringSoon: inScope.filter(expiring).length } };
}

export async function literacyOverview(deps: Deps, actor: Actor): Promise<LiteracyOverview> {
  if (!canReadLiteracy(actor)) throw forbidden();
  return literacyFacts(deps, actor.organisationId);
}

export interface SessionRow {
  id: string;
  trainingId: string;
  title: string;
  date: string;
  validUntil: string;
  participants: string[];
}

/** The latest sessions, newest first, with who took part (people with and without an account). */
export async function recentSessions(deps: Deps, actor: Actor, limit = 20): Promise<SessionRow[]> {
  if (!canReadLiteracy(actor)) throw forbidden();
  const rows = await deps.db
    .selectFrom("ai_literacy_sessions as s")
    .innerJoin("ai_literacy_trainings as t", (j) => j.onRef("t.id", "=", "s.training_id").onRef("t.organisation_id", "=", "s.organisation_id"))
    .innerJoin("awareness_activities as a", (j) => j.onRef("a.id", "=", "s.activity_id").onRef("a.organisation_id", "=", "s.organisation_id"))
    .select(["s.id", "s.training_id", "t.title", "s.date", "s.valid_until", "a.participant_names_json"])
    .where("s.organisation_id", "=", actor.organisationId)
    .orderBy("s.date", "desc")
    .orderBy("s.id")
    .limit(limit)
    .execute();
  if (!rows.length) return [];
  const people = await deps.db
    .selectFrom("ai_literacy_participants as p")
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "p.user_id").onRef("u.organisation_id", "=", "p.organisation_id"))
    .select(["p.session_id", "u.name"])
    .where("p.organisation_id", "=", actor.organisationId)
    .where("p.session_id", "in", rows.map((r) => r.id))
    .orderBy("u.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trainingId: r.training_id,
    title: r.title,
    date: r.date,
    validUntil: r.valid_until,
    participants: [...people.filter((p) => p.session_id === r.id).map((p) => p.name), ...readStringList(r.participant_names_json)],
  }));
}

