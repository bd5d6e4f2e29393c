import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { PASSWORD, organisationWith } from "../../../test/support/fixtures.ts";
import { closedAddress, startIdentityProvider, startStaticServer, type TestIdentityProvider } from "../../../test/support/oidc-provider.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import { secretBox } from "../../platform/crypto/secret-box.ts";
import { AppError } from "../../platform/errors.ts";
import { listAuditEvents } from "../audit-log/service.ts";
import { logIn } from "../account/service.ts";
import { createBreakGlassAccount } from "./break-glass.ts";
import { getLoginSettings, updateLoginSettings } from "./login-settings.ts";
import { addMapping, createProvider, getProvider, listProviders, removeMapping, updateProvider } from "./providers.ts";
import { planRoles, rolesForGroups } from "./role-sync.ts";
import { accountState, appClient, CLIENT_SECRET, organisationWithProvider, realTime, testClients } from "./test-helpers.ts";

let idp: TestIdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider(testClients("afweging"));
});
afterAll(async () => {
  await idp?.close();
});

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("roles following the groups (pure)", () => {
  it("gives what the groups give, takes away only the roles the mapping manages", () => {
    expect(planRoles(["fg", "ethics_advisor"], ["vic"], ["fg", "vic", "admin"])).toEqual({ add: ["vic"], remove: ["fg"], final: ["ethics_advisor", "vic"], conflict: null });
    expect(planRoles(["admin"], ["fg"], ["fg"]).conflict).toEqual({ code: "admin_with_oversight", role: "admin", conflicting: ["fg"] });
    expect(rolesForGroups([{ group: "a", role: "fg" }, { group: "b", role: "fg" }, { group: "c", role: "vic" }], ["a", "b", "x"])).toEqual(["fg"]);
  });
});

