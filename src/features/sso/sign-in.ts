// Signing in through the organisation's identity provider: the redirect to
// the provider (authorization code flow with PKCE, state and nonce), the
// answer at the callback (every check of the ID token), and then one
// transaction that finds or creates the account, lets the roles follow the
// groups, and starts the session. Anything refused changes nothing.
import { z } from "zod";
import { OidcError, OidcProvider, type OidcProblem } from "../../platform/auth/oidc.ts";
import { readIdentity, type ClaimedIdentity, type ClaimProblem } from "../../platform/auth/oidc-claims.ts";
import { createSession, sessionIdOf } from "../../platform/auth/sessions.ts";
import { secretBox } from "../../platform/crypto/secret-box.ts";
import type { Deps } from "../../platform/deps.ts";
import type { MessageKey } from "../../platform/i18n/index.ts";
import { inTransaction, lockForUpdate, type Tx, type TxActor } from "../../platform/transaction.ts";
import { mappingsOf, secretPurpose } from "./providers.ts";
import { applyRolePlan, organisationRolesOf, planRoles, rolesForGroups } from "./role-sync.ts";
import type { SsoProviderTable } from "./schema.ts";
import "./schema.ts";

export const CALLBACK_PATH = "/login/sso/callback";
const ATTEMPT_PURPOSE = "sso-sign-in-attempt";
const ATTEMPT_MS = 10 * 60 * 1000;
export const ID_TOKEN_PURPOSE = (sessionId: string) => `sso_session:${sessionId}:id_token`;

/** Why a sign-in did not happen, worded by the page; `detail` is technical, for the admin. */
export class SignInProblem extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number>,
    readonly status: 400 | 403 | 502,
    readonly detail = "",
    /** Where to try again: the organisation's login address when known. */
    readonly loginPath = "/login",
  ) {
    super(messageKey);
  }
}

const Attempt = z.object({
  providerId: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  next: z.string(),
  expiresAt: z.number(),
});
type Attempt = z.infer<typeof Attempt>;

interface Provider extends SsoProviderTable {
  organisationSlug: string;
}

export const redirectUri = (deps: Deps) => `${deps.config.baseUrl}${CALLBACK_PATH}`;

async function enabledProvider(deps: Deps, id: string): Promise<Provider | null> {
  const row = await deps.db
    .selectFrom("sso_providers")
    .innerJoin("organisations", "organisations.id", "sso_providers.organisation_id")
    .selectAll("sso_providers")
    .select("organisations.slug as organisationSlug")
    .where("sso_providers.id", "=", id)
    .where("sso_providers.enabled", "=", 1)
    .executeTakeFirst();
  return row ?? null;
}

const PROBLEM_KEYS: Record<OidcProblem, { key: MessageKey; status: 400 | 403 | 502 }> = {
  unreachable: { key: "sso.signin.unreachable", status: 502 },
  discovery_invalid: { key: "sso.signin.misconfigured", status: 502 },
  discovery_incomplete: { key: "sso.signin.misconfigured", status: 502 },
  insecure_issuer: { key: "sso.signin.misconfigured", status: 502 },
  provider_error: { key: "sso.signin.provider_error", status: 403 },
  state_mismatch: { key: "sso.signin.state_mismatch", status: 400 },
  token_refused: { key: "sso.signin.token_refused", status: 502 },
  id_token_invalid: { key: "sso.signin.id_token_invalid", status: 400 },
};

function loginPathOf(provider: Provider): string {
  return `/login/${provider.organisationSlug}`;
}

async function withProvider<T>(provider: Provider, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof OidcError)) throw e;
    const { key, status } = PROBLEM_KEYS[e.problem];
    throw new SignInProblem(key, { provider: provider.name }, status, e.detail, loginPathOf(provider));
  }
}

function discover(deps: Deps, provider: Provider): Promise<OidcProvider> {
  const clientSecret = secretBox(deps.config).open(provider.client_secret_sealed, secretPurpose(provider.id));
  return OidcProvider.discover({ issuer: provider.issuer, clientId: provider.client_id, clientSecret, now: deps.now });
}

/** Where to send the browser, and the sealed attempt the browser keeps (a cookie) until it comes back. */
export async function beginSignIn(deps: Deps, providerId: string, options: { next: string; loginHint?: string }): Promise<{ redirect: string; attempt: string }> {
  const provider = await enabledProvider(deps, providerId);
  if (!provider) throw new SignInProblem("sso.signin.unknown_provider", {}, 400);
  return withProvider(provider, async () => {
    const client = await discover(deps, provider);
    const { url, pending } = await client.authorizationUrl({ redirectUri: redirectUri(deps), scope: provider.scopes, loginHint: options.loginHint });
    const attempt: Attempt = { providerId, ...pending, next: options.next, expiresAt: deps.now().getTime() + ATTEMPT_MS };
    return { redirect: url, attempt: secretBox(deps.config).seal(JSON.stringify(attempt), ATTEMPT_PURPOSE) };
  });
}

