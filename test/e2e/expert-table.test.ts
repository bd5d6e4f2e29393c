import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { describeJourney, expectAccessible, flash, followLink, journeyEngine, logIn, logOut, openJourney, submitAndWait } from "./support.ts";

const ENGINE = journeyEngine("sqlite");

const LEAD = "projectleider@voorbeeldstad.example";
const TABLE_MEMBER = "experttafel@voorbeeldstad.example";

describeJourney("browser journey: expert-table advice", (browser) => {
  it(`expert-table advice is requested, written and answered per recommendation [${ENGINE}]`, { timeout: 240_000 }, async () => {
    const { app, page, errors, close } = await openJourney(browser(), ENGINE);
    try {
      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await followLink(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Experttafel" }));
      await expectAccessible(page, "expert table (lead)");
      await followLink(page.getByRole("link", { name: "Advies aanvragen" }));
      await page.getByRole("combobox", { name: /^Project/ }).selectOption({ label: "Chatbot voor de publieksbalie" });
      await page.getByLabel(/^Vraag aan de experttafel/).fill("Welke risico's ziet de experttafel voor inwoners die de chatbot gebruiken?");
      await expectAccessible(page, "new advice request");
      await submitAndWait(page.getByRole("button", { name: "Advies aanvragen" }));
      await expect.poll(() => flash(page)).toContain("Uw adviesaanvraag is verstuurd");
      await expectAccessible(page, "advice request (lead)");
      const requestUrl = page.url();
      await logOut(page);

      await logIn(page, app.baseUrl, TABLE_MEMBER, DEMO_PASSWORD);
      await followLink(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Experttafel" }));
      await expectAccessible(page, "expert table (member)");
      await followLink(page.getByRole("link", { name: "Chatbot voor de publieksbalie" }));
      await page.getByLabel(/^Samenvatting van het advies/).fill("Het doel is goed. Zorg dat inwoners weten dat zij met een computer praten.");
      await page.getByLabel("Privacy", { exact: true }).fill("Sla gesprekken niet op bij de leverancier.");
      await submitAndWait(page.getByRole("button", { name: "Concept opslaan" }));
      await expect.poll(() => flash(page)).toContain("Het concept is opgeslagen.");
      // An empty recommendation is refused with the error summary.
      await submitAndWait(page.getByRole("button", { name: "Aanbeveling toevoegen" }));
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("afw-error-summary"))).toBe(true);
      await expectAccessible(page, "advice with an error");
      await page.getByLabel(/^Nieuwe aanbeveling/).fill("Zeg aan het begin van elk gesprek dat het een chatbot is.");
      await submitAndWait(page.getByRole("button", { name: "Aanbeveling toevoegen" }));
      await expect.poll(() => flash(page)).toContain("De aanbeveling is toegevoegd.");
      await page.getByLabel(/^Nieuwe aanbeveling/).fill("Laat de leverancier de gesprekken na afloop wissen.");
      await submitAndWait(page.getByRole("button", { name: "Aanbeveling toevoegen" }));
      await expect.poll(() => flash(page)).toContain("De aanbeveling is toegevoegd.");
      await expectAccessible(page, "draft advice");
      await submitAndWait(page.getByRole("button", { name: "Advies vaststellen" }));
      await expect.poll(() => flash(page)).toContain("Het advies is gegeven.");
      await expectAccessible(page, "given advice (member)");
      await logOut(page);

      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await page.goto(requestUrl);
      await page.getByRole("combobox", { name: /^Uw reactie op aanbeveling 1/ }).selectOption("comply");
      await page.getByLabel(/^Hoe volgt u aanbeveling 1 op/).fill("De chatbot stelt zich voor als computerprogramma.");
      await submitAndWait(page.getByRole("button", { name: "Reactie op aanbeveling 1 opslaan" }));
      await expect.poll(() => flash(page)).toContain("Uw reactie is opgeslagen.");
      // Explaining without a reason is refused.
      await page.getByRole("combobox", { name: /^Uw reactie op aanbeveling 2/ }).selectOption("explain");
      await submitAndWait(page.getByRole("button", { name: "Reactie op aanbeveling 2 opslaan" }));
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("afw-error-summary"))).toBe(true);
      await page.getByRole("combobox", { name: /^Uw reactie op aanbeveling 2/ }).selectOption("explain");
      await page.getByLabel(/^Hoe volgt u aanbeveling 2 op/).fill("De leverancier bewaart niets; dat staat al in het contract.");
      await submitAndWait(page.getByRole("button", { name: "Reactie op aanbeveling 2 opslaan" }));
      await expect.poll(() => flash(page)).toContain("Uw reactie is opgeslagen.");
      await expectAccessible(page, "answered advice (lead)");
      await logOut(page);

      // The answers are visible to the table.
      await logIn(page, app.baseUrl, TABLE_MEMBER, DEMO_PASSWORD);
      await page.goto(requestUrl);
      await expect.poll(() => page.getByText("De leverancier bewaart niets; dat staat al in het contract.").count()).toBe(1);
      await expect.poll(() => page.getByText("Niet opvolgen, met uitleg").count()).toBe(1);
      await page.goto(`${app.baseUrl}/expert-table`);
      await expect.poll(() => page.getByRole("cell", { name: "2 van 2 beantwoord" }).count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
