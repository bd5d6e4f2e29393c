import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import type { Deps } from "../deps.ts";
import { inTransaction } from "../transaction.ts";
import { backoffMs, claimJob, enqueueJob, ensureRecurring, failedJobs, retryJob, runDueJobs, type ScheduledJob } from "./index.ts";

/** Deps whose clock stands still until the test moves it. */
function withClock(deps: Deps, start = "2026-03-01T09:00:00.000Z") {
  const clock = { at: Date.parse(start) };
  const d: Deps = { ...deps, now: () => new Date(clock.at) };
  return { d, move: (ms: number) => (clock.at += ms) };
}

describeEachEngine("scheduler (issue 15)", (get, engine) => {
  it("two workers running at the same time claim each job exactly once", async () => {
    const { deps } = get();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await inTransaction(deps, null, (tx) => enqueueJob(tx, "count", { n: i })));
    const runs = new Map<string, number>();
    const byWorker: Record<string, number> = { a: 0, b: 0 };
    const job = (worker: string): ScheduledJob => ({
      kind: "count",
      labelKey: "job.mail_send",
      async run(_d, payload) {
        const n = String((payload as { n: number }).n);
        runs.set(n, (runs.get(n) ?? 0) + 1);
        byWorker[worker]!++;
        // Give the other worker the chance to claim in between.
        await new Promise((r) => setImmediate(r));
      },
    });
    const [a, b] = await Promise.all([runDueJobs(deps, "a", [job("a")]), runDueJobs(deps, "b", [job("b")])]);
    expect(a + b).toBe(30);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(runs.size).toBe(30);
    const states = await deps.db.selectFrom("jobs").select(["state", "attempts"]).where("id", "in", ids).execute();
    expect(states.every((s) => s.state === "done" && Number(s.attempts) === 1)).toBe(true);
  }, 60_000);

  it("one due job claimed by two workers at the same moment goes to one of them", async () => {
    const { deps } = get();
    await inTransaction(deps, null, (tx) => enqueueJob(tx, "once", {}));
    const claims = await Promise.all([claimJob(deps, "a"), claimJob(deps, "b"), claimJob(deps, "c")]);
    const got = claims.filter((c) => c !== null);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: "once", state: "running", attempts: 1 });
    if (engine === "postgres") expect(["a", "b", "c"]).toContain(got[0]!.locked_by);
  });

  it("a job written in a transaction that rolls back does not exist", async () => {
    const { deps } = get();
    await expect(
      inTransaction(deps, null, async (tx) => {
        await enqueueJob(tx, "never", {});
        throw new Error("the change is refused");
      }),
    ).rejects.toThrow("the change is refused");
    expect(await deps.db.selectFrom("jobs").select("id").where("kind", "=", "never").execute()).toEqual([]);
  });

  it("a failing job is tried again later, waiting longer each time; after its last try it is failed and the administrator can retry it", async () => {
    const { deps } = get();
    const { d, move } = withClock(deps);
    let tries = 0;
    const flaky: ScheduledJob = {
      kind: "flaky",
      labelKey: "job.mail_send",
      maxAttempts: 3,
      async run() {
        tries++;
        throw new Error(`mail server down (${tries})`);
      },
    };
    const id = await inTransaction(d, null, (tx) => enqueueJob(tx, "flaky", {}, { maxAttempts: 3 }));
    expect(await runDueJobs(d, "w", [flaky])).toBe(1);
    let row = await d.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "pending", last_error: "mail server down (1)", locked_by: null });
    expect(Date.parse(row.run_at) - d.now().getTime()).toBe(backoffMs(1));
    // Not due yet: nothing runs.
    expect(await runDueJobs(d, "w", [flaky])).toBe(0);
    move(backoffMs(1));
    expect(await runDueJobs(d, "w", [flaky])).toBe(1);
    row = await d.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(Date.parse(row.run_at) - d.now().getTime()).toBe(backoffMs(2));
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));
    move(backoffMs(2));
    expect(await runDueJobs(d, "w", [flaky])).toBe(1);
    row = await d.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "failed", attempts: 3, last_error: "mail server down (3)" });
    move(24 * 3_600_000);
    expect(await runDueJobs(d, "w", [flaky])).toBe(0);
    expect((await failedJobs(d)).map((j) => j.id)).toEqual([id]);

    expect(await inTransaction(d, null, (tx) => retryJob(tx, id))).toBe(true);
    expect(await runDueJobs(d, "w", [{ kind: "flaky", labelKey: "job.mail_send", async run() {} }])).toBe(1);
    expect(await d.db.selectFrom("jobs").select("state").where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ state: "done" });
    expect(await inTransaction(d, null, (tx) => retryJob(tx, id))).toBe(false);
  });

  it("a recurring job has one row, however often the processes start, and comes back after its interval", async () => {
    const { deps } = get();
    const { d, move } = withClock(deps);
    let runs = 0;
    const hourly: ScheduledJob = { kind: "test.hourly", labelKey: "job.retention_cleanup", everyMinutes: 60, async run() { runs++; } };
    await Promise.all([ensureRecurring(d, [hourly]), ensureRecurring(d, [hourly])]);
    await ensureRecurring(d, [hourly]);
    expect(await d.db.selectFrom("jobs").select("id").where("kind", "=", "test.hourly").execute()).toHaveLength(1);
    expect(await runDueJobs(d, "w", [hourly])).toBe(1);
    expect(await runDueJobs(d, "w", [hourly])).toBe(0);
    move(59 * 60_000);
    expect(await runDueJobs(d, "w", [hourly])).toBe(0);
    move(60_000);
    expect(await runDueJobs(d, "w", [hourly])).toBe(1);
    expect(runs).toBe(2);
  });

  it("a job whose worker stopped mid-run is claimed again once its claim runs out", async () => {
    const { deps } = get();
    const { d, move } = withClock(deps);
    const id = await inTransaction(d, null, (tx) => enqueueJob(tx, "long", {}));
    expect(await claimJob(d, "crashed")).toMatchObject({ id });
    expect(await claimJob(d, "other")).toBeNull();
    move(11 * 60_000);
    expect(await claimJob(d, "other")).toMatchObject({ id, attempts: 2, locked_by: "other" });
  });
});
