import { describe, expect, it } from "vitest";
import { SecretBox, SecretBoxError } from "./secret-box.ts";

const OLD = "old-key-old-key-old-key-old-key-0001";
const NEW = "new-key-new-key-new-key-new-key-0002";

describe("secret box", () => {
  it("opens what it sealed, and the stored text does not contain the secret", () => {
    const box = new SecretBox([NEW]);
    const sealed = box.seal("geheim-van-de-client", "sso_provider:p1:client_secret");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("geheim");
    expect(box.open(sealed, "sso_provider:p1:client_secret")).toBe("geheim-van-de-client");
  });

  it("seals the same secret differently each time", () => {
    const box = new SecretBox([NEW]);
    expect(box.seal("x", "p")).not.toBe(box.seal("x", "p"));
  });

  it("does not open a value moved to another purpose, a changed value, or with another key", () => {
    const box = new SecretBox([NEW]);
    const sealed = box.seal("geheim", "sso_provider:p1:client_secret");
    expect(() => box.open(sealed, "sso_provider:p2:client_secret")).toThrow(SecretBoxError);
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    bytes[bytes.length - 1]! ^= 1;
    expect(() => box.open(`v1.${bytes.toString("base64url")}`, "sso_provider:p1:client_secret")).toThrow(SecretBoxError);
    expect(() => new SecretBox([OLD]).open(sealed, "sso_provider:p1:client_secret")).toThrow(SecretBoxError);
    expect(() => box.open("plain text", "p")).toThrow(SecretBoxError);
  });

  it("rotates: the new key first seals, the old key behind it still opens old values", () => {
    const sealedWithOld = new SecretBox([OLD]).seal("oud geheim", "p");
    const rotated = new SecretBox([NEW, OLD]);
    expect(rotated.open(sealedWithOld, "p")).toBe("oud geheim");
    expect(new SecretBox([NEW]).open(rotated.seal("nieuw", "p"), "p")).toBe("nieuw");
  });

  it("needs a key", () => {
    expect(() => new SecretBox([])).toThrow(SecretBoxError);
  });
});
