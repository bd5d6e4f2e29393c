import type { Instrument } from "../../instruments/index.ts";
import type { Deps } from "../../platform/deps.ts";
import { AppError } from "../../platform/errors.ts";

/** The four methods, each an instrument file whose sections are the steps. */
export const METHODS = ["deliberation-dilemma", "deliberation-utrecht", "deliberation-socratic", "deliberation-guidance-ethics"] as const;
export type Method = (typeof METHODS)[number];
export type DeliberationMethod = Method;

export const PARTICIPANT_ROLES = ["facilitator", "case_holder", "scribe", "participant"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const DELIBERATION_STATUSES = ["open", "closed", "escalated"] as const;
export type DeliberationStatus = (typeof DELIBERATION_STATUSES)[number];

export function asMethod(method: string): Method {
  return (METHODS as readonly string[]).includes(method) ? (method as Method) : "deliberation-dilemma";
}

/** The method's instrument in the version the session is pinned to. */
export function methodInstrument(deps: Deps, method: string, version: string): Instrument {
  const instrument = deps.instruments.get(method, version);
  if (!instrument) throw new AppError("internal", "deliberation.method_missing");
  return instrument;
}
