import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { demoProjectIds } from "../../src/features/projects/demo.ts";
import { browserAvailable, expectAccessible, journeyEngines, launchBrowser, logIn, startApp, type RunningApp } from "./support.ts";

const engines = browserAvailable ? journeyEngines : [];
const LEAD = "projectleider@voorbeeldstad.example";

/** Script errors, CSP refusals and missing resources fail the journey. */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
  page.on("response", (r) => r.status() >= 404 && errors.push(`${r.status()} ${r.url()}`));
  return errors;
}

/**
 * axe runs as a script, which a context without JavaScript refuses: check a
 * copy of the page exactly as the server sent it in a page that may run scripts.
 */
async function expectAccessibleWithoutJs(page: Page, checker: Page, label: string): Promise<void> {
  const html = await page.content();
  await checker.goto(new URL("/health", page.url()).href);
  await checker.setContent(html, { waitUntil: "load" });
  await expectAccessible(checker, `${label} (without JavaScript)`);
}

/**
 * Without JavaScript Playwright cannot wait for an element to be "stable"
 * before a mouse click, so this journey uses the keyboard, as many people do.
 */
async function press(target: Locator, key = "Enter"): Promise<void> {
  await target.focus();
  await target.page().keyboard.press(key);
}

/** Submits with the keyboard and waits for the next page (POST → redirect → GET). */
async function submit(target: Locator): Promise<void> {
  const page = target.page();
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), press(target)]);
}

async function chatbotCanvas(app: RunningApp): Promise<string> {
  const org = await app.deps.db.selectFrom("organisations").select("id").where("slug", "=", "voorbeeldstad").executeTakeFirstOrThrow();
  const ids = await demoProjectIds(app.deps, org.id);
  return `${app.baseUrl}/projects/${ids.chatbot}/canvas`;
}

describe.skipIf(!browserAvailable)("browser journey: the ethics canvas", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const engine of engines) {
    it(`fills the canvas without JavaScript, with plain forms [${engine}]`, { retry: 1, timeout: 180_000 }, async () => {
      const app = await startApp(engine);
      const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors = watch(page);
      const checkerContext = await browser.newContext();
      const checker = await checkerContext.newPage();
      try {
        const canvas = await chatbotCanvas(app);
        await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
        await page.goto(canvas);
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ethisch canvas");
        expect(await page.getByText("Open Data Institute").count()).toBeGreaterThan(0);
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
        await press(page.getByRole("group", { name: /Komt het project in het algoritmeregister\?/ }).getByRole("radio", { name: "Nee" }), "Space");
        await submit(page.getByRole("button", { name: /^Onderdeel opslaan\W+Openheid en transparantie$/ }));
        await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Uw antwoorden zijn opgeslagen.");
        expect(await page.getByRole("group", { name: /Komt het project in het algoritmeregister\?/ }).getByRole("radio", { name: "Nee" }).isChecked()).toBe(true);

        // Save as a new version and compare.
        await page.getByRole("textbox", { name: "Notitie bij deze versie" }).fill("Na de eerste ronde");
        await submit(page.getByRole("button", { name: "Opslaan als nieuwe versie" }));
        expect(await page.getByRole("cell", { name: "Na de eerste ronde" }).count()).toBe(1);
        await page.getByRole("combobox", { name: "Van" }).selectOption("1");
        await submit(page.getByRole("button", { name: "Vergelijk" }));
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Wat is er veranderd");
        expect(await page.getByRole("cell", { name: "Alleen vragen in het Nederlands zijn getest." }).count()).toBe(1);
        await expectAccessibleWithoutJs(page, checker, "version diff");
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await checkerContext.close();
        await app.close();
      }
    });

    it(`autosaves with JavaScript: the live region says so, focus stays, a reload shows the answer [${engine}]`, { retry: 1, timeout: 180_000 }, async () => {
      const app = await startApp(engine);
      const context = await browser.newContext();
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors = watch(page);
      const checkerContext = await browser.newContext();
      const checker = await checkerContext.newPage();
      try {
        const canvas = await chatbotCanvas(app);
        await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
        await page.goto(canvas);
        await expectAccessible(page, "canvas (JavaScript)");

        const field = page.getByRole("textbox", { name: /^Kunt u het doel ook bereiken met minder gegevens/ });
        await field.click();
        await field.pressSequentially("Deels: de meeste vragen staan al op de website.", { delay: 5 });
        const live = page.locator("#saved-reasons");
        expect(await live.getAttribute("aria-live")).toBe("polite");
        await expect.poll(() => live.textContent(), { timeout: 20_000 }).toMatch(/^Opgeslagen om \d\d:\d\d$/);
        expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("a.alternatives");
        await expectAccessible(page, "canvas after autosave");

        // A choice that shows a follow-up question: the section's questions are re-rendered in place.
        await page.getByRole("group", { name: /Hoe vaak kijkt u daarnaar\?/ }).getByRole("radio", { name: "Anders" }).check();
        await expect.poll(() => page.getByRole("textbox", { name: /^Hoe vaak dan\?/ }).count(), { timeout: 20_000 }).toBe(1);
        expect(await page.evaluate(() => document.activeElement?.getAttribute("value"))).toBe("other");
        await page.getByRole("textbox", { name: /^Hoe vaak dan\?/ }).fill("Na elke release");
        await expect.poll(() => page.locator("#saved-reviews").textContent(), { timeout: 20_000 }).toMatch(/^Opgeslagen om/);
        await expect.poll(async () => (await app.deps.db.selectFrom("instrument_responses").select("answers_json").where("answers_json", "like", "%Na elke release%").execute()).length, { timeout: 20_000 }).toBe(1);

        await page.reload();
        expect(await page.getByRole("textbox", { name: /^Kunt u het doel ook bereiken met minder gegevens/ }).inputValue()).toBe("Deels: de meeste vragen staan al op de website.");
        expect(await page.getByRole("textbox", { name: /^Hoe vaak dan\?/ }).inputValue()).toBe("Na elke release");
        await expectAccessible(page, "canvas after reload");
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await app.close();
      }
    });
  }
});
