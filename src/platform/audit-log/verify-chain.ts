import type { Db } from "../db/schema.ts";
import { createChainVerifier, type ChainBreak, type VerifierOptions } from "./hash-chain.ts";

/** What signed checkpoints say about one chain (see checkpoints.ts). */
export interface ChainAnchors {
  /** Hash per seq, from every checkpoint with a valid signature. */
  hashes: ReadonlyMap<number, string>;
  /** The checkpoint with the highest seq. */
  last: { seq: number; hash: string; at: string } | null;
  /** From this seq on the chain is keyed (null: not yet when last checkpointed). */
  keyedFrom: number | null;
  /** Checkpoint lines whose signature or shape is wrong. */
  invalid: number;
}

export interface ChainReport {
  chain: string;
  /** Events found intact, in order. */
  events: number;
  /** Of those, events without a keyed hash (written before keyed hashes existed); counted only when the key is given. */
  unkeyed: number;
  /** The last signed checkpoint of this chain, if any. */
  checkpoint: { seq: number; at: string } | null;
  broken: ChainBreak | null;
}

export interface VerifyOptions {
  /** The audit key: with it, keyed hashes are checked too. */
  key?: string;
  /** Signed checkpoints per chain: the chain must contain every one, and not be shorter than the last. */
  anchors?: ReadonlyMap<string, ChainAnchors>;
}

const PAGE = 5000;

/**
 * Verifies every chain, reading events in pages so a long log needs little
 * memory. Without options only the SHA-256 chain is checked; with the key and
 * the checkpoints, also the keyed hashes and the anchors outside the database.
 */
export async function verifyAllChains(db: Db, options: VerifyOptions = {}): Promise<ChainReport[]> {
  const heads = await db.selectFrom("audit_chain_heads").select(["chain", "seq", "hash"]).orderBy("chain").execute();
  const reports: ChainReport[] = [];
  for (const head of heads) {
    reports.push(await verifyChain(db, { chain: head.chain, seq: Number(head.seq), hash: head.hash }, options.key, options.anchors?.get(head.chain)));
  }
  // A chain with checkpoints but without a head was deleted as a whole.
  for (const [chain, anchors] of options.anchors ?? []) {
    if (heads.some((h) => h.chain === chain) || !anchors.last) continue;
    reports.push({ chain, events: 0, unkeyed: 0, checkpoint: anchors.last, broken: { seq: 1, id: "-", reason: "chain_missing" } });
  }
  return reports.sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0));
}

async function verifyChain(db: Db, head: { chain: string; seq: number; hash: string }, key: string | undefined, anchors: ChainAnchors | undefined): Promise<ChainReport> {
  const checkpoint = anchors?.last ? { seq: anchors.last.seq, at: anchors.last.at } : null;
  const result = await verifySegment(db, head.chain, { key, keyedFrom: anchors?.keyedFrom ?? null, anchors: anchors?.hashes }, head);
  let broken = result.broken;
  if (!broken && anchors?.invalid) broken = { seq: 0, id: "-", reason: "checkpoint_invalid" };
  if (!broken && anchors?.last && head.seq < anchors.last.seq) broken = { seq: head.seq + 1, id: "-", reason: "behind_checkpoint" };
  return { chain: head.chain, events: result.verified, unkeyed: result.unkeyed, checkpoint, broken };
}

/**
 * Verifies the events of one chain after `options.after` up to the head, and
 * that the head names the last of them. Used for whole chains and, before a
 * checkpoint is signed, for what was added since the previous one.
 */
export async function verifySegment(db: Db, chain: string, options: VerifierOptions, head: { seq: number; hash: string }) {
  const verifier = createChainVerifier(options);
  let broken: ChainBreak | null = null;
  for await (const event of pagedEvents(db, chain, options.after?.seq ?? 0, head.seq)) {
    broken = verifier.push(event);
    if (broken) break;
  }
  // Events cut off at the end leave the chain intact but shorter than its head says.
  if (!broken && verifier.verified !== head.seq) broken = { seq: verifier.verified + 1, id: "-", reason: "seq_gap" };
  if (!broken && verifier.lastHash !== head.hash) broken = { seq: head.seq, id: "-", reason: "head_mismatch" };
  return { broken, verified: verifier.verified, unkeyed: verifier.unkeyed, firstKeyed: verifier.firstKeyed };
}

async function* pagedEvents(db: Db, chain: string, after: number, upTo: number) {
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("chain", "=", chain)
      .where("seq", ">", after)
      .where("seq", "<=", upTo)
      .orderBy("seq")
      .limit(PAGE)
      .execute();
    for (const r of rows) yield { ...r, seq: Number(r.seq) };
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}
