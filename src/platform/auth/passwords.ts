import type { MessageKey } from "../i18n/index.ts";
import { hash, verify } from "@node-rs/argon2";

/** argon2id (algorithm 2) with the OWASP-recommended minimum cost: 19 MiB, 2 passes. */
export const PASSWORD_HASHING = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Test runs only: the lightest argon2id there is (8 KiB, 1 pass, about a millisecond),
 * so the users of every fixture and the demo seed do not cost most of a test.
 * vitest.config.ts asks for it with AFWEGING_PASSWORD_HASHING=test-light; a process
 * that vitest did not start (VITEST unset) keeps the production cost whatever it is told.
 */
export const TEST_PASSWORD_HASHING = { algorithm: 2, memoryCost: 8, timeCost: 1, parallelism: 1 } as const;

export type PasswordHashing = typeof PASSWORD_HASHING | typeof TEST_PASSWORD_HASHING;

export function passwordHashing(env: NodeJS.ProcessEnv = process.env): PasswordHashing {
  return env.AFWEGING_PASSWORD_HASHING === "test-light" && env.VITEST === "true" ? TEST_PASSWORD_HASHING : PASSWORD_HASHING;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string, options: PasswordHashing = passwordHashing()): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Returns the message key of the first rule the password breaks, or null. */
export function passwordProblem(password: string, email?: string): MessageKey | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "password.too_short";
  if (password.length > PASSWORD_MAX_LENGTH) return "password.too_long";
  if (new Set(password).size < 5) return "password.too_simple";
  const local = email?.split("@")[0]?.toLowerCase() ?? "";
  // Very short local parts ("a@…") would forbid half the alphabet; only a recognisable name counts.
  if (local.length >= 4 && password.toLowerCase().includes(local)) return "password.contains_email";
  return null;
}

/** A hash to verify against when the account does not exist, so both cases take as long. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-0000");
  return dummyHash;
}