function openAttempt(deps: Deps, sealed: string | undefined): Attempt | null {
  if (!sealed) return null;
  try {
    const attempt = Attempt.parse(JSON.parse(secretBox(deps.config).open(sealed, ATTEMPT_PURPOSE)));
    return attempt.expiresAt > deps.now().getTime() ? attempt : null;
  } catch {
    return null;
  }
}

const CLAIM_KEYS: Record<ClaimProblem["code"], MessageKey> = {
  claim_missing: "sso.refused.claim_missing",
  claim_not_text: "sso.refused.claim_not_text",
  groups_missing: "sso.refused.groups_missing",
  groups_not_a_list: "sso.refused.groups_not_a_list",
  email_invalid: "sso.refused.email_invalid",
};

/**
 * The answer at the callback: the browser's attempt, the provider's code and
 * ID token, then the account and the session. Returns the session token.
 */
export async function completeSignIn(deps: Deps, sealedAttempt: string | undefined, callbackUrl: URL): Promise<{ token: string; userId: string; next: string }> {
  const attempt = openAttempt(deps, sealedAttempt);
  if (!attempt) throw new SignInProblem("sso.signin.no_attempt", {}, 400);
  const provider = await enabledProvider(deps, attempt.providerId);
  if (!provider) throw new SignInProblem("sso.signin.unknown_provider", {}, 400);
  const { verified, endSessionEndpoint } = await withProvider(provider, async () => {
    const client = await discover(deps, provider);
    const wanted = [provider.claim_subject, provider.claim_email, provider.claim_name, provider.claim_groups].filter(Boolean);
    return { verified: await client.finish(callbackUrl, attempt, wanted), endSessionEndpoint: client.endSessionEndpoint };
  });
  const read = readIdentity(verified.claims, { subject: provider.claim_subject, email: provider.claim_email, name: provider.claim_name, groups: provider.claim_groups || null });
  if (!read.ok) {
    const refusal = new SignInRefused(CLAIM_KEYS[read.problem.code], { provider: provider.name, claim: read.problem.claim }, read.problem.code, loginPathOf(provider));
    await recordRefusal(deps, provider, { subject: String(verified.claims.sub ?? ""), email: null }, refusal);
    throw refusal;
  }
  try {
    const result = await signInVerified(deps, provider, read.identity, { idToken: verified.idToken, endSessionEndpoint });
    return { ...result, next: attempt.next };
  } catch (e) {
    if (e instanceof SignInRefused) await recordRefusal(deps, provider, read.identity, e);
    throw e;
  }
}

/** A verified person the rules do not let in; recorded for the admin, nothing else changes. */
class SignInRefused extends SignInProblem {
  constructor(messageKey: MessageKey, params: Record<string, string | number>, readonly reason: string, loginPath: string) {
    super(messageKey, params, 403, reason, loginPath);
  }
}

async function recordRefusal(deps: Deps, provider: Provider, who: { subject: string; email: string | null }, refusal: SignInRefused): Promise<void> {
  await inTransaction(deps, providerActor(provider), async (tx) => {
    await tx.audit({ action: "sso_provider.sign_in_refused", entityType: "sso_provider", entityId: provider.id, after: { subject: who.subject, email: who.email, reason: refusal.reason } });
  });
}

function providerActor(provider: Provider): TxActor {
  return { userId: null, organisationId: provider.organisation_id, name: `${provider.name} (inlogdienst)` };
}

const sourceOf = (provider: Provider) => ({ kind: "sso" as const, providerId: provider.id, providerName: provider.name });

interface Account {
  id: string;
  name: string;
  email: string;
}

