import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedAddress, ProviderBrowser, startIdentityProvider, startStaticServer, type TestIdentityProvider } from "../../../test/support/oidc-provider.ts";
import { endSessionUrl, issuerUrl, OidcError, OidcProvider, type OidcProblem } from "./oidc.ts";

const REDIRECT = "http://localhost:3000/login/sso/callback";
const AFTER_LOGOUT = "http://localhost:3000/login/sso/logged-out";

async function problemOf(work: Promise<unknown>): Promise<{ problem: OidcProblem; detail: string }> {
  try {
    await work;
  } catch (e) {
    if (e instanceof OidcError) return { problem: e.problem, detail: e.detail };
    throw e;
  }
  throw new Error("expected an OidcError");
}

describe("OpenID Connect client against a real provider on this machine", () => {
  let idp: TestIdentityProvider;
  const settings = () => ({ issuer: idp.issuer, clientId: "afweging", clientSecret: "geheim-geheim", now: () => new Date() });

  beforeAll(async () => {
    idp = await startIdentityProvider([{ clientId: "afweging", clientSecret: "geheim-geheim", redirectUris: [REDIRECT], postLogoutRedirectUris: [AFTER_LOGOUT] }]);
    idp.accounts.set("anna", { email: "anna@voorbeeldstad.example", name: "Anna Jansen", groups: ["afweging-fg"] });
  });
  afterAll(async () => {
    await idp?.close();
  });

  async function signIn(tamper?: { authorizationUrl?: (u: URL) => void; callback?: (u: URL) => void }) {
    const provider = await OidcProvider.discover(settings());
    const { url, pending } = await provider.authorizationUrl({ redirectUri: REDIRECT, scope: "openid email profile groups" });
    const auth = new URL(url);
    tamper?.authorizationUrl?.(auth);
    const callback = new URL(await new ProviderBrowser(idp.issuer).signIn(auth.href, "anna"));
    tamper?.callback?.(callback);
    return provider.finish(callback, pending, ["email", "name", "groups"]);
  }

  it("signs in with the code flow and PKCE and returns the verified claims", async () => {
    const provider = await OidcProvider.discover(settings());
    const { url, pending } = await provider.authorizationUrl({ redirectUri: REDIRECT, scope: "openid email profile groups", loginHint: "anna" });
    const auth = new URL(url);
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    expect(auth.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get("state")).toBe(pending.state);
    expect(auth.searchParams.get("nonce")).toBe(pending.nonce);
    expect(auth.searchParams.get("login_hint")).toBe("anna");
    const callback = new URL(await new ProviderBrowser(idp.issuer).signIn(url, "anna"));
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    const result = await provider.finish(callback, pending, ["email", "name", "groups"]);
    expect(result.claims).toMatchObject({ sub: "anna", email: "anna@voorbeeldstad.example", name: "Anna Jansen", groups: ["afweging-fg"], aud: "afweging", iss: idp.issuer });
    expect(result.idToken.split(".")).toHaveLength(3);
    expect(provider.endSessionEndpoint).toBe(`${idp.issuer}/session/end`);
  });

  it("refuses an answer whose state was changed", async () => {
    expect(await problemOf(signIn({ callback: (u) => u.searchParams.set("state", "aangepast") }))).toMatchObject({ problem: "state_mismatch" });
  });

  it("refuses an ID token with another nonce than this sign-in's", async () => {
    const r = await problemOf(signIn({ authorizationUrl: (u) => u.searchParams.set("nonce", "een-andere-nonce") }));
    expect(r.problem).toBe("id_token_invalid");
    expect(r.detail).toMatch(/nonce/);
  });

  it("refuses an ID token for another audience, an expired one and one signed with another key", async () => {
    idp.tamperNextIdToken({ claims: (p) => ({ ...p, aud: "een-andere-applicatie" }) });
    const audience = await problemOf(signIn());
    expect(audience).toMatchObject({ problem: "id_token_invalid" });
    expect(audience.detail).toMatch(/aud/);

    const now = Math.floor(Date.now() / 1000);
    idp.tamperNextIdToken({ claims: (p) => ({ ...p, iat: now - 7200, exp: now - 3600 }) });
    const expired = await problemOf(signIn());
    expect(expired).toMatchObject({ problem: "id_token_invalid" });
    expect(expired.detail).toMatch(/exp/);

    idp.tamperNextIdToken({ foreignKey: true });
    const signature = await problemOf(signIn());
    expect(signature).toMatchObject({ problem: "id_token_invalid" });
    expect(signature.detail).toMatch(/signature/i);
  });

  it("counts expiry on the application's clock", async () => {
    const provider = await OidcProvider.discover({ ...settings(), now: () => new Date(Date.now() + 2 * 3600_000) });
    const { url, pending } = await provider.authorizationUrl({ redirectUri: REDIRECT, scope: "openid" });
    const callback = new URL(await new ProviderBrowser(idp.issuer).signIn(url, "anna"));
    const r = await problemOf(provider.finish(callback, pending));
    expect(r.problem).toBe("id_token_invalid");
    expect(r.detail).toMatch(/exp/);
  });

  it("reports the provider's own error and a wrong client secret", async () => {
    const provider = await OidcProvider.discover(settings());
    const { pending } = await provider.authorizationUrl({ redirectUri: REDIRECT, scope: "openid" });
    expect(await problemOf(provider.finish(new URL(`${REDIRECT}?error=access_denied&state=${pending.state}`), pending))).toEqual({ problem: "provider_error", detail: "access_denied" });

    const wrong = await OidcProvider.discover({ ...settings(), clientSecret: "niet-het-geheim" });
    const attempt = await wrong.authorizationUrl({ redirectUri: REDIRECT, scope: "openid" });
    const callback = new URL(await new ProviderBrowser(idp.issuer).signIn(attempt.url, "anna"));
    expect(await problemOf(wrong.finish(callback, attempt.pending))).toMatchObject({ problem: "token_refused" });
  });

  it("says when the provider does not answer", async () => {
    expect(await problemOf(OidcProvider.discover({ ...settings(), issuer: await closedAddress() }))).toMatchObject({ problem: "unreachable" });
  });

  it("says which endpoints a discovery document lacks, and when an address has none", async () => {
    const broken = await startStaticServer((path, origin) =>
      path === "/.well-known/openid-configuration" ? { status: 200, body: { issuer: origin, authorization_endpoint: `${origin}/auth` } } : { status: 404, body: {} },
    );
    try {
      expect(await problemOf(OidcProvider.discover({ ...settings(), issuer: broken.url }))).toEqual({ problem: "discovery_incomplete", detail: "token_endpoint, jwks_uri" });
    } finally {
      await broken.close();
    }
    const none = await startStaticServer(() => ({ status: 404, body: { error: "not found" } }));
    try {
      expect(await problemOf(OidcProvider.discover({ ...settings(), issuer: none.url }))).toMatchObject({ problem: "discovery_invalid" });
    } finally {
      await none.close();
    }
  });

  it("accepts plain http only on this machine", () => {
    expect(issuerUrl("https://login.microsoftonline.com/tenant/v2.0").host).toBe("login.microsoftonline.com");
    expect(issuerUrl("http://127.0.0.1:8080/realms/gemeente").port).toBe("8080");
    expect(() => issuerUrl("http://keycloak.voorbeeldstad.example/realms/gemeente")).toThrow(OidcError);
    expect(() => issuerUrl("ftp://x")).toThrow(OidcError);
    expect(() => issuerUrl("geen adres")).toThrow(OidcError);
  });

  it("builds the sign-out address with the ID token as hint, or none without an endpoint", () => {
    const url = new URL(endSessionUrl("https://idp.example/logout", { idTokenHint: "a.b.c", postLogoutRedirectUri: AFTER_LOGOUT, clientId: "afweging" })!);
    expect(Object.fromEntries(url.searchParams)).toEqual({ id_token_hint: "a.b.c", post_logout_redirect_uri: AFTER_LOGOUT, client_id: "afweging" });
    expect(endSessionUrl(null, { idTokenHint: "a.b.c", postLogoutRedirectUri: AFTER_LOGOUT, clientId: "afweging" })).toBeNull();
  });
});
