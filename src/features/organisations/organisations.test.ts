import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { createApp } from "../../app.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import { grantInstanceAdmin } from "./instance-admin.ts";
import { addOrganisationAdmin } from "./add-organisation-admin.ts";
import { createOrganisation, setOrganisationDisabled, updateOrganisation } from "./manage-organisations.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

/** An instance with a home organisation whose admin is also the instance administrator. */
async function instance(deps: Parameters<typeof organisationWith>[0]) {
  const home = await organisationWith(deps, "platform", { beheer: ["admin"], lead: [] });
  await grantInstanceAdmin(deps, home.users.beheer!.email);
  return { home, instanceAdmin: (await loadActor(deps.db, home.users.beheer!.id))! };
}

describeEachEngine("organisations on one instance", (get) => {
  it("lets the instance administrator create an organisation with its first admin, who then sees only their own organisation", async () => {
    const { deps, db } = get();
    const { home } = await instance(deps);
    const app = createApp(deps, allFeatures);
    const root = new TestClient(app);
    await root.logIn(home.users.beheer!.email, PASSWORD);
    expect((await root.get("/")).html).toContain('href="/instance/organisations"');
    await root.get("/instance/organisations/new");
    const created = await root.post("/instance/organisations", { name: "Gemeente Nieuwland", slug: "nieuwland", tooiCode: "GM0363", contactEmail: "algoritmes@nieuwland.example", defaultLocale: "nl" });
    expect(created.status).toBe(303);
    const id = created.headers.get("location")!.split("/").pop()!;
    const org = await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ slug: "nieuwland", tooi_code: "gm0363", contact_email: "algoritmes@nieuwland.example", disabled_at: null });
    // What the demo organisation gets, the new one gets too: the default value set.
    expect((await db.selectFrom("org_values").select("id").where("organisation_id", "=", id).execute()).length).toBeGreaterThan(3);
    await root.get(`/instance/organisations/${id}`);
    expect((await root.post(`/instance/organisations/${id}/admins`, { name: "Nina Nieuw", email: "nina@nieuwland.example", password: PASSWORD })).status).toBe(303);
    expect((await root.get(`/instance/organisations/${id}`)).html).toContain("nina@nieuwland.example");

    const nina = new TestClient(app);
    await nina.logIn("nina@nieuwland.example", PASSWORD);
    const settings = await nina.get("/admin/organisation");
    expect(settings.res.status).toBe(200);
    expect(settings.html).toContain('value="Gemeente Nieuwland"');
    expect(settings.html).not.toContain('href="/instance/organisations"');
    const users = await (await nina.api("GET", "/api/v1/users")).json();
    expect(users.items.map((u: { email: string }) => u.email)).toEqual(["nina@nieuwland.example"]);
    // The chain of the new organisation holds its creation and its first admin, with the instance admin as actor.
    const events = await db.selectFrom("audit_events").select(["action", "actor_id"]).where("chain", "=", id).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["organisation.created", "user.created", "role.assigned"]));
    expect(events.find((e) => e.action === "user.created")!.actor_id).toBe(home.users.beheer!.id);
  });

  it("refuses an organisation admin who tries to create an organisation or change another's, on pages and API", async () => {
    const { deps, db } = get();
    await instance(deps);
    const other = await organisationWith(deps, "anders", { admin: ["admin"] });
    const orgAdmin = (await other.users.admin!.actor())!;
    expect(await codeOf(createOrganisation(deps, orgAdmin, { name: "Gemeente Stiekem", slug: "stiekem" }))).toBe("forbidden:error.forbidden");
    const platform = (await db.selectFrom("organisations").select("id").where("slug", "=", "platform").executeTakeFirstOrThrow()).id;
    expect(await codeOf(updateOrganisation(deps, orgAdmin, platform, { name: "Overgenomen", slug: "platform" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(setOrganisationDisabled(deps, orgAdmin, platform, true, { reason: "x" }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(addOrganisationAdmin(deps, orgAdmin, platform, { name: "Indringer", email: "in@x.example", password: PASSWORD }))).toBe("forbidden:error.forbidden");

    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(other.users.admin!.email, PASSWORD);
    expect((await client.get("/instance/organisations")).res.status).toBe(403);
    expect((await client.api("POST", "/api/v1/instance/organisations", { name: "Gemeente Stiekem", slug: "stiekem" })).status).toBe(403);
    expect((await client.api("PUT", `/api/v1/instance/organisations/${platform}`, { name: "Overgenomen", slug: "platform" })).status).toBe(403);
    expect((await client.post(`/instance/organisations/${platform}/disable`, { reason: "weg" })).status).toBe(403);
    expect(await db.selectFrom("organisations").select("slug").orderBy("slug").execute()).toEqual([{ slug: "anders" }, { slug: "platform" }]);
    expect((await db.selectFrom("organisations").select("name").where("id", "=", platform).executeTakeFirstOrThrow()).name).toBe("Gemeente platform");
  });

  it("checks the TOOI code, the short name and the logo by its content, and changes nothing when refused", async () => {
    const { deps, db } = get();
    const { instanceAdmin } = await instance(deps);
    expect(await codeOf(createOrganisation(deps, instanceAdmin, { name: "Gemeente X", slug: "x-stad", tooiCode: "0363" }))).toBe("validation:organisation.tooi_format");
    expect(await codeOf(createOrganisation(deps, instanceAdmin, { name: "Gemeente X", slug: "X Stad" }))).toBe("validation:organisation.slug_format");
    expect(await codeOf(createOrganisation(deps, instanceAdmin, { name: "Gemeente X", slug: "platform" }))).toBe("validation:organisation.slug_taken");
    expect(await codeOf(createOrganisation(deps, instanceAdmin, { name: "Gemeente X", slug: "x-stad", contactEmail: "geen adres" }))).toBe("validation:field.email");
    const html = { bytes: new Uint8Array(Buffer.from("<html><script>alert(1)</script></html>")) };
    expect(await codeOf(createOrganisation(deps, instanceAdmin, { name: "Gemeente X", slug: "x-stad" }, html))).toBe("validation:organisation.logo_content");
    const svg = { bytes: new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')) };
    expect(await codeOf(createOrganisation(deps, instanceAdmin, { name: "Gemeente X", slug: "x-stad" }, svg))).toBe("validation:organisation.logo_content");
    const big = { bytes: new Uint8Array(Buffer.concat([PNG, Buffer.alloc(210_000)])) };
    expect(await codeOf(createOrganisation(deps, instanceAdmin, { name: "Gemeente X", slug: "x-stad" }, big))).toBe("validation:organisation.logo_too_big");
    expect(await db.selectFrom("organisations").select("id").where("slug", "=", "x-stad").executeTakeFirst()).toBeUndefined();
    const id = await createOrganisation(deps, instanceAdmin, { name: "Gemeente X", slug: "x-stad", tooiCode: "ws0155" }, { bytes: new Uint8Array(PNG) });
    const row = await db.selectFrom("organisations").select(["logo_url", "tooi_code"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.logo_url).toMatch(/^data:image\/png;base64,/);
    expect(row.tooi_code).toBe("ws0155");
  });

  it("ends the sessions of a disabled organisation and refuses its logins and tokens with a clear message", async () => {
    const { deps } = get();
    const { instanceAdmin } = await instance(deps);
    const other = await organisationWith(deps, "slaap", { admin: ["admin"] });
    const app = createApp(deps, allFeatures);
    const user = new TestClient(app);
    await user.logIn(other.users.admin!.email, PASSWORD);
    await user.get("/account");
    const created = await user.post("/account/tokens", { name: "koppeling", scope: "read", days: "30" });
    const token = (await created.text()).match(/afw_[A-Za-z0-9_-]+/)?.[0];
    expect(token).toBeDefined();
    expect((await app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    expect(await codeOf(setOrganisationDisabled(deps, instanceAdmin, instanceAdmin.organisationId, true, { reason: "proef" }))).toBe("rule_refused:organisations.cannot_disable_own");
    await setOrganisationDisabled(deps, instanceAdmin, other.organisationId, true, { reason: "Contract beëindigd" });
    // Its open sessions ended with it: the next page asks to log in again.
    const page = await user.get("/projects");
    expect(page.res.status).toBe(303);
    expect(page.res.headers.get("location")).toMatch(/^\/login/);
    const api = await app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(403);
    expect((await api.json()).detail).toContain("uitgeschakeld");
    const again = new TestClient(app);
    await again.get("/login");
    const login = await again.post("/login", { email: other.users.admin!.email, password: PASSWORD });
    expect(login.status).toBe(403);
    expect(await login.text()).toContain("Uw organisatie is uitgeschakeld");

    await setOrganisationDisabled(deps, instanceAdmin, other.organisationId, false);
    expect((await app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describeEachEngine("the organisation's whole record", (get) => {
  it("is a ZIP with one JSON file per table of only its own rows and a README, by its admin, recorded in the audit trail", async () => {
    const { deps, db } = get();
    const a = await organisationWith(deps, "eigen", { admin: ["admin"], lead: [] });
    const b = await organisationWith(deps, "vreemd", { admin: ["admin"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(a.users.admin!.email, PASSWORD);
    const res = await client.request("/admin/organisation/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const zip = Buffer.from(await res.arrayBuffer());
    expect(zip.subarray(0, 4).toString("hex")).toBe("504b0304");
    const names = [...zip.toString("latin1").matchAll(/([A-Za-z_]+\.json)/g)].map((m) => m[1]);
    expect(names).toContain("README.json");
    expect(names).toContain("users.json");
    // Compressed, so look inside with zlib: the users file holds only this organisation's people.
    const { inflateRawSync } = await import("node:zlib");
    const at = zip.indexOf(Buffer.from("users.json"));
    const size = zip.readUInt32LE(at - 30 + 18);
    const users = JSON.parse(inflateRawSync(zip.subarray(at + "users.json".length, at + "users.json".length + size)).toString("utf8"));
    expect(users.map((u: { email: string }) => u.email).sort()).toEqual([a.users.admin!.email, a.users.lead!.email].sort());
    expect(users[0].password_hash).toBeUndefined();
    expect((await client.request(`/instance/organisations/${b.organisationId}/export`)).status).toBe(404);
    const event = await db.selectFrom("audit_events").select("action").where("chain", "=", a.organisationId).where("action", "=", "organisation.exported").executeTakeFirst();
    expect(event).toBeDefined();
  });
});
