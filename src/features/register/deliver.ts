// Delivering published versions to the national Algoritmeregister, after the
// publication's transaction has committed: a delivery row is claimed in a
// short transaction of its own, sent with no transaction open, and its outcome
// written in another. A failure is tried again later (1 minute, then 5, 30,
// 2 hours, 12 hours), then given up; the team sees each delivery's state on
// the entry's page and can ask for another try.
//
// What we assumed of the delivery API (the reference names its base
// `/aanleverapi/v1_0`, OAuth2 bearer, list/create algorithms of an
// organisation, get/update one by `lars`; the paths below are our reading):
// - Token: POST `token_url` with `grant_type=client_credentials`, the client id
//   and secret in HTTP Basic authentication (RFC 6749 §2.3.1), form-encoded;
//   the answer `{ "access_token", "token_type": "Bearer", "expires_in" }`.
// - First delivery of an entry: POST `{api_url}/aanleverapi/v1_0/organizations/{code}/algorithms`
//   with the entry in the v1.0 shape (export.ts) as JSON; the answer 200/201
//   with `{ "lars": "…" }`, the register's own id of the algorithm.
// - Later versions: PUT `{api_url}/aanleverapi/v1_0/organizations/{code}/algorithms/{lars}`
//   with the same body. `{code}` is the organisation's TOOI code (else its slug).
// - Any other status is a failure; 401 on the entry drops the cached token.
import type { Deps } from "../../platform/deps.ts";
import { secretBox } from "../../platform/crypto/secret-box.ts";
import { inTransaction, lockForUpdate } from "../../platform/transaction.ts";
import type { Actor } from "../../domain/permissions/permissions.ts";
import { AppError } from "../../platform/errors.ts";
import { lockProjectForActor } from "../projects/access.ts";
import { lockEntry, mayPublish, requireEntry } from "./access.ts";
import { secretPurpose } from "./connector.ts";
import { toV1 } from "./export.ts";
import { getPublicEntry } from "./public.ts";

const RETRY_MINUTES = [1, 5, 30, 120, 720];
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
const REQUEST_TIMEOUT_MS = 15_000;
/** A delivery claimed this long ago without an outcome was cut off (a restart): it is due again. */
const STALE_MS = 5 * 60_000;

const tokens = new Map<string, { token: string; until: number }>();

interface Connector { organisationId: string; apiUrl: string; tokenUrl: string; clientId: string; secret: string; code: string }

class DeliveryError extends Error {}

async function tokenFor(deps: Deps, c: Connector): Promise<string> {
  const cached = tokens.get(c.organisationId);
  if (cached && cached.until > deps.now().getTime()) return cached.token;
  let res: Response;
  try {
    res = await fetch(c.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.secret)}`).toString("base64")}` },
      body: new URLSearchParams({ grant_type: "client_credentials" }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (e) {
    throw new DeliveryError((e as Error).name === "TimeoutError" ? "timeout" : "unreachable");
  }
  const body = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
  if (!res.ok || typeof body?.access_token !== "string") throw new DeliveryError("token_refused");
  const seconds = typeof body.expires_in === "number" ? body.expires_in : 300;
  tokens.set(c.organisationId, { token: body.access_token, until: deps.now().getTime() + Math.max(0, seconds - 30) * 1000 });
  return body.access_token;
}

