import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { browserAvailable, expectAccessible, journeyEngines, launchBrowser, logIn, startApp, type RunningApp } from "./support.ts";

const engines = browserAvailable ? journeyEngines : [];

describe.skipIf(!browserAvailable)("browser journey: accounts and roles", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const engine of engines) {
    it(`admin gives a role, the user sees what it allows and no more [${engine}]`, { retry: 1, timeout: 180_000 }, async () => {
      const app: RunningApp = await startApp(engine);
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      // Script errors and CSP refusals count; the 4xx answers this journey asks for on purpose do not.
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
      page.on("response", (r) => r.status() === 404 && !r.url().endsWith("/bestaat-niet") && errors.push(`404 ${r.url()}`));
      try {
        await page.goto(`${app.baseUrl}/`);
        expect(page.url()).toBe(`${app.baseUrl}/login`);
        await expectAccessible(page, "login");

        await logIn(page, app.baseUrl, "beheerder@voorbeeldstad.example", DEMO_PASSWORD);
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welkom, Fleur Aalbers");
        await expectAccessible(page, "start page");

        await page.getByRole("button", { name: "English" }).click();
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome, Fleur Aalbers");
        expect(await page.getAttribute("html", "lang")).toBe("en");
        await expectAccessible(page, "start page (English)");
        await page.getByRole("button", { name: "Nederlands" }).click();
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welkom, Fleur Aalbers");

        await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Gebruikers" }).click();
        await expectAccessible(page, "users");
        await page.getByLabel("Zoek op naam of e-mailadres").fill("Sara");
        await page.getByRole("button", { name: "Zoeken" }).click();
        await page.getByRole("link", { name: "Sara Peters" }).click();
        await expectAccessible(page, "user detail");
        await page.getByRole("combobox", { name: /^Rol/ }).selectOption("vic");
        await page.getByRole("button", { name: "Rol toekennen" }).click();
        await expect.poll(() => page.getByRole("status").textContent()).toContain("De rol is toegekend.");
        expect(await page.getByText("Verbijzonderde interne controle (VIC)").count()).toBeGreaterThan(0);
        await expectAccessible(page, "user detail after role");

        // A wrong form shows the error summary, focused, and keeps the page accessible.
        await page.getByRole("textbox", { name: /^Naam/ }).fill("");
        await page.getByRole("button", { name: "Opslaan" }).click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("afw-error-summary"))).toBe(true);
        await expectAccessible(page, "user detail with errors");

        await page.getByRole("button", { name: "Uitloggen" }).click();
        await expect.poll(() => page.getByRole("status").textContent()).toContain("U bent uitgelogd.");

        await logIn(page, app.baseUrl, "projectlid@voorbeeldstad.example", DEMO_PASSWORD);
        const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
        expect(await nav.getByRole("link", { name: "Logboek" }).count()).toBe(1);
        expect(await nav.getByRole("link", { name: "Gebruikers" }).count()).toBe(0);
        await nav.getByRole("link", { name: "Logboek" }).click();
        await expectAccessible(page, "audit log");
        expect(await page.getByRole("cell", { name: "role.assigned" }).count()).toBeGreaterThan(0);
        await page.getByLabel("Handeling (begint met)").fill("role.");
        await page.getByRole("button", { name: "Toon" }).click();
        expect(await page.getByRole("cell", { name: "user.created" }).count()).toBe(0);

        const forbidden = await page.goto(`${app.baseUrl}/admin/users`);
        expect(forbidden?.status()).toBe(403);
        await expectAccessible(page, "forbidden page");
        const missing = await page.goto(`${app.baseUrl}/bestaat-niet`);
        expect(missing?.status()).toBe(404);
        await expectAccessible(page, "not found page");

        await page.goto(`${app.baseUrl}/`);
        await page.getByRole("button", { name: "Uitloggen" }).click();
        expect(page.url()).toBe(`${app.baseUrl}/login`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await app.close();
      }
    });
  }
});
