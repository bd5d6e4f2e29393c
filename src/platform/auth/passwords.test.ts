import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(h, "correct horse battery")).toBe(true);
    expect(await verifyPassword(h, "correct horse battery!")).toBe(false);
    expect(await verifyPassword("garbage", "x")).toBe(false);
  });

  it("enforces the minimum policy", () => {
    expect(passwordProblem("short")).toBe("password.too_short");
    expect(passwordProblem("aaaaaaaaaaaaaaa")).toBe("password.too_simple");
    expect(passwordProblem("jan.jansen-2026!", "jan.jansen@example.nl")).toBe("password.contains_email");
    expect(passwordProblem("x".repeat(201))).toBe("password.too_long");
    expect(passwordProblem("lange zin met woorden")).toBeNull();
  });
});
