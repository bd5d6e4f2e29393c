// The connector to the national register, against a local server this test
// starts that follows the delivery API as deliver.ts assumes it: a token
// endpoint (client credentials) and POST / PUT of the entry.
import { Ajv2020 } from "ajv/dist/2020.js";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { PASSWORD } from "../../../test/support/fixtures.ts";
import { bootstrapUser } from "../admin/bootstrap.ts";
import { loadActor } from "../../platform/auth/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { getConnector, saveConnector } from "./connector.ts";
import { runDeliveries, retryDelivery } from "./deliver.ts";
import { v1JsonSchema } from "./export.ts";
import { prepareEntry } from "./prepare-entry.ts";
import { getTeamEntry } from "./queries.ts";
import { approveEntry, publishEntry } from "./release.ts";
import { COMPLETE_FIELDS, registerSetting } from "./test-helpers.ts";

const validate = new Ajv2020({ allErrors: true, formats: { email: true, uri: true } }).compile(v1JsonSchema());

let server: Server;
let base = "";
const received: { method: string; url: string; auth: string; body: unknown }[] = [];
let failNext = 0;

const read = (req: IncomingMessage) => new Promise<string>((r) => { let b = ""; req.on("data", (c) => (b += c)); req.on("end", () => r(b)); });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const text = await read(req);
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method === "POST" && req.url === "/oauth/token") {
      const ok = req.headers.authorization === `Basic ${Buffer.from("afweging-client:geheim-123").toString("base64")}` && new URLSearchParams(text).get("grant_type") === "client_credentials";
      return ok ? json(200, { access_token: "tok-1", token_type: "Bearer", expires_in: 3600 }) : json(401, { error: "invalid_client" });
    }
    const m = /^\/aanleverapi\/v1_0\/organizations\/([^/]+)\/algorithms(?:\/([^/]+))?$/.exec(req.url ?? "");
    if (!m) return json(404, {});
    if (req.headers.authorization !== "Bearer tok-1") return json(401, {});
    const body = JSON.parse(text);
    received.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
    if (failNext > 0) {
      failNext--;
      return json(503, {});
    }
    if (!validate(body)) return json(422, { errors: validate.errors });
    if (req.method === "POST" && !m[2]) return json(201, { lars: "lr000001" });
    if (req.method === "PUT" && m[2] === "lr000001") return json(200, { lars: "lr000001" });
    return json(404, {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
// The server is shared by the engines' runs of each test: each test starts with nothing received.
beforeEach(() => {
  received.length = 0;
  failNext = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function withAdmin(deps: Deps, slug: string) {
  const s = await registerSetting(deps, slug);
  const id = await bootstrapUser(deps, { organisation: s.org.organisationId, name: `beheer ${slug}`, email: `beheer@${slug}.example`, password: PASSWORD, roles: ["admin"] });
  return { ...s, admin: (await loadActor(deps.db, id))! };
}

async function publish(deps: Deps, s: Awaited<ReturnType<typeof withAdmin>>, fields: Record<string, unknown> = COMPLETE_FIELDS) {
  await prepareEntry(deps, s.a.lead, s.projectId, { fields });
  await approveEntry(deps, s.a.owner, s.projectId);
  await publishEntry(deps, s.a.lead, s.projectId);
}

const settings = () => ({ enabled: "on", apiUrl: base, tokenUrl: `${base}/oauth/token`, clientId: "afweging-client", clientSecret: "geheim-123" });

describeEachEngine("national register connector", (get) => {
  it("is off by default; when on, a publication records a delivery in its transaction, sent afterwards; an update goes to the register's id", async () => {
    const { deps } = get();
    const s = await withAdmin(deps, "koppel");
    expect((await getConnector(deps, s.admin)).enabled).toBe(false);
    await publish(deps, s);
    expect((await getTeamEntry(deps, s.a.lead, s.projectId)).deliveries).toEqual([]);

    // Only an administrator configures it; the secret is stored sealed.
    expect(await codeOf(saveConnector(deps, s.a.lead, settings()))).toBe("forbidden:error.forbidden");
    expect(await codeOf(saveConnector(deps, s.admin, { ...settings(), clientSecret: "" }))).toBe("validation:register.connector_secret_required");
    await saveConnector(deps, s.admin, settings());
    const row = await deps.db.selectFrom("register_connectors").selectAll().where("organisation_id", "=", s.org.organisationId).executeTakeFirstOrThrow();
    expect(row.client_secret_sealed).not.toContain("geheim-123");
    expect(await getConnector(deps, s.admin)).toMatchObject({ enabled: true, hasSecret: true, clientId: "afweging-client" });
    // Saving again without a secret keeps it.
    await saveConnector(deps, s.admin, { ...settings(), clientSecret: "" });

    await publish(deps, s, { ...COMPLETE_FIELDS, name: "Slimme afvalcontainers, versie 2" });
    expect((await getTeamEntry(deps, s.a.lead, s.projectId)).deliveries).toMatchObject([{ version: 2, status: "pending", attempts: 0 }]);
    expect(received).toHaveLength(0);
    expect(await runDeliveries(deps)).toBe(1);
    expect(received.at(-1)).toMatchObject({ method: "POST", url: "/aanleverapi/v1_0/organizations/koppel/algorithms", body: { name: "Slimme afvalcontainers, versie 2", standard_version: "1.0" } });
    expect((await getTeamEntry(deps, s.a.lead, s.projectId)).deliveries).toMatchObject([{ version: 2, status: "delivered", attempts: 1, lastError: null }]);
    // Nothing more is due.
    expect(await runDeliveries(deps)).toBe(0);

    await publish(deps, s, { ...COMPLETE_FIELDS, name: "Slimme afvalcontainers, versie 3" });
    expect(await runDeliveries(deps)).toBe(1);
    expect(received.at(-1)).toMatchObject({ method: "PUT", url: "/aanleverapi/v1_0/organizations/koppel/algorithms/lr000001", body: { name: "Slimme afvalcontainers, versie 3" } });
    received.length = 0;
  });

  it("keeps a failed delivery to try again later, shows why, and lets the team try again now", async () => {
    const { deps } = get();
    const s = await withAdmin(deps, "opnieuw");
    await saveConnector(deps, s.admin, settings());
    failNext = 1;
    await publish(deps, s);
    expect(await runDeliveries(deps)).toBe(0);
    const failed = (await getTeamEntry(deps, s.a.lead, s.projectId)).deliveries[0]!;
    expect(failed).toMatchObject({ status: "failed", attempts: 1, lastError: "status_503" });
    expect(failed.nextAttemptAt > deps.now().toISOString()).toBe(true);
    // Not due yet: not asked again.
    const asked = received.length;
    expect(await runDeliveries(deps)).toBe(0);
    expect(received.length).toBe(asked);
    expect(await codeOf(retryDelivery(deps, s.a.member, s.projectId))).toBe("forbidden:register.publish_role");
    await retryDelivery(deps, s.a.lead, s.projectId);
    expect(await runDeliveries(deps)).toBe(1);
    expect((await getTeamEntry(deps, s.a.lead, s.projectId)).deliveries[0]).toMatchObject({ status: "delivered", attempts: 2 });
    expect(await codeOf(retryDelivery(deps, s.a.lead, s.projectId))).toBe("rule_refused:register.nothing_to_retry");
  });

  it("does not deliver with wrong credentials, and says so", async () => {
    const { deps } = get();
    const s = await withAdmin(deps, "fout");
    await saveConnector(deps, s.admin, { ...settings(), clientSecret: "verkeerd" });
    await publish(deps, s);
    expect(await runDeliveries(deps)).toBe(0);
    expect((await getTeamEntry(deps, s.a.lead, s.projectId)).deliveries[0]).toMatchObject({ status: "failed", lastError: "token_refused" });
  });
});
