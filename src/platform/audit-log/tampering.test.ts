import { randomBytes } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { Deps } from "../deps.ts";
import { inTransaction } from "../transaction.ts";
import { checkpointDir, checkpointFile, verifyAudit, writeCheckpoints } from "./checkpoints.ts";
import { eventHash, eventHmac, type ChainBreakReason } from "./hash-chain.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Deps with a data folder of their own, so checkpoints of one test never meet another's. */
function withOwnDataDir(deps: Deps): Deps {
  const dataDir = mkdtempSync(join(tmpdir(), "afweging-audit-"));
  dirs.push(dataDir);
  return { ...deps, config: { ...deps.config, dataDir } };
}

/** An organisation row (business data) and a chain of `n` events about it; the head is checkpointed. */
async function chainOf(deps: Deps, n = 6) {
  const org = `org-${randomBytes(4).toString("hex")}`;
  const actor = { userId: "user-1", organisationId: org, name: "Tester" };
  await inTransaction(deps, actor, async (tx) => {
    await tx.db.insertInto("organisations").values({ id: org, slug: org, name: "Gemeente Proef", tooi_code: null, theme_class: "voorbeeld-theme", theme_css: null, logo_url: null, created_at: tx.now().toISOString() }).execute();
    await tx.audit({ action: "organisation.created", entityType: "organisation", entityId: org, after: { name: "Gemeente Proef" } });
  });
  for (let i = 2; i <= n; i++) {
    await inTransaction(deps, actor, (tx) => tx.audit({ action: "organisation.updated", entityType: "organisation", entityId: org, after: { n: i } }));
  }
  expect((await writeCheckpoints(deps)).written).toContain(org);
  return org;
}

async function report(deps: Deps, chain: string, extraFiles: string[] = []) {
  const r = (await verifyAudit(deps, extraFiles)).find((x) => x.chain === chain);
  if (!r) throw new Error(`no report for ${chain}`);
  return r;
}

/** Rewrites event `seq` and recomputes every hash after it (and the keyed hashes, when given the key), as someone with database access could. */
async function rewriteFrom(deps: Deps, chain: string, seq: number, change: { after_json: string }, key?: string) {
  const events = await deps.db.selectFrom("audit_events").selectAll().where("chain", "=", chain).orderBy("seq").execute();
  let prev: string | null = null;
  for (const e of events) {
    const row = { ...e, seq: Number(e.seq) };
    if (row.seq < seq) {
      prev = row.hash;
      continue;
    }
    const fields = { ...row, ...(row.seq === seq ? change : {}), prev_hash: prev ?? row.prev_hash };
    const hash = eventHash(fields);
    const hmac = key ? eventHmac(key, fields) : row.hmac;
    await deps.db.updateTable("audit_events").set({ after_json: fields.after_json, prev_hash: fields.prev_hash, hash, hmac }).where("chain", "=", chain).where("seq", "=", row.seq).execute();
    prev = hash;
  }
  await deps.db.updateTable("audit_chain_heads").set({ hash: prev! }).where("chain", "=", chain).execute();
}

