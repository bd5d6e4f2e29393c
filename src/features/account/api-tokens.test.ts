import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";

describeEachEngine("API tokens", (get) => {
  it("a token made on the account page acts as its user, within its scope, until revoked", async () => {
    const { deps } = get();
    const { users } = await organisationWith(deps, "sleutel", { admin: ["admin"] });
    const app = createApp(deps, allFeatures);
    const browser = new TestClient(app);
    await browser.logIn(users.admin!.email, PASSWORD);
    await browser.get("/account");

    const bad = await browser.post("/account/tokens", { name: "", scope: "alles", days: "999" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Kies een van de mogelijkheden.");

    const made = async (scope: string) => {
      const res = await browser.post("/account/tokens", { name: `script ${scope}`, scope, days: "30" });
      expect(res.status).toBe(201);
      return (await res.text()).match(/value="(afw_[A-Za-z0-9_-]+)"/)![1]!;
    };
    const readToken = await made("read");
    const writeToken = await made("write");
    const call = (token: string, method: string, path: string, body?: unknown) =>
      app.request(path, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });

    const me = await call(readToken, "GET", "/api/v1/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: users.admin!.email, organisationRoles: ["admin"] });

    const refused = await call(readToken, "POST", "/api/v1/users", { name: "Via Sleutel", email: "via@sleutel.example", password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ detail: "Deze API-sleutel mag alleen lezen." });

    // A bearer token needs no CSRF token: browsers never send it on their own.
    const created = await call(writeToken, "POST", "/api/v1/users", { name: "Via Sleutel", email: "via@sleutel.example", password: PASSWORD });
    expect(created.status).toBe(201);

    const page = await browser.get("/account");
    const tokenId = page.html.match(/\/account\/tokens\/([^/]+)\/revoke/)![1]!;
    await browser.post(`/account/tokens/${tokenId}/revoke`, {});
    const statuses = await Promise.all([readToken, writeToken].map(async (tok) => (await call(tok, "GET", "/api/v1/me")).status));
    expect(statuses.sort()).toEqual([200, 401]);
    expect((await call("afw_unknown", "GET", "/api/v1/me")).status).toBe(401);

    const events = await deps.db.selectFrom("audit_events").select("action").where("action", "like", "api_token.%").execute();
    expect(events.map((e) => e.action).sort()).toEqual(["api_token.created", "api_token.created", "api_token.revoked"]);
  });
});
