import { expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { createApp } from "../../app.ts";
import { tokenRateLimiter } from "../../platform/auth/token-rate.ts";
import { registerProject } from "../projects/service.ts";
import { createServiceToken, revokeServiceToken } from "./service.ts";

const project = (ownerUserId: string) => ({ title: "Slimme afvalcontainers", goal: "Minder volle containers", domain: "fysiek", technologies: ["sensors"], dataCategories: ["none"], supplierInvolved: false, ownerUserId });
const bearer = (token: string, init: RequestInit = {}) => ({ ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.headers ?? {}) } });

describeEachEngine("organisation service tokens", (get) => {
  it("is issued by the admin, shown once, acts with its role, and a read token is refused on writes", async () => {
    const { deps, db } = get();
    const org = await organisationWith(deps, "dienst", { admin: ["admin"], cio: ["cio"], lead: [] });
    const lead = await org.users.lead!.actor();
    const projectId = await registerProject(deps, lead, project(org.users.lead!.id));
    const app = createApp(deps, allFeatures);
    const admin = new TestClient(app);
    await admin.logIn(org.users.admin!.email, PASSWORD);
    await admin.get("/admin/service-tokens");
    const page = await admin.post("/admin/service-tokens", { name: "Rapportage", scope: "read", role: "cio", days: "30" });
    expect(page.status).toBe(201);
    const token = (await page.text()).match(/afw_[A-Za-z0-9_-]+/)![0];
    // Only its hash is kept, and it is not shown again.
    expect(await db.selectFrom("api_tokens").select("id").where("token_hash", "=", token).executeTakeFirst()).toBeUndefined();
    expect((await admin.get("/admin/service-tokens")).html).not.toContain(token);

    const list = await app.request("/api/v1/projects", bearer(token));
    expect(list.status).toBe(200);
    expect(JSON.stringify(await list.json())).toContain(projectId);
    const write = await app.request("/api/v1/projects", bearer(token, { method: "POST", body: JSON.stringify(project(org.users.lead!.id)) }));
    expect(write.status).toBe(403);
    expect(write.headers.get("content-type")).toContain("application/problem+json");
    expect((await write.json()).detail).toBe("Deze API-sleutel mag alleen lezen.");
    // The account behind the token is not one of the organisation's people.
    const users = await (await admin.api("GET", "/api/v1/users")).json();
    expect(users.items.map((u: { email: string }) => u.email).sort()).toEqual([org.users.admin!.email, org.users.cio!.email, org.users.lead!.email].sort());
    // It cannot log in.
    const login = new TestClient(app);
    await login.get("/login");
    const account = await db.selectFrom("service_accounts").innerJoin("users", "users.id", "service_accounts.user_id").select("users.email").executeTakeFirstOrThrow();
    expect((await login.post("/login", { email: account.email, password: PASSWORD })).status).toBe(401);
  });

  it("refuses a service token on another organisation's records, once expired, and once revoked", async () => {
    const { deps } = get();
    const a = await organisationWith(deps, "eerste", { admin: ["admin"], lead: [] });
    const b = await organisationWith(deps, "tweede", { admin: ["admin"], lead: [] });
    const theirs = await registerProject(deps, await b.users.lead!.actor(), project(b.users.lead!.id));
    const adminA = await a.users.admin!.actor();
    const { id, token } = await createServiceToken(deps, adminA, { name: "Koppeling", scope: "write", role: "cio", days: 1 });
    const app = createApp(deps, allFeatures);
    expect((await app.request(`/api/v1/projects/${theirs}`, bearer(token))).status).toBe(404);
    expect((await app.request(`/api/v1/projects/${theirs}`, bearer(token, { method: "PATCH", body: JSON.stringify({ title: "Overgenomen" }) }))).status).toBe(404);
    // B's admin cannot revoke A's token, nor A's admin make one for B.
    expect(await codeOf(revokeServiceToken(deps, await b.users.admin!.actor(), id))).toBe("not_found:error.not_found");
    expect(await codeOf(createServiceToken(deps, await a.users.lead!.actor(), { name: "x", scope: "read", days: 1 }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(createServiceToken(deps, adminA, { name: "x", scope: "read", role: "admin", days: 1 }))).toBe("validation:field.invalid_choice");

    const later = createApp({ ...deps, now: () => new Date(deps.now().getTime() + 2 * 86_400_000) }, allFeatures);
    const expired = await later.request("/api/v1/me", bearer(token));
    expect(expired.status).toBe(401);
    expect((await expired.json()).detail).toBe("Deze API-sleutel is onbekend, ingetrokken of verlopen.");

    expect((await app.request("/api/v1/me", bearer(token))).status).toBe(200);
    await revokeServiceToken(deps, adminA, id);
    expect((await app.request("/api/v1/me", bearer(token))).status).toBe(401);
  });

  it("limits the requests per token per minute", async () => {
    const { deps } = get();
    const org = await organisationWith(deps, "druk", { admin: ["admin"] });
    const { token } = await createServiceToken(deps, await org.users.admin!.actor(), { name: "Druk", scope: "read", days: 5 });
    const other = await createServiceToken(deps, await org.users.admin!.actor(), { name: "Rustig", scope: "read", days: 5 });
    const app = createApp(deps, allFeatures);
    const before = tokenRateLimiter.perMinute;
    tokenRateLimiter.perMinute = 5;
    try {
      for (let i = 0; i < 5; i++) expect((await app.request("/api/v1/me", bearer(token))).status).toBe(200);
      const refused = await app.request("/api/v1/me", bearer(token));
      expect(refused.status).toBe(429);
      expect((await refused.json()).detail).toContain("hoogstens 5 per minuut");
      expect((await app.request("/api/v1/me", bearer(other.token))).status).toBe(200);
    } finally {
      tokenRateLimiter.perMinute = before;
    }
  });
});
