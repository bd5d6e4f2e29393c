import { afterEach, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { freePort, startSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import type { Deps } from "../deps.ts";
import { inTransaction } from "../transaction.ts";
import { deliverOutbox, enqueueMail, mailBackoffMs } from "./outbox.ts";
import { smtpTransport } from "./transport.ts";

const mail = (to: string) => ({ organisationId: null, to, subject: "Afweging: een test", text: "Hallo", html: "<p>Hallo</p>" });

function withClock(deps: Deps) {
  const clock = { at: Date.parse("2026-03-01T09:00:00.000Z") };
  return { d: { ...deps, now: () => new Date(clock.at) } as Deps, move: (ms: number) => (clock.at += ms) };
}

let servers: TestSmtp[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});
const smtp = async (options: Parameters<typeof startSmtp>[0] = {}) => {
  const s = await startSmtp(options);
  servers.push(s);
  return s;
};

describeEachEngine("mail outbox (issue 15)", (get) => {
  it("the outbox row is written in the transaction of the change: a rolled-back change leaves no mail", async () => {
    const { deps } = get();
    await expect(
      inTransaction(deps, null, async (tx) => {
        await enqueueMail(tx, mail("fg@voorbeeld.example"));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await deps.db.selectFrom("outbox").select("id").execute()).toEqual([]);
    await inTransaction(deps, null, (tx) => enqueueMail(tx, mail("fg@voorbeeld.example")));
    expect(await deps.db.selectFrom("outbox").select(["state", "to_address"]).execute()).toEqual([{ state: "pending", to_address: "fg@voorbeeld.example" }]);
  });

  it("a mail server that is down at first: the mail waits, and arrives once when the server is back", async () => {
    const { deps } = get();
    const { d, move } = withClock(deps);
    const port = await freePort();
    const transport = smtpTransport({ host: "127.0.0.1", port, tls: "none" });
    const id = await inTransaction(d, null, (tx) => enqueueMail(tx, mail("lead@voorbeeld.example")));
    expect(await deliverOutbox(d, transport, "w")).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await d.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ state: "pending", attempts: 1 });
    expect(waiting.last_error).toMatch(/ECONNREFUSED|ESOCKET|connect/);
    expect(Date.parse(waiting.next_attempt_at) - d.now().getTime()).toBe(mailBackoffMs(1));
    // Not due yet: no new try.
    expect(await deliverOutbox(d, transport, "w")).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const server = await smtp({ port });
    move(mailBackoffMs(1));
    expect(await deliverOutbox(d, transport, "w")).toEqual({ sent: 1, retrying: 0, failed: 0 });
    move(24 * 3_600_000);
    expect(await deliverOutbox(d, transport, "w")).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.to).toEqual(["lead@voorbeeld.example"]);
    expect(server.received[0]!.raw).toContain(`Message-ID: <${id}@`);
    expect(await d.db.selectFrom("outbox").select(["state", "transport", "attempts"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ state: "sent", transport: "smtp", attempts: 2 });
    transport.close?.();
  }, 60_000);

  it("a recipient the server refuses: failed at once, not tried again; the other mail goes", async () => {
    const { deps } = get();
    const server = await smtp({ refuse: ["vertrokken@voorbeeld.example"] });
    const transport = smtpTransport({ host: "127.0.0.1", port: server.port, tls: "none" });
    const refused = await inTransaction(deps, null, (tx) => enqueueMail(tx, mail("vertrokken@voorbeeld.example")));
    await inTransaction(deps, null, (tx) => enqueueMail(tx, mail("fg@voorbeeld.example")));
    expect(await deliverOutbox(deps, transport, "w")).toEqual({ sent: 1, retrying: 0, failed: 1 });
    const row = await deps.db.selectFrom("outbox").selectAll().where("id", "=", refused).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "failed", attempts: 1 });
    expect(row.last_error).toContain("550");
    expect(server.received.map((m) => m.to)).toEqual([["fg@voorbeeld.example"]]);
    transport.close?.();
  }, 60_000);

  it("an address that is not one is kept as failed and never sent", async () => {
    const { deps } = get();
    const server = await smtp();
    const transport = smtpTransport({ host: "127.0.0.1", port: server.port, tls: "none" });
    for (const bad of ["geen-adres", "a@b.example\r\nBcc: x@y.example", "a@b.example, c@d.example"]) {
      await inTransaction(deps, null, (tx) => enqueueMail(tx, mail(bad)));
    }
    expect(await deliverOutbox(deps, transport, "w")).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const rows = await deps.db.selectFrom("outbox").select(["state", "last_error"]).execute();
    expect(rows).toEqual(Array(3).fill({ state: "failed", last_error: "invalid_address" }));
    expect(server.received).toEqual([]);
    transport.close?.();
  });

  it("a send interrupted by a crash is not sent again (it may have left): it is failed for the administrator", async () => {
    const { deps } = get();
    const { d, move } = withClock(deps);
    const server = await smtp();
    const transport = smtpTransport({ host: "127.0.0.1", port: server.port, tls: "none" });
    const id = await inTransaction(d, null, (tx) => enqueueMail(tx, mail("fg@voorbeeld.example")));
    // The crashed process had claimed it and then stopped.
    await d.db.updateTable("outbox").set({ state: "sending", attempts: 1, locked_by: "crashed", locked_until: new Date(d.now().getTime() + 5 * 60_000).toISOString() }).where("id", "=", id).execute();
    expect(await deliverOutbox(d, transport, "w")).toEqual({ sent: 0, retrying: 0, failed: 0 });
    move(6 * 60_000);
    expect(await deliverOutbox(d, transport, "w")).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await d.db.selectFrom("outbox").select(["state", "last_error"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ state: "failed", last_error: "interrupted" });
    expect(server.received).toEqual([]);
    transport.close?.();
  });

  it("two senders at the same time send each mail once", async () => {
    const { deps } = get();
    const server = await smtp();
    const a = smtpTransport({ host: "127.0.0.1", port: server.port, tls: "none" });
    const b = smtpTransport({ host: "127.0.0.1", port: server.port, tls: "none" });
    for (let i = 0; i < 8; i++) await inTransaction(deps, null, (tx) => enqueueMail(tx, mail(`p${i}@voorbeeld.example`)));
    const [ra, rb] = await Promise.all([deliverOutbox(deps, a, "a"), deliverOutbox(deps, b, "b")]);
    expect(ra.sent + rb.sent).toBe(8);
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `p${i}@voorbeeld.example`).sort());
    a.close?.();
    b.close?.();
  }, 60_000);
});
