import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { describeJourney, expectAccessible, flash, followLink, journeyEngine, logIn, logOut, openJourney, submitAndWait, tick } from "./support.ts";

const ENGINE = journeyEngine("postgres");

const AUDITOR = "auditor@voorbeeldstad.example";
const LEAD = "projectleider@voorbeeldstad.example";

describeJourney("browser journey: an audit with a finding that becomes a measure", (browser) => {
  it(`an auditor plans an audit and records a finding, the lead agrees, the measure is on the project [${ENGINE}]`, { timeout: 120_000 }, async () => {
    const { app, page, errors, close } = await openJourney(browser(), ENGINE);
    const today = new Date();
    const iso = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    try {
      await logIn(page, app.baseUrl, AUDITOR, DEMO_PASSWORD);
      await followLink(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Audits" }));
      await expectAccessible(page, "audit plan");
      await followLink(page.getByRole("link", { name: "Nieuwe audit plannen" }));
      await page.getByLabel(/^Naam van de audit/).fill("Werking van de chatbot");
      await page.getByRole("combobox", { name: /^Soort audit/ }).selectOption("algorithm");
      await tick(page.getByRole("checkbox", { name: "Chatbot voor de publieksbalie" }));
      await tick(page.getByRole("checkbox", { name: "Privacy", exact: true }));
      await page.getByLabel(/^Onderzochte periode: van/).fill(iso(-60));
      await page.getByLabel(/^Onderzochte periode: tot en met/).fill(iso(-90));
      await tick(page.getByRole("checkbox", { name: "Tom Zwart" }));
      // An end before the start is refused, with the error summary.
      await submitAndWait(page.getByRole("button", { name: "Audit plannen" }));
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("afw-error-summary"))).toBe(true);
      await expect.poll(() => page.getByText("De einddatum van de periode ligt vóór de begindatum").count()).toBeGreaterThan(0);
      await expectAccessible(page, "new audit with an error");
      await page.getByLabel(/^Onderzochte periode: tot en met/).fill(iso(-1));
      await submitAndWait(page.getByRole("button", { name: "Audit plannen" }));
      await expect.poll(() => flash(page)).toContain("De audit is gepland.");
      await submitAndWait(page.getByRole("button", { name: "Naar: Onderzoek loopt" }));
      await expect.poll(() => flash(page)).toContain("De stand van de audit is bijgewerkt.");
      await page.getByRole("combobox", { name: /^Bij welk project hoort de bevinding/ }).selectOption({ label: "Chatbot voor de publieksbalie" });
      await page.getByLabel(/^Korte omschrijving/).fill("Gesprekken worden bewaard bij de leverancier");
      await page.getByLabel(/^Wat hebt u gevonden/).fill("De leverancier bewaart de gesprekken dertig dagen. Dat staat niet in de verwerkersovereenkomst.");
      await page.getByRole("combobox", { name: /^Ernst/ }).selectOption("high");
      await submitAndWait(page.getByRole("button", { name: "Bevinding vastleggen" }));
      await expect.poll(() => flash(page)).toContain("De bevinding is vastgelegd.");
      await expectAccessible(page, "audit with a finding");
      const auditUrl = page.url().split("#")[0]!;
      await logOut(page);

      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await followLink(page.getByRole("link", { name: "Reageren op bevindingen van een audit" }));
      await followLink(page.getByRole("link", { name: /Werking van de chatbot, bevinding 1/ }));
      await page.getByRole("combobox", { name: /^Uw reactie op bevinding 1/ }).selectOption("agree");
      await page.getByLabel(/^Wat gaat u doen, of waarom niet\? \(bevinding 1\)/).fill("We spreken met de leverancier af dat gesprekken na een dag worden gewist.");
      await page.getByRole("combobox", { name: /^Eigenaar van de maatregel \(bevinding 1\)/ }).selectOption({ label: "Jesse Kuipers" });
      await page.getByLabel(/^Klaar op \(bevinding 1\)/).fill(iso(30));
      await submitAndWait(page.getByRole("button", { name: "Reactie op bevinding 1 opslaan" }));
      await expect.poll(() => flash(page)).toContain("Uw reactie is opgeslagen.");
      await expect.poll(() => page.getByText("Overgenomen: maatregel").count()).toBeGreaterThan(0);
      await followLink(page.getByRole("link", { name: "Chatbot voor de publieksbalie" }).first());
      await expect.poll(() => page.getByRole("link", { name: "Gesprekken worden bewaard bij de leverancier" }).count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByRole("link", { name: "Werking van de chatbot" }).count()).toBeGreaterThan(0);
      await expectAccessible(page, "project with its audit and measure");
      expect(page.url()).not.toBe(auditUrl);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
