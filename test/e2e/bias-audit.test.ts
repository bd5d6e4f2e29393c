import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { accessibilityChecker, describeJourney, expectAccessible, expectAccessibleCopy, followLink, journeyEngine, logIn, openJourney, submitAndWait } from "./support.ts";

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const COMPAS = resolve(repoRoot, "..", "shared", "data", "fairness", "compas_for_aequitas.csv");

const engine = journeyEngine("postgres");

async function h1(page: Page): Promise<string> {
  return ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
}

describeJourney("browser journey: bias audit", (browser) => {
  it(`an IT auditor uploads COMPAS, maps the columns, reads the result and downloads the tagged PDF [${engine}]`, { timeout: 240_000 }, async () => {
    const { app, page, errors, close } = await openJourney(browser(), engine, { context: { acceptDownloads: true } });
    // Every script error and every resource that failed to load counts here.
    page.on("console", (m) => m.type() === "error" && m.text().startsWith("Failed to load resource") && errors.push(m.text()));
    const checker = await accessibilityChecker(browser());
    try {
      await logIn(page, app.baseUrl, "auditor@voorbeeldstad.example", DEMO_PASSWORD);
      await followLink(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Bias-audit" }));
      await expect.poll(() => h1(page)).toBe("Bias-audits");
      await expectAccessible(page, "bias audit list");

      await followLink(page.getByRole("link", { name: "Nieuwe bias-audit" }));
      await expect.poll(() => h1(page)).toBe("Nieuwe bias-audit");
      await expectAccessible(page, "upload form");
      await page.getByLabel(/^Naam van de audit/).fill("COMPAS recidive");
      await page.getByLabel(/^Bestand \(CSV of Parquet\)/).setInputFiles(COMPAS);
      await submitAndWait(page.getByRole("button", { name: "Uploaden" }));

      await expect.poll(() => h1(page)).toBe("Kolommen kiezen: COMPAS recidive");
      await expectAccessible(page, "column mapping");
      await page.getByRole("checkbox", { name: "race" }).check();
      await page.getByRole("checkbox", { name: "sex" }).check();
      await page.getByLabel(/^Beslissing of score van het algoritme/).selectOption("score");
      await page.getByLabel(/^Echte uitkomst/).selectOption("label_value");
      await page.getByLabel(/^Welke uitkomst is gunstig/).selectOption("negative");
      await submitAndWait(page.getByRole("button", { name: "Audit starten" }));

      // Either the progress page (htmx reloads it when the job is done) or already the result.
      // The page is read once, so a reload in between cannot mix the two.
      let first: { h1: string; progress: number; html: string } | undefined;
      const read = () => ({ h1: document.querySelector("h1")?.textContent?.trim() ?? "", progress: document.querySelectorAll("progress").length, html: document.documentElement.outerHTML });
      await expect.poll(async () => (first = await page.evaluate(read).catch(() => undefined)) !== undefined).toBe(true);
      if (first!.h1 === "COMPAS recidive") {
        expect(first!.progress).toBe(1);
        await expectAccessibleCopy(checker, app.baseUrl, first!.html, "progress");
      }
      await expect.poll(() => h1(page), { timeout: 30_000 }).toBe("Bias-audit: COMPAS recidive");
      await expectAccessible(page, "result");
      await expect.poll(() => page.getByRole("heading", { name: "Samenvatting" }).count()).toBe(1);
      await expect.poll(() => page.getByRole("heading", { name: "Combinatie: race × sex" }).count()).toBe(1);
      await expect.poll(() => page.getByRole("img", { name: /Selectiegraad per groep \(race\)/ }).count()).toBe(1);
      // The full tables wait behind a disclosure per group attribute.
      await page.locator("summary", { hasText: "Tabellen en grafieken voor race" }).first().click();
      await expect.poll(() => page.getByRole("table", { name: /^Cijfers per groep voor race \(/ }).count()).toBe(1);

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Rapport downloaden (PDF)" }).click()]);
      const pdf = readFileSync((await download.path())!);
      expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
      const text = pdf.toString("latin1");
      expect(text).toContain("/StructTreeRoot");
      expect(text).toContain("/Lang");

      // Clean up through the page: the confirmation removes the uploaded file too.
      await followLink(page.getByRole("link", { name: "Verwijderen" }));
      await expect.poll(() => h1(page)).toBe("Verwijderen: COMPAS recidive");
      await expectAccessible(page, "delete confirmation");
      await submitAndWait(page.getByRole("button", { name: "Ja, verwijderen" }));
      await expect.poll(() => page.getByRole("status").first().textContent()).toContain("De audit en het bestand zijn verwijderd.");
      await expectAccessible(page, "list after delete");
      expect(errors).toEqual([]);
    } finally {
      await checker.context().close();
      await close();
    }
  });
});
