// Signing out of a session that started at the organisation's identity
// provider: Afweging's session ends, then the browser is forwarded to the
// provider's end-session endpoint (RP-initiated logout) and comes back to the
// organisation's login address.
import { endSessionUrl } from "../../platform/auth/oidc.ts";
import { secretBox } from "../../platform/crypto/secret-box.ts";
import type { Deps } from "../../platform/deps.ts";
import type { Tx } from "../../platform/transaction.ts";
import { ID_TOKEN_PURPOSE } from "./sign-in.ts";
import "./schema.ts";

export const LOGGED_OUT_PATH = "/login/sso/logged-out";
export const SIGNING_OUT_PATH = "/login/sso/signing-out";
const END_SESSION_PURPOSE = "sso-end-session";

export const postLogoutRedirectUri = (deps: Deps) => `${deps.config.baseUrl}${LOGGED_OUT_PATH}`;

/**
 * In the logout's transaction: for a session started through a provider, the
 * page that forwards the browser to the provider's sign-out (RP-initiated
 * logout), with the ID token as hint and the organisation as state, so the
 * way back lands on its login address.
 */
export async function providerSignOutUrl(tx: Tx, sessionId: string): Promise<string | null> {
  const row = await tx.db
    .selectFrom("sso_sessions")
    .innerJoin("sso_providers", "sso_providers.id", "sso_sessions.provider_id")
    .innerJoin("organisations", "organisations.id", "sso_providers.organisation_id")
    .select(["sso_sessions.id_token_sealed", "sso_sessions.end_session_endpoint", "sso_providers.client_id", "sso_providers.name", "organisations.slug"])
    .where("sso_sessions.session_id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const idTokenHint = secretBox(tx.config).open(row.id_token_sealed, ID_TOKEN_PURPOSE(sessionId));
  const url = endSessionUrl(row.end_session_endpoint, { idTokenHint, postLogoutRedirectUri: postLogoutRedirectUri(tx), clientId: row.client_id });
  if (!url) return null;
  const withState = new URL(url);
  withState.searchParams.set("state", row.slug);
  // The logout form may only lead to Afweging itself (CSP form-action 'self'): a page of ours forwards the browser.
  const sealed = secretBox(tx.config).seal(JSON.stringify({ url: withState.href, provider: row.name }), END_SESSION_PURPOSE);
  return `${SIGNING_OUT_PATH}?to=${encodeURIComponent(sealed)}`;
}

/** The provider's sign-out address carried by the forwarding page, if it is one this application sealed. */
export function openSignOut(deps: Deps, sealed: string | undefined): { url: string; provider: string } | null {
  if (!sealed) return null;
  try {
    const v = JSON.parse(secretBox(deps.config).open(sealed, END_SESSION_PURPOSE)) as { url?: unknown; provider?: unknown };
    return typeof v.url === "string" && typeof v.provider === "string" ? { url: v.url, provider: v.provider } : null;
  } catch {
    return null;
  }
}