describeEachEngine("identity providers of an organisation", (get) => {
  const setup = async () => {
    const deps = realTime(get().deps);
    const org = await organisationWith(deps, "voorbeeldstad", { beheer: ["admin"], toezicht: ["fg"] });
    return { deps, org, admin: await org.users.beheer!.actor(), fg: await org.users.toezicht!.actor() };
  };
  const input = (issuer: string, extra: Record<string, unknown> = {}) => ({ name: "Entra ID", issuer, clientId: "afweging", clientSecret: CLIENT_SECRET, emailDomains: "voorbeeldstad.example, @Voorbeeldstad.nl", jitAccounts: "1", enabled: "1", ...extra });

  it("stores a provider after checking its discovery document, with the client secret sealed", async () => {
    const { deps, admin } = await setup();
    const id = await createProvider(deps, admin, input(idp.issuer, { claimGroups: "groups" }));
    const p = await getProvider(deps, admin, id);
    expect(p).toMatchObject({ name: "Entra ID", issuer: idp.issuer, scopes: "openid email profile", claims: { subject: "sub", email: "email", name: "name", groups: "groups" }, emailDomains: ["voorbeeldstad.example", "voorbeeldstad.nl"], jitAccounts: true, enabled: true });
    const row = await deps.db.selectFrom("sso_providers").select("client_secret_sealed").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.client_secret_sealed).not.toContain(CLIENT_SECRET);
    const event = await deps.db.selectFrom("audit_events").select("after_json").where("action", "=", "sso_provider.created").executeTakeFirstOrThrow();
    expect(event.after_json).not.toContain(CLIENT_SECRET);
    // A change without a secret keeps the stored one (discovery still works with it).
    await updateProvider(deps, admin, id, input(idp.issuer, { name: "Microsoft", clientSecret: "", enabled: "" }));
    expect(await getProvider(deps, admin, id)).toMatchObject({ name: "Microsoft", enabled: false });
    const kept = (await deps.db.selectFrom("sso_providers").select("client_secret_sealed").where("id", "=", id).executeTakeFirstOrThrow()).client_secret_sealed;
    expect(secretBox(deps.config).open(kept, `sso_provider:${id}:client_secret`)).toBe(CLIENT_SECRET);
    expect(await listProviders(deps, admin)).toHaveLength(1);
  });

  it("tells the admin when the provider does not answer or its discovery document lacks endpoints, and stores nothing", async () => {
    const { deps, admin } = await setup();
    const closed = await closedAddress();
    const unreachable = await refusal(createProvider(deps, admin, input(closed)));
    expect(unreachable.fieldErrors).toEqual([{ field: "issuer", messageKey: "sso.discovery.unreachable", params: expect.objectContaining({ issuer: closed }) }]);
    const broken = await startStaticServer((path, origin) => (path.endsWith("openid-configuration") ? { status: 200, body: { issuer: origin, authorization_endpoint: `${origin}/auth`, response_types_supported: ["code"] } } : { status: 404, body: {} }));
    try {
      const incomplete = await refusal(createProvider(deps, admin, input(broken.url)));
      expect(incomplete.fieldErrors).toEqual([{ field: "issuer", messageKey: "sso.discovery.incomplete", params: { issuer: broken.url, detail: "token_endpoint, jwks_uri" } }]);
    } finally {
      await broken.close();
    }
    const insecure = await refusal(createProvider(deps, admin, input("http://keycloak.voorbeeldstad.example/realms/gemeente")));
    expect(insecure.fieldErrors[0]).toMatchObject({ field: "issuer", messageKey: "sso.discovery.insecure" });
    expect(await deps.db.selectFrom("sso_providers").selectAll().execute()).toEqual([]);
    expect(await deps.db.selectFrom("audit_events").select("id").where("action", "like", "sso_provider.%").execute()).toEqual([]);
  });

  it("checks the form: a secret to start with, openid in the scopes, domains, claim names; only an admin", async () => {
    const { deps, admin, fg } = await setup();
    const bad = await refusal(createProvider(deps, admin, input("geen adres", { clientSecret: "", scopes: "email profile", emailDomains: "geen domein!", claimGroups: "groups{}" })));
    expect(bad.fieldErrors.map((f) => [f.field, f.messageKey])).toEqual([
      ["issuer", "sso.field.issuer_format"],
      ["scopes", "sso.field.scopes_openid"],
      ["claimGroups", "sso.field.claim_format"],
      ["emailDomains", "sso.field.domains_format"],
    ]);
    expect((await refusal(createProvider(deps, admin, input(idp.issuer, { clientSecret: "" })))).fieldErrors).toEqual([{ field: "clientSecret", messageKey: "field.required" }]);
    expect((await refusal(createProvider(deps, fg, input(idp.issuer)))).code).toBe("forbidden");
    expect((await refusal(listProviders(deps, fg))).code).toBe("forbidden");
  });

  it("keeps an e-mail domain to one organisation", async () => {
    const { deps, admin } = await setup();
    await createProvider(deps, admin, input(idp.issuer));
    const other = await organisationWith(deps, "anderstad", { beheer: ["admin"] });
    const e = await refusal(createProvider(deps, await other.users.beheer!.actor(), input(idp.issuer, { emailDomains: "anderstad.example, voorbeeldstad.nl" })));
    expect(e.fieldErrors).toEqual([{ field: "emailDomains", messageKey: "sso.field.domain_taken", params: { domain: "voorbeeldstad.nl" } }]);
  });

  it("maps groups to roles, refusing a group that would give admin and a 3rd-line or committee role", async () => {
    const { deps, admin } = await setup();
    const id = await createProvider(deps, admin, input(idp.issuer));
    const m1 = await addMapping(deps, admin, id, { group: "afweging-beheer", role: "admin" });
    await addMapping(deps, admin, id, { group: "afweging-fg", role: "fg" });
    for (const role of ["fg", "committee_chair"] as const) {
      const e = await refusal(addMapping(deps, admin, id, { group: "afweging-beheer", role }));
      expect([e.code, e.messageKey, e.params]).toEqual(["rule_refused", "sso.segregation.mapping", { group: "afweging-beheer" }]);
    }
    expect((await refusal(addMapping(deps, admin, id, { group: "afweging-fg", role: "fg" }))).code).toBe("conflict");
    expect((await refusal(addMapping(deps, admin, id, { group: "x", role: "owner" }))).fieldErrors[0]?.field).toBe("role");
    await removeMapping(deps, admin, id, m1);
    await addMapping(deps, admin, id, { group: "afweging-beheer", role: "vic" });
    expect((await getProvider(deps, admin, id)).mappings.map((m) => [m.group, m.role])).toEqual([["afweging-beheer", "vic"], ["afweging-fg", "fg"]]);
    const actions = (await deps.db.selectFrom("audit_events").select("action").where("entity_id", "=", id).orderBy("seq").execute()).map((e) => e.action);
    expect(actions).toEqual(["sso_provider.created", "sso_provider.mapping_added", "sso_provider.mapping_added", "sso_provider.mapping_removed", "sso_provider.mapping_added"]);
  });

  it("switches passwords off only with a provider; then refuses passwords but lets the break-glass account in, on the audit trail for the 3rd line", async () => {
    const { deps, admin, fg, org } = await setup();
    expect((await refusal(updateLoginSettings(deps, admin, { localPasswords: "" }))).messageKey).toBe("sso.settings.needs_provider");
    await createProvider(deps, admin, input(idp.issuer));
    const glassId = await createBreakGlassAccount(deps, { organisation: "voorbeeldstad", name: "Nood Beheer", email: "nood@voorbeeldstad.example", password: PASSWORD, roles: [] });
    expect([...(await loadActor(deps.db, glassId))!.organisationRoles]).toEqual(["admin"]);
    await updateLoginSettings(deps, admin, { localPasswords: "" });
    expect(await getLoginSettings(deps, admin)).toEqual({ localPasswords: false, breakGlass: [{ userId: glassId, name: "Nood Beheer", email: "nood@voorbeeldstad.example" }] });

    const before = await accountState(deps);
    const refused = await refusal(logIn(deps, { email: org.users.toezicht!.email, password: PASSWORD }, "127.0.0.1"));
    expect([refused.code, refused.messageKey]).toEqual(["rule_refused", "sso.login.passwords_off"]);
    expect(await accountState(deps)).toEqual(before);

    await logIn(deps, { email: "nood@voorbeeldstad.example", password: PASSWORD }, "127.0.0.1");
    await logIn(deps, { email: "nood@voorbeeldstad.example", password: PASSWORD }, "127.0.0.1");
    const seen = await listAuditEvents(deps, fg, { action: "session.break" });
    expect(seen.items.map((e) => [e.action, e.actor, e.entityId])).toEqual([
      ["session.break_glass_login", "Nood Beheer", glassId],
      ["session.break_glass_login", "Nood Beheer", glassId],
    ]);
    expect((await listAuditEvents(deps, fg, { action: "user.break" })).items).toHaveLength(1);
  });

  it("refuses a break-glass account with a 3rd-line role, and creates nothing", async () => {
    const { deps } = await setup();
    const before = await accountState(deps);
    const e = await refusal(createBreakGlassAccount(deps, { organisation: "voorbeeldstad", name: "Nood", email: "nood@voorbeeldstad.example", password: PASSWORD, roles: ["ciso"] }));
    expect([e.code, e.messageKey]).toEqual(["rule_refused", "sso.break_glass.segregation"]);
    expect(await accountState(deps)).toEqual(before);
  });

  it("offers the provider's button on the login address and by e-mail domain, and hides passwords where they are off", async () => {
    const deps = realTime(get().deps);
    const { admin, providerId } = await organisationWithProvider(deps, "voorbeeldstad", idp.issuer);
    const client = appClient(deps);
    let page = await client.get("/login/voorbeeldstad");
    expect(page.html).toContain("Met uw account bij Gemeente voorbeeldstad");
    expect(page.html).toContain(`href="/login/sso/${providerId}/start?next=%2F"`);
    expect(page.html).toContain('name="password"');
    page = await client.get("/login?address=Anna%40voorbeeldstad.example&next=/projects");
    expect(page.html).toContain(`href="/login/sso/${providerId}/start?next=%2Fprojects&amp;login_hint=anna%40voorbeeldstad.example"`);
    page = await client.get("/login?address=anna%40elders.example");
    expect(page.html).toContain("Voor elders.example is geen inlogdienst ingesteld");
    page = await client.get("/login");
    expect(page.html).toContain("Uw e-mailadres op het werk");

    await updateLoginSettings(deps, admin, { localPasswords: false });
    page = await client.get("/login/voorbeeldstad");
    expect(page.html).toContain("Inloggen met Inlogdienst voorbeeldstad");
    expect(page.html).not.toContain('name="password"');
    // The general login page keeps the password form, for the break-glass account; a refused password shows the buttons.
    page = await client.get("/login");
    const res = await client.post("/login", { email: "toezicht@voorbeeldstad.example", password: PASSWORD });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Uw organisatie heeft inloggen met een wachtwoord uitgezet");
    expect(html).toContain(`/login/sso/${providerId}/start`);
  });

  it("serves the admin pages and the API with the same rules", async () => {
    const deps = realTime(get().deps);
    const { providerId } = await organisationWithProvider(deps, "voorbeeldstad", idp.issuer);
    const client = appClient(deps);
    await client.logIn("beheer@voorbeeldstad.example", PASSWORD);
    const list = await client.get("/admin/sso");
    expect(list.res.status).toBe(200);
    expect(list.html).toContain("http://localhost:3000/login/sso/callback");
    expect(list.html).toContain("http://localhost:3000/login/voorbeeldstad");
    const detail = await client.get(`/admin/sso/${providerId}`);
    expect(detail.html).not.toContain(CLIENT_SECRET);

    const mapped = await client.post(`/admin/sso/${providerId}/mappings`, { group: "afweging-beheer", role: "admin" });
    expect(mapped.status).toBe(303);
    const refused = await client.post(`/admin/sso/${providerId}/mappings`, { group: "afweging-beheer", role: "it_auditor" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("De groep afweging-beheer geeft dan de rol Beheerder");

    const api = await client.api("GET", `/api/v1/sso/providers/${providerId}`);
    const body = await api.json();
    expect(body).toMatchObject({ id: providerId, mappings: [{ group: "afweging-beheer", role: "admin" }] });
    expect(JSON.stringify(body)).not.toContain(CLIENT_SECRET);
    const invalid = await client.api("POST", "/api/v1/sso/providers", { name: "X", issuer: "geen adres", clientId: "x", clientSecret: "y" });
    expect(invalid.status).toBe(400);
    const created = await client.api("POST", "/api/v1/sso/providers", { name: "Keycloak", issuer: idp.issuer, clientId: "afweging", clientSecret: CLIENT_SECRET, jitAccounts: true, enabled: true });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(await created.json()).toMatchObject({ name: "Keycloak", jitAccounts: true, enabled: true, emailDomains: [] });
    const listed = await client.api("PUT", `/api/v1/sso/providers/${providerId}`, { name: "Voorbeeld", issuer: idp.issuer, clientId: "afweging", emailDomains: ["Voorbeeldstad.example"] });
    expect(listed.status, await listed.clone().text()).toBe(200);
    expect(await listed.json()).toMatchObject({ name: "Voorbeeld", emailDomains: ["voorbeeldstad.example"], enabled: false });
    const doc = await (await client.api("GET", "/api/v1/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/sso/providers", "/sso/providers/{id}", "/sso/providers/{id}/mappings", "/sso/providers/{id}/mappings/{mappingId}", "/sso/settings"]));

    const fgClient = appClient(deps);
    await fgClient.logIn("toezicht@voorbeeldstad.example", PASSWORD);
    expect((await fgClient.get("/admin/sso")).res.status).toBe(403);
    expect((await fgClient.api("GET", "/api/v1/sso/providers")).status).toBe(403);

    const settings = await client.api("PUT", "/api/v1/sso/settings", { localPasswords: false });
    expect(await settings.json()).toEqual({ localPasswords: false, breakGlass: [] });
  });
});
