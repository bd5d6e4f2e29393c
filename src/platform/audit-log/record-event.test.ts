import { sql } from "kysely";
import { expect, it } from "vitest";
import { organisationWith } from "../../../test/support/fixtures.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { inTransaction } from "../transaction.ts";
import { verifyAllChains } from "./verify-chain.ts";

describeEachEngine("audit trail in the database", (get) => {
  it("reports the chain intact, then the first event changed by hand", async () => {
    const { deps, db } = get();
    const { organisationId } = await organisationWith(deps, "keten", { a: ["admin"], b: ["fg"], c: ["vic"] });
    const before = await verifyAllChains(db);
    const chain = before.find((r) => r.chain === organisationId)!;
    expect(chain.broken).toBeNull();
    expect(chain.events).toBeGreaterThanOrEqual(6);

    // Someone edits a row directly in the database, past the application.
    await sql`update audit_events set after_json = ${'{"role":"admin"}'} where chain = ${organisationId} and seq = 4`.execute(db);
    const after = await verifyAllChains(db);
    expect(after.find((r) => r.chain === organisationId)!.broken).toMatchObject({ seq: 4, reason: "hash_mismatch" });
  });

  it("detects an event deleted from the end of a chain", async () => {
    const { deps, db } = get();
    const { organisationId } = await organisationWith(deps, "staart", { a: ["admin"] });
    await sql`delete from audit_events where chain = ${organisationId} and seq = (select max(seq) from audit_events where chain = ${organisationId})`.execute(db);
    const report = (await verifyAllChains(db)).find((r) => r.chain === organisationId)!;
    expect(report.broken?.reason).toBe("seq_gap");
  });

  it("writes no event when the change fails, and no change without its event", async () => {
    const { deps, db } = get();
    const { organisationId } = await organisationWith(deps, "atoom", { a: ["admin"] });
    const count = async () => Number((await db.selectFrom("audit_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst())!.n);
    const n = await count();
    await expect(
      inTransaction(deps, { userId: null, organisationId, name: "test" }, async (tx) => {
        await tx.audit({ action: "organisation.updated", entityType: "organisation", entityId: organisationId });
        await tx.db.updateTable("organisations").set({ name: "Nieuw" }).where("id", "=", organisationId).execute();
        throw new Error("crash after the change");
      }),
    ).rejects.toThrow("crash after the change");
    expect(await count()).toBe(n);
    const org = await db.selectFrom("organisations").select("name").where("id", "=", organisationId).executeTakeFirstOrThrow();
    expect(org.name).toBe("Gemeente atoom");
  });

  it("keeps one unbroken chain when many changes arrive at once", async () => {
    const { deps, db } = get();
    const { organisationId } = await organisationWith(deps, "druk", { a: ["admin"] });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inTransaction(deps, { userId: null, organisationId, name: "parallel" }, (tx) => tx.audit({ action: "organisation.updated", entityType: "organisation", entityId: String(i) })),
      ),
    );
    const report = (await verifyAllChains(db)).find((r) => r.chain === organisationId)!;
    expect(report.broken).toBeNull();
    expect(report.events).toBeGreaterThanOrEqual(22);
  });
});
