import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { expect, it } from "vitest";
import { describeEachEngine, allFeatures } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { createApp } from "../../app.ts";
import { verifyAllChains } from "../../platform/audit-log/verify-chain.ts";
import type { Deps } from "../../platform/deps.ts";
import { cleanupExpired } from "../../platform/retention.ts";
import { setUserActive } from "../admin/service.ts";
import { startBiasAuditRun } from "../bias-audit/start-run.ts";
import { listRetentionPeriods, updateRetentionPeriods } from "./update-retention-periods.ts";

const DAY = 86_400_000;
const at = (deps: Deps, t: number): Deps => ({ ...deps, now: () => new Date(t) });

/** A finished bias audit with its uploaded file on disk, finished `daysAgo` before `now`. */
async function finishedAudit(deps: Deps, organisationId: string, userId: string, now: number, daysAgo: number) {
  const id = deps.newId();
  const storageKey = `uploads/${organisationId}/${id}`;
  const path = resolve(deps.config.dataDir, storageKey);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, "besluit,groep\n1,a\n");
  const finished = new Date(now - daysAgo * DAY).toISOString();
  await deps.db
    .insertInto("bias_audits")
    .values({ id, organisation_id: organisationId, project_id: null, name: `Audit ${daysAgo} dagen`, file_name: "u.csv", file_format: "csv", file_bytes: 18, storage_key: storageKey, columns_json: JSON.stringify(["besluit", "groep"]), delimiter: ",", mapping_json: null, status: "done", progress_bytes: 18, total_bytes: 18, error_code: null, error_params_json: null, report_json: "{}", created_by: userId, created_by_name: "fg", created_at: finished, updated_at: finished, started_at: finished, finished_at: finished, heartbeat_at: null })
    .execute();
  return { id, path };
}

