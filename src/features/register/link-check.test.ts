// The link check before release, against a local HTTP server this test starts.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { codeOf } from "../../../test/support/refusals.ts";
import { checkLink, brokenLinks, linkCheckPolicy, linksOf } from "./link-check.ts";
import { prepareEntry } from "./prepare-entry.ts";
import { getTeamEntry } from "./queries.ts";
import { approveEntry } from "./release.ts";
import { COMPLETE_FIELDS, registerSetting } from "./test-helpers.ts";

let server: Server;
let base = "";
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    if (req.url === "/ok") return res.writeHead(200).end("ok");
    if (req.url === "/gone") return res.writeHead(404).end();
    if (req.url === "/moved") return res.writeHead(301, { location: "/ok" }).end();
    if (req.url === "/to-file") return res.writeHead(302, { location: "file:///etc/passwd" }).end();
    if (req.url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
    if (req.url === "/no-head") return res.writeHead(req.method === "HEAD" ? 405 : 200).end();
    if (req.url === "/silent") return; // never answers
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const local = { ...linkCheckPolicy, timeoutMs: 4000, allowInternalAddresses: true };

describe("link check", () => {
  it("finds the links of an entry in its url fields, link lists and texts", () => {
    expect(linksOf({ website: "https://a.example/", impacttoetsen_grouping: [{ title: "DPIA", link: "https://b.example/dpia" }, { title: "Geen link", link: "" }], goal: '<p>Zie <a href="https://c.example/x?a=1&amp;b=2">hier</a> en <a href="mailto:x@y.example">mail</a>.</p>' })).toEqual([
      "https://a.example/",
      "https://c.example/x?a=1&b=2",
      "https://b.example/dpia",
    ]);
  });

  it("passes a link that answers, also after a redirect or with GET when HEAD is refused", async () => {
    expect(await checkLink(`${base}/ok`, local)).toBeNull();
    expect(await checkLink(`${base}/moved`, local)).toBeNull();
    expect(await checkLink(`${base}/no-head`, local)).toBeNull();
    expect(asked).toContain("GET /no-head");
  });

  it("reports a missing page, a redirect loop, a redirect away from http(s), and a server that does not answer in time", { timeout: 30_000 }, async () => {
    expect(await checkLink(`${base}/gone`, local)).toEqual({ url: `${base}/gone`, problem: "status", status: 404 });
    expect(await checkLink(`${base}/loop`, local)).toMatchObject({ problem: "status" });
    expect(await checkLink(`${base}/to-file`, local)).toEqual({ url: `${base}/to-file`, problem: "not_http" });
    const started = Date.now();
    expect(await checkLink(`${base}/silent`, local)).toEqual({ url: `${base}/silent`, problem: "timeout" });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("does not ask an address on this machine or an internal network", async () => {
    const before = asked.length;
    expect(await checkLink(`${base}/ok`)).toEqual({ url: `${base}/ok`, problem: "internal" });
    expect(await checkLink("http://10.1.2.3/x")).toMatchObject({ problem: "internal" });
    expect(await checkLink("http://[::1]/x")).toMatchObject({ problem: "internal" });
    expect(asked.length).toBe(before);
    expect(await brokenLinks({ website: `${base}/ok`, publiccode: `${base}/gone` }, local)).toEqual([{ url: `${base}/gone`, problem: "status", status: 404 }]);
  });
});

describeEachEngine("link check before release", (get) => {
  it("is off by default; when the organisation turns it on, an approval with a broken link is refused and one with working links passes", async () => {
    const { deps } = get();
    const s = await registerSetting(deps, "links");
    const withLinks = { ...COMPLETE_FIELDS, website: `${base}/ok`, impacttoetsen_grouping: [{ title: "DPIA", link: `${base}/gone` }] };
    await prepareEntry(deps, s.a.lead, s.projectId, { fields: withLinks });
    const before = asked.length;
    await approveEntry(deps, s.a.owner, s.projectId);
    expect(asked.length).toBe(before); // off: nothing asked

    const org = await deps.db.selectFrom("organisations").select("settings_json").where("id", "=", s.org.organisationId).executeTakeFirstOrThrow();
    await deps.db.updateTable("organisations").set({ settings_json: JSON.stringify({ ...JSON.parse(org.settings_json ?? "{}"), checkRegisterLinks: true }) }).where("id", "=", s.org.organisationId).execute();
    await prepareEntry(deps, s.a.lead, s.projectId, { fields: withLinks });
    expect((await getTeamEntry(deps, s.a.lead, s.projectId)).checksLinks).toBe(true);
    const saved = { ...linkCheckPolicy };
    Object.assign(linkCheckPolicy, local);
    try {
      expect(await codeOf(approveEntry(deps, s.a.owner, s.projectId))).toBe("rule_refused:register.links_broken");
      expect((await getTeamEntry(deps, s.a.lead, s.projectId)).draftState).toBe("draft");
      await prepareEntry(deps, s.a.lead, s.projectId, { fields: { ...withLinks, impacttoetsen_grouping: [{ title: "DPIA", link: `${base}/moved` }] } });
      await approveEntry(deps, s.a.owner, s.projectId);
      expect((await getTeamEntry(deps, s.a.lead, s.projectId)).draftState).toBe("approved");
    } finally {
      Object.assign(linkCheckPolicy, saved);
    }
  });
});
