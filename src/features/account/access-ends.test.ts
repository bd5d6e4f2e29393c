import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";

const NEW_PASSWORD = "Lente in Voorbeeldstad 2027";

// A password change, a reset and a deactivation end what the old state let in:
// other sessions and every API token. Reactivation revives nothing.
describeEachEngine("sessions and tokens end with the password", (get) => {
  async function setUp(slug: string) {
    const { deps } = get();
    const org = await organisationWith(deps, slug, { admin: ["admin"], lead: ["cio"] });
    const app = createApp(deps, allFeatures);
    const laptop = new TestClient(app);
    const phone = new TestClient(app);
    await laptop.logIn(org.users.lead!.email, PASSWORD);
    await phone.logIn(org.users.lead!.email, PASSWORD);
    await laptop.get("/account");
    const made = await laptop.post("/account/tokens", { name: "script", scope: "read", days: "30" });
    expect(made.status).toBe(201);
    const token = (await made.text()).match(/value="(afw_[A-Za-z0-9_-]+)"/)![1]!;
    const bearer = async () => (await app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status;
    const loggedIn = async (client: TestClient) => (await client.get("/account")).res.status === 200;
    expect(await bearer()).toBe(200);
    expect(await loggedIn(phone)).toBe(true);
    return { ...org, app, laptop, phone, bearer, loggedIn };
  }

  it("changing one's own password ends the other sessions and every token, keeps this session, and says so", async () => {
    const { db } = get();
    const { laptop, phone, bearer, loggedIn, users } = await setUp("eigen");
    const res = await laptop.post("/account/password", { current: PASSWORD, password: NEW_PASSWORD });
    expect(res.status).toBe(303);
    const page = await laptop.get("/account");
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("U bent op uw andere apparaten uitgelogd en uw API-sleutels zijn ingetrokken.");
    expect(await loggedIn(phone)).toBe(false);
    expect(await bearer()).toBe(401);
    const event = await db.selectFrom("audit_events").select("after_json").where("action", "=", "user.password_changed").where("entity_id", "=", users.lead!.id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.after_json!)).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
  });

  it("an admin's reset ends every session and token of the user", async () => {
    const { laptop, phone, bearer, loggedIn, users, app } = await setUp("reset");
    const admin = new TestClient(app);
    await admin.logIn(users.admin!.email, PASSWORD);
    expect((await admin.api("POST", `/api/v1/users/${users.lead!.id}/password`, { password: NEW_PASSWORD })).status).toBe(204);
    expect(await loggedIn(laptop)).toBe(false);
    expect(await loggedIn(phone)).toBe(false);
    expect(await bearer()).toBe(401);
  });

  it("deactivating and reactivating a user revives neither sessions nor tokens", async () => {
    const { phone, bearer, loggedIn, users, app } = await setUp("weer-actief");
    const admin = new TestClient(app);
    await admin.logIn(users.admin!.email, PASSWORD);
    expect((await admin.api("PATCH", `/api/v1/users/${users.lead!.id}`, { active: false })).status).toBe(200);
    expect((await admin.api("PATCH", `/api/v1/users/${users.lead!.id}`, { active: true })).status).toBe(200);
    expect(await loggedIn(phone)).toBe(false);
    expect(await bearer()).toBe(401);
  });

  it("a user sees their own sessions and ends another one, but not the one in use", async () => {
    const { laptop, phone, loggedIn } = await setUp("sessies");
    const page = await laptop.get("/account");
    expect(page.html).toContain("Waar u bent ingelogd");
    expect(page.html).toContain("Deze sessie");
    const ids = [...page.html.matchAll(/name="session" value="([0-9a-f]{64})"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(1);
    const ended = await laptop.post("/account/sessions/end", { session: ids[0]! });
    expect(ended.status).toBe(303);
    expect(await loggedIn(phone)).toBe(false);
    expect(await loggedIn(laptop)).toBe(true);
    const unknown = await laptop.post("/account/sessions/end", { session: "0".repeat(64) });
    expect(unknown.status).toBe(404);
  });
});
