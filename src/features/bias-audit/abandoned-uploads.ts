// Uploads whose request ended before the file was registered (a crash, a
// dropped connection): files under the data folder that no bias audit points
// at. A file still being written is fresh, so only those older than a day go.
import { readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { RetentionTask } from "../../platform/retention.ts";
import type { Tx } from "../../platform/transaction.ts";

export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

export async function removeAbandonedUploads(tx: Tx): Promise<number> {
  const root = resolve(tx.config.dataDir, "uploads");
  const before = tx.now().getTime() - ABANDONED_AFTER_MS;
  let removed = 0;
  for (const organisation of await entries(root)) {
    const dir = join(root, organisation);
    const names = await entries(dir);
    if (names.length === 0) continue;
    const keys = names.map((n) => `uploads/${organisation}/${n}`);
    const known = new Set((await tx.db.selectFrom("bias_audits").select("storage_key").where("storage_key", "in", keys).execute()).map((r) => r.storage_key));
    for (const name of names) {
      if (known.has(`uploads/${organisation}/${name}`)) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || info.mtimeMs > before) continue;
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

export const biasAuditRetention: RetentionTask[] = [{ name: "abandonedUploads", run: removeAbandonedUploads }];
