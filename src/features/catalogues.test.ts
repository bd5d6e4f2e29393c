import { describe, expect, it } from "vitest";
import { features } from "./registry.ts";
import { allCatalogues, installCatalogues, isMessageKey } from "../platform/i18n/index.ts";

// Every key the code asks for is checked by the compiler: t() takes only a
// MessageKey, the union of the core catalogue's and every feature's keys
// (features declare theirs by module augmentation), so a key that does not
// exist — also one built from a typed union, like `role.${OrganisationRole}` —
// is a type error. These tests check the catalogues themselves.
describe("message catalogues", () => {
  installCatalogues(features.flatMap((f) => (f.messages ? [f.messages] : [])));
  const { nl, en } = allCatalogues();

  it("have the same keys in Dutch and English", () => {
    const missingInEn = Object.keys(nl).filter((k) => !(k in en));
    const missingInNl = Object.keys(en).filter((k) => !(k in nl));
    expect({ missingInEn, missingInNl }).toEqual({ missingInEn: [], missingInNl: [] });
    expect(Object.keys(nl).length).toBeGreaterThan(500);
  });

  it("have no empty texts and the same placeholders in both languages", () => {
    for (const key of Object.keys(nl)) {
      expect(nl[key]!.trim(), key).not.toBe("");
      expect(en[key]!.trim(), key).not.toBe("");
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en[key]!), key).toEqual(placeholders(nl[key]!));
    }
  });

  it("keep each feature's keys under the feature's own prefix, once", () => {
    const seen = new Map<string, string>();
    for (const feature of features) {
      if (!feature.messages) continue;
      const prefixes = new Set(Object.keys(feature.messages.nl).map((k) => k.split(".")[0]));
      expect(prefixes.size, `${feature.name} uses one prefix: ${[...prefixes].join(", ")}`).toBe(1);
      for (const key of Object.keys(feature.messages.nl)) {
        expect(seen.get(key), `${key} in ${feature.name}`).toBeUndefined();
        seen.set(key, feature.name);
      }
      expect(Object.keys(feature.messages.en).sort(), feature.name).toEqual(Object.keys(feature.messages.nl).sort());
    }
  });

  it("know a key that arrives as data only when it exists", () => {
    expect(isMessageKey("error.not_found")).toBe(true);
    expect(isMessageKey("projects.nav")).toBe(true);
    expect(isMessageKey("projects.no_such_key")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
  });
});
