import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { FEEDBACK } from "../../src/features/register/feedback.ts";
import { accessibilityChecker, demoProjectId, describeJourney, expectAccessibleWithoutJs, followLink, journeyEngine, logIn, logOut, openJourney, submitAndWait as submit, tick } from "./support.ts";

const engine = journeyEngine("postgres");
const LEAD = "projectleider@voorbeeldstad.example";
const OWNER = "opdrachtgever@voorbeeldstad.example";

describeJourney("browser journey: the public algorithm register", (browser) => {
  it(`the team prepares an entry, another approves and publishes it, a resident finds it from / and reports an error, the team sees it [${engine}]`, { timeout: 300_000 }, async () => {
    const { app, context, page, errors, close } = await openJourney(browser(), engine, { context: { javaScriptEnabled: false }, countResponse: (status) => status >= 500 });
    context.setDefaultTimeout(15_000);
    const checker = await accessibilityChecker(browser());
    const accessible = (label: string) => expectAccessibleWithoutJs(page, checker, label);
    try {
      const projectId = await demoProjectId(app, "afvalcontainers");
      const entryUrl = `${app.baseUrl}/projects/${projectId}/register`;

      // The lead prepares: the form starts from what the project says.
      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await page.goto(entryUrl);
      await expect.poll(() => page.getByLabel(/^Naam van het algoritme/).inputValue()).toBe("Slimme afvalcontainers");
      await accessible("register entry, prefilled");
      await page.getByLabel(/^Contact/).fill("afval@voorbeeldstad.example");
      await page.getByLabel(/^Publicatiecategorie/).selectOption("Overige algoritmes");
      await page.getByLabel(/^Naam van het algoritme/).fill("x".repeat(100) + "y");
      await submit(page.getByRole("button", { name: "Opslaan" }));
      // maxlength keeps the browser from sending more; the page holds the 100 characters it took.
      await expect.poll(() => page.getByLabel(/^Naam van het algoritme/).inputValue()).toBe("x".repeat(100));
      await page.getByLabel(/^Naam van het algoritme/).fill("Slimme afvalcontainers");
      await tick(page.getByLabel("Natuur en milieu"));
      await page.getByLabel(/^Afgewogen waarden/).fill("Duurzaamheid\nPrivacy");
      await submit(page.getByRole("button", { name: "Opslaan" }));
      await expect.poll(() => page.getByText("De beschrijving is opgeslagen.").count()).toBe(1);
      await expect.poll(() => page.getByText("Alle verplichte velden zijn ingevuld.").count()).toBe(1);
      // The one who prepared cannot approve.
      expect(await page.getByRole("button", { name: "Goedkeuren" }).count()).toBe(0);
      await accessible("register entry, saved");
      await logOut(page);

      // The owner approves and publishes.
      await logIn(page, app.baseUrl, OWNER, DEMO_PASSWORD);
      await page.goto(entryUrl);
      await submit(page.getByRole("button", { name: "Goedkeuren" }));
      await expect.poll(() => page.getByText("De beschrijving is goedgekeurd.").count()).toBe(1);
      await submit(page.getByRole("button", { name: "Publiceren" }));
      await expect.poll(() => page.getByText("De beschrijving staat in het openbare register.").count()).toBe(1);
      await accessible("register entry, published");
      await logOut(page);

      // A resident starts at /, finds it by a Dutch word in another form.
      await page.goto(`${app.baseUrl}/`);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Algoritmes van de gemeente");
      await accessible("public start page");
      await followLink(page.getByRole("link", { name: "Naar het algoritmeregister" }));
      await accessible("public register");
      for (const word of ["afvalcontainer", "afval"]) {
        await page.getByRole("searchbox", { name: "Zoeken" }).fill(word);
        await submit(page.getByRole("button", { name: "Zoeken" }));
        await expect.poll(() => page.getByRole("link", { name: "Slimme afvalcontainers" }).count(), { message: word }).toBe(1);
      }
      await page.getByRole("searchbox", { name: "Zoeken" }).fill("afval') OR 1=1 -- & !x:*");
      await submit(page.getByRole("button", { name: "Zoeken" }));
      await expect.poll(() => page.getByText(/algoritme\(s\) gevonden/).count()).toBe(1);
      await page.getByRole("searchbox", { name: "Zoeken" }).fill("afvalcontainers");
      await submit(page.getByRole("button", { name: "Zoeken" }));
      await followLink(page.getByRole("link", { name: "Slimme afvalcontainers" }));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Slimme afvalcontainers");
      await expect.poll(() => page.getByText("Duurzaamheid").count()).toBeGreaterThan(0);
      await accessible("public entry");

      // The resident reports an error. The form refuses what comes in within seconds of showing it
      // (a bot's speed; checked in the service tests); a browser driven by this test is that fast.
      const minSeconds = FEEDBACK.minSeconds;
      FEEDBACK.minSeconds = 0;
      const form = page.getByRole("form", { name: "Klopt er iets niet? Of hebt u een vraag?" });
      await tick(form.getByLabel("Een fout melden"));
      await form.getByLabel("Uw bericht").fill("Er staan ook containers in de binnenstad, dat staat er niet bij.");
      await submit(form.getByRole("button", { name: "Versturen" }));
      await expect.poll(() => page.getByText("Bedankt. Uw bericht is bij het team.").count()).toBe(1);
      await accessible("public entry, report sent");
      FEEDBACK.minSeconds = minSeconds;

      // The team sees it.
      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await page.goto(entryUrl);
      await expect.poll(() => page.getByText("Er staan ook containers in de binnenstad, dat staat er niet bij.").count()).toBe(1);
      await page.goto(`${app.baseUrl}/register`);
      await expect.poll(() => page.getByRole("link", { name: "Slimme afvalcontainers" }).count()).toBe(1);
      await accessible("team register overview");
      expect(errors).toEqual([]);
    } finally {
      await checker.close();
      await close();
    }
  });
});
