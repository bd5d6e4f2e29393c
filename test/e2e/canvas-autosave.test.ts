import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { demoProjectId, describeJourney, expectAccessible, journeyEngine, logIn, openJourney } from "./support.ts";

const ENGINE = journeyEngine("postgres");
/** Script errors, CSP refusals and missing resources fail the journey. */
const countResponse = (status: number) => status >= 404;

const LEAD = "projectleider@voorbeeldstad.example";

describeJourney("browser journey: the ethics canvas with JavaScript", (browser) => {
  it(`autosaves with JavaScript: the live region says so, focus stays, a reload shows the answer [${ENGINE}]`, { timeout: 240_000 }, async () => {
    const { app, context, page, errors, close } = await openJourney(browser(), ENGINE, { countResponse });
    context.setDefaultTimeout(15_000);
    try {
      const canvas = `${app.baseUrl}/projects/${await demoProjectId(app, "chatbot")}/canvas`;
      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await page.goto(canvas);
      await expectAccessible(page, "canvas (JavaScript)");

      const field = page.getByRole("textbox", { name: /^Kunt u het doel ook bereiken met minder gegevens/ });
      await field.click();
      await field.pressSequentially("Deels: de meeste vragen staan al op de website.", { delay: 5 });
      const live = page.locator("#saved-reasons");
      expect(await live.getAttribute("aria-live")).toBe("polite");
      await expect.poll(() => live.textContent(), { timeout: 20_000 }).toMatch(/^Opgeslagen om \d\d:\d\d$/);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("a.alternatives");
      await expectAccessible(page, "canvas after autosave");

      // A choice that shows a follow-up question: the section's questions are re-rendered in place.
      await page.getByRole("group", { name: /Hoe vaak kijkt u daarnaar\?/ }).getByRole("radio", { name: "Anders" }).check();
      await expect.poll(() => page.getByRole("textbox", { name: /^Hoe vaak dan\?/ }).count(), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("value"))).toBe("other");
      await page.getByRole("textbox", { name: /^Hoe vaak dan\?/ }).fill("Na elke release");
      await expect.poll(() => page.locator("#saved-reviews").textContent(), { timeout: 20_000 }).toMatch(/^Opgeslagen om/);
      await expect.poll(async () => (await app.deps.db.selectFrom("instrument_responses").select("answers_json").where("answers_json", "like", "%Na elke release%").execute()).length, { timeout: 20_000 }).toBe(1);

      await page.reload();
      expect(await page.getByRole("textbox", { name: /^Kunt u het doel ook bereiken met minder gegevens/ }).inputValue()).toBe("Deels: de meeste vragen staan al op de website.");
      expect(await page.getByRole("textbox", { name: /^Hoe vaak dan\?/ }).inputValue()).toBe("Na elke release");
      await expectAccessible(page, "canvas after reload");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
