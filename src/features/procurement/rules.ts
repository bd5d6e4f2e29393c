// The sign-off rules as pure functions: who signs, when a contract counts as
// signed off, and when a sign-off has lapsed. The use cases and the gate
// snapshot both decide with these, so the page and the gate never disagree.
import type { ContractState, SecondSigner, SignerRole, SignoffView, Slot, SlotView } from "./model.ts";

const SLOT_ROLES: Record<Slot, readonly SignerRole[]> = {
  jurist: ["jurist"],
  iso_or_privacy: ["iso", "privacy_officer"],
  iso: ["iso"],
  privacy_officer: ["privacy_officer"],
};

/** The places to fill: always a jurist, and beside them the ISO and/or privacy officer as the organisation set it. */
export function slotsFor(second: SecondSigner): Slot[] {
  switch (second) {
    case "iso":
      return ["jurist", "iso"];
    case "privacy_officer":
      return ["jurist", "privacy_officer"];
    case "iso_and_privacy":
      return ["jurist", "iso", "privacy_officer"];
    default:
      return ["jurist", "iso_or_privacy"];
  }
}

export function rolesOfSlot(slot: Slot): readonly SignerRole[] {
  return SLOT_ROLES[slot];
}

/** Each place with the signature given on the current revision. */
export function slotViews(slots: readonly Slot[], current: readonly SignoffView[]): SlotView[] {
  return slots.map((slot) => ({ slot, roles: SLOT_ROLES[slot], signoff: current.find((s) => s.slot === slot) ?? null }));
}

/** The places a person with these roles may still fill on this revision: none once they signed one. */
export function openSlotsFor(roles: ReadonlySet<string>, userId: string, slots: readonly SlotView[]): Slot[] {
  if (slots.some((s) => s.signoff?.userId === userId)) return [];
  return slots.filter((s) => !s.signoff && s.roles.some((r) => roles.has(r))).map((s) => s.slot);
}

export interface StateFacts {
  withdrawn: boolean;
  checklistComplete: boolean;
  openPoints: number;
  slots: readonly SlotView[];
  /** Revisions before the current one on which every place was signed. */
  earlierFullySigned: boolean;
}

/** Signed off: every place signed on the current revision, the checklist complete and no point open. */
export function contractState(f: StateFacts): ContractState {
  if (f.withdrawn) return "withdrawn";
  const ready = f.checklistComplete && f.openPoints === 0;
  if (ready && f.slots.every((s) => s.signoff)) return "signed_off";
  return ready ? "ready" : "in_progress";
}

/** A sign-off that no longer holds: given on an earlier revision, or a new attention point came in after it. */
export function signoffLapsed(f: StateFacts): boolean {
  if (f.withdrawn || contractState(f) === "signed_off") return false;
  return f.earlierFullySigned || (f.slots.length > 0 && f.slots.every((s) => s.signoff));
}

/** Whether every place was signed on some revision, from all signatures of a contract. */
export function fullySignedRevisions(slots: readonly Slot[], signoffs: readonly { revision: number; slot: string }[]): Set<number> {
  const byRevision = new Map<number, Set<string>>();
  for (const s of signoffs) byRevision.set(s.revision, (byRevision.get(s.revision) ?? new Set()).add(s.slot));
  return new Set([...byRevision].filter(([, signed]) => slots.every((slot) => signed.has(slot))).map(([revision]) => revision));
}

/** The day of the last signature on the current revision, when the contract is signed off. */
export function signedOffOn(state: ContractState, slots: readonly SlotView[]): string | null {
  if (state !== "signed_off") return null;
  const dates = slots.map((s) => s.signoff?.signedAt ?? "").sort();
  return dates[dates.length - 1]?.slice(0, 10) ?? null;
}
