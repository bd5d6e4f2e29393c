import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { ProviderBrowser, startIdentityProvider, type TestIdentityProvider } from "../../../test/support/oidc-provider.ts";
import { accountState, APP_BASE, appClient, organisationWithProvider, realTime, rolesOf, signInThrough, testClients } from "./test-helpers.ts";

let idp: TestIdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider(testClients("afweging", "afweging-b"));
});
afterAll(async () => {
  await idp?.close();
});

const ANNA = "anna@voorbeeldstad.example";
const MAPPINGS: [string, "fg" | "vic" | "admin" | "jurist"][] = [
  ["afweging-fg", "fg"],
  ["afweging-vic", "vic"],
  ["afweging-beheer", "admin"],
  ["afweging-juristen", "jurist"],
];

describeEachEngine("signing in through the organisation's identity provider", (get) => {
  const setup = async (options: Parameters<typeof organisationWithProvider>[3] = {}) => {
    const deps = realTime(get().deps);
    const org = await organisationWithProvider(deps, "voorbeeldstad", idp.issuer, { mappings: MAPPINGS, ...options });
    return { deps, ...org };
  };

  it("creates the user at the first sign-in with the roles of the mapped groups", async () => {
    const { deps, organisationId, providerId } = await setup();
    idp.accounts.set("anna", { email: "Anna@Voorbeeldstad.example", name: "Anna Jansen", groups: ["afweging-fg", "alle-medewerkers"] });
    const client = appClient(deps);
    const res = await signInThrough(client, idp.issuer, providerId, "anna");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    const home = await client.get("/");
    expect(home.html).toContain("Welkom, Anna Jansen");
    const user = await deps.db.selectFrom("users").selectAll().where("email", "=", ANNA).executeTakeFirstOrThrow();
    expect(user.organisation_id).toBe(organisationId);
    expect(await rolesOf(deps, ANNA)).toEqual(["fg"]);
    const events = await deps.db.selectFrom("audit_events").select(["action", "actor_label", "after_json"]).where("entity_id", "=", user.id).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["user.created", "role.assigned", "session.sso_login"]);
    expect(events[0]!.actor_label).toBe("Inlogdienst voorbeeldstad (inlogdienst)");
    expect(JSON.parse(events[1]!.after_json!)).toMatchObject({ role: "fg", source: { kind: "sso", providerId, providerName: "Inlogdienst voorbeeldstad" } });
    expect(events[2]!.actor_label).toBe("Anna Jansen");
    // The session remembers its provider and the ID token for signing out, sealed.
    const kept = await deps.db.selectFrom("sso_sessions").selectAll().executeTakeFirstOrThrow();
    expect(kept.provider_id).toBe(providerId);
    expect(kept.id_token_sealed).toMatch(/^v1\./);
    expect(kept.end_session_endpoint).toBe(`${idp.issuer}/session/end`);
  });

  it("lets the roles follow a changed group at the next sign-in, and names the provider when it takes a role away", async () => {
    const { deps, admin, providerId } = await setup();
    idp.accounts.set("anna", { email: ANNA, name: "Anna Jansen", groups: ["afweging-fg"] });
    expect((await signInThrough(appClient(deps), idp.issuer, providerId, "anna")).status).toBe(303);
    const user = await deps.db.selectFrom("users").select("id").where("email", "=", ANNA).executeTakeFirstOrThrow();
    // A role no group maps to, given in Afweging, stays Afweging's.
    const { assignRole } = await import("../admin/service.ts");
    await assignRole(deps, admin, user.id, { role: "ethics_advisor" });

    idp.accounts.set("anna", { email: ANNA, name: "Anna de Vries", groups: ["afweging-vic", "afweging-juristen"] });
    expect((await signInThrough(appClient(deps), idp.issuer, providerId, "anna")).status).toBe(303);
    expect(await rolesOf(deps, ANNA)).toEqual(["ethics_advisor", "jurist", "vic"]);
    const removed = await deps.db.selectFrom("audit_events").select(["actor_label", "before_json", "after_json"]).where("action", "=", "role.removed").where("entity_id", "=", user.id).executeTakeFirstOrThrow();
    expect(JSON.parse(removed.before_json!)).toEqual({ role: "fg", projectId: null });
    expect(JSON.parse(removed.after_json!)).toEqual({ source: { kind: "sso", providerId, providerName: "Inlogdienst voorbeeldstad" } });
    expect(removed.actor_label).toBe("Inlogdienst voorbeeldstad (inlogdienst)");
    // The name follows the provider too.
    expect((await deps.db.selectFrom("users").select("name").where("id", "=", user.id).executeTakeFirstOrThrow()).name).toBe("Anna de Vries");

    idp.accounts.set("anna", { email: ANNA, name: "Anna de Vries", groups: [] });
    expect((await signInThrough(appClient(deps), idp.issuer, providerId, "anna")).status).toBe(303);
    expect(await rolesOf(deps, ANNA)).toEqual(["ethics_advisor"]);
  });

  it("refuses a changed state, a changed nonce, an ID token for another audience and an expired one, and changes nothing", async () => {
    const { deps, providerId } = await setup();
    idp.accounts.set("anna", { email: ANNA, name: "Anna Jansen", groups: ["afweging-fg"] });
    const before = await accountState(deps);
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      { tamper: { callback: (u: URL) => u.searchParams.set("state", "niet-de-echte-state") }, status: 400, text: "hoort niet bij het inloggen" },
      { tamper: { authorizationUrl: (u: URL) => u.searchParams.set("nonce", "een-andere-nonce") }, status: 400, text: "klopte niet", detail: "nonce" },
      { idToken: { claims: (p: Record<string, unknown>) => ({ ...p, aud: "een-andere-toepassing" }) }, status: 400, text: "klopte niet", detail: "aud" },
      { idToken: { claims: (p: Record<string, unknown>) => ({ ...p, iat: now - 7200, exp: now - 3600 }) }, status: 400, text: "klopte niet", detail: "exp" },
      { idToken: { foreignKey: true }, status: 400, text: "klopte niet", detail: "signature" },
    ];
    for (const c of cases) {
      if (c.idToken) idp.tamperNextIdToken(c.idToken);
      const client = appClient(deps);
      const res = await signInThrough(client, idp.issuer, providerId, "anna", c.tamper ?? {});
      const html = await res.text();
      expect(res.status, html).toBe(c.status);
      expect(html).toContain("Inloggen is niet gelukt");
      expect(html).toContain(c.text);
      if (c.detail) expect(html).toContain(c.detail);
      expect(client.cookie("afw_session")).toBeUndefined();
    }
    expect(await accountState(deps)).toEqual(before);
  });

  it("refuses an answer without the browser's own attempt (another browser, or replayed)", async () => {
    const { deps, providerId } = await setup();
    idp.accounts.set("anna", { email: ANNA, name: "Anna Jansen", groups: ["afweging-fg"] });
    const before = await accountState(deps);
    const victim = appClient(deps);
    const start = await victim.request(`/login/sso/${providerId}/start`);
    const callback = new URL(await new ProviderBrowser(idp.issuer).signIn(start.headers.get("location")!, "anna"));
    const other = appClient(deps);
    const res = await other.request(`${callback.pathname}${callback.search}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("in een ander venster begonnen");
    expect(await accountState(deps)).toEqual(before);
  });

  it("does not let a user of organisation A sign in to organisation B", async () => {
    const { deps, providerId } = await setup();
    idp.accounts.set("anna", { email: ANNA, name: "Anna Jansen", groups: ["afweging-fg"] });
    expect((await signInThrough(appClient(deps), idp.issuer, providerId, "anna")).status).toBe(303);
    const b = await organisationWithProvider(deps, "anderstad", idp.issuer, { clientId: "afweging-b", mappings: [["afweging-fg", "fg"]] });
    const before = await accountState(deps);
    // B's provider says it is Anna (the same e-mail address): she has an account in A, so not here.
    const res = await signInThrough(appClient(deps), idp.issuer, b.providerId, "anna");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("hoort bij een andere organisatie");
    expect(await accountState(deps)).toEqual(before);
    const refused = await deps.db.selectFrom("audit_events").select(["organisation_id", "after_json"]).where("action", "=", "sso_provider.sign_in_refused").executeTakeFirstOrThrow();
    expect(refused.organisation_id).toBe(b.organisationId);
    expect(JSON.parse(refused.after_json!)).toMatchObject({ subject: "anna", email: ANNA, reason: "other_organisation" });
    // B's login address offers only B's provider.
    const page = await appClient(deps).get("/login/anderstad");
    expect(page.html).toContain("Inloggen met Inlogdienst anderstad");
    expect(page.html).not.toContain("Inloggen met Inlogdienst voorbeeldstad");
  });

  it("ends both sessions at sign-out: Afweging's and the provider's", async () => {
    const { deps, providerId } = await setup();
    idp.accounts.set("anna", { email: ANNA, name: "Anna Jansen", groups: ["afweging-fg"] });
    const client = appClient(deps);
    const browser = new ProviderBrowser(idp.issuer);
    expect((await signInThrough(client, idp.issuer, providerId, "anna", {}, browser)).status).toBe(303);
    await client.get("/");
    const probe = (await appClient(deps).request(`/login/sso/${providerId}/start`)).headers.get("location")!;
    expect(await browser.hasSession(probe)).toBe(true);

    const out = await client.post("/logout", {});
    expect(out.status).toBe(303);
    // The logout form stays on the site (CSP form-action); a page of ours sends the browser on with a Refresh header.
    const forward = out.headers.get("location")!;
    expect(forward).toMatch(/^\/login\/sso\/signing-out\?to=/);
    const page = await client.request(forward);
    expect(page.status).toBe(200);
    const refresh = page.headers.get("refresh")!.match(/^0; url=(.+)$/)![1]!;
    expect(await page.text()).toContain(`href="${refresh.replace(/&/g, "&amp;")}"`);
    const endSession = new URL(refresh);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${APP_BASE}/login/sso/logged-out`);
    expect(endSession.searchParams.get("id_token_hint")?.split(".")).toHaveLength(3);
    expect(endSession.searchParams.get("state")).toBe("voorbeeldstad");
    expect((await client.get("/projects")).res.headers.get("location")).toMatch(/^\/login(\?|$)/);
    expect(await deps.db.selectFrom("sso_sessions").selectAll().execute()).toEqual([]);

    const back = new URL(await browser.signOut(endSession.href));
    expect(`${back.origin}${back.pathname}`).toBe(`${APP_BASE}/login/sso/logged-out`);
    const landing = await client.request(`${back.pathname}${back.search}`);
    expect(landing.headers.get("location")).toBe("/login/voorbeeldstad");
    expect((await client.get("/login/voorbeeldstad")).html).toContain("U bent uitgelogd.");
    expect(await browser.hasSession(probe)).toBe(false);
    // A forged forwarding address leads nowhere but the login page.
    expect((await client.request("/login/sso/signing-out?to=v1.bogus")).headers.get("location")).toBe("/login");
  });

  it("refuses a groups claim that is missing or not a list, and creates or changes no account", async () => {
    const { deps, providerId } = await setup();
    idp.accounts.set("anna", { email: ANNA, name: "Anna Jansen", groups: ["afweging-fg"] });
    expect((await signInThrough(appClient(deps), idp.issuer, providerId, "anna")).status).toBe(303);
    for (const [account, text] of [
      [{ email: ANNA, name: "Anna Jansen" }, "stuurde uw groepen niet mee"],
      [{ email: ANNA, name: "Anna Jansen", groups: "afweging-vic" }, "niet als lijst"],
      [{ email: "bram@voorbeeldstad.example", name: "Bram", groups: "afweging-vic" }, "niet als lijst"],
    ] as const) {
      const before = await accountState(deps);
      idp.accounts.set("anna", account);
      const res = await signInThrough(appClient(deps), idp.issuer, providerId, "anna");
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).toContain(text);
      expect(html).toContain("Er is niets gewijzigd");
      expect(await accountState(deps)).toEqual(before);
    }
    expect(await rolesOf(deps, ANNA)).toEqual(["fg"]);
  });

  it("refuses a sign-in whose groups would make one person admin and a 3rd-line role", async () => {
    const { deps, providerId } = await setup();
    idp.accounts.set("anna", { email: ANNA, name: "Anna Jansen", groups: ["afweging-beheer", "afweging-fg"] });
    const before = await accountState(deps);
    const res = await signInThrough(appClient(deps), idp.issuer, providerId, "anna");
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("geven u de rol Beheerder én Functionaris gegevensbescherming (FG)");
    expect(await accountState(deps)).toEqual(before);
  });

  it("tells when the provider does not answer at sign-in, and starts nothing", async () => {
    const deps = realTime(get().deps);
    const own = await startIdentityProvider(testClients("afweging"));
    const { providerId } = await organisationWithProvider(deps, "voorbeeldstad", own.issuer);
    await own.close();
    const client = appClient(deps);
    const res = await client.request(`/login/sso/${providerId}/start`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain("antwoordt nu niet");
    expect(client.cookie("afw_sso_attempt")).toBeUndefined();
  });

  it("without just-in-time accounts: links an existing account by e-mail, refuses an unknown person", async () => {
    const { deps, providerId, users } = await setup({ jit: false });
    const before = await accountState(deps);
    idp.accounts.set("onbekend", { email: "onbekend@voorbeeldstad.example", name: "Onbekend", groups: [] });
    const refused = await signInThrough(appClient(deps), idp.issuer, providerId, "onbekend");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("nog geen account");
    expect(await accountState(deps)).toEqual(before);

    // The existing fg officer signs in with the provider for the first time: linked, roles follow the groups.
    idp.accounts.set("t-1", { email: users.toezicht!.email, name: "toezicht voorbeeldstad", groups: ["afweging-fg"], email_verified: true });
    expect((await signInThrough(appClient(deps), idp.issuer, providerId, "t-1")).status).toBe(303);
    const identity = await deps.db.selectFrom("sso_identities").select(["user_id", "subject"]).executeTakeFirstOrThrow();
    expect(identity).toEqual({ user_id: users.toezicht!.id, subject: "t-1" });
    expect(await rolesOf(deps, users.toezicht!.email)).toEqual(["fg"]);
  });
});
