// Uploads whose request ended before the file was registered (a crash, a
// dropped connection): files under the data folder that no bias audit points
// at. A file still being written is fresh, so only those older than a day go.
import { readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { retentionCutoffs, type RetentionPeriod, type RetentionTask } from "../../platform/retention.ts";
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

/** How long the uploaded outcome data of a finished audit is kept; the report stays. */
export const OUTCOME_DATA: RetentionPeriod = {
  key: "bias_audit.outcome_data",
  labelKey: "retention.bias_audit_data",
  hintKey: "retention.bias_audit_data_hint",
  defaultDays: 90,
  minDays: 1,
  maxDays: 3650,
  mayKeep: true,
};

/**
 * Removes the uploaded files of audits that finished (done or failed) longer
 * ago than their organisation's period, and notes when. The row is marked
 * first: should the removal of a file fail, the next run removes it again.
 */
export async function removeExpiredOutcomeData(tx: Tx): Promise<number> {
  let removed = 0;
  for (const { organisationId, before } of await retentionCutoffs(tx, OUTCOME_DATA)) {
    const rows = await tx.db
      .selectFrom("bias_audits")
      .select(["id", "storage_key"])
      .where("organisation_id", "=", organisationId)
      .where("status", "in", ["done", "failed"])
      .where("finished_at", "<=", before)
      .where("data_removed_at", "is", null)
      .execute();
    if (rows.length === 0) continue;
    await tx.db.updateTable("bias_audits").set({ data_removed_at: tx.now().toISOString() }).where("id", "in", rows.map((r) => r.id)).execute();
    for (const row of rows) await rm(resolve(tx.config.dataDir, row.storage_key), { force: true });
    removed += rows.length;
  }
  return removed;
}

export const biasAuditRetention: RetentionTask[] = [
  { name: "abandonedUploads", run: removeAbandonedUploads },
  { name: "outcomeData", run: removeExpiredOutcomeData },
];
