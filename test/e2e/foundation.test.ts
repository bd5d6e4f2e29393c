import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { describeJourney, expectAccessible, followLink, journeyEngine, logIn, openJourney, submitAndWait } from "./support.ts";

const engine = journeyEngine("postgres");

describeJourney("browser journey: accounts and roles", (browser) => {
  it(`admin gives a role, the user sees what it allows and no more [${engine}]`, { timeout: 240_000 }, async () => {
    // Script errors and CSP refusals count; the 4xx answers this journey asks for on purpose do not.
    const { app, page, errors, close } = await openJourney(browser(), engine, { countResponse: (status, url) => status === 404 && !url.endsWith("/bestaat-niet") });
    try {
      // A visitor's start is the public one; the staff sign in from there.
      await page.goto(`${app.baseUrl}/`);
      await expectAccessible(page, "public start page");
      await page.goto(`${app.baseUrl}/projects`);
      expect(new URL(page.url()).pathname).toBe("/login");
      await expectAccessible(page, "login");

      await logIn(page, app.baseUrl, "beheerder@voorbeeldstad.example", DEMO_PASSWORD);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welkom, Fleur Aalbers");
      await expectAccessible(page, "start page");

      await submitAndWait(page.getByRole("button", { name: "English" }));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome, Fleur Aalbers");
      expect(await page.getAttribute("html", "lang")).toBe("en");
      await expectAccessible(page, "start page (English)");
      await submitAndWait(page.getByRole("button", { name: "Nederlands" }));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welkom, Fleur Aalbers");

      await followLink(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Gebruikers" }));
      await expectAccessible(page, "users");
      await page.getByLabel("Zoek op naam of e-mailadres").fill("Sara");
      await submitAndWait(page.getByRole("button", { name: "Zoeken" }));
      await followLink(page.getByRole("link", { name: "Sara Peters" }));
      await expectAccessible(page, "user detail");
      await page.getByRole("combobox", { name: /^Rol/ }).selectOption("vic");
      await submitAndWait(page.getByRole("button", { name: "Rol toekennen" }));
      await expect.poll(() => page.getByRole("status").textContent()).toContain("De rol is toegekend.");
      await expect.poll(() => page.getByText("Verbijzonderde interne controle (VIC)").count()).toBeGreaterThan(0);
      await expectAccessible(page, "user detail after role");

      // A wrong form shows the error summary, focused, and keeps the page accessible.
      await page.getByRole("textbox", { name: /^Naam/ }).fill("");
      await submitAndWait(page.getByRole("button", { name: "Opslaan" }));
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("afw-error-summary"))).toBe(true);
      await expectAccessible(page, "user detail with errors");

      await submitAndWait(page.getByRole("button", { name: "Uitloggen" }));
      await expect.poll(() => page.getByRole("status").textContent()).toContain("U bent uitgelogd.");

      await logIn(page, app.baseUrl, "projectlid@voorbeeldstad.example", DEMO_PASSWORD);
      const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
      await expect.poll(() => nav.getByRole("link", { name: "Logboek" }).count()).toBe(1);
      await expect.poll(() => nav.getByRole("link", { name: "Gebruikers" }).count()).toBe(0);
      await followLink(nav.getByRole("link", { name: "Logboek" }));
      await expectAccessible(page, "audit log");
      await expect.poll(() => page.getByRole("cell", { name: "role.assigned" }).count()).toBeGreaterThan(0);
      await page.getByLabel("Handeling (begint met)").fill("role.");
      await submitAndWait(page.getByRole("button", { name: "Toon" }));
      await expect.poll(() => page.getByRole("cell", { name: "user.created" }).count()).toBe(0);

      const forbidden = await page.goto(`${app.baseUrl}/admin/users`);
      expect(forbidden?.status()).toBe(403);
      await expectAccessible(page, "forbidden page");
      const missing = await page.goto(`${app.baseUrl}/bestaat-niet`);
      expect(missing?.status()).toBe(404);
      await expectAccessible(page, "not found page");

      await page.goto(`${app.baseUrl}/`);
      await submitAndWait(page.getByRole("button", { name: "Uitloggen" }));
      expect(page.url()).toBe(`${app.baseUrl}/login`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
