import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";

describeEachEngine("admin pages and API", (get) => {
  it("shows the error summary and keeps what was typed for an over-long or empty field", async () => {
    const { deps, db } = get();
    const { users } = await organisationWith(deps, "form", { admin: ["admin"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.admin!.email, PASSWORD);
    await client.get("/admin/users/new");
    const res = await client.post("/admin/users", { name: "x".repeat(121), email: "", password: PASSWORD });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Er is iets niet goed ingevuld");
    expect(html).toContain('href="#field-name"');
    expect(html).toContain("Dit veld is te lang. Gebruik hoogstens 120 tekens.");
    expect(html).toContain('href="#field-email"');
    expect(html).toContain(`value="${"x".repeat(121)}"`);
    expect(await db.selectFrom("users").select("id").execute()).toHaveLength(1);
  });

  it("answers a body over the size limit with 413 and changes nothing", async () => {
    const { deps, db } = get();
    const { users } = await organisationWith(deps, "groot", { admin: ["admin"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.admin!.email, PASSWORD);
    await client.get("/admin/users/new");
    const res = await client.post("/admin/users", { name: "y".repeat(deps.config.maxBodyBytes + 10), email: "y@groot.example", password: PASSWORD });
    expect(res.status).toBe(413);
    expect(await db.selectFrom("users").select("id").execute()).toHaveLength(1);
  });

  it("a forged id of another organisation in a URL gives 404 on pages and API", async () => {
    const { deps } = get();
    const a = await organisationWith(deps, "een", { admin: ["admin"] });
    const b = await organisationWith(deps, "twee", { fg: ["fg"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(a.users.admin!.email, PASSWORD);
    expect((await client.get(`/admin/users/${b.users.fg!.id}`)).res.status).toBe(404);
    expect((await client.post(`/admin/users/${b.users.fg!.id}/roles`, { role: "cio" })).status).toBe(404);
    const api = await client.api("GET", `/api/v1/users/${b.users.fg!.id}`);
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect(await api.json()).toMatchObject({ status: 404, code: "not_found", detail: "Deze pagina bestaat niet." });
  });

  it("the API creates a user and assigns a role with the same rules as the pages", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "api", { admin: ["admin"], cio: ["cio"] });
    const admin = new TestClient(createApp(deps, allFeatures));
    await admin.logIn(users.admin!.email, PASSWORD);
    const bad = await admin.api("POST", "/api/v1/users", { name: "", email: "geen-adres", password: "kort" });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { field: string; code: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(["email", "name"]);
    const created = await admin.api("POST", "/api/v1/users", { name: "Via API", email: "via@api.example", password: PASSWORD });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await admin.api("POST", `/api/v1/users/${id}/roles`, { role: "iso" })).status).toBe(201);
    const self = await admin.api("POST", `/api/v1/users/${users.admin!.id}/roles`, { role: "admin" });
    expect(self.status).toBe(403);

    const cio = new TestClient(createApp(deps, allFeatures));
    await cio.logIn(users.cio!.email, PASSWORD);
    expect((await cio.api("GET", "/api/v1/users")).status).toBe(403);
    const events = await cio.api("GET", "/api/v1/audit-events?action=role");
    expect(events.status).toBe(200);
    const body = (await events.json()) as { items: { action: string; after: { role: string } }[] };
    expect(body.items[0]).toMatchObject({ action: "role.assigned", after: { role: "iso" } });
    const me = (await (await cio.api("GET", "/api/v1/me")).json()) as { permissions: string[] };
    expect(me.permissions).toEqual(["audit_log.read"]);
  });

  it("publishes an OpenAPI 3.1 document listing the endpoints", async () => {
    const { deps } = get();
    const res = await createApp(deps, allFeatures).request("/api/v1/openapi.json");
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/users", "/users/{id}", "/users/{id}/roles", "/role-assignments/{id}", "/audit-events", "/me"]));
  });

  it("the audit log refuses a malformed date filter with a clear message", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "filter", { vic: ["vic"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.vic!.email, PASSWORD);
    const ok = await client.get("/audit-log?action=user.");
    expect(ok.res.status).toBe(200);
    expect(ok.html).toContain("user.created");
    const bad = await client.get("/audit-log?from=gisteren");
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain("Vul een datum in als jjjj-mm-dd.");
    expect(bad.html).toContain('value="gisteren"');
  });

  it("health and readiness", async () => {
    const { deps } = get();
    const app = createApp(deps, allFeatures);
    expect(await (await app.request("/health")).json()).toEqual({ status: "ok" });
    expect(await (await app.request("/ready")).json()).toEqual({ status: "ready" });
    const missing = await app.request("/bestaat-niet");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Pagina niet gevonden");
  });
});
