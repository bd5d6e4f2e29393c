import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/support/database.ts";
import { cleanupExpired } from "../../platform/retention.ts";
import { cleanUpAfterEachTest, uploadFile, world } from "./test-fixtures.ts";

const { dataDir } = cleanUpAfterEachTest();

describeEachEngine("abandoned uploads", (get) => {
  it("the hourly clean-up removes upload files no bias audit points at once they are a day old, and keeps the rest", async () => {
    const base = get().deps;
    const { deps, dataDir: dir } = dataDir(base);
    const { users, organisationId } = await world(deps, "opruimen");
    const registered = await uploadFile(deps, await users.auditor!.actor(), "g,score\nA,0.1\n");
    const orgDir = join(dir, "uploads", organisationId);
    mkdirSync(orgDir, { recursive: true });
    const old = join(orgDir, "afgebroken-upload");
    const fresh = join(orgDir, "upload-bezig");
    writeFileSync(old, "g,score\n");
    writeFileSync(fresh, "g,score\n");
    const twoDaysAgo = new Date(deps.now().getTime() - 2 * 24 * 3_600_000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    utimesSync(registered.target.path, twoDaysAgo, twoDaysAgo);

    const result = await cleanupExpired(deps);
    expect(result.abandonedUploads).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(registered.target.path)).toBe(true);
    const event = await deps.db.selectFrom("audit_events").select("after_json").where("action", "=", "retention.cleaned_up").executeTakeFirstOrThrow();
    expect(JSON.parse(event.after_json!)).toMatchObject({ abandonedUploads: 1 });
    expect((await cleanupExpired(deps)).abandonedUploads).toBe(0);
  });
});
