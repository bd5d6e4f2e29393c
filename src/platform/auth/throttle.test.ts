import type { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import type { Deps } from "../deps.ts";
import { delaySeconds, THROTTLE } from "./throttle.ts";

describe("the login delay", () => {
  it("is free for the first tries, then doubles per failure, up to a cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(delaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 8, 16]);
    expect(delaySeconds(40)).toBe(THROTTLE.maxDelaySeconds);
  });
});

describeEachEngine("login throttling (defect 7)", (get) => {
  /** The app with a clock the test moves, and a client per network peer. */
  async function setUp(trustedProxies: string[] = []) {
    const { deps, db } = get();
    const { users, organisationId } = await organisationWith(deps, "slot", { fg: ["fg"], vic: ["vic"] });
    let now = Date.parse("2026-03-02T09:00:00.000Z");
    const appDeps: Deps = { ...deps, now: () => new Date(now), config: { ...deps.config, trustedProxies } };
    const app = createApp(appDeps, allFeatures);
    const clientFrom = async (peer: string) => {
      const family = peer.includes(":") ? "IPv6" : "IPv4";
      const viaPeer = { request: (path: string, init: RequestInit) => app.request(path, init, { incoming: { socket: { remoteAddress: peer, remoteFamily: family } } }) };
      const client = new TestClient(viaPeer as unknown as Hono);
      await client.get("/login");
      return client;
    };
    const failures = async (action = "session.login_failed") =>
      db.selectFrom("audit_events").select(["chain", "entity_id", "after_json"]).where("action", "=", action).execute();
    return { db, users, organisationId, clientFrom, failures, tick: (ms: number) => (now += ms) };
  }
  const login = (client: TestClient, email: string, password: string, headers: Record<string, string> = {}) =>
    client.request("/login", { method: "POST", body: new URLSearchParams({ email, password, _csrf: client.csrf }), headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });

  it("checks and counts 40 parallel wrong tries one after the other: only the free tries are evaluated", async () => {
    const { db, users, clientFrom, failures } = await setUp();
    const client = await clientFrom("198.51.100.1");
    const answers = await Promise.all(Array.from({ length: 40 }, () => login(client, users.fg!.email, "fout fout fout")));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(THROTTLE.freeFailures);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - THROTTLE.freeFailures);
    const rows = await db.selectFrom("login_failures").select("kind").execute();
    expect(rows.filter((r) => r.kind === "pair")).toHaveLength(THROTTLE.freeFailures);
    expect(await failures()).toHaveLength(THROTTLE.freeFailures);
  });

  it("makes one account from one address wait longer after each failure, and forgets the failures after a success", async () => {
    const { db, users, clientFrom, tick } = await setUp();
    const client = await clientFrom("198.51.100.2");
    for (let i = 0; i < THROTTLE.freeFailures; i++) expect((await login(client, users.fg!.email, "fout fout fout")).status).toBe(401);
    for (const wait of [1, 2, 4, 8]) {
      const refused = await login(client, users.fg!.email, PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe(String(wait));
      tick(wait * 1000 - 1);
      expect((await login(client, users.fg!.email, PASSWORD)).status, `still waiting ${wait}s`).toBe(429);
      tick(1);
      expect((await login(client, users.fg!.email, "fout fout fout")).status).toBe(401);
    }
    tick(16_000);
    expect((await login(client, users.fg!.email, PASSWORD)).status).toBe(303);
    expect(await db.selectFrom("login_failures").select("id").where("kind", "=", "pair").execute()).toHaveLength(0);
  });

  it("lets the account's owner in from another address while one address is made to wait", async () => {
    const { users, clientFrom } = await setUp();
    const attacker = await clientFrom("203.0.113.66");
    for (let i = 0; i < 10; i++) await login(attacker, users.fg!.email, "fout fout fout");
    expect((await login(attacker, users.fg!.email, PASSWORD)).status).toBe(429);
    const owner = await clientFrom("198.51.100.3");
    const res = await login(owner, users.fg!.email, PASSWORD);
    expect(res.status).toBe(303);
  });

  it("makes an address with too many failures over all accounts wait for every account", async () => {
    const { users, clientFrom } = await setUp();
    const sprayer = await clientFrom("203.0.113.77");
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      expect((await login(sprayer, `persoon${i % 20}@slot.example`, "fout fout fout")).status).toBe(401);
    }
    const refused = await login(sprayer, users.vic!.email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Vanaf uw netwerkadres is te vaak een verkeerd wachtwoord ingevuld.");
    expect((await login(await clientFrom("198.51.100.4"), users.vic!.email, PASSWORD)).status).toBe(303);
  });

  it("believes X-Forwarded-For only from a trusted proxy", async () => {
    const { users, clientFrom, failures } = await setUp(["10.0.0.0/8"]);
    const proxy = await clientFrom("10.0.0.5");
    for (let i = 0; i < THROTTLE.freeFailures; i++) await login(proxy, users.fg!.email, "fout fout fout", { "x-forwarded-for": "198.51.100.10" });
    expect((await login(proxy, users.fg!.email, PASSWORD, { "x-forwarded-for": "198.51.100.10" })).status).toBe(429);
    // Another client behind the same load balancer is another address.
    expect((await login(proxy, users.fg!.email, PASSWORD, { "x-forwarded-for": "198.51.100.11" })).status).toBe(303);

    // From anywhere else the header is ignored: a client cannot pick a fresh address per try.
    const direct = await clientFrom("203.0.113.9");
    for (const spoofed of ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"]) await login(direct, users.vic!.email, "fout fout fout", { "x-forwarded-for": spoofed });
    expect((await login(direct, users.vic!.email, PASSWORD, { "x-forwarded-for": "192.0.2.5" })).status).toBe(429);
    const addresses = (await failures()).map((e) => JSON.parse(e.after_json!).address);
    expect(addresses).toEqual([...Array(THROTTLE.freeFailures).fill("198.51.100.10"), ...Array(THROTTLE.freeFailures).fill("203.0.113.9")]);
  });

  it("records each failed login on the account's chain, with address and reason but never the password", async () => {
    const { users, organisationId, clientFrom, failures } = await setUp();
    const client = await clientFrom("198.51.100.20");
    await login(client, users.fg!.email, "geheim wachtwoord 123");
    await login(client, "wachtwoord-in-het-verkeerde-veld", "x");
    const events = await failures();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ chain: organisationId, entity_id: users.fg!.id });
    expect(JSON.parse(events[0]!.after_json!)).toEqual({ address: "198.51.100.20", reason: "wrong_password" });
    // An unknown account goes on the system chain, without what was typed.
    expect(events[1]).toMatchObject({ chain: "system", entity_id: "-" });
    expect(JSON.parse(events[1]!.after_json!)).toEqual({ address: "198.51.100.20", reason: "unknown_account" });
    expect(JSON.stringify(events)).not.toMatch(/geheim|verkeerde-veld/);
  });
});
