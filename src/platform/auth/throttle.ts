import { sql } from "kysely";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { inTransaction, type Tx } from "../transaction.ts";

/**
 * Login throttling. Failures are counted per account *and* address together,
 * and each one past the free tries doubles the wait before the next try from
 * that address for that account. There is no hard lock: someone guessing from
 * one address slows down only themselves, and the owner of the account still
 * logs in from their own address. An address with too many failures over all
 * accounts (someone trying many accounts) waits for every account.
 */
export const THROTTLE = {
  /** Failures per account and address before any wait. */
  freeFailures: 3,
  /** The longest wait between tries. */
  maxDelaySeconds: 15 * 60,
  /** Failures older than this are forgotten (and cleaned up, see retention.ts). */
  windowHours: 24,
  /** Failures from one address over all accounts within addressWindowMinutes before that address waits. */
  perAddress: 50,
  addressWindowMinutes: 15,
} as const;

export interface LoginKeys {
  /** The e-mail address as typed (lower case). */
  account: string;
  /** The client's address (see http/client-address.ts). */
  address: string;
}

/** One counted try: the failure rows written for it before the password is checked. */
export interface LoginAttempt {
  pairRowId: string;
  addressRowId: string;
}

/** Seconds to wait after `failures` failures of one account from one address. */
export function delaySeconds(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  return Math.min(2 ** (failures - THROTTLE.freeFailures), THROTTLE.maxDelaySeconds);
}

const pairKey = (keys: LoginKeys) => JSON.stringify([keys.account, keys.address]);

/**
 * Checks whether this try may be evaluated and counts it, in the caller's
 * transaction: the try is written as a failure before the password is checked
 * (a success takes it back, see `loginSucceeded`). Tries from one address line
 * up on a lock (PostgreSQL: an advisory lock on the address; SQLite: the
 * transaction's write lock), so parallel tries each see the ones before them:
 * 40 tries at once are 40 checks against the limit, not 40 checks against zero.
 * Throws `throttled` (with `retryAfter` seconds) and writes nothing when it must wait.
 */
export async function reserveLoginAttempt(tx: Tx, keys: LoginKeys): Promise<LoginAttempt> {
  if (tx.engine === "postgres") {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`afweging-login:${keys.address}`}, 0))`.execute(tx.db);
  }
  const now = tx.now();
  const windowStart = new Date(now.getTime() - THROTTLE.windowHours * 3_600_000).toISOString();
  const addressWindowStart = new Date(now.getTime() - THROTTLE.addressWindowMinutes * 60_000).toISOString();
  const pair = await tx.db
    .selectFrom("login_failures")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("at").as("last")])
    .where("kind", "=", "pair")
    .where("key", "=", pairKey(keys))
    .where("at", ">", windowStart)
    .executeTakeFirst();
  const byAddress = await tx.db
    .selectFrom("login_failures")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("kind", "=", "address")
    .where("key", "=", keys.address)
    .where("at", ">", addressWindowStart)
    .executeTakeFirst();

  if (Number(byAddress?.n ?? 0) >= THROTTLE.perAddress) {
    const minutes = THROTTLE.addressWindowMinutes;
    throw new AppError("throttled", "login.throttled_address", { params: { minutes, retryAfter: minutes * 60 } });
  }
  const failures = Number(pair?.n ?? 0);
  const wait = delaySeconds(failures);
  if (wait > 0 && pair?.last) {
    const remaining = Math.ceil((Date.parse(String(pair.last)) + wait * 1000 - now.getTime()) / 1000);
    if (remaining > 0) {
      throw remaining < 120
        ? new AppError("throttled", "login.throttled_seconds", { params: { seconds: Math.max(2, remaining), retryAfter: remaining } })
        : new AppError("throttled", "login.throttled", { params: { minutes: Math.ceil(remaining / 60), retryAfter: remaining } });
    }
  }
  const at = now.toISOString();
  const attempt = { pairRowId: tx.newId(), addressRowId: tx.newId() };
  await tx.db
    .insertInto("login_failures")
    .values([
      { id: attempt.pairRowId, kind: "pair", key: pairKey(keys), at },
      { id: attempt.addressRowId, kind: "address", key: keys.address, at },
    ])
    .execute();
  return attempt;
}

/** A correct password: the account's failures from this address are forgotten, and this try does not count for the address. */
export async function loginSucceeded(tx: Tx, keys: LoginKeys, attempt: LoginAttempt): Promise<void> {
  await tx.db.deleteFrom("login_failures").where("kind", "=", "pair").where("key", "=", pairKey(keys)).execute();
  await tx.db.deleteFrom("login_failures").where("id", "=", attempt.addressRowId).execute();
}

export type LoginFailureReason = "unknown_account" | "wrong_password" | "inactive";

/**
 * The audit event of a failed login: on the account's organisation chain when
 * the account exists, on the system chain otherwise. It holds the address and
 * the reason, never the password, and for an unknown account not what was typed
 * (people type their password into the e-mail field).
 */
export function recordLoginFailure(deps: Deps, user: { id: string; organisation_id: string } | undefined, address: string, reason: LoginFailureReason): Promise<void> {
  const actor = { userId: null, organisationId: user?.organisation_id ?? null, name: "inlogpoging" };
  return inTransaction(deps, actor, (tx) =>
    tx.audit({ action: "session.login_failed", entityType: "user", entityId: user?.id ?? "-", after: { address, reason } }),
  );
}
