import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { browserAvailable, expectAccessible, journeyEngines, launchBrowser, logIn, startApp, type RunningApp } from "./support.ts";

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const COMPAS = resolve(repoRoot, "..", "shared", "data", "fairness", "compas_for_aequitas.csv");

const engines = browserAvailable ? journeyEngines : [];

async function h1(page: Page): Promise<string> {
  return ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
}

describe.skipIf(!browserAvailable)("browser journey: bias audit", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const engine of engines) {
    it(`an IT auditor uploads COMPAS, maps the columns, reads the result and downloads the tagged PDF [${engine}]`, async () => {
      const app: RunningApp = await startApp(engine);
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      try {
        await logIn(page, app.baseUrl, "auditor@voorbeeldstad.example", DEMO_PASSWORD);
        await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Bias-audit" }).click();
        await expect.poll(() => h1(page)).toBe("Bias-audits");
        await expectAccessible(page, "bias audit list");

        await page.getByRole("link", { name: "Nieuwe bias-audit" }).click();
        await expect.poll(() => h1(page)).toBe("Nieuwe bias-audit");
        await expectAccessible(page, "upload form");
        await page.getByLabel(/^Naam van de audit/).fill("COMPAS recidive");
        await page.getByLabel(/^Bestand \(CSV of Parquet\)/).setInputFiles(COMPAS);
        await page.getByRole("button", { name: "Uploaden" }).click();

        await expect.poll(() => h1(page)).toBe("Kolommen kiezen: COMPAS recidive");
        await expectAccessible(page, "column mapping");
        await page.getByRole("checkbox", { name: "race" }).check();
        await page.getByRole("checkbox", { name: "sex" }).check();
        await page.getByLabel(/^Beslissing of score van het algoritme/).selectOption("score");
        await page.getByLabel(/^Echte uitkomst/).selectOption("label_value");
        await page.getByLabel(/^Welke uitkomst is gunstig/).selectOption("negative");
        await page.getByRole("button", { name: "Audit starten" }).click();

        // Either the progress page (htmx reloads it when the job is done) or already the result.
        await page.waitForLoadState("domcontentloaded");
        if ((await h1(page)) === "COMPAS recidive") {
          expect(await page.locator("progress").count()).toBe(1);
          await expectAccessible(page, "progress");
        }
        await expect.poll(() => h1(page), { timeout: 30_000 }).toBe("Bias-audit: COMPAS recidive");
        await expectAccessible(page, "result");
        expect(await page.getByRole("heading", { name: "Samenvatting" }).count()).toBe(1);
        expect(await page.getByRole("heading", { name: "Combinatie: race × sex" }).count()).toBe(1);
        expect(await page.getByRole("img", { name: /Selectiegraad per groep \(race\)/ }).count()).toBe(1);
        expect(await page.getByRole("table", { name: /^Cijfers per groep voor race \(/ }).count()).toBe(1);

        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Rapport downloaden (PDF)" }).click()]);
        const pdf = readFileSync((await download.path())!);
        expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
        const text = pdf.toString("latin1");
        expect(text).toContain("/StructTreeRoot");
        expect(text).toContain("/Lang");

        // Clean up through the page: the confirmation removes the uploaded file too.
        await page.getByRole("link", { name: "Verwijderen" }).click();
        await expect.poll(() => h1(page)).toBe("Verwijderen: COMPAS recidive");
        await expectAccessible(page, "delete confirmation");
        await page.getByRole("button", { name: "Ja, verwijderen" }).click();
        await expect.poll(() => page.getByRole("status").first().textContent()).toContain("De audit en het bestand zijn verwijderd.");
        await expectAccessible(page, "list after delete");
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await app.close();
      }
    }, { retry: 1, timeout: 240_000 });
  }
});
