import { expect, it } from "vitest";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { createApp } from "../../app.ts";
import { Extensions } from "../../platform/feature.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import { createMeasure, setMeasureStatus, signOffMeasure } from "../measures/service.ts";
import { addMember, registerProject } from "../projects/service.ts";
import { projectInput } from "../projects/test-helpers.ts";
import { anonymiseUser, anonymousLabel, type PersonalData } from "./anonymise-user.ts";
import { setUserActive } from "./service.ts";

/** Columns that hold a name but not a person's: the file a user uploaded, the claim a provider sends, an algorithm's name in the register. */
const NOT_A_PERSON = new Set(["bias_audits.file_name", "evidence_items.file_name", "register_entries.pub_name", "sso_providers.claim_name"]);

describeEachEngine("anonymising a user who has left", (get) => {
  it("every column that keeps a person's name is known to the anonymisation", async () => {
    const { db } = get();
    const listed = new Set(new Extensions(allFeatures).get("personalData").flatMap((p: PersonalData) => ("name" in p ? [`${p.table}.${p.name}`] : [])));
    const nameColumns = (await db.introspection.getTables()).flatMap((t) => t.columns.filter((c) => c.name.endsWith("_name")).map((c) => `${t.name}.${c.name}`));
    expect(nameColumns.length).toBeGreaterThan(20);
    expect(nameColumns.filter((c) => !listed.has(c) && !NOT_A_PERSON.has(c)).sort()).toEqual([]);
  });

  it("replaces the name and e-mail address in the account and in the records, ends access, and keeps the audit chain intact", async () => {
    const { deps, db } = get();
    const { organisationId, users } = await organisationWith(deps, "vertrek", { admin: ["admin"], owner: [], lead: [], member: [] });
    const other = await organisationWith(deps, "elders", { admin: ["admin"], gone: [] });
    const project = await registerProject(deps, await users.lead!.actor(), projectInput(users.owner!.id));
    const lead = await users.lead!.actor();
    await addMember(deps, lead, project, { userId: users.member!.id, role: "member" });
    const measure = await createMeasure(deps, lead, { projectId: project, title: "Bewaartermijn vastleggen", ownerUserId: users.member!.id, source: { type: "manual" } });
    await setMeasureStatus(deps, await users.member!.actor(), measure, { status: "done", evidence: "Besluit van 1 maart" });
    await signOffMeasure(deps, lead, measure);
    const admin = await users.admin!.actor();

    expect(await codeOf(anonymiseUser(deps, admin, users.lead!.id))).toBe("rule_refused:user.anonymise_active");
    expect(await codeOf(anonymiseUser(deps, admin, users.admin!.id))).toBe("rule_refused:user.cannot_anonymise_self");
    await setUserActive(deps, await other.users.admin!.actor(), other.users.gone!.id, false);
    expect(await codeOf(anonymiseUser(deps, admin, other.users.gone!.id))).toBe("not_found:error.not_found");
    expect(await codeOf(anonymiseUser(deps, await users.member!.actor(), users.lead!.id))).toBe("forbidden:error.forbidden");

    await setUserActive(deps, admin, users.lead!.id, false);
    await anonymiseUser(deps, admin, users.lead!.id);
    const label = anonymousLabel(users.lead!.id);
    const row = await db.selectFrom("users").select(["name", "email", "active"]).where("id", "=", users.lead!.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: label, email: expect.stringMatching(/@anoniem\.invalid$/), active: 0 });
    expect((await db.selectFrom("measures").select("signed_off_by_name").where("id", "=", measure).executeTakeFirstOrThrow()).signed_off_by_name).toBe(label);
    expect(await codeOf(anonymiseUser(deps, admin, users.lead!.id))).toBe("conflict:user.already_anonymised");
    // The old address is free again, and nobody logs in with the old password.
    const login = await new TestClient(createApp(deps, allFeatures)).logIn(users.lead!.email, PASSWORD);
    expect(login.status).toBe(401);
    expect((await verifyAllChains(db)).find((r) => r.chain === organisationId)).toMatchObject({ broken: null });
    const event = await db.selectFrom("audit_events").select("after_json").where("action", "=", "user.anonymised").executeTakeFirstOrThrow();
    expect(JSON.parse(event.after_json!)).toMatchObject({ label, records: expect.any(Number) });
  });

  it("the admin anonymises from the user's page after a confirmation, and through the API", async () => {
    const { deps, db } = get();
    const { users } = await organisationWith(deps, "pagina", { admin: ["admin"], a: [], b: [] });
    const admin = await users.admin!.actor();
    await setUserActive(deps, admin, users.a!.id, false);
    await setUserActive(deps, admin, users.b!.id, false);
    const client = new TestClient(createApp(deps, allFeatures));
    await client.logIn(users.admin!.email, PASSWORD);
    const page = await client.get(`/admin/users/${users.a!.id}`);
    expect(page.html).toContain(`href="/admin/users/${users.a!.id}/anonymise"`);
    const confirm = await client.get(`/admin/users/${users.a!.id}/anonymise`);
    expect(confirm.html).toContain("Dit kunt u niet ongedaan maken.");
    expect((await client.post(`/admin/users/${users.a!.id}/anonymise`, {})).status).toBe(303);
    expect((await client.get(`/admin/users/${users.a!.id}`)).html).toContain("De gegevens van de gebruiker zijn geanonimiseerd.");
    expect((await client.api("POST", `/api/v1/users/${users.b!.id}/anonymise`)).status).toBe(204);
    const again = await client.api("POST", `/api/v1/users/${users.b!.id}/anonymise`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { detail: string }).detail).toBe("De gegevens van deze gebruiker zijn al geanonimiseerd.");
    expect((await db.selectFrom("users").select("name").where("id", "in", [users.a!.id, users.b!.id]).execute()).map((r) => r.name).sort()).toEqual([anonymousLabel(users.a!.id), anonymousLabel(users.b!.id)].sort());
  });
});
