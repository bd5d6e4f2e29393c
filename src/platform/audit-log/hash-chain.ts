import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an event that its hash covers: everything but the hash (and the HMAC) itself. */
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

/** An event as stored: its fields, its hash and its keyed hash (null for events written before HMACs existed). */
export type StoredEvent = ChainedFields & { hash: string; hmac?: string | null };

/** Fields as a JSON array in fixed order, so a hash does not depend on key order or on how an engine returns a row. */
function canonical(e: ChainedFields): string {
  return JSON.stringify([
    e.chain, e.seq, e.id, e.organisation_id, e.at, e.actor_id, e.actor_label,
    e.action, e.entity_type, e.entity_id, e.before_json, e.after_json, e.prev_hash,
  ]);
}

/** The SHA-256 hash of an event: anyone can recompute it, so it shows changes, not who made them. */
export function eventHash(e: ChainedFields): string {
  return createHash("sha256").update(canonical(e)).digest("hex");
}

/**
 * The keyed hash (HMAC-SHA-256) of an event: only who holds the audit key can
 * make it, so recomputing the SHA-256 chain after a change is not enough to hide it.
 */
export function eventHmac(key: string, e: ChainedFields): string {
  return createHmac("sha256", key).update("afweging-audit-event-v1\n").update(canonical(e)).digest("hex");
}

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type ChainBreakReason =
  /** The event's content does not match its hash. */
  | "hash_mismatch"
  /** The event does not point to the hash of the event before it. */
  | "prev_hash_mismatch"
  /** An event is missing (deleted, or the chain head counts more than there are). */
  | "seq_gap"
  /** The keyed hash does not match: the event was changed and its hashes recomputed without the key. */
  | "hmac_mismatch"
  /** An event without keyed hash where the chain is keyed already: a keyed hash was removed. */
  | "hmac_missing"
  /** The chain head names another hash than the last event has. */
  | "head_mismatch"
  /** A signed checkpoint names another hash for this event: the chain was rewritten. */
  | "checkpoint_mismatch"
  /** The chain is shorter than a signed checkpoint says it was: events at its end were removed. */
  | "behind_checkpoint"
  /** A signed checkpoint exists for a chain the database no longer has. */
  | "chain_missing"
  /** A checkpoint whose signature does not match: the checkpoint file was edited. */
  | "checkpoint_invalid";

export type ChainBreak = { seq: number; id: string; reason: ChainBreakReason };

export interface VerifierOptions {
  /** The audit key: with it, keyed hashes are checked too. */
  key?: string;
  /** Start after this event (seq and hash) instead of at the beginning. */
  after?: { seq: number; hash: string };
  /** From this seq on every event must carry a keyed hash (known from a signed checkpoint). */
  keyedFrom?: number | null;
  /** Hashes signed checkpoints name, by seq. */
  anchors?: ReadonlyMap<number, string>;
}

/** Checks one chain event by event, in sequence order, without holding the chain in memory. */
export function createChainVerifier(options: VerifierOptions = {}) {
  let expectedPrev = options.after?.hash ?? GENESIS_HASH;
  let expectedSeq = (options.after?.seq ?? 0) + 1;
  let unkeyed = 0;
  let firstKeyed: number | null = null;
  return {
    /** The seq of the last event found in order (0 for none). */
    get verified() {
      return expectedSeq - 1;
    },
    /** The hash of the last event found in order. */
    get lastHash() {
      return expectedPrev;
    },
    /** Events without a keyed hash, written before keyed hashes existed. */
    get unkeyed() {
      return unkeyed;
    },
    /** The first event with a keyed hash, or null. */
    get firstKeyed() {
      return firstKeyed;
    },
    push(e: StoredEvent): ChainBreak | null {
      const at = (reason: ChainBreakReason): ChainBreak => ({ seq: e.seq, id: e.id, reason });
      if (e.seq !== expectedSeq) return at("seq_gap");
      if (e.prev_hash !== expectedPrev) return at("prev_hash_mismatch");
      if (eventHash(e) !== e.hash) return at("hash_mismatch");
      if (options.key) {
        if (e.hmac == null) {
          const mustBeKeyed = firstKeyed !== null || (options.keyedFrom != null && e.seq >= options.keyedFrom);
          if (mustBeKeyed) return at("hmac_missing");
          unkeyed += 1;
        } else {
          if (!sameHex(e.hmac, eventHmac(options.key, e))) return at("hmac_mismatch");
          firstKeyed ??= e.seq;
        }
      }
      const anchored = options.anchors?.get(e.seq);
      if (anchored !== undefined && anchored !== e.hash) return at("checkpoint_mismatch");
      expectedPrev = e.hash;
      expectedSeq += 1;
      return null;
    },
  };
}

/** Returns the first event that breaks the chain, or null. */
export function findChainBreak(events: Iterable<StoredEvent>, options: VerifierOptions = {}): ChainBreak | null {
  const verifier = createChainVerifier(options);
  for (const e of events) {
    const broken = verifier.push(e);
    if (broken) return broken;
  }
  return null;
}