describeEachEngine("retention periods an organisation sets", (get) => {
  it("the administrator sets them within the features' bounds; anyone else and bad values are refused and change nothing", async () => {
    const { deps, db } = get();
    const { users, organisationId } = await organisationWith(deps, "bewaar", { admin: ["admin"], fg: ["fg"] });
    const admin = await users.admin!.actor();
    const periods = await listRetentionPeriods(deps, admin);
    expect(periods.map((p) => [p.key, p.days])).toEqual([
      ["users.anonymise_after_deactivation", null],
      ["bias_audit.outcome_data", 90],
    ]);
    expect(await codeOf(listRetentionPeriods(deps, await users.fg!.actor()))).toBe("forbidden:error.forbidden");
    expect(await codeOf(updateRetentionPeriods(deps, await users.fg!.actor(), { periods: { "bias_audit.outcome_data": 30 } }))).toBe("forbidden:error.forbidden");
    expect(await codeOf(updateRetentionPeriods(deps, admin, { periods: { "bias_audit.outcome_data": 0 } }))).toBe("validation:retention.out_of_range");
    expect(await codeOf(updateRetentionPeriods(deps, admin, { periods: { "users.anonymise_after_deactivation": 10 } }))).toBe("validation:retention.out_of_range");
    expect(await codeOf(updateRetentionPeriods(deps, admin, { periods: { "bestaat.niet": 10 } }))).toBe("validation:retention.unknown_period");
    expect(await codeOf(updateRetentionPeriods(deps, admin, { periods: { "bias_audit.outcome_data": 2.5 } }))).toBe("validation:field.number");
    expect(await db.selectFrom("retention_periods").selectAll().execute()).toEqual([]);

    await updateRetentionPeriods(deps, admin, { periods: { "bias_audit.outcome_data": 30, "users.anonymise_after_deactivation": 365 } });
    expect((await listRetentionPeriods(deps, admin)).map((p) => p.days)).toEqual([365, 30]);
    await updateRetentionPeriods(deps, admin, { periods: { "bias_audit.outcome_data": null } });
    expect((await listRetentionPeriods(deps, admin)).map((p) => p.days)).toEqual([365, null]);
    const events = await db.selectFrom("audit_events").select(["action", "before_json", "after_json"]).where("chain", "=", organisationId).where("action", "=", "organisation.retention_updated").orderBy("seq").execute();
    expect(events.map((e) => JSON.parse(e.after_json!))).toEqual([{ "bias_audit.outcome_data": 30, "users.anonymise_after_deactivation": 365 }, { "bias_audit.outcome_data": null }]);
    expect(JSON.parse(events[0]!.before_json!)).toEqual({ "bias_audit.outcome_data": 90, "users.anonymise_after_deactivation": null });
  });

  it("removes the outcome data of finished bias audits after each organisation's own period, keeps the result, and refuses a new run", async () => {
    const { deps, db } = get();
    const now = Date.parse("2026-11-30T10:00:00.000Z");
    const a = await organisationWith(deps, "kort", { admin: ["admin"], fg: ["fg"] });
    const b = await organisationWith(deps, "bewaart", { admin: ["admin"], fg: ["fg"] });
    await updateRetentionPeriods(deps, await a.users.admin!.actor(), { periods: { "bias_audit.outcome_data": 30 } });
    await updateRetentionPeriods(deps, await b.users.admin!.actor(), { periods: { "bias_audit.outcome_data": null } });
    const oldA = await finishedAudit(deps, a.organisationId, a.users.fg!.id, now, 40);
    const freshA = await finishedAudit(deps, a.organisationId, a.users.fg!.id, now, 20);
    const oldB = await finishedAudit(deps, b.organisationId, b.users.fg!.id, now, 400);

    const result = await cleanupExpired(at(deps, now));
    expect(result.outcomeData).toBe(1);
    expect([existsSync(oldA.path), existsSync(freshA.path), existsSync(oldB.path)]).toEqual([false, true, true]);
    const rows = await db.selectFrom("bias_audits").select(["id", "data_removed_at", "report_json"]).orderBy("name").execute();
    expect(rows.find((r) => r.id === oldA.id)).toMatchObject({ data_removed_at: new Date(now).toISOString(), report_json: "{}" });
    expect(rows.filter((r) => r.data_removed_at).length).toBe(1);
    const mapping = { decision: "besluit", favourable: "1", groups: ["groep"] };
    expect(await codeOf(startBiasAuditRun(deps, await a.users.fg!.actor(), oldA.id, mapping))).toBe("rule_refused:bias_audit.data_removed");

    // A second run finds nothing more to remove.
    expect((await cleanupExpired(at(deps, now))).outcomeData).toBe(0);
  });

  it("anonymises departed users after their organisation's period, on the organisation's own chain, and leaves others alone", async () => {
    const { deps, db } = get();
    const now = Date.parse("2026-11-30T10:00:00.000Z");
    const a = await organisationWith(deps, "vertrekt", { admin: ["admin"], gone: [], recent: [] });
    const b = await organisationWith(deps, "nooit", { admin: ["admin"], gone: [] });
    await updateRetentionPeriods(deps, await a.users.admin!.actor(), { periods: { "users.anonymise_after_deactivation": 30 } });
    await setUserActive(at(deps, now - 40 * DAY), await a.users.admin!.actor(), a.users.gone!.id, false);
    await setUserActive(at(deps, now - 10 * DAY), await a.users.admin!.actor(), a.users.recent!.id, false);
    await setUserActive(at(deps, now - 400 * DAY), await b.users.admin!.actor(), b.users.gone!.id, false);

    expect((await cleanupExpired(at(deps, now))).usersAnonymised).toBe(1);
    const emails = Object.fromEntries((await db.selectFrom("users").select(["id", "email"]).execute()).map((u) => [u.id, u.email]));
    expect(emails[a.users.gone!.id]).toMatch(/@anoniem\.invalid$/);
    expect(emails[a.users.recent!.id]).toBe(a.users.recent!.email);
    expect(emails[b.users.gone!.id]).toBe(b.users.gone!.email);
    const event = await db.selectFrom("audit_events").select(["chain", "actor_id", "actor_label"]).where("action", "=", "user.anonymised").executeTakeFirstOrThrow();
    expect(event).toEqual({ chain: a.organisationId, actor_id: null, actor_label: "systeem" });
    expect((await verifyAllChains(db)).every((r) => r.broken === null)).toBe(true);
    expect((await cleanupExpired(at(deps, now))).usersAnonymised).toBe(0);
  });

  it("the page and the API: the administrator sees and sets the periods; a bad value shows the form again", async () => {
    const { deps, db } = get();
    const { users } = await organisationWith(deps, "scherm", { admin: ["admin"], lead: [] });
    const app = createApp(deps, allFeatures);
    const admin = new TestClient(app);
    await admin.logIn(users.admin!.email, PASSWORD);
    const page = await admin.get("/admin/retention");
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("Uitkomstdata van een bias-audit");
    const bad = await admin.post("/admin/retention", { "periods.bias_audit.outcome_data": "0", "periods.users.anonymise_after_deactivation": "" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Kies een termijn van 1 tot 3650 dagen.");
    expect(await db.selectFrom("retention_periods").selectAll().execute()).toEqual([]);
    const ok = await admin.post("/admin/retention", { "periods.bias_audit.outcome_data": "60", "periods.users.anonymise_after_deactivation": "" });
    expect(ok.status).toBe(303);
    const api = await admin.api("PUT", "/api/v1/retention-periods", { periods: { "users.anonymise_after_deactivation": 730 } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { items: { key: string; days: number | null }[] }).items.map((i) => i.days)).toEqual([730, 60]);
    expect((await admin.api("PUT", "/api/v1/retention-periods", { periods: { "bias_audit.outcome_data": "veel" } })).status).toBe(400);

    const lead = new TestClient(app);
    await lead.logIn(users.lead!.email, PASSWORD);
    expect((await lead.get("/admin/retention")).res.status).toBe(403);
    expect((await lead.api("GET", "/api/v1/retention-periods")).status).toBe(403);
  });
});
