import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { grantInstanceAdmin } from "../../src/features/organisations/instance-admin.ts";
import { describeJourney, expectAccessible, flash, journeyEngine, logIn, logOut, openJourney, submitAndWait } from "./support.ts";

const NEW_ADMIN = { name: "Noor van Nieuwland", email: "noor@nieuwland.example", password: "Nieuwland-start-2026" };

describeJourney("browser journey: the instance administrator sets up a second municipality", (browser) => {
  it("creates the organisation and its first admin, who logs in and sees only their own organisation", async () => {
    const journey = await openJourney(browser(), journeyEngine("postgres"));
    const { app, page, errors } = journey;
    try {
      await grantInstanceAdmin(app.deps, "beheerder@voorbeeldstad.example");
      await logIn(page, app.baseUrl, "beheerder@voorbeeldstad.example", DEMO_PASSWORD);
      await submitAndWait(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Organisaties" }));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Organisaties op dit platform");
      await expect.poll(() => page.getByRole("table").textContent()).toContain("Gemeente Voorbeeldstad");
      await expectAccessible(page, "organisations");

      await submitAndWait(page.getByRole("link", { name: "Nieuwe organisatie" }));
      await expectAccessible(page, "new organisation");
      // A wrong TOOI code is refused with the reason, and what was typed stays.
      await page.getByLabel(/^Naam van de organisatie/).fill("Gemeente Nieuwland");
      await page.getByLabel(/^Korte naam/).fill("nieuwland");
      await page.getByLabel(/^TOOI-code/).fill("0363");
      await page.getByLabel(/^Contactadres voor het register/).fill("algoritmes@nieuwland.example");
      await submitAndWait(page.getByRole("button", { name: "Organisatie aanmaken" }));
      await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Dit is geen TOOI-code");
      await expectAccessible(page, "new organisation with an error");
      await page.getByLabel(/^TOOI-code/).fill("gm0363");
      await submitAndWait(page.getByRole("button", { name: "Organisatie aanmaken" }));
      expect(await flash(page)).toContain("De organisatie is aangemaakt");
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Gemeente Nieuwland");
      await expectAccessible(page, "organisation");

      const admins = page.getByRole("form", { name: "Beheerder toevoegen" });
      await admins.getByLabel(/^Naam/).fill(NEW_ADMIN.name);
      await admins.getByLabel(/^E-mailadres/).fill(NEW_ADMIN.email);
      await admins.getByLabel(/^Tijdelijk wachtwoord/).fill(NEW_ADMIN.password);
      await submitAndWait(admins.getByRole("button", { name: "Beheerder toevoegen" }));
      expect(await flash(page)).toContain("De beheerder is toegevoegd");
      await expect.poll(() => page.getByRole("table").textContent()).toContain(NEW_ADMIN.email);
      await expectAccessible(page, "organisation with its admin");
      await logOut(page);

      await logIn(page, app.baseUrl, NEW_ADMIN.email, NEW_ADMIN.password);
      const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
      await expect.poll(() => menu.textContent()).toContain("Gebruikers");
      expect(await menu.getByRole("link", { name: "Organisaties" }).count()).toBe(0);
      await submitAndWait(menu.getByRole("link", { name: "Organisatie" }));
      await expect.poll(() => page.getByLabel(/^Naam/).first().inputValue()).toBe("Gemeente Nieuwland");
      await expectAccessible(page, "the new admin's organisation");
      await submitAndWait(menu.getByRole("link", { name: "Gebruikers" }));
      await expect.poll(() => page.getByRole("table").textContent()).toContain(NEW_ADMIN.email);
      expect(await page.getByRole("table").textContent()).not.toContain("voorbeeldstad.example");
      await expectAccessible(page, "the new admin's users");
      await submitAndWait(menu.getByRole("link", { name: "Projecten" }));
      expect(await page.locator("main").textContent()).not.toContain("afvalcontainers");
      await expectAccessible(page, "the new organisation's projects");
      const refused = await page.goto(`${app.baseUrl}/instance/organisations`);
      expect(refused?.status()).toBe(403);
      await expectAccessible(page, "instance pages refused to an organisation admin");
      expect(errors).toEqual([]);
    } finally {
      await journey.close();
    }
  }, 180_000);
});
