import { describe, expect, it } from "vitest";
import { claimValue, readIdentity, type ClaimNames } from "./oidc-claims.ts";

const names: ClaimNames = { subject: "sub", email: "email", name: "name", groups: "groups" };
const base = { sub: "abc-123", email: "Anna.Jansen@Voorbeeldstad.example", name: "Anna Jansen", groups: ["afweging-fg", "alle-medewerkers"] };

describe("reading the identity from verified claims", () => {
  it("takes subject, e-mail (lower case), name and groups by the configured names", () => {
    expect(readIdentity(base, names)).toEqual({
      ok: true,
      identity: { subject: "abc-123", email: "anna.jansen@voorbeeldstad.example", name: "Anna Jansen", groups: ["afweging-fg", "alle-medewerkers"], emailVerified: null },
    });
    const entra = { oid: "0000-1111", preferred_username: "a.jansen@voorbeeldstad.example", name: "A. Jansen", roles: ["Afweging.Beheer"], email_verified: true };
    const r = readIdentity(entra, { subject: "oid", email: "preferred_username", name: "name", groups: "roles" });
    expect(r).toMatchObject({ ok: true, identity: { subject: "0000-1111", email: "a.jansen@voorbeeldstad.example", groups: ["Afweging.Beheer"], emailVerified: true } });
  });

  it("reaches into an object with a dotted name, as Keycloak's realm_access.roles", () => {
    expect(claimValue({ realm_access: { roles: ["fg"] } }, "realm_access.roles")).toEqual(["fg"]);
    expect(claimValue({ "realm_access.roles": ["x"], realm_access: { roles: ["y"] } }, "realm_access.roles")).toEqual(["x"]);
    expect(claimValue({ realm_access: ["fg"] }, "realm_access.roles")).toBeUndefined();
  });

  it("refuses a missing groups claim and one that is not a list of texts", () => {
    const { groups: _, ...withoutGroups } = base;
    expect(readIdentity(withoutGroups, names)).toEqual({ ok: false, problem: { code: "groups_missing", claim: "groups" } });
    expect(readIdentity({ ...base, groups: "afweging-fg" }, names)).toEqual({ ok: false, problem: { code: "groups_not_a_list", claim: "groups" } });
    expect(readIdentity({ ...base, groups: [1, 2] }, names)).toEqual({ ok: false, problem: { code: "groups_not_a_list", claim: "groups" } });
    expect(readIdentity({ ...base, groups: { a: 1 } }, names)).toEqual({ ok: false, problem: { code: "groups_not_a_list", claim: "groups" } });
  });

  it("needs no groups when the provider is configured without them", () => {
    const { groups: _, ...withoutGroups } = base;
    expect(readIdentity(withoutGroups, { ...names, groups: null })).toMatchObject({ ok: true, identity: { groups: null } });
  });

  it("refuses a missing subject or e-mail, and an e-mail that is not one", () => {
    expect(readIdentity({ ...base, sub: undefined }, names)).toEqual({ ok: false, problem: { code: "claim_missing", claim: "sub" } });
    expect(readIdentity({ ...base, email: "" }, names)).toEqual({ ok: false, problem: { code: "claim_missing", claim: "email" } });
    expect(readIdentity({ ...base, email: "anna" }, names)).toEqual({ ok: false, problem: { code: "email_invalid", claim: "email" } });
    expect(readIdentity({ ...base, email: ["a@b.nl"] }, names)).toEqual({ ok: false, problem: { code: "claim_not_text", claim: "email" } });
  });

  it("falls back to the e-mail address when there is no name, and drops repeated groups", () => {
    expect(readIdentity({ ...base, name: undefined, groups: ["a", "a", "b"] }, names)).toMatchObject({ ok: true, identity: { name: "anna.jansen@voorbeeldstad.example", groups: ["a", "b"] } });
  });
});
