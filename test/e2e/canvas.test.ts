import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { accessibilityChecker, demoProjectId, describeJourney, expectAccessibleWithoutJs, journeyEngine, logIn, openJourney, submitAndWait as submit, tick } from "./support.ts";

const ENGINE = journeyEngine("sqlite");
/** Script errors, CSP refusals and missing resources fail the journey. */
const countResponse = (status: number) => status >= 404;

const LEAD = "projectleider@voorbeeldstad.example";

describeJourney("browser journey: the ethics canvas", (browser) => {
  it(`fills the canvas without JavaScript, with plain forms [${ENGINE}]`, { timeout: 240_000 }, async () => {
    const { app, context, page, errors, close } = await openJourney(browser(), ENGINE, { context: { javaScriptEnabled: false }, countResponse });
    context.setDefaultTimeout(15_000);
    const checker = await accessibilityChecker(browser());
    try {
      const canvas = `${app.baseUrl}/projects/${await demoProjectId(app, "chatbot")}/canvas`;
      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await page.goto(canvas);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ethisch canvas");
      await expect.poll(() => page.getByText("Open Data Institute").count()).toBeGreaterThan(0);
      await expectAccessibleWithoutJs(page, checker, "canvas");

      // A long text and a table row in "Gegevensbronnen"… the demo has a start there; add a second source.
      const limits = page.getByRole("textbox", { name: /^Wat ontbreekt er in de gegevens/ });
      await limits.fill("Alleen vragen in het Nederlands zijn getest.");
      await submit(page.getByRole("button", { name: /^Onderdeel opslaan\W+Beperkingen van de gegevens$/ }));
      await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Uw antwoorden zijn opgeslagen.");
      expect(await page.getByRole("textbox", { name: /^Wat ontbreekt er in de gegevens/ }).inputValue()).toBe("Alleen vragen in het Nederlands zijn getest.");
      await expectAccessibleWithoutJs(page, checker, "canvas after saving");

      // More rows for a table, without JavaScript.
      const sources = page.getByRole("group", { name: /Overzicht van de bronnen/ });
      await submit(sources.getByRole("button", { name: "Meer rijen voor ‘Overzicht van de bronnen’" }));
      await page.getByRole("textbox", { name: "Bron, rij 3" }).fill("Klantcontactgegevens");
      await submit(page.getByRole("button", { name: /^Onderdeel opslaan\W+Gegevensbronnen$/ }));
      expect(await page.getByRole("textbox", { name: "Bron, rij 3" }).inputValue()).toBe("Klantcontactgegevens");

      // A radio group in a fieldset; a wrong answer shows the error summary (here: an explanation without yes or no).
      await page.getByRole("textbox", { name: /^Waarom niet\?/ }).fill("Nog niet besloten");
      await submit(page.getByRole("button", { name: /^Onderdeel opslaan\W+Openheid en transparantie$/ }));
      expect(await page.getByRole("alert").textContent()).toContain("Kies ja of nee bij uw toelichting.");
      await expectAccessibleWithoutJs(page, checker, "canvas with errors");
      await tick(page.getByRole("group", { name: /Komt het project in het algoritmeregister\?/ }).getByRole("radio", { name: "Nee" }));
      await submit(page.getByRole("button", { name: /^Onderdeel opslaan\W+Openheid en transparantie$/ }));
      await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Uw antwoorden zijn opgeslagen.");
      expect(await page.getByRole("group", { name: /Komt het project in het algoritmeregister\?/ }).getByRole("radio", { name: "Nee" }).isChecked()).toBe(true);

      // Save as a new version and compare.
      await page.getByRole("textbox", { name: "Notitie bij deze versie" }).fill("Na de eerste ronde");
      await submit(page.getByRole("button", { name: "Opslaan als nieuwe versie" }));
      await expect.poll(() => page.getByRole("cell", { name: "Na de eerste ronde" }).count()).toBe(1);
      await page.getByRole("combobox", { name: "Van" }).selectOption("1");
      await submit(page.getByRole("button", { name: "Vergelijk" }));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Wat is er veranderd");
      await expect.poll(() => page.getByRole("cell", { name: "Alleen vragen in het Nederlands zijn getest." }).count()).toBe(1);
      await expectAccessibleWithoutJs(page, checker, "version diff");
      expect(errors).toEqual([]);
    } finally {
      await checker.context().close();
      await close();
    }
  });
});
