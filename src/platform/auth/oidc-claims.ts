// Reads the identity out of verified OpenID Connect claims, with the claim
// names an organisation configured. Pure: no I/O, returns codes.

export interface ClaimNames {
  subject: string;
  email: string;
  name: string;
  /** null: this provider brings no group membership. */
  groups: string | null;
}

export interface ClaimedIdentity {
  subject: string;
  email: string;
  name: string;
  /** null when the provider is configured without a groups claim. */
  groups: string[] | null;
  /** The provider's own word on the e-mail address, when it gives one. */
  emailVerified: boolean | null;
}

export type ClaimProblem =
  | { code: "claim_missing"; claim: string }
  | { code: "claim_not_text"; claim: string }
  | { code: "groups_missing"; claim: string }
  | { code: "groups_not_a_list"; claim: string }
  | { code: "email_invalid"; claim: string };

export type ReadIdentityResult = { ok: true; identity: ClaimedIdentity } | { ok: false; problem: ClaimProblem };

/** A claim by name; a dotted name reaches into an object when no claim has the whole name (Keycloak's realm_access.roles). */
export function claimValue(claims: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let current: unknown = claims;
  for (const part of name.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current) || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const MAX_TEXT = 254;
const MAX_GROUPS = 500;

function text(claims: Readonly<Record<string, unknown>>, claim: string): { ok: true; value: string } | { ok: false; problem: ClaimProblem } {
  const value = claimValue(claims, claim);
  if (value === undefined || value === null || value === "") return { ok: false, problem: { code: "claim_missing", claim } };
  if (typeof value !== "string" && typeof value !== "number") return { ok: false, problem: { code: "claim_not_text", claim } };
  const s = String(value).trim();
  if (s === "" || s.length > MAX_TEXT) return { ok: false, problem: { code: "claim_not_text", claim } };
  return { ok: true, value: s };
}

export function readIdentity(claims: Readonly<Record<string, unknown>>, names: ClaimNames): ReadIdentityResult {
  const subject = text(claims, names.subject);
  if (!subject.ok) return subject;
  const email = text(claims, names.email);
  if (!email.ok) return email;
  const address = email.value.toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return { ok: false, problem: { code: "email_invalid", claim: names.email } };
  const name = text(claims, names.name);
  let groups: string[] | null = null;
  if (names.groups) {
    const value = claimValue(claims, names.groups);
    if (value === undefined || value === null) return { ok: false, problem: { code: "groups_missing", claim: names.groups } };
    if (!Array.isArray(value) || value.length > MAX_GROUPS || !value.every((g) => typeof g === "string" && g.length <= MAX_TEXT)) {
      return { ok: false, problem: { code: "groups_not_a_list", claim: names.groups } };
    }
    groups = [...new Set(value as string[])];
  }
  const verified = claims.email_verified;
  return {
    ok: true,
    identity: {
      subject: subject.value,
      email: address,
      name: name.ok ? name.value : address,
      groups,
      emailVerified: typeof verified === "boolean" ? verified : null,
    },
  };
}
