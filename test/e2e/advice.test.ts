import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { browserAvailable, expectAccessible, journeyEngines, launchBrowser, logIn, startApp, type RunningApp } from "./support.ts";

const engines = browserAvailable ? journeyEngines : [];

const LEAD = "projectleider@voorbeeldstad.example";
const TABLE_MEMBER = "experttafel@voorbeeldstad.example";
const ADVISOR = "ethiek@voorbeeldstad.example";
const CHAIR = "voorzitter@voorbeeldstad.example";
const BOARD = "wethouder@voorbeeldstad.example";

async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(/\/login/);
}

function watchErrors(page: Page, errors: string[]): void {
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
}

async function flash(page: Page): Promise<string> {
  await page.waitForLoadState("domcontentloaded");
  return (await page.getByRole("status").first().textContent()) ?? "";
}

describe.skipIf(!browserAvailable)("browser journeys: advice", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const engine of engines) {
    it(`expert-table advice is requested, written and answered per recommendation [${engine}]`, { retry: 1, timeout: 240_000 }, async () => {
      const app: RunningApp = await startApp(engine);
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      watchErrors(page, errors);
      try {
        await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
        await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Experttafel" }).click();
        await expectAccessible(page, "expert table (lead)");
        await page.getByRole("link", { name: "Advies aanvragen" }).click();
        await page.getByRole("combobox", { name: /^Project/ }).selectOption({ label: "Chatbot voor de publieksbalie" });
        await page.getByLabel(/^Vraag aan de experttafel/).fill("Welke risico's ziet de experttafel voor inwoners die de chatbot gebruiken?");
        await expectAccessible(page, "new advice request");
        await page.getByRole("button", { name: "Advies aanvragen" }).click();
        await expect.poll(() => flash(page)).toContain("Uw adviesaanvraag is verstuurd");
        await expectAccessible(page, "advice request (lead)");
        const requestUrl = page.url();
        await logOut(page);

        await logIn(page, app.baseUrl, TABLE_MEMBER, DEMO_PASSWORD);
        await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Experttafel" }).click();
        await expectAccessible(page, "expert table (member)");
        await page.getByRole("link", { name: "Chatbot voor de publieksbalie" }).click();
        await page.getByLabel(/^Samenvatting van het advies/).fill("Het doel is goed. Zorg dat inwoners weten dat zij met een computer praten.");
        await page.getByLabel("Privacy", { exact: true }).fill("Sla gesprekken niet op bij de leverancier.");
        await page.getByRole("button", { name: "Concept opslaan" }).click();
        await expect.poll(() => flash(page)).toContain("Het concept is opgeslagen.");
        // An empty recommendation is refused with the error summary.
        await page.getByRole("button", { name: "Aanbeveling toevoegen" }).click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("afw-error-summary"))).toBe(true);
        await expectAccessible(page, "advice with an error");
        await page.getByLabel(/^Nieuwe aanbeveling/).fill("Zeg aan het begin van elk gesprek dat het een chatbot is.");
        await page.getByRole("button", { name: "Aanbeveling toevoegen" }).click();
        await expect.poll(() => flash(page)).toContain("De aanbeveling is toegevoegd.");
        await page.getByLabel(/^Nieuwe aanbeveling/).fill("Laat de leverancier de gesprekken na afloop wissen.");
        await page.getByRole("button", { name: "Aanbeveling toevoegen" }).click();
        await expect.poll(() => flash(page)).toContain("De aanbeveling is toegevoegd.");
        await expectAccessible(page, "draft advice");
        await page.getByRole("button", { name: "Advies vaststellen" }).click();
        await expect.poll(() => flash(page)).toContain("Het advies is gegeven.");
        await expectAccessible(page, "given advice (member)");
        await logOut(page);

        await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
        await page.goto(requestUrl);
        await page.getByRole("combobox", { name: /^Uw reactie op aanbeveling 1/ }).selectOption("comply");
        await page.getByLabel(/^Hoe volgt u aanbeveling 1 op/).fill("De chatbot stelt zich voor als computerprogramma.");
        await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByRole("button", { name: "Reactie op aanbeveling 1 opslaan" }).click()]);
        await expect.poll(() => flash(page)).toContain("Uw reactie is opgeslagen.");
        // Explaining without a reason is refused.
        await page.getByRole("combobox", { name: /^Uw reactie op aanbeveling 2/ }).selectOption("explain");
        await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByRole("button", { name: "Reactie op aanbeveling 2 opslaan" }).click()]);
        await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("afw-error-summary"))).toBe(true);
        await page.getByRole("combobox", { name: /^Uw reactie op aanbeveling 2/ }).selectOption("explain");
        await page.getByLabel(/^Hoe volgt u aanbeveling 2 op/).fill("De leverancier bewaart niets; dat staat al in het contract.");
        await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.getByRole("button", { name: "Reactie op aanbeveling 2 opslaan" }).click()]);
        await expect.poll(() => flash(page)).toContain("Uw reactie is opgeslagen.");
        await expectAccessible(page, "answered advice (lead)");
        await logOut(page);

        // The answers are visible to the table.
        await logIn(page, app.baseUrl, TABLE_MEMBER, DEMO_PASSWORD);
        await page.goto(requestUrl);
        expect(await page.getByText("De leverancier bewaart niets; dat staat al in het contract.").count()).toBe(1);
        expect(await page.getByText("Niet opvolgen, met uitleg").count()).toBe(1);
        await page.goto(`${app.baseUrl}/expert-table`);
        expect(await page.getByRole("cell", { name: "2 van 2 beantwoord" }).count()).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await app.close();
      }
    });

    it(`a deliberation goes to the committee, is advised, answered, published and found again [${engine}]`, { retry: 1, timeout: 240_000 }, async () => {
      const app: RunningApp = await startApp(engine);
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      watchErrors(page, errors);
      try {
        await logIn(page, app.baseUrl, ADVISOR, DEMO_PASSWORD);
        await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Moreel beraad" }).click();
        await expectAccessible(page, "deliberations");
        await page.getByRole("link", { name: "Nieuw moreel beraad" }).click();
        await page.getByLabel(/^Naam van de casus/).fill("Gezichtsherkenning bij de bibliotheek");
        await page.getByLabel(/^De casus/).fill("De bibliotheek wil leden laten inloggen met gezichtsherkenning bij de uitleenbalie.");
        await page.getByRole("combobox", { name: /^Methode/ }).selectOption("deliberation-utrecht");
        await expectAccessible(page, "new deliberation");
        await page.getByRole("button", { name: "Beraad openen" }).click();
        await expect.poll(() => flash(page)).toContain("Het moreel beraad is geopend.");
        await expectAccessible(page, "deliberation");
        const deliberationUrl = page.url();

        await page.getByRole("link", { name: "1. Feiten en morele vraag" }).click();
        await page.getByLabel(/^Wat zijn de feiten/).fill("Leden kunnen ook met hun pas inloggen. Gezichtsherkenning is sneller.");
        await page.getByLabel(/^Wat is de morele vraag/).fill("Mag gemak zwaarder wegen dan biometrische privacy?");
        await expectAccessible(page, "deliberation step");
        await page.getByRole("button", { name: "Opslaan en naar de volgende stap" }).click();
        await expect.poll(() => flash(page)).toContain("De stap is opgeslagen.");
        await page.goto(deliberationUrl);
        await page.getByRole("textbox", { name: /^Naam/ }).fill("Teamleider bibliotheek");
        await page.getByRole("combobox", { name: /^Rol/ }).selectOption("case_holder");
        await page.getByRole("button", { name: "Deelnemer toevoegen" }).click();
        await expect.poll(() => flash(page)).toContain("De deelnemer is toegevoegd.");
        await page.getByLabel(/^Morele vraag/).fill("Mag gemak zwaarder wegen dan biometrische privacy?");
        await page.getByLabel("Privacy", { exact: true }).check();
        await page.getByLabel(/^Conclusie/).fill("De groep twijfelt over biometrische gegevens voor gemak en vraagt de commissie om een oordeel.");
        await page.getByRole("button", { name: "Verslag opslaan" }).click();
        await expect.poll(() => flash(page)).toContain("Het verslag is opgeslagen.");
        await expectAccessible(page, "deliberation with record");
        await page.getByRole("button", { name: "Voorleggen aan de ethische commissie" }).click();
        await expect.poll(() => flash(page)).toContain("voorgelegd aan de ethische commissie");
        const caseUrl = page.url();
        expect(caseUrl).toMatch(/\/committee\/cases\//);
        await logOut(page);

        await logIn(page, app.baseUrl, CHAIR, DEMO_PASSWORD);
        await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Ethische commissie" }).click();
        await expectAccessible(page, "committee dashboard");
        await page.getByRole("link", { name: "Gezichtsherkenning bij de bibliotheek" }).click();
        expect(await page.getByText("Verslag van het moreel beraad").count()).toBe(1);
        await expectAccessible(page, "committee case");
        await page.getByLabel(/^Tekst van het advies/).fill("Gebruik geen gezichtsherkenning voor gemak. Biometrische gegevens zijn te gevoelig; de pas volstaat.");
        await page.getByRole("button", { name: "Concept opslaan" }).click();
        await expect.poll(() => flash(page)).toContain("Het concept is opgeslagen.");
        await page.getByRole("combobox", { name: /^Uw stem/ }).selectOption("for");
        await page.getByRole("button", { name: "Stem uitbrengen" }).click();
        await expect.poll(() => flash(page)).toContain("Uw stem is opgeslagen.");
        await page.getByRole("button", { name: "Advies vaststellen" }).click();
        await expect.poll(() => flash(page)).toContain("Het advies is vastgesteld.");
        await page.getByRole("combobox", { name: /^Is dit advies openbaar/ }).selectOption("public");
        await page.getByRole("button", { name: "Besluit opslaan" }).click();
        await expect.poll(() => flash(page)).toContain("openbaarheid is opgeslagen");
        await page.getByRole("button", { name: "Publiceren" }).click();
        await expect.poll(() => flash(page)).toContain("gepubliceerd");
        await expectAccessible(page, "adopted case");
        const publicHref = await page.getByRole("link", { name: "openbare pagina" }).getAttribute("href");
        expect(publicHref).toMatch(/^\/openbaar\/advies\//);
        await logOut(page);

        await logIn(page, app.baseUrl, BOARD, DEMO_PASSWORD);
        await page.goto(caseUrl);
        await page.getByRole("combobox", { name: /^Besluit van het college/ }).selectOption("follow");
        await page.getByLabel(/^Redenen/).fill("Het college volgt het advies.");
        await page.getByRole("button", { name: "Reactie vastleggen" }).click();
        await expect.poll(() => flash(page)).toContain("De reactie van het college is vastgelegd.");
        await expectAccessible(page, "case with board response");
        await logOut(page);

        // The public page opens without logging in.
        const anonymous = await browser.newContext();
        const publicPage = await anonymous.newPage();
        watchErrors(publicPage, errors);
        const res = await publicPage.goto(`${app.baseUrl}${publicHref}`);
        expect(res?.status()).toBe(200);
        await expect.poll(() => publicPage.getByRole("heading", { level: 1 }).textContent()).toBe("Gezichtsherkenning bij de bibliotheek");
        expect(await publicPage.getByText("Het college volgt het advies (besluit van").count()).toBe(1);
        await expectAccessible(publicPage, "public advice page");
        await anonymous.close();

        await logIn(page, app.baseUrl, CHAIR, DEMO_PASSWORD);
        await page.goto(`${app.baseUrl}/committee`);
        await page.getByRole("link", { name: "Eerdere zaken" }).click();
        await page.getByLabel("Zoekwoorden").fill("biometrische gegevens");
        await page.getByRole("button", { name: "Zoeken" }).click();
        await expectAccessible(page, "precedent search");
        expect(await page.getByRole("link", { name: "Gezichtsherkenning bij de bibliotheek" }).count()).toBeGreaterThan(0);
        await page.goto(`${app.baseUrl}/committee/report`);
        await expectAccessible(page, "periodic report");
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await app.close();
      }
    });
  }
});