async function send(deps: Deps, c: Connector, payload: unknown, remoteLars: string | null): Promise<string> {
  const token = await tokenFor(deps, c);
  const base = `${c.apiUrl.replace(/\/+$/, "")}/aanleverapi/v1_0/organizations/${encodeURIComponent(c.code)}/algorithms`;
  let res: Response;
  try {
    res = await fetch(remoteLars ? `${base}/${encodeURIComponent(remoteLars)}` : base, {
      method: remoteLars ? "PUT" : "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (e) {
    throw new DeliveryError((e as Error).name === "TimeoutError" ? "timeout" : "unreachable");
  }
  if (res.status === 401) tokens.delete(c.organisationId);
  const body = (await res.json().catch(() => null)) as { lars?: unknown } | null;
  if (!res.ok) throw new DeliveryError(`status_${res.status}`);
  const lars = typeof body?.lars === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(body.lars) ? body.lars : remoteLars;
  if (!lars) throw new DeliveryError("no_register_id");
  return lars;
}

async function connectorOf(deps: Deps, organisationId: string): Promise<Connector | null> {
  const row = await deps.db
    .selectFrom("register_connectors as c")
    .innerJoin("organisations as o", "o.id", "c.organisation_id")
    .select(["c.enabled", "c.api_url", "c.token_url", "c.client_id", "c.client_secret_sealed", "o.tooi_code", "o.slug"])
    .where("c.organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!row || row.enabled !== 1 || !row.client_secret_sealed) return null;
  return { organisationId, apiUrl: row.api_url, tokenUrl: row.token_url, clientId: row.client_id, secret: secretBox(deps.config).open(row.client_secret_sealed, secretPurpose(organisationId)), code: row.tooi_code || row.slug };
}

/** Claims a due delivery (pending, failed and due, or cut off): it is ours until its outcome is written. */
async function claim(deps: Deps, id: string, now: string): Promise<boolean> {
  return inTransaction(deps, null, async (tx) => {
    const row = await lockForUpdate(tx, tx.db.selectFrom("register_deliveries").select(["status", "next_attempt_at", "updated_at"]).where("id", "=", id)).executeTakeFirst();
    const stale = row?.status === "delivering" && new Date(row.updated_at).getTime() < new Date(now).getTime() - STALE_MS;
    if (!row || !(stale || ((row.status === "pending" || row.status === "failed") && row.next_attempt_at <= now))) return false;
    await tx.db.updateTable("register_deliveries").set({ status: "delivering", updated_at: now }).where("id", "=", id).execute();
    return true;
  });
}

/** Delivers what is due (all organisations, or one); returns how many were delivered. */
export async function runDeliveries(deps: Deps, options: { organisationId?: string; limit?: number } = {}): Promise<number> {
  const now = deps.now().toISOString();
  let q = deps.db
    .selectFrom("register_deliveries as d")
    .innerJoin("register_entries as e", "e.id", "d.entry_id")
    .select(["d.id", "d.organisation_id", "d.entry_id", "d.version", "d.attempts", "e.lars"])
    .where((eb) => eb.or([eb.and([eb("d.status", "in", ["pending", "failed"]), eb("d.next_attempt_at", "<=", now)]), eb.and([eb("d.status", "=", "delivering"), eb("d.updated_at", "<", new Date(deps.now().getTime() - STALE_MS).toISOString())])]))
    .orderBy("d.created_at")
    .limit(options.limit ?? 20);
  if (options.organisationId) q = q.where("d.organisation_id", "=", options.organisationId);
  let delivered = 0;
  for (const d of await q.execute()) {
    if (!(await claim(deps, d.id, now))) continue;
    let outcome: { ok: true; lars: string } | { ok: false; error: string };
    try {
      const connector = await connectorOf(deps, d.organisation_id);
      if (!connector) throw new DeliveryError("connector_off");
      const previous = await deps.db.selectFrom("register_deliveries").select("remote_lars").where("entry_id", "=", d.entry_id).where("organisation_id", "=", d.organisation_id).where("status", "=", "delivered").where("remote_lars", "is not", null).orderBy("created_at", "desc").executeTakeFirst();
      const entry = await getPublicEntry(deps, d.lars, d.version);
      outcome = { ok: true, lars: await send(deps, connector, toV1(entry), previous?.remote_lars ?? null) };
    } catch (e) {
      outcome = { ok: false, error: e instanceof DeliveryError ? e.message : e instanceof AppError ? "not_published" : "internal" };
    }
    const attempts = d.attempts + 1;
    const after = deps.now();
    await inTransaction(deps, null, async (tx) => {
      await tx.db
        .updateTable("register_deliveries")
        .set(
          outcome.ok
            ? { status: "delivered", attempts, last_error: null, remote_lars: outcome.lars, updated_at: after.toISOString() }
            : { status: attempts >= MAX_ATTEMPTS ? "given_up" : "failed", attempts, last_error: outcome.error, next_attempt_at: new Date(after.getTime() + (RETRY_MINUTES[attempts - 1] ?? 720) * 60_000).toISOString(), updated_at: after.toISOString() },
        )
        .where("id", "=", d.id)
        .execute();
    });
    if (outcome.ok) delivered++;
  }
  return delivered;
}

/** The team asks for another try now (after it was given up, or without waiting). */
export async function retryDelivery(deps: Deps, actor: Actor, projectId: string): Promise<void> {
  await inTransaction(deps, actor, async (tx) => {
    const project = await lockProjectForActor(tx, actor, projectId);
    if (!mayPublish(actor, project.id)) throw new AppError("forbidden", "register.publish_role");
    const entry = requireEntry(await lockEntry(tx, actor.organisationId, project.id));
    const now = tx.now().toISOString();
    const result = await tx.db.updateTable("register_deliveries").set({ status: "pending", next_attempt_at: now, updated_at: now }).where("entry_id", "=", entry.id).where("organisation_id", "=", actor.organisationId).where("status", "in", ["failed", "given_up"]).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError("rule_refused", "register.nothing_to_retry");
    await tx.audit({ action: "register_entry.delivery_retried", entityType: "register_entry", entityId: entry.id });
  });
}

/** Deliveries start right after the publication's commit; what fails waits for the periodic run. */
export function deliverSoon(deps: Deps, organisationId: string): void {
  void runDeliveries(deps, { organisationId }).catch((e) => console.error("[register-deliveries] mislukt:", e));
}
