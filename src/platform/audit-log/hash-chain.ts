import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an event that its hash covers: everything but the hash itself. */
export interface ChainedFields {
  chain: string;
  seq: number;
  id: string;
  organisation_id: string | null;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
}

/**
 * The hash of an event. Fields are hashed as a JSON array in fixed order, so the
 * result does not depend on key order or on how an engine returns a row.
 */
export function eventHash(e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.chain, e.seq, e.id, e.organisation_id, e.at, e.actor_id, e.actor_label,
    e.action, e.entity_type, e.entity_id, e.before_json, e.after_json, e.prev_hash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export type ChainBreak = { seq: number; id: string; reason: "hash_mismatch" | "prev_hash_mismatch" | "seq_gap" };

/** Checks one chain event by event, in sequence order, without holding the chain in memory. */
export function createChainVerifier() {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  return {
    get verified() {
      return expectedSeq - 1;
    },
    push(e: ChainedFields & { hash: string }): ChainBreak | null {
      if (e.seq !== expectedSeq) return { seq: e.seq, id: e.id, reason: "seq_gap" };
      if (e.prev_hash !== expectedPrev) return { seq: e.seq, id: e.id, reason: "prev_hash_mismatch" };
      if (eventHash(e) !== e.hash) return { seq: e.seq, id: e.id, reason: "hash_mismatch" };
      expectedPrev = e.hash;
      expectedSeq += 1;
      return null;
    },
  };
}

/** Returns the first event that breaks the chain, or null. */
export function findChainBreak(events: Iterable<ChainedFields & { hash: string }>): ChainBreak | null {
  const verifier = createChainVerifier();
  for (const e of events) {
    const broken = verifier.push(e);
    if (broken) return broken;
  }
  return null;
}
