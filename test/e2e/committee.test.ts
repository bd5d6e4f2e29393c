import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { describeJourney, expectAccessible, flash, followLink, journeyEngine, logIn, logOut, openJourney, submitAndWait, watchErrors } from "./support.ts";

const ENGINE = journeyEngine("postgres");

const ADVISOR = "ethiek@voorbeeldstad.example";
const CHAIR = "voorzitter@voorbeeldstad.example";
const BOARD = "wethouder@voorbeeldstad.example";

describeJourney("browser journey: moral deliberation and the ethics committee", (browser) => {
  it(`a deliberation goes to the committee, is advised, answered, published and found again [${ENGINE}]`, { timeout: 240_000 }, async () => {
    const { app, page, errors, close } = await openJourney(browser(), ENGINE);
    try {
      await logIn(page, app.baseUrl, ADVISOR, DEMO_PASSWORD);
      await followLink(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Moreel beraad" }));
      await expectAccessible(page, "deliberations");
      await followLink(page.getByRole("link", { name: "Nieuw moreel beraad" }));
      await page.getByLabel(/^Naam van de casus/).fill("Gezichtsherkenning bij de bibliotheek");
      await page.getByLabel(/^De casus/).fill("De bibliotheek wil leden laten inloggen met gezichtsherkenning bij de uitleenbalie.");
      await page.getByRole("combobox", { name: /^Methode/ }).selectOption("deliberation-utrecht");
      await expectAccessible(page, "new deliberation");
      await submitAndWait(page.getByRole("button", { name: "Beraad openen" }));
      await expect.poll(() => flash(page)).toContain("Het moreel beraad is geopend.");
      await expectAccessible(page, "deliberation");
      const deliberationUrl = page.url();

      await followLink(page.getByRole("link", { name: "1. Feiten en morele vraag" }));
      await page.getByLabel(/^Wat zijn de feiten/).fill("Leden kunnen ook met hun pas inloggen. Gezichtsherkenning is sneller.");
      await page.getByLabel(/^Wat is de morele vraag/).fill("Mag gemak zwaarder wegen dan biometrische privacy?");
      await expectAccessible(page, "deliberation step");
      await submitAndWait(page.getByRole("button", { name: "Opslaan en naar de volgende stap" }));
      await expect.poll(() => flash(page)).toContain("De stap is opgeslagen.");
      await page.goto(deliberationUrl);
      await page.getByRole("textbox", { name: /^Naam/ }).fill("Teamleider bibliotheek");
      await page.getByRole("combobox", { name: /^Rol/ }).selectOption("case_holder");
      await submitAndWait(page.getByRole("button", { name: "Deelnemer toevoegen" }));
      await expect.poll(() => flash(page)).toContain("De deelnemer is toegevoegd.");
      await page.getByLabel(/^Morele vraag/).fill("Mag gemak zwaarder wegen dan biometrische privacy?");
      await page.getByLabel("Privacy", { exact: true }).check();
      await page.getByLabel(/^Conclusie/).fill("De groep twijfelt over biometrische gegevens voor gemak en vraagt de commissie om een oordeel.");
      await submitAndWait(page.getByRole("button", { name: "Verslag opslaan" }));
      await expect.poll(() => flash(page)).toContain("Het verslag is opgeslagen.");
      await expectAccessible(page, "deliberation with record");
      await submitAndWait(page.getByRole("button", { name: "Voorleggen aan de ethische commissie" }));
      await expect.poll(() => flash(page)).toContain("voorgelegd aan de ethische commissie");
      const caseUrl = page.url();
      expect(caseUrl).toMatch(/\/committee\/cases\//);
      await logOut(page);

      await logIn(page, app.baseUrl, CHAIR, DEMO_PASSWORD);
      await followLink(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Ethische commissie" }));
      await expectAccessible(page, "committee dashboard");
      await followLink(page.getByRole("link", { name: "Gezichtsherkenning bij de bibliotheek" }));
      await expect.poll(() => page.getByText("Verslag van het moreel beraad").count()).toBe(1);
      await expectAccessible(page, "committee case");
      await page.getByLabel(/^Tekst van het advies/).fill("Gebruik geen gezichtsherkenning voor gemak. Biometrische gegevens zijn te gevoelig; de pas volstaat.");
      await submitAndWait(page.getByRole("button", { name: "Concept opslaan" }));
      await expect.poll(() => flash(page)).toContain("Het concept is opgeslagen.");
      await page.getByRole("combobox", { name: /^Uw stem/ }).selectOption("for");
      await submitAndWait(page.getByRole("button", { name: "Stem uitbrengen" }));
      await expect.poll(() => flash(page)).toContain("Uw stem is opgeslagen.");
      await submitAndWait(page.getByRole("button", { name: "Advies vaststellen" }));
      await expect.poll(() => flash(page)).toContain("Het advies is vastgesteld.");
      await page.getByRole("combobox", { name: /^Is dit advies openbaar/ }).selectOption("public");
      await submitAndWait(page.getByRole("button", { name: "Besluit opslaan" }));
      await expect.poll(() => flash(page)).toContain("openbaarheid is opgeslagen");
      await submitAndWait(page.getByRole("button", { name: "Publiceren" }));
      await expect.poll(() => flash(page)).toContain("gepubliceerd");
      await expectAccessible(page, "adopted case");
      const publicHref = await page.getByRole("link", { name: "openbare pagina" }).getAttribute("href");
      expect(publicHref).toMatch(/^\/openbaar\/advies\//);
      await logOut(page);

      await logIn(page, app.baseUrl, BOARD, DEMO_PASSWORD);
      await page.goto(caseUrl);
      await page.getByRole("combobox", { name: /^Besluit van het college/ }).selectOption("follow");
      await page.getByLabel(/^Redenen/).fill("Het college volgt het advies.");
      await submitAndWait(page.getByRole("button", { name: "Reactie vastleggen" }));
      await expect.poll(() => flash(page)).toContain("De reactie van het college is vastgelegd.");
      await expectAccessible(page, "case with board response");
      await logOut(page);

      // The public page opens without logging in.
      const anonymous = await browser().newContext();
      const publicPage = await anonymous.newPage();
      watchErrors(publicPage, errors);
      const res = await publicPage.goto(`${app.baseUrl}${publicHref}`);
      expect(res?.status()).toBe(200);
      await expect.poll(() => publicPage.getByRole("heading", { level: 1 }).textContent()).toBe("Gezichtsherkenning bij de bibliotheek");
      await expect.poll(() => publicPage.getByText("Het college volgt het advies (besluit van").count()).toBe(1);
      await expectAccessible(publicPage, "public advice page");
      await anonymous.close();

      await logIn(page, app.baseUrl, CHAIR, DEMO_PASSWORD);
      await page.goto(`${app.baseUrl}/committee`);
      await followLink(page.getByRole("link", { name: "Eerdere zaken" }));
      await page.getByLabel("Zoekwoorden").fill("biometrische gegevens");
      await submitAndWait(page.getByRole("button", { name: "Zoeken" }));
      await expectAccessible(page, "precedent search");
      await expect.poll(() => page.getByRole("link", { name: "Gezichtsherkenning bij de bibliotheek" }).count()).toBeGreaterThan(0);
      await page.goto(`${app.baseUrl}/committee/report`);
      await expectAccessible(page, "periodic report");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
