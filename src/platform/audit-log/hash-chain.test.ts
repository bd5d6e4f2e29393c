import { describe, expect, it } from "vitest";
import { eventHash, findChainBreak, GENESIS_HASH, type ChainedFields } from "./hash-chain.ts";

function chainOf(n: number) {
  const events: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      chain: "org-1", seq, id: `e${seq}`, organisation_id: "org-1", at: `2026-01-0${seq}T00:00:00.000Z`,
      actor_id: "u1", actor_label: "Test", action: "user.created", entity_type: "user", entity_id: `u${seq}`,
      before_json: null, after_json: JSON.stringify({ n: seq }), prev_hash: prev,
    };
    const hash = eventHash(fields);
    events.push({ ...fields, hash });
    prev = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("accepts an intact chain", () => {
    expect(findChainBreak(chainOf(5))).toBeNull();
  });

  it("names the first event whose content was changed", () => {
    const events = chainOf(5);
    events[2]!.after_json = JSON.stringify({ n: 99 });
    expect(findChainBreak(events)).toEqual({ seq: 3, id: "e3", reason: "hash_mismatch" });
  });

  it("detects a re-hashed event through the next event's link", () => {
    const events = chainOf(5);
    events[1]!.actor_label = "Someone else";
    events[1]!.hash = eventHash(events[1]!);
    expect(findChainBreak(events)).toEqual({ seq: 3, id: "e3", reason: "prev_hash_mismatch" });
  });

  it("detects a deleted event", () => {
    const events = chainOf(5);
    events.splice(3, 1);
    expect(findChainBreak(events)).toEqual({ seq: 5, id: "e5", reason: "seq_gap" });
  });

  it("hashes differ when any field differs", () => {
    const [a] = chainOf(1);
    const base = eventHash(a!);
    for (const key of Object.keys(a!) as (keyof ChainedFields)[]) {
      if (key === ("hash" as string)) continue;
      const changed = { ...a!, [key]: typeof a![key] === "number" ? 42 : "x" };
      expect(eventHash(changed), key).not.toBe(base);
    }
  });
});
