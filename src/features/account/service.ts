import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from "../../platform/auth/passwords.ts";
import { createSession, deleteSession, endUserAccess, sessionIdOf } from "../../platform/auth/sessions.ts";
import { loginSucceeded, recordLoginFailure, reserveLoginAttempt } from "../../platform/auth/throttle.ts";
import type { Deps } from "../../platform/deps.ts";
import { inTransaction } from "../../platform/transaction.ts";
import { parseInput } from "../../platform/validation.ts";
import type { ActorWithProfile } from "../../platform/auth/actor.ts";

export const LoginInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "field.required").max(254, "field.too_long"),
  password: z.string().min(1, "field.required").max(200, "field.too_long"),
});

/**
 * Logs a user in. Wrong password and unknown e-mail get the same message and
 * take the same time, so the form does not reveal who has an account.
 */
export async function logIn(deps: Deps, input: unknown, address: string): Promise<{ token: string; userId: string }> {
  const { email, password } = parseInput(LoginInput, input);
  const keys = { account: email, address };
  // Checked and counted in one transaction, before the (slow) password check; see throttle.ts.
  const { attempt, user } = await inTransaction(deps, null, async (tx) => ({
    attempt: await reserveLoginAttempt(tx, keys),
    user: await tx.db.selectFrom("users").select(["id", "organisation_id", "name", "password_hash", "active"]).where("email", "=", email).executeTakeFirst(),
  }));
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active) {
    await recordLoginFailure(deps, user, address, !user ? "unknown_account" : !ok ? "wrong_password" : "inactive");
    throw new AppError("unauthenticated", "login.failed");
  }
  // Only someone who knows the password learns that the organisation is disabled.
  const organisation = await deps.db.selectFrom("organisations").select("disabled_at").where("id", "=", user.organisation_id).executeTakeFirst();
  if (organisation?.disabled_at) throw new AppError("forbidden", "organisation.disabled_access");
  const actor = { userId: user.id, organisationId: user.organisation_id, name: user.name };
  const token = await inTransaction(deps, actor, async (tx) => {
    await loginSucceeded(tx, keys, attempt);
    // Another way of logging in may refuse passwords for this account (or record their use).
    for (const method of tx.extensions.get("loginMethods")) await method.checkPasswordLogin(tx, { id: user.id, organisationId: user.organisation_id });
    const t = await createSession(tx.db, tx, user);
    await tx.audit({ action: "session.login", entityType: "user", entityId: user.id });
    return t;
  });
  return { token, userId: user.id };
}

/** Ends the session; `redirect` is where the browser goes to end a session elsewhere too (the identity provider's). */
export async function logOut(deps: Deps, actor: ActorWithProfile, token: string): Promise<{ redirect: string | null }> {
  return inTransaction(deps, actor, async (tx) => {
    let redirect: string | null = null;
    for (const method of tx.extensions.get("loginMethods")) redirect ??= await method.endSession(tx, sessionIdOf(token));
    await deleteSession(tx.db, token);
    await tx.audit({ action: "session.logout", entityType: "user", entityId: actor.userId });
    return { redirect };
  });
}

export const LocaleInput = z.object({ locale: z.enum(["nl", "en"], "field.invalid_choice") });

export async function setLocale(deps: Deps, actor: ActorWithProfile, input: unknown): Promise<void> {
  const { locale } = parseInput(LocaleInput, input);
  if (locale === actor.locale) return;
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.updateTable("users").set({ locale, updated_at: deps.now().toISOString() }).where("id", "=", actor.userId).execute();
    await tx.audit({ action: "user.locale_changed", entityType: "user", entityId: actor.userId, before: { locale: actor.locale }, after: { locale } });
  });
}

export const ChangePasswordInput = z.object({
  current: z.string().min(1, "field.required").max(200, "field.too_long"),
  password: z.string().min(1, "field.required").max(200, "field.too_long"),
});

/**
 * Changes one's own password. Every other session and every API token ends
 * with the old password (the user is told); the session in use stays.
 */
export async function changeOwnPassword(deps: Deps, actor: ActorWithProfile, input: unknown, currentSessionToken?: string): Promise<{ sessions: number; tokens: number }> {
  const { current, password } = parseInput(ChangePasswordInput, input);
  const row = await deps.db.selectFrom("users").select("password_hash").where("id", "=", actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, current))) {
    throw new AppError("validation", "error.validation", { fieldErrors: [{ field: "current", messageKey: "password.current_wrong" }] });
  }
  const problem = passwordProblem(password, actor.email);
  if (problem) throw new AppError("validation", "error.validation", { fieldErrors: [{ field: "password", messageKey: problem }] });
  const hash = await hashPassword(password);
  // The hashes are worked out before the write lock; the update only lands if the
  // password checked above is still the one stored, so two changes cannot pass each other.
  return inTransaction(deps, actor, async (tx) => {
    const changed = await tx.db
      .updateTable("users")
      .set({ password_hash: hash, updated_at: tx.now().toISOString() })
      .where("id", "=", actor.userId)
      .where("password_hash", "=", row.password_hash)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new AppError("conflict", "error.conflict");
    const ended = await endUserAccess(tx.db, actor.userId, tx.now(), currentSessionToken);
    await tx.audit({ action: "user.password_changed", entityType: "user", entityId: actor.userId, after: { sessionsEnded: ended.sessions, tokensRevoked: ended.tokens } });
    return ended;
  });
}

export const EndSessionInput = z.object({ session: z.string().trim().min(1, "field.required").max(128, "field.too_long") });

/** Ends one of one's own sessions, or with `session: "others"` every session but the current one. */
export async function endOwnSessions(deps: Deps, actor: ActorWithProfile, input: unknown, currentSessionToken: string): Promise<number> {
  const { session } = parseInput(EndSessionInput, input);
  const current = sessionIdOf(currentSessionToken);
  if (session === current) throw new AppError("rule_refused", "account.sessions_end_current");
  return inTransaction(deps, actor, async (tx) => {
    let q = tx.db.deleteFrom("sessions").where("user_id", "=", actor.userId).where("id", "!=", current);
    if (session !== "others") q = q.where("id", "=", session);
    const ended = Number((await q.executeTakeFirst()).numDeletedRows);
    if (session !== "others" && ended === 0) throw new AppError("not_found", "error.not_found");
    await tx.audit({ action: "session.ended", entityType: "user", entityId: actor.userId, after: { sessionsEnded: ended, which: session === "others" ? "others" : "one" } });
    return ended;
  });
}
