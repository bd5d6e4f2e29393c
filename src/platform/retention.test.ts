import { expect, it } from "vitest";
import { organisationWith } from "../../test/support/fixtures.ts";
import { describeEachEngine } from "./db/test-support.ts";
import { cleanupExpired } from "./retention.ts";

describeEachEngine("clean-up of expired data", (get) => {
  it("removes expired and idle sessions and old login failures, in one transaction with one event", async () => {
    const { deps, db } = get();
    const { users, organisationId } = await organisationWith(deps, "opruim", { a: ["admin"] });
    const now = Date.parse("2026-03-10T12:00:00.000Z");
    const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
    const session = (id: string, lastSeenHoursAgo: number, expiresInHours: number) => ({
      id, user_id: users.a!.id, organisation_id: organisationId, created_at: at(lastSeenHoursAgo + 1), last_seen_at: at(lastSeenHoursAgo), expires_at: at(-expiresInHours),
    });
    await db.insertInto("sessions").values([session("live", 0.5, 5), session("idle", 3, 5), session("expired", 0.1, -1)]).execute();
    await db.insertInto("login_failures").values([
      { id: "f-new", kind: "pair", key: "k", at: at(1) },
      { id: "f-old", kind: "pair", key: "k", at: at(25) },
      { id: "f-old-address", kind: "address", key: "198.51.100.1", at: at(48) },
    ]).execute();

    const clock = { ...deps, now: () => new Date(now) };
    expect(await cleanupExpired(clock)).toEqual({ sessions: 2, loginFailures: 2 });
    expect((await db.selectFrom("sessions").select("id").execute()).map((r) => r.id)).toEqual(["live"]);
    expect((await db.selectFrom("login_failures").select("id").execute()).map((r) => r.id)).toEqual(["f-new"]);
    const events = await db.selectFrom("audit_events").selectAll().where("action", "=", "retention.cleaned_up").execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ chain: "system", entity_type: "instance" });
    expect(JSON.parse(events[0]!.after_json!)).toEqual({ sessions: 2, loginFailures: 2 });

    // Nothing left to remove: nothing written.
    expect(await cleanupExpired(clock)).toEqual({ sessions: 0, loginFailures: 0 });
    expect(await db.selectFrom("audit_events").select("id").where("action", "=", "retention.cleaned_up").execute()).toHaveLength(1);
  });
});
