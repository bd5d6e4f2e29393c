import { describe, expect, it } from "vitest";
import { hashPassword, PASSWORD_HASHING, passwordHashing, passwordProblem, TEST_PASSWORD_HASHING, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  it("hashes with argon2id at the production cost and verifies", async () => {
    const h = await hashPassword("correct horse battery", PASSWORD_HASHING);
    expect(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await verifyPassword(h, "correct horse battery")).toBe(true);
    expect(await verifyPassword(h, "correct horse battery!")).toBe(false);
    expect(await verifyPassword("garbage", "x")).toBe(false);
  });

  it("uses the production cost unless vitest runs the process and asks for the light one", async () => {
    expect(passwordHashing({})).toBe(PASSWORD_HASHING);
    expect(passwordHashing({ AFWEGING_PASSWORD_HASHING: "test-light" })).toBe(PASSWORD_HASHING);
    expect(passwordHashing({ VITEST: "true" })).toBe(PASSWORD_HASHING);
    expect(passwordHashing({ AFWEGING_PASSWORD_HASHING: "test-light", VITEST: "true" })).toBe(TEST_PASSWORD_HASHING);
    // This run asks for the light cost (vitest.config.ts); a light hash verifies like any other.
    const light = await hashPassword("correct horse battery");
    expect(light.startsWith("$argon2id$v=19$m=8,t=1,p=1$")).toBe(true);
    expect(await verifyPassword(light, "correct horse battery")).toBe(true);
    expect(await verifyPassword(light, "correct horse battery!")).toBe(false);
  });

  it("enforces the minimum policy", () => {
    expect(passwordProblem("short")).toBe("password.too_short");
    expect(passwordProblem("aaaaaaaaaaaaaaa")).toBe("password.too_simple");
    expect(passwordProblem("jan.jansen-2026!", "jan.jansen@example.nl")).toBe("password.contains_email");
    expect(passwordProblem("x".repeat(201))).toBe("password.too_long");
    expect(passwordProblem("lange zin met woorden")).toBeNull();
  });
});
