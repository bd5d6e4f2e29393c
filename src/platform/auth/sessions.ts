import { createHash, randomBytes } from "node:crypto";
import type { Deps } from "../deps.ts";
import { sql } from "kysely";
import type { Db } from "../db/schema.ts";
import { readOrganisationSettings, type Organisation } from "../organisations.ts";
import { actorOf, type ActorWithProfile } from "./actor.ts";

export const SESSION_COOKIE = "afw_session";
/** A session ends after this long without a request, and at the latest ABSOLUTE_MS after login. */
export const IDLE_MS = 2 * 60 * 60 * 1000;
const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const TOUCH_AFTER_MS = 60 * 1000;

/** Only a hash of the token is stored, so a leaked database copy holds no usable sessions. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(db: Db, deps: Deps, user: { id: string; organisation_id: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = deps.now();
  await db
    .insertInto("sessions")
    .values({
      id: sessionIdOf(token),
      user_id: user.id,
      organisation_id: user.organisation_id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ABSOLUTE_MS).toISOString(),
    })
    .execute();
  return token;
}

export interface LiveSession {
  id: string;
  userId: string;
  organisationId: string;
}

/** Finds a live session: not expired, not idle too long, user still active. Touches it now and then. */
export async function findSession(deps: Deps, token: string): Promise<LiveSession | null> {
  const id = sessionIdOf(token);
  const row = await deps.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.id", "sessions.user_id", "sessions.organisation_id", "sessions.last_seen_at", "sessions.expires_at", "users.active"])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  return row ? keepAlive(deps, row) : null;
}

/**
 * The session, its user and the user's organisation in one statement, then
 * the user's roles in a second: what every logged-in request starts with.
 */
export async function findSessionWithActor(deps: Deps, token: string): Promise<{ session: LiveSession; actor: ActorWithProfile; organisation: Organisation } | null> {
  const row = await deps.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "sessions.id",
      "sessions.user_id",
      "sessions.organisation_id",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "users.active",
      "users.name",
      "users.email",
      "users.locale",
      "users.organisation_id as user_organisation_id",
      "organisations.slug",
      "organisations.name as organisation_name",
      "organisations.tooi_code",
      "organisations.theme_class",
      "organisations.theme_css",
      sql<number>`case when exists (select 1 from instance_admins where instance_admins.user_id = users.id) then 1 else 0 end`.as("instance_admin"),
      "organisations.disabled_at",
      "organisations.contact_email",
      "organisations.settings_json",
      sql<number>`case when organisations.logo_url is null or organisations.logo_url = '' then 0 else 1 end`.as("has_logo"),
    ])
    .where("sessions.id", "=", sessionIdOf(token))
    .executeTakeFirst();
  if (!row) return null;
  const session = await keepAlive(deps, row);
  if (!session) return null;
  const actor = await actorOf(deps.db, { id: row.user_id, organisation_id: row.user_organisation_id, name: row.name, email: row.email, locale: row.locale, instanceAdmin: Number(row.instance_admin) === 1 });
  const organisation: Organisation = {
    id: row.user_organisation_id,
    slug: row.slug,
    name: row.organisation_name,
    tooiCode: row.tooi_code,
    themeClass: row.theme_class,
    themeCss: row.theme_css,
    hasLogo: Number(row.has_logo) === 1,
    disabled: !!row.disabled_at,
    contactEmail: row.contact_email ?? null,
    settings: readOrganisationSettings(row.settings_json),
  };
  return { session, actor, organisation };
}

async function keepAlive(deps: Deps, row: { id: string; user_id: string; organisation_id: string; last_seen_at: string; expires_at: string; active: number }): Promise<LiveSession | null> {
  const id = row.id;
  const now = deps.now().getTime();
  const lastSeen = Date.parse(row.last_seen_at);
  if (!row.active || Date.parse(row.expires_at) <= now || lastSeen + IDLE_MS <= now) {
    await deps.db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  if (now - lastSeen > TOUCH_AFTER_MS) {
    await deps.db.updateTable("sessions").set({ last_seen_at: new Date(now).toISOString() }).where("id", "=", id).execute();
  }
  return { id: row.id, userId: row.user_id, organisationId: row.organisation_id };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionIdOf(token)).execute();
}

/**
 * Ends a user's access: every session but the one kept (the user's own, when
 * they change their password) and every API token. A password change, a reset
 * and a deactivation call this, so nothing that was let in by the old state
 * stays in; reactivating a user revives nothing.
 */
export async function endUserAccess(db: Db, userId: string, now: Date, keepSessionToken?: string): Promise<{ sessions: number; tokens: number }> {
  let sessions = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepSessionToken) sessions = sessions.where("id", "!=", sessionIdOf(keepSessionToken));
  const ended = await sessions.executeTakeFirst();
  const revoked = await db.updateTable("api_tokens").set({ revoked_at: now.toISOString() }).where("user_id", "=", userId).where("revoked_at", "is", null).executeTakeFirst();
  return { sessions: Number(ended.numDeletedRows), tokens: Number(revoked.numUpdatedRows) };
}

export interface SessionView {
  /** The stored id (a hash of the token): ends it, and cannot be used to log in. */
  id: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** A user's live sessions, the current one marked, newest first. */
export async function listUserSessions(deps: Deps, userId: string, currentToken?: string): Promise<SessionView[]> {
  const now = deps.now();
  const currentId = currentToken ? sessionIdOf(currentToken) : null;
  const rows = await deps.db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now.toISOString())
    .where("last_seen_at", ">", new Date(now.getTime() - IDLE_MS).toISOString())
    .orderBy("last_seen_at", "desc")
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, current: r.id === currentId }));
}
