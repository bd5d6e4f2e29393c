// The relying-party side of OpenID Connect, on openid-client: discovery, the
// authorization code flow with PKCE, and RP-initiated logout. It knows nothing
// of organisations or accounts; the feature that signs people in decides what
// a verified identity may do. Every failure is an OidcError with a problem
// code the feature words for the admin or the user.
import * as client from "openid-client";

export type OidcProblem =
  /** No answer: refused connection, time-out, a network error. */
  | "unreachable"
  /** The address gives no usable discovery document (not found, not JSON, another issuer). */
  | "discovery_invalid"
  /** The discovery document lacks an endpoint the flow needs, or PKCE with S256. */
  | "discovery_incomplete"
  /** A provider must be reached over https (plain http only on this machine, for tests). */
  | "insecure_issuer"
  /** The provider sent the user back with an error (e.g. access_denied). */
  | "provider_error"
  /** The answer does not belong to the sign-in this browser started (state). */
  | "state_mismatch"
  /** The token endpoint refused the code or the client. */
  | "token_refused"
  /** The ID token failed a check: signature, issuer, audience, expiry, nonce. */
  | "id_token_invalid";

export class OidcError extends Error {
  constructor(
    readonly problem: OidcProblem,
    /** A technical detail for the admin (which endpoint is missing, what the library said). */
    readonly detail: string = "",
  ) {
    super(`${problem}${detail ? `: ${detail}` : ""}`);
  }
}

export interface OidcProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The application's clock: protocol checks (expiry) use it, not the machine's. */
  now: () => Date;
  /** Seconds to wait for each answer of the provider. */
  timeoutSeconds?: number;
}

/** What a sign-in must remember between the redirect to the provider and the answer. */
export interface PendingAuthorization {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedSignIn {
  /** The ID token's claims, verified, with the UserInfo claims the ID token lacked. */
  claims: Record<string, unknown>;
  /** The ID token as received, for id_token_hint at sign-out. */
  idToken: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
const NEEDED_ENDPOINTS = ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const;

/** Plain http is accepted only for a provider on this machine (tests, a local Keycloak). */
export function issuerUrl(issuer: string): URL {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new OidcError("discovery_invalid", "not a URL");
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return url;
  throw new OidcError("insecure_issuer", url.protocol);
}

/** A provider whose discovery document was fetched and checked. */
export class OidcProvider {
  private constructor(private readonly config: client.Configuration) {}

  /** Fetches and checks the discovery document; fails with a problem code, never half-configured. */
  static async discover(settings: OidcProviderSettings): Promise<OidcProvider> {
    const url = issuerUrl(settings.issuer);
    const insecure = url.protocol === "http:";
    const skew = Math.round((settings.now().getTime() - Date.now()) / 1000);
    let config: client.Configuration;
    try {
      config = await client.discovery(
        url,
        settings.clientId,
        { client_secret: settings.clientSecret, [client.clockSkew]: skew },
        undefined,
        { timeout: settings.timeoutSeconds ?? 10, execute: insecure ? [client.allowInsecureRequests] : [] },
      );
    } catch (e) {
      throw new OidcError(isNetworkError(e) ? "unreachable" : "discovery_invalid", describe(e));
    }
    const metadata = config.serverMetadata();
    const missing: string[] = NEEDED_ENDPOINTS.filter((k) => typeof metadata[k] !== "string" || metadata[k] === "");
    if (metadata.response_types_supported && !metadata.response_types_supported.includes("code")) missing.push("response_types_supported: code");
    if (metadata.code_challenge_methods_supported && !metadata.code_challenge_methods_supported.includes("S256")) missing.push("code_challenge_methods_supported: S256");
    if (missing.length) throw new OidcError("discovery_incomplete", missing.join(", "));
    // The ID token's signature is checked against the provider's keys, not only trusted because TLS brought it.
    client.enableNonRepudiationChecks(config);
    return new OidcProvider(config);
  }

  get endSessionEndpoint(): string | null {
    return this.config.serverMetadata().end_session_endpoint ?? null;
  }