/** The account of this identity: linked before, found by e-mail in the provider's organisation, or created just in time. */
async function findOrCreateAccount(tx: Tx, provider: Provider, identity: ClaimedIdentity): Promise<Account> {
  const refuse = (key: MessageKey, reason: string, params: Record<string, string> = {}) => new SignInRefused(key, { provider: provider.name, ...params }, reason, loginPathOf(provider));
  const linked = await tx.db
    .selectFrom("sso_identities")
    .innerJoin("users", "users.id", "sso_identities.user_id")
    .select(["users.id", "users.name", "users.email", "users.organisation_id", "users.active"])
    .where("sso_identities.provider_id", "=", provider.id)
    .where("sso_identities.subject", "=", identity.subject)
    .executeTakeFirst();
  const byEmail = linked ? undefined : await tx.db.selectFrom("users").select(["id", "name", "email", "organisation_id", "active"]).where("email", "=", identity.email).executeTakeFirst();
  const user = linked ?? byEmail;
  // An account of another organisation never signs in here, whatever the provider says.
  if (user && user.organisation_id !== provider.organisation_id) throw refuse("sso.refused.other_organisation", "other_organisation");
  if (user && !user.active) throw refuse("sso.refused.inactive", "inactive");
  const now = tx.now().toISOString();
  if (user) {
    if (!linked) {
      if (identity.emailVerified === false) throw refuse("sso.refused.email_unverified", "email_unverified");
      await tx.db.insertInto("sso_identities").values({ id: tx.newId(), organisation_id: provider.organisation_id, provider_id: provider.id, subject: identity.subject, user_id: user.id, created_at: now, last_sign_in_at: now }).execute();
      await tx.audit({ action: "user.sso_linked", entityType: "user", entityId: user.id, after: { subject: identity.subject, source: sourceOf(provider) } });
    }
    return user;
  }
  if (provider.jit_accounts !== 1) throw refuse("sso.refused.no_account", "no_account");
  const id = tx.newId();
  await tx.db
    .insertInto("users")
    // No password: this account logs in through the provider (an admin may still set one).
    .values({ id, organisation_id: provider.organisation_id, email: identity.email, name: identity.name, password_hash: "!sso", locale: "nl", active: 1, created_at: now, updated_at: now })
    .execute();
  await tx.db.insertInto("sso_identities").values({ id: tx.newId(), organisation_id: provider.organisation_id, provider_id: provider.id, subject: identity.subject, user_id: id, created_at: now, last_sign_in_at: now }).execute();
  await tx.audit({ action: "user.created", entityType: "user", entityId: id, after: { name: identity.name, email: identity.email, source: sourceOf(provider) } });
  return { id, name: identity.name, email: identity.email };
}

/** Name and e-mail follow the provider; an e-mail address someone else has stays as it was. */
async function followProfile(tx: Tx, provider: Provider, account: Account, identity: ClaimedIdentity): Promise<Account> {
  const emailFree = identity.email === account.email || !(await tx.db.selectFrom("users").select("id").where("email", "=", identity.email).executeTakeFirst());
  const next = { name: identity.name, email: emailFree ? identity.email : account.email };
  if (next.name === account.name && next.email === account.email) return account;
  await tx.db.updateTable("users").set({ ...next, updated_at: tx.now().toISOString() }).where("id", "=", account.id).execute();
  await tx.audit({ action: "user.updated", entityType: "user", entityId: account.id, before: { name: account.name, email: account.email }, after: { ...next, source: sourceOf(provider) } });
  return { ...account, ...next };
}

async function signInVerified(
  deps: Deps,
  provider: Provider,
  identity: ClaimedIdentity,
  session: { idToken: string; endSessionEndpoint: string | null },
): Promise<{ token: string; userId: string }> {
  return inTransaction(deps, providerActor(provider), async (tx) => {
    // One sign-in of this provider at a time decides on accounts and roles.
    await lockForUpdate(tx, tx.db.selectFrom("sso_providers").select("id").where("id", "=", provider.id)).executeTakeFirst();
    const account = await followProfile(tx, provider, await findOrCreateAccount(tx, provider, identity), identity);
    const user = { id: account.id, organisationId: provider.organisation_id };
    let roles = await organisationRolesOf(tx, account.id, provider.organisation_id);
    if (identity.groups) {
      const mappings = (await mappingsOf(tx, provider.organisation_id, [provider.id])).get(provider.id) ?? [];
      const plan = planRoles(roles, rolesForGroups(mappings, identity.groups), mappings.map((m) => m.role));
      if (plan.conflict) {
        throw new SignInRefused("sso.refused.segregation", { provider: provider.name, roles: plan.conflict.conflicting.join(",") }, "segregation", loginPathOf(provider));
      }
      await applyRolePlan(tx, plan, user, sourceOf(provider));
      roles = plan.final;
    }
    const now = tx.now().toISOString();
    await tx.db.updateTable("sso_identities").set({ last_sign_in_at: now }).where("provider_id", "=", provider.id).where("subject", "=", identity.subject).execute();
    // The session is the person's own act, recorded with them as the actor.
    return inTransaction(tx, { userId: account.id, organisationId: provider.organisation_id, name: account.name }, async (own) => {
      const token = await createSession(own.db, own, { id: account.id, organisation_id: provider.organisation_id });
      const sessionId = sessionIdOf(token);
      await own.db
        .insertInto("sso_sessions")
        .values({ session_id: sessionId, provider_id: provider.id, id_token_sealed: secretBox(own.config).seal(session.idToken, ID_TOKEN_PURPOSE(sessionId)), end_session_endpoint: session.endSessionEndpoint, created_at: now })
        .execute();
      await own.audit({ action: "session.sso_login", entityType: "user", entityId: account.id, after: { source: sourceOf(provider), groups: identity.groups, roles } });
      return { token, userId: account.id };
    });
  });
}
