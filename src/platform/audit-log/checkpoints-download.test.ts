import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { allFeatures, describeEachEngine } from "../../../test/support/database.ts";
import { organisationWith, PASSWORD } from "../../../test/support/fixtures.ts";
import { TestClient } from "../../../test/support/http-client.ts";
import { createApp } from "../../app.ts";
import type { Deps } from "../deps.ts";
import { writeCheckpoints } from "./checkpoints.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeEachEngine("downloading the signed checkpoints (3rd line)", (get) => {
  it("gives the 3rd line its own organisation's checkpoints, linked from the audit-log page, and nobody else", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "afweging-download-"));
    dirs.push(dataDir);
    const deps: Deps = { ...get().deps, config: { ...get().deps.config, dataDir } };
    const ours = await organisationWith(deps, "eigen", { auditor: ["it_auditor"], admin: ["admin"] });
    const theirs = await organisationWith(deps, "ander", { auditor: ["it_auditor"] });
    await writeCheckpoints(deps);
    const app = createApp(deps, allFeatures);

    const auditor = new TestClient(app);
    await auditor.logIn(ours.users.auditor!.email, PASSWORD);
    expect((await auditor.get("/audit-log")).html).toContain('href="/api/v1/audit-log/checkpoints"');
    const res = await auditor.request("/api/v1/audit-log/checkpoints");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="audit-checkpoints-eigen.jsonl"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ v: 1, chain: ours.organisationId, keyedFrom: 1 });
    expect(lines[0].sig).toMatch(/^[0-9a-f]{64}$/);

    const other = new TestClient(app);
    await other.logIn(theirs.users.auditor!.email, PASSWORD);
    const theirLines = (await (await other.request("/api/v1/audit-log/checkpoints")).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(theirLines.map((l) => l.chain)).toEqual([theirs.organisationId]);

    const admin = new TestClient(app);
    await admin.logIn(ours.users.admin!.email, PASSWORD);
    expect((await admin.request("/api/v1/audit-log/checkpoints")).status).toBe(403);
    expect((await new TestClient(app).request("/api/v1/audit-log/checkpoints")).status).toBe(401);
  });
});