  /** The address to send the browser to, and what to remember until it comes back. */
  async authorizationUrl(options: { redirectUri: string; scope: string; loginHint?: string }): Promise<{ url: string; pending: PendingAuthorization }> {
    const pending: PendingAuthorization = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const parameters: Record<string, string> = {
      redirect_uri: options.redirectUri,
      scope: options.scope,
      response_type: "code",
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: "S256",
    };
    if (options.loginHint) parameters.login_hint = options.loginHint;
    return { url: client.buildAuthorizationUrl(this.config, parameters).href, pending };
  }

  /**
   * Handles the provider's answer at the redirect URI: checks state, redeems
   * the code with the PKCE verifier, verifies the ID token (signature,
   * issuer, audience, expiry, nonce) and adds UserInfo claims the ID token
   * lacks among `wantedClaims`.
   */
  async finish(callbackUrl: URL, pending: PendingAuthorization, wantedClaims: readonly string[] = []): Promise<VerifiedSignIn> {
    const params = callbackUrl.searchParams;
    const error = params.get("error");
    if (error) throw new OidcError("provider_error", [error, params.get("error_description")].filter(Boolean).join(": "));
    if (!sameText(params.get("state") ?? "", pending.state)) throw new OidcError("state_mismatch");
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(this.config, callbackUrl, {
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        pkceCodeVerifier: pending.codeVerifier,
        idTokenExpected: true,
      });
    } catch (e) {
      if (isNetworkError(e)) throw new OidcError("unreachable", describe(e));
      if (e instanceof client.ResponseBodyError || e instanceof client.WWWAuthenticateChallengeError) throw new OidcError("token_refused", describe(e));
      if (e instanceof client.AuthorizationResponseError) throw new OidcError("provider_error", describe(e));
      throw new OidcError("id_token_invalid", describe(e));
    }
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new OidcError("id_token_invalid", "no ID token");
    const claims: Record<string, unknown> = { ...idClaims };
    const lacking = wantedClaims.some((c) => claims[c] === undefined);
    if (lacking && tokens.access_token && this.config.serverMetadata().userinfo_endpoint) {
      try {
        const info = await client.fetchUserInfo(this.config, tokens.access_token, idClaims.sub);
        for (const [k, v] of Object.entries(info)) if (claims[k] === undefined) claims[k] = v;
      } catch (e) {
        if (isNetworkError(e)) throw new OidcError("unreachable", describe(e));
        throw new OidcError("token_refused", `userinfo: ${describe(e)}`);
      }
    }
    return { claims, idToken: tokens.id_token };
  }

  /** The provider's sign-out address for this session, or null when it has none. */
  endSessionUrl(options: { idTokenHint: string; postLogoutRedirectUri: string }): string | null {
    return endSessionUrl(this.endSessionEndpoint, { ...options, clientId: this.config.clientMetadata().client_id });
  }
}

/**
 * RP-initiated logout without fetching discovery again: the endpoint was kept
 * at sign-in. id_token_hint tells the provider whose session to end.
 */
export function endSessionUrl(endpoint: string | null, options: { idTokenHint: string; postLogoutRedirectUri: string; clientId: string }): string | null {
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", options.idTokenHint);
  url.searchParams.set("post_logout_redirect_uri", options.postLogoutRedirectUri);
  url.searchParams.set("client_id", options.clientId);
  return url.href;
}

function isNetworkError(e: unknown): boolean {
  if (e instanceof TypeError) return true;
  if (e instanceof DOMException && (e.name === "TimeoutError" || e.name === "AbortError")) return true;
  const cause = (e as { cause?: unknown })?.cause;
  return cause !== undefined && cause !== e && (cause instanceof TypeError || (cause instanceof DOMException && cause.name === "TimeoutError"));
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error && e.cause.message !== e.message ? `: ${e.cause.message}` : "";
  const body = e instanceof client.ResponseBodyError ? ` (${e.error}${e.error_description ? `: ${e.error_description}` : ""})` : "";
  return `${e.message}${cause}${body}`.slice(0, 500);
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
