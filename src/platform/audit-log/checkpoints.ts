import { createHash, createHmac } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeSync } from "node:fs";
import { basename, join } from "node:path";
import type { Deps } from "../deps.ts";
import { sameHex, type ChainBreak } from "./hash-chain.ts";
import { verifyAllChains, verifySegment, type ChainAnchors, type ChainReport } from "./verify-chain.ts";

/**
 * Signed checkpoints anchor the audit chains outside the database. Now and then
 * (and when the server stops) the head of every chain — its seq and hash — is
 * signed with the audit key and appended as one JSON line to a file under the
 * data folder, `$DATA_DIR/audit-checkpoints/<chain>.jsonl`. Someone who can
 * rewrite the database but not that file (or the copies the 3rd line
 * downloads) cannot delete events at the end, rewind a head, drop a chain or
 * recompute the hashes without `audit-log verify` seeing it.
 */
export interface Checkpoint {
  v: 1;
  chain: string;
  seq: number;
  hash: string;
  /** The first event of the chain with a keyed hash; null while the chain has none. */
  keyedFrom: number | null;
  at: string;
  /** HMAC-SHA-256 with the audit key over the fields above. */
  sig: string;
}

export function checkpointDir(dataDir: string): string {
  return join(dataDir, "audit-checkpoints");
}

/** The file of one chain. Chain names are ids; anything else is hashed into a safe name. */
export function checkpointFile(dir: string, chain: string): string {
  const name = /^[A-Za-z0-9_-]{1,120}$/.test(chain) ? chain : `chain-${createHash("sha256").update(chain).digest("hex").slice(0, 32)}`;
  return join(dir, `${name}.jsonl`);
}

function signature(key: string, c: Omit<Checkpoint, "sig">): string {
  return createHmac("sha256", key).update("afweging-audit-checkpoint-v1\n").update(JSON.stringify([c.v, c.chain, c.seq, c.hash, c.keyedFrom, c.at])).digest("hex");
}

export function signCheckpoint(key: string, c: Omit<Checkpoint, "v" | "sig">): Checkpoint {
  const unsigned = { v: 1 as const, ...c };
  return { ...unsigned, sig: signature(key, unsigned) };
}

function isCheckpoint(x: unknown): x is Checkpoint {
  const c = x as Checkpoint;
  return (
    typeof c === "object" && c !== null && c.v === 1 && typeof c.chain === "string" && Number.isInteger(c.seq) && c.seq >= 0 &&
    typeof c.hash === "string" && (c.keyedFrom === null || Number.isInteger(c.keyedFrom)) && typeof c.at === "string" && typeof c.sig === "string"
  );
}

export function checkpointValid(key: string, c: Checkpoint): boolean {
  return sameHex(c.sig, signature(key, c));
}

/** Parses checkpoint lines; a line that is no checkpoint is counted under the chain it names, or under `fallbackChain`. */
function parseLines(text: string, fallbackChain: string, key: string, into: Map<string, { valid: Checkpoint[]; invalid: number }>): void {
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = null;
    }
    const chain = isCheckpoint(parsed) ? parsed.chain : typeof (parsed as { chain?: unknown })?.chain === "string" ? (parsed as { chain: string }).chain : fallbackChain;
    const entry = into.get(chain) ?? { valid: [], invalid: 0 };
    if (isCheckpoint(parsed) && checkpointValid(key, parsed)) entry.valid.push(parsed);
    else entry.invalid += 1;
    into.set(chain, entry);
  }
}

function anchorsOf(entries: Map<string, { valid: Checkpoint[]; invalid: number }>): Map<string, ChainAnchors> {
  const result = new Map<string, ChainAnchors>();
  for (const [chain, { valid, invalid }] of entries) {
    const hashes = new Map<number, string>();
    let last: Checkpoint | null = null;
    let keyedFrom: number | null = null;
    let conflicting = 0;
    for (const c of valid) {
      const known = hashes.get(c.seq);
      // Two signed checkpoints that disagree on one event: one of them is not ours.
      if (known !== undefined && known !== c.hash) conflicting += 1;
      hashes.set(c.seq, c.hash);
      if (!last || c.seq > last.seq) last = c;
      if (c.keyedFrom !== null) keyedFrom = keyedFrom === null ? c.keyedFrom : Math.min(keyedFrom, c.keyedFrom);
    }
    result.set(chain, { hashes, last: last && { seq: last.seq, hash: last.hash, at: last.at }, keyedFrom, invalid: invalid + conflicting });
  }
  return result;
}

