import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { createApp } from "../../app.ts";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";

describeEachEngine("user management: one transaction per change", (get) => {
  it("a PATCH that is partly refused changes nothing", async () => {
    const { deps, db } = get();
    const { users } = await organisationWith(deps, "patch", { admin: ["admin"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.admin!.email, PASSWORD);
    const res = await client.api("PATCH", `/api/v1/users/${users.admin!.id}`, { name: "Nieuwe naam", active: false });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "rule_refused" });
    const row = await db.selectFrom("users").select(["name", "active"]).where("id", "=", users.admin!.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "admin patch", active: 1 });
    const ok = await client.api("PATCH", `/api/v1/users/${users.admin!.id}`, { name: "Nieuwe naam" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: "Nieuwe naam", active: true });
  });

  it("two administrators taking each other's admin role at the same moment leave one administrator", async () => {
    const { deps, db } = get();
    const { organisationId, users } = await organisationWith(deps, "twee-beheerders", { a: ["admin"], b: ["admin"] });
    const app = createApp(deps, allFeatures);
    const clientA = new TestClient(app);
    const clientB = new TestClient(app);
    await clientA.logIn(users.a!.email, PASSWORD);
    await clientB.logIn(users.b!.email, PASSWORD);
    const assignment = async (userId: string) =>
      (await db.selectFrom("role_assignments").select("id").where("user_id", "=", userId).where("role", "=", "admin").executeTakeFirstOrThrow()).id;
    const [ofA, ofB] = [await assignment(users.a!.id), await assignment(users.b!.id)];
    const results = await Promise.all([clientA.api("DELETE", `/api/v1/role-assignments/${ofB}`), clientB.api("DELETE", `/api/v1/role-assignments/${ofA}`)]);
    // The second is refused: as the last administrator (422) when both began as administrators,
    // or as no longer an administrator at all (403) when the first had already finished.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(204);
    expect([403, 422]).toContain(statuses[1]);
    const refused = results.find((r) => r.status !== 204)!;
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const admins = await db.selectFrom("role_assignments").select("id").where("organisation_id", "=", organisationId).where("role", "=", "admin").execute();
    expect(admins).toHaveLength(1);
    expect((await verifyAllChains(db)).find((r) => r.chain === organisationId)).toMatchObject({ broken: null });
  });
});

describeEachEngine("user management: segregation of duties", (get) => {
  it("nobody gives themselves a role, and admin never goes with a 3rd-line or committee role", async () => {
    const { deps, db } = get();
    const { users } = await organisationWith(deps, "scheiding", { admin: ["admin"], other: ["admin"], auditor: ["it_auditor"] });
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.admin!.email, PASSWORD);
    const count = async () => (await db.selectFrom("role_assignments").select("id").execute()).length;
    const before = await count();

    for (const role of ["it_auditor", "committee_chair", "fg", "cio"]) {
      const self = await client.api("POST", `/api/v1/users/${users.admin!.id}/roles`, { role });
      expect(self.status, role).toBe(403);
      expect(((await self.json()) as { detail: string }).detail).toBe("U kunt uzelf geen rol geven. Vraag een andere beheerder.");
    }
    const mixed = await client.api("POST", `/api/v1/users/${users.other!.id}/roles`, { role: "vic" });
    expect(mixed.status).toBe(422);
    expect(((await mixed.json()) as { detail: string }).detail).toMatch(/^Dit kan niet\. Deze persoon zou dan beheerder zijn/);
    const reverse = await client.api("POST", `/api/v1/users/${users.auditor!.id}/roles`, { role: "admin" });
    expect(reverse.status).toBe(422);
    expect(await count()).toBe(before);

    // On the page the same rule shows as a message above the form.
    await client.get(`/admin/users/${users.other!.id}`);
    const page = await client.post(`/admin/users/${users.other!.id}/roles`, { role: "committee_member", projectId: "" });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("Wie Afweging beheert, houdt er niet ook toezicht op.");
    expect(await count()).toBe(before);
    // A role that does not oversee is fine.
    expect((await client.api("POST", `/api/v1/users/${users.other!.id}/roles`, { role: "jurist" })).status).toBe(201);
  });
});
