import { describe, expect, it } from "vitest";
import { checkContent, detectType } from "./content-check.ts";
import { FILES } from "./test-files.ts";

describe("evidence content check", () => {
  it("knows each allowed kind by its content", () => {
    expect(detectType(FILES.pdf)).toBe("pdf");
    expect(detectType(FILES.png)).toBe("png");
    expect(detectType(FILES.jpeg)).toBe("jpeg");
    expect(detectType(FILES.csv)).toBe("csv");
    expect(detectType(FILES.docx)).toBe("docx");
    expect(detectType(FILES.xlsx)).toBe("xlsx");
    expect(detectType(FILES.odt)).toBe("odt");
    expect(detectType(FILES.ods)).toBe("ods");
  });

  it("refuses scripts, web pages, binaries, macro documents and other zips whatever their name", () => {
    for (const f of [FILES.script, FILES.html, FILES.binary, FILES.docm, FILES.plainZip]) expect(detectType(f)).toBeNull();
    expect(checkContent(FILES.script, "rapport.pdf")).toEqual({ ok: false, reason: "unknown" });
    expect(checkContent(FILES.docm, "verslag.docx")).toEqual({ ok: false, reason: "unknown" });
    expect(checkContent(Buffer.alloc(0), "leeg.pdf")).toEqual({ ok: false, reason: "empty" });
  });

  it("wants the name to fit the content", () => {
    expect(checkContent(FILES.pdf, "Rapport.PDF")).toEqual({ ok: true, type: "pdf" });
    expect(checkContent(FILES.jpeg, "foto.jpg")).toEqual({ ok: true, type: "jpeg" });
    expect(checkContent(FILES.csv, "rapport.pdf")).toEqual({ ok: false, reason: "name_mismatch", detected: "csv" });
    expect(checkContent(FILES.pdf, "rapport")).toEqual({ ok: false, reason: "name_mismatch", detected: "pdf" });
  });
});
