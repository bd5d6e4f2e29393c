import { describe, expect, it } from "vitest";
import { safeLocalPath } from "./render.tsx";

describe("safeLocalPath", () => {
  it("keeps local paths", () => {
    for (const path of ["/", "/account", "/projects/abc/measures", "/audit-log?action=user&page=2", "/zoeken?q=a%20b", "/a/b%2Fc"]) {
      expect(safeLocalPath(path), path).toBe(path);
    }
  });

  it("refuses everything a browser could take to another site, or that breaks a Location header", () => {
    const hostile = [
      "/\t/evil.example", // defect 1: browsers drop the tab and go to //evil.example
      "/\n/x",
      "/\r\n/x",
      "/\u0000x",
      "/\u007fx",
      "/\u000b/evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/a\\b",
      "/%09/evil.example",
      "/%0A/x",
      "/%0d%0a/x",
      "/%2F/evil.example",
      "/%2f%2fevil.example",
      "/%5Cevil.example",
      "/%252F/evil.example", // twice encoded
      "/%25252F/evil.example",
      "/%",
      "/ spaced",
      "/\u00a0x",
      "/caf\u00e9",
      "https://evil.example/",
      "evil.example",
      "javascript:alert(1)",
      "",
      "/" + "a".repeat(3000),
    ];
    for (const path of hostile) expect(safeLocalPath(path, "/fallback"), JSON.stringify(path)).toBe("/fallback");
    expect(safeLocalPath(undefined)).toBe("/");
  });
});