/**
 * Every checkpoint in the data folder's checkpoint files, plus those of extra
 * files (copies the 3rd line downloaded), per chain.
 */
export function readCheckpoints(dir: string, key: string, extraFiles: readonly string[] = []): Map<string, ChainAnchors> {
  const entries = new Map<string, { valid: Checkpoint[]; invalid: number }>();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".jsonl")).map((f) => join(dir, f)) : [];
  for (const file of [...files, ...extraFiles]) {
    const stem = basename(file, ".jsonl");
    parseLines(readFileSync(file, "utf8"), stem, key, entries);
  }
  return anchorsOf(entries);
}

/** The checkpoint file of one chain as it is, for download; empty when none was written yet. */
export function checkpointText(dir: string, chain: string): string {
  const file = checkpointFile(dir, chain);
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** The valid checkpoint with the highest seq among the last lines of a chain's file. */
function lastCheckpoint(file: string, key: string, chain: string): Checkpoint | null {
  if (!existsSync(file)) return null;
  const size = statSync(file).size;
  const length = Math.min(size, 64 * 1024);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const entries = new Map<string, { valid: Checkpoint[]; invalid: number }>();
  // The first line of the tail may be cut off; it then counts as invalid and is ignored here.
  parseLines(buffer.toString("utf8"), chain, key, entries);
  const valid = entries.get(chain)?.valid ?? [];
  return valid.reduce<Checkpoint | null>((best, c) => (!best || c.seq > best.seq ? c : best), null);
}

function appendLine(file: string, line: string): void {
  const fd = openSync(file, "a", 0o600);
  try {
    writeSync(fd, line + "\n");
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface CheckpointRun {
  /** Chains whose head was signed now. */
  written: string[];
  /** Chains whose head did not move since the last checkpoint. */
  unchanged: string[];
  /** Chains not signed because what was added since the last checkpoint does not verify. */
  refused: { chain: string; broken: ChainBreak }[];
}

/**
 * Signs the head of every chain that moved since its last checkpoint. What was
 * added since that checkpoint is verified first (hashes, keyed hashes, the
 * link to the checkpoint): a chain that does not verify is not signed, so a
 * checkpoint never vouches for a rewritten chain.
 */
export async function writeCheckpoints(deps: Pick<Deps, "db" | "config" | "now">): Promise<CheckpointRun> {
  const key = deps.config.auditKey;
  const dir = checkpointDir(deps.config.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const heads = await deps.db.selectFrom("audit_chain_heads").select(["chain", "seq", "hash"]).orderBy("chain").execute();
  const run: CheckpointRun = { written: [], unchanged: [], refused: [] };
  for (const row of heads) {
    const head = { seq: Number(row.seq), hash: row.hash };
    const file = checkpointFile(dir, row.chain);
    const last = lastCheckpoint(file, key, row.chain);
    if (last && last.seq === head.seq && last.hash === head.hash) {
      run.unchanged.push(row.chain);
      continue;
    }
    if (last && head.seq < last.seq) {
      run.refused.push({ chain: row.chain, broken: { seq: head.seq + 1, id: "-", reason: "behind_checkpoint" } });
      continue;
    }
    const after = last ? { seq: last.seq, hash: last.hash } : undefined;
    const segment = await verifySegment(deps.db, row.chain, { key, keyedFrom: last?.keyedFrom ?? null, ...(after ? { after } : {}) }, head);
    if (segment.broken) {
      run.refused.push({ chain: row.chain, broken: segment.broken });
      continue;
    }
    const keyedFrom = last?.keyedFrom ?? segment.firstKeyed;
    appendLine(file, JSON.stringify(signCheckpoint(key, { chain: row.chain, seq: head.seq, hash: head.hash, keyedFrom, at: deps.now().toISOString() })));
    run.written.push(row.chain);
  }
  return run;
}

/**
 * The full check of `audit-log verify`: every chain's hashes and keyed hashes,
 * compared with every signed checkpoint in the data folder and in the given
 * extra files.
 */
export function verifyAudit(deps: Pick<Deps, "db" | "config">, extraCheckpointFiles: readonly string[] = []): Promise<ChainReport[]> {
  const key = deps.config.auditKey;
  const anchors = readCheckpoints(checkpointDir(deps.config.dataDir), key, extraCheckpointFiles);
  return verifyAllChains(deps.db, { key, anchors });
}