describeEachEngine("the anchored audit chain: tampering by someone with database access", (get) => {
  const cases: { name: string; expected: ChainBreakReason | null; tamper: (deps: Deps, chain: string) => Promise<void> }[] = [
    {
      name: "1. a changed field",
      expected: "hash_mismatch",
      tamper: async (deps, chain) => {
        await sql`update audit_events set after_json = ${'{"n":99}'} where chain = ${chain} and seq = 3`.execute(deps.db);
      },
    },
    {
      name: "2. a changed actor",
      expected: "hash_mismatch",
      tamper: async (deps, chain) => {
        await sql`update audit_events set actor_id = 'someone-else', actor_label = 'Iemand anders' where chain = ${chain} and seq = 3`.execute(deps.db);
      },
    },
    {
      name: "3. a changed time",
      expected: "hash_mismatch",
      tamper: async (deps, chain) => {
        await sql`update audit_events set at = '2020-01-01T00:00:00.000Z' where chain = ${chain} and seq = 3`.execute(deps.db);
      },
    },
    {
      name: "4. a deleted event in the middle",
      expected: "seq_gap",
      tamper: async (deps, chain) => {
        await sql`delete from audit_events where chain = ${chain} and seq = 3`.execute(deps.db);
      },
    },
    {
      name: "5. the last event deleted",
      expected: "seq_gap",
      tamper: async (deps, chain) => {
        await sql`delete from audit_events where chain = ${chain} and seq = 6`.execute(deps.db);
      },
    },
    {
      name: "6. every event deleted, with the chain head",
      expected: "chain_missing",
      tamper: async (deps, chain) => {
        await sql`delete from audit_events where chain = ${chain}`.execute(deps.db);
        await sql`delete from audit_chain_heads where chain = ${chain}`.execute(deps.db);
      },
    },
    {
      name: "7. the last events deleted and the head rewound",
      expected: "behind_checkpoint",
      tamper: async (deps, chain) => {
        const fourth = await deps.db.selectFrom("audit_events").select("hash").where("chain", "=", chain).where("seq", "=", 4).executeTakeFirstOrThrow();
        await sql`delete from audit_events where chain = ${chain} and seq > 4`.execute(deps.db);
        await deps.db.updateTable("audit_chain_heads").set({ seq: 4, hash: fourth.hash }).where("chain", "=", chain).execute();
      },
    },
    {
      name: "8a. a changed event with every hash recomputed, without the key",
      expected: "hmac_mismatch",
      tamper: (deps, chain) => rewriteFrom(deps, chain, 3, { after_json: '{"n":99}' }),
    },
    {
      name: "8b. a changed event with every hash and keyed hash recomputed, with the key",
      expected: "checkpoint_mismatch",
      tamper: (deps, chain) => rewriteFrom(deps, chain, 3, { after_json: '{"n":99}' }, deps.config.auditKey),
    },
  ];

  for (const c of cases) {
    it(`detects ${c.name}`, async () => {
      const deps = withOwnDataDir(get().deps);
      const chain = await chainOf(deps);
      const intact = await report(deps, chain);
      expect(intact).toMatchObject({ events: 6, unkeyed: 0, broken: null, checkpoint: { seq: 6 } });
      await c.tamper(deps, chain);
      expect((await report(deps, chain)).broken?.reason).toBe(c.expected);
      // And the next checkpoint refuses to vouch for it.
      const run = await writeCheckpoints(deps);
      expect(run.written).not.toContain(chain);
    });
  }

  it("9. does not see a business row changed without an event: the chain covers the events, not the tables", async () => {
    const deps = withOwnDataDir(get().deps);
    const chain = await chainOf(deps);
    await sql`update organisations set name = 'Gemeente Vervalst' where id = ${chain}`.execute(deps.db);
    // The trail still verifies: what it says (the last recorded name) and the table now differ; only a comparison shows it.
    expect((await report(deps, chain)).broken).toBeNull();
    const lastRecorded = await deps.db.selectFrom("audit_events").select("after_json").where("chain", "=", chain).where("action", "=", "organisation.created").executeTakeFirstOrThrow();
    const row = await deps.db.selectFrom("organisations").select("name").where("id", "=", chain).executeTakeFirstOrThrow();
    expect(JSON.parse(lastRecorded.after_json!).name).not.toBe(row.name);
  });

  it("accepts events written before keyed hashes existed as unkeyed, but only before the first keyed one", async () => {
    const deps = withOwnDataDir(get().deps);
    const org = `org-${randomBytes(4).toString("hex")}`;
    const actor = { userId: null, organisationId: org, name: "systeem" };
    for (let i = 1; i <= 5; i++) await inTransaction(deps, actor, (tx) => tx.audit({ action: "organisation.updated", entityType: "organisation", entityId: org, after: { i } }));
    // As an existing database is after the migration: the first events have no keyed hash.
    await sql`update audit_events set hmac = null where chain = ${org} and seq <= 3`.execute(deps.db);
    expect(await report(deps, org)).toMatchObject({ events: 5, unkeyed: 3, broken: null });
    await writeCheckpoints(deps);
    const line = JSON.parse(readFileSync(checkpointFile(checkpointDir(deps.config.dataDir), org), "utf8").trim().split("\n").pop()!);
    expect(line).toMatchObject({ chain: org, seq: 5, keyedFrom: 4 });

    // Removing a keyed hash to pass a rewritten event off as an old one does not work.
    await sql`update audit_events set hmac = null where chain = ${org} and seq = 4`.execute(deps.db);
    expect((await report(deps, org)).broken).toMatchObject({ seq: 4, reason: "hmac_missing" });
  });

  it("keeps a chain without any keyed hash verifiable, and anchors it from the first checkpoint on", async () => {
    const deps = withOwnDataDir(get().deps);
    const org = `org-${randomBytes(4).toString("hex")}`;
    const actor = { userId: null, organisationId: org, name: "systeem" };
    for (let i = 1; i <= 4; i++) await inTransaction(deps, actor, (tx) => tx.audit({ action: "organisation.updated", entityType: "organisation", entityId: org, after: { i } }));
    await sql`update audit_events set hmac = null where chain = ${org}`.execute(deps.db);
    expect(await report(deps, org)).toMatchObject({ events: 4, unkeyed: 4, broken: null, checkpoint: null });
    await writeCheckpoints(deps);
    // Rewriting the unkeyed events now is seen against the checkpoint.
    await rewriteFrom(deps, org, 2, { after_json: '{"i":42}' });
    expect((await report(deps, org)).broken?.reason).toBe("checkpoint_mismatch");
  });

  it("sees an edited checkpoint file, and compares with a copy the 3rd line downloaded when the file is gone", async () => {
    const deps = withOwnDataDir(get().deps);
    const chain = await chainOf(deps);
    const file = checkpointFile(checkpointDir(deps.config.dataDir), chain);
    const copy = join(deps.config.dataDir, "downloaded-copy.jsonl");
    writeFileSync(copy, readFileSync(file));

    const edited = readFileSync(file, "utf8").replace('"seq":6', '"seq":4');
    writeFileSync(file, edited);
    expect((await report(deps, chain)).broken?.reason).toBe("checkpoint_invalid");
    appendFileSync(file, "not a checkpoint\n");

    // Someone with access to the database and the data folder rewinds the chain and removes the file: the copy still knows.
    unlinkSync(file);
    const fourth = await deps.db.selectFrom("audit_events").select("hash").where("chain", "=", chain).where("seq", "=", 4).executeTakeFirstOrThrow();
    await sql`delete from audit_events where chain = ${chain} and seq > 4`.execute(deps.db);
    await deps.db.updateTable("audit_chain_heads").set({ seq: 4, hash: fourth.hash }).where("chain", "=", chain).execute();
    expect((await report(deps, chain)).broken).toBeNull();
    expect((await report(deps, chain, [copy])).broken?.reason).toBe("behind_checkpoint");
  });

  it("writes a checkpoint only when a head moved, and each one verifies what was added since the last", async () => {
    const deps = withOwnDataDir(get().deps);
    const chain = await chainOf(deps, 3);
    expect((await writeCheckpoints(deps)).unchanged).toContain(chain);
    await inTransaction(deps, { userId: null, organisationId: chain, name: "systeem" }, (tx) => tx.audit({ action: "organisation.updated", entityType: "organisation", entityId: chain }));
    expect((await writeCheckpoints(deps)).written).toContain(chain);
    const lines = readFileSync(checkpointFile(checkpointDir(deps.config.dataDir), chain), "utf8").trim().split("\n");
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual([3, 4]);
    expect(await report(deps, chain)).toMatchObject({ events: 4, broken: null, checkpoint: { seq: 4 } });
  });
});
