import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { accessibilityChecker, describeJourney, expectAccessibleWithoutJs, fillInstrumentForm, journeyEngine, logIn, logOut, openJourney, submitAndWait as submit, tick } from "./support.ts";

const engine = journeyEngine("sqlite");
const LEAD = "projectleider@voorbeeldstad.example";
const OWNER = "opdrachtgever@voorbeeldstad.example";
const TABLE_MEMBER = "experttafel@voorbeeldstad.example";

describeJourney("browser journey: from registration through the pre-start gate", (browser) => {
  it(`register, fill the canvas, get expert advice, answer it, and the owner says go [${engine}]`, { timeout: 300_000 }, async () => {
    // Plain forms only: every step works without JavaScript.
    const { app, context, page, close } = await openJourney(browser(), engine, { context: { javaScriptEnabled: false } });
    context.setDefaultTimeout(20_000);
    const checker = await accessibilityChecker(browser());
    const accessible = (label: string) => expectAccessibleWithoutJs(page, checker, label);
    try {
      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await page.goto(`${app.baseUrl}/projects/new`);
      await page.getByLabel(/^Naam van het project/).fill("Slimme lantaarnpalen");
      await page.getByLabel(/^Doel \(doelbinding\)/).fill("Minder energie voor straatverlichting, zonder dat straten onveilig voelen.");
      await page.getByLabel(/^Domein/).selectOption({ label: "Fysiek" });
      await tick(page.getByLabel("Sensoren"));
      await tick(page.getByLabel("Locatiegegevens"));
      await tick(page.getByRole("group", { name: /Is er een leverancier/ }).getByLabel("Nee"));
      await page.getByLabel(/^Opdrachtgever/).selectOption({ label: "Marloes Vos" });
      await submit(page.getByRole("button", { name: "Project registreren" }));
      expect(await page.getByRole("alert").count(), await page.locator("main").innerText()).toBe(0);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Slimme lantaarnpalen");
      const projectUrl = page.url();
      await expect.poll(() => page.getByText("Nog nodig: het ethisch canvas — nog niet begonnen").count()).toBe(1);
      await expect.poll(() => page.getByText(/Nog nodig: .*experttafel/).count()).toBeGreaterThan(0);
      await accessible("new project with readiness panel");

      await page.goto(`${projectUrl}/canvas`);
      const areas = await fillInstrumentForm(page);
      expect(areas).toBe(15);
      await accessible("completed canvas");
      await page.goto(projectUrl);
      await expect.poll(() => page.getByText("Nog nodig: het ethisch canvas", { exact: false }).count()).toBe(0);
      await expect.poll(() => page.getByText(/Nog nodig: .*experttafel/).count()).toBeGreaterThan(0);

      await page.goto(`${app.baseUrl}/expert-table`);
      await page.goto(await page.getByRole("link", { name: "Advies aanvragen" }).getAttribute("href").then((h) => new URL(h!, app.baseUrl).href));
      await page.getByRole("combobox", { name: /^Project/ }).selectOption({ label: "Slimme lantaarnpalen" });
      await page.getByLabel(/^Vraag aan de experttafel/).fill("Mogen wij sensoren gebruiken die ook voetgangers tellen?");
      await submit(page.getByRole("button", { name: "Advies aanvragen" }));
      const requestUrl = page.url();
      await page.goto(projectUrl);
      await expect.poll(() => page.getByText(/experttafel — gevraagd op .*, nog niet gegeven/).count()).toBe(1);
      await logOut(page);

      await logIn(page, app.baseUrl, TABLE_MEMBER, DEMO_PASSWORD);
      await page.goto(requestUrl);
      await page.getByLabel(/^Samenvatting van het advies/).fill("Tel alleen aantallen, nooit herkenbare personen.");
      await submit(page.getByRole("button", { name: "Concept opslaan" }));
      await page.getByLabel(/^Nieuwe aanbeveling/).fill("Sla geen beelden op; verwerk alleen tellingen op de sensor zelf.");
      await submit(page.getByRole("button", { name: "Aanbeveling toevoegen" }));
      await submit(page.getByRole("button", { name: "Advies vaststellen" }));
      await logOut(page);

      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await page.goto(projectUrl);
      await expect.poll(() => page.getByText(/Nog nodig: .*reactie/i).count()).toBeGreaterThan(0);
      await page.goto(requestUrl);
      await page.getByRole("combobox", { name: /^Uw reactie op aanbeveling 1/ }).selectOption("comply");
      await page.getByLabel(/^Hoe volgt u aanbeveling 1 op/).fill("De sensoren tellen alleen; er worden geen beelden gemaakt.");
      await submit(page.getByRole("button", { name: "Reactie op aanbeveling 1 opslaan" }));
      await page.goto(projectUrl);
      await expect.poll(() => page.getByText("Nog nodig:").count()).toBe(0);
      await accessible("project ready for the gate");
      await logOut(page);

      await logIn(page, app.baseUrl, OWNER, DEMO_PASSWORD);
      await page.goto(projectUrl);
      await tick(page.getByLabel("Doorgaan naar de startfase"));
      await page.getByLabel(/^Toelichting/).first().fill("Canvas af, advies van de experttafel opgevolgd.");
      await submit(page.getByRole("button", { name: "Besluit vastleggen" }));
      await expect.poll(() => page.getByText("Het project gaat door naar de volgende fase.").count()).toBe(1);
      await expect.poll(() => page.getByRole("heading", { name: "Klaar voor de stap naar uitvoering?" }).count()).toBe(1);
      await accessible("project in the start phase");

      const decisions = await app.deps.db.selectFrom("gate_decisions").select(["decision", "phase"]).where("rationale", "=", "Canvas af, advies van de experttafel opgevolgd.").execute();
      expect(decisions).toEqual([{ decision: "go", phase: "pre_start" }]);
    } finally {
      await checker.context().close();
      await close();
    }
  });
});
