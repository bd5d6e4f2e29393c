// One journey with the keyboard only (issue 11): project → canvas → expert
// advice and its answer → the pre-start gate → screening → DEPIA with a risk →
// two reviews → acceptance of the residual risks → the gate to execution. Every
// step moves with Tab, follows links and submits with Enter, ticks with Space,
// chooses with the arrow keys and types; the address bar is used only to open
// the login page. Each page is checked with axe on the way.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { answerInstrumentByKeyboard, chooseRadio, chooseValue, logInByKeyboard, pick, press, tick, type } from "./keyboard.ts";
import { describeJourney, expectAccessible, journeyEngine, openJourney } from "./support.ts";

const engine = journeyEngine("postgres");
const email = (key: string) => `${key}@voorbeeldstad.example`;

async function flash(page: Page, text: string | RegExp) {
  await expect.poll(() => page.getByRole("status").allTextContents().then((t) => t.join(" "))).toMatch(text);
}

describeJourney("browser journey with the keyboard only", (browser) => {
  it(`project, canvas, advice, gate, screening, DEPIA, reviews, acceptance, gate — with Tab, Enter, Space, arrows and typing [${engine}]`, { timeout: 600_000 }, async () => {
    const { app, page, errors, close } = await openJourney(browser(), engine);
    page.context().setDefaultTimeout(20_000);
    const checked = new Set<string>();
    const accessible = async (label: string) => {
      checked.add(label);
      await expectAccessible(page, label);
    };
    const as = (who: string) => logInByKeyboard(page, app.baseUrl, email(who), DEMO_PASSWORD);
    const toProject = async (path: string) => {
      await press(page.locator('nav a[href="/projects"]'));
      await press(page.locator(`main a[href="${path}"]`));
    };
    try {
      // The lead registers a project.
      await as("projectleider");
      await press(page.locator('nav a[href="/projects"]'));
      await press(page.locator('main a[href="/projects/new"]'));
      await accessible("new project form");
      await type(page.getByLabel(/^Naam van het project/), "Slimme lantaarnpalen");
      await type(page.getByLabel(/^Doel \(doelbinding\)/), "Minder energie voor straatverlichting, zonder dat straten onveilig voelen.");
      await pick(page.getByLabel(/^Domein/), "Fysiek");
      await tick(page.getByLabel("Sensoren"));
      await tick(page.getByLabel("Locatiegegevens"));
      const supplier = page.getByRole("group", { name: /Is er een leverancier/ });
      await chooseRadio(supplier, supplier.getByLabel("Nee"));
      await pick(page.getByLabel(/^Opdrachtgever/), "Marloes Vos");
      await press(page.getByRole("button", { name: "Project registreren" }));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Slimme lantaarnpalen");
      const projectPath = new URL(page.url()).pathname;
      await accessible("project page");

      // The canvas, fifteen areas.
      await press(page.locator(`main a[href="${projectPath}/canvas"]`));
      expect(await answerInstrumentByKeyboard(page)).toBe(15);
      await accessible("canvas");

      // Advice of the expert table: asked from the project page.
      await press(page.locator(`a[href="${projectPath}"]`));
      await press(page.locator('main a[href^="/expert-table/requests/new"]'));
      await accessible("advice request form");
      const projectSelect = page.getByRole("combobox", { name: /^Project/ });
      if ((await projectSelect.inputValue()) === "") await pick(projectSelect, "Slimme lantaarnpalen");
      await type(page.getByLabel(/^Vraag aan de experttafel/), "Mogen wij sensoren gebruiken die ook voetgangers tellen?");
      await press(page.getByRole("button", { name: "Advies aanvragen" }));
      const requestPath = new URL(page.url()).pathname;

      await as("experttafel");
      await press(page.locator('nav a[href="/expert-table"]'));
      await press(page.locator(`main a[href="${requestPath}"]`));
      await type(page.getByLabel(/^Samenvatting van het advies/), "Tel alleen aantallen, nooit herkenbare personen.");
      await press(page.getByRole("button", { name: "Concept opslaan" }));
      await type(page.getByLabel(/^Nieuwe aanbeveling/), "Sla geen beelden op; verwerk alleen tellingen op de sensor zelf.");
      await press(page.getByRole("button", { name: "Aanbeveling toevoegen" }));
      await press(page.getByRole("button", { name: "Advies vaststellen" }));
      await accessible("advice adopted");

      await as("projectleider");
      await toProject(projectPath);
      await press(page.locator(`main a[href="${requestPath}"]`));
      await chooseValue(page.getByRole("combobox", { name: /^Uw reactie op aanbeveling 1/ }), "comply");
      await type(page.getByLabel(/^Hoe volgt u aanbeveling 1 op/), "De sensoren tellen alleen; er worden geen beelden gemaakt.");
      await press(page.getByRole("button", { name: "Reactie op aanbeveling 1 opslaan" }));
      await accessible("advice answered");

      // The owner says go at the pre-start gate.
      await as("opdrachtgever");
      await toProject(projectPath);
      const decision = page.getByRole("group", { name: /besluit/i }).filter({ has: page.getByLabel(/^Doorgaan naar de/) });
      await chooseRadio(decision, decision.getByLabel(/^Doorgaan naar de/));
      await type(page.getByLabel(/^Toelichting/).first(), "Canvas af, advies van de experttafel opgevolgd.");
      await press(page.getByRole("button", { name: "Besluit vastleggen" }));
      await flash(page, "Het project gaat door naar de volgende fase.");
      await accessible("project in the start phase");

      // The lead answers the screening and finishes it.
      await as("projectleider");
      await toProject(projectPath);
      await press(page.locator(`main a[href="${projectPath}/screening"]`));
      await press(page.locator(`main a[href="${projectPath}/instruments/pre-dpia"]`));
      expect(await answerInstrumentByKeyboard(page)).toBeGreaterThan(3);
      await accessible("screening answers");
      await press(page.locator(`a[href="${projectPath}"]`));
      await press(page.locator(`main a[href="${projectPath}/screening"]`));
      await press(page.getByRole("button", { name: "Screening afronden" }));
      await flash(page, /De screening is afgerond/);
      await accessible("screening finished");

      // The DEPIA: begun, one risk in the register, a version submitted.
      await press(page.locator(`a[href="${projectPath}"]`));
      await press(page.locator(`main a[href="${projectPath}/depia"]`));
      await press(page.getByRole("button", { name: "DEPIA beginnen" }));
      await press(page.getByRole("link", { name: /^Risico's/ }));
      await chooseValue(page.getByLabel("Soort risico"), "privacy");
      await type(page.getByRole("textbox", { name: /^Omschrijving/ }), "Tellingen zijn te herleiden tot een voorbijganger op een stille straat.");
      const inherent = page.getByRole("group", { name: "Zonder maatregelen" });
      await chooseValue(inherent.getByLabel(/^Kans/), "medium");
      await chooseValue(inherent.getByLabel(/^Impact/), "medium");
      await type(inherent.getByLabel(/^Onderbouwing/), "Ingeschat met het team.");
      const residual = page.getByRole("group", { name: "Met maatregelen (restrisico)" });
      await chooseValue(residual.getByLabel(/^Kans/), "low");
      await chooseValue(residual.getByLabel(/^Impact/), "low");
      await type(residual.getByLabel(/^Onderbouwing van het restrisico/), "Tellingen per kwartier, pas vanaf vijf personen.");
      await press(page.getByRole("button", { name: "Risico toevoegen" }));
      await flash(page, "Het risico is toegevoegd");
      await accessible("risk register");
      await press(page.getByRole("link", { name: "Terug naar de DEPIA" }));
      await press(page.getByRole("button", { name: "Nieuwe versie indienen ter beoordeling" }));
      await flash(page, "De nieuwe versie is ingediend");

      // Two reviewers: every section acceptable.
      for (const reviewer of ["fg", "iso"]) {
        await as(reviewer);
        await toProject(projectPath);
        await press(page.locator(`main a[href="${projectPath}/depia"]`));
        await press(page.locator(`main a[href="${projectPath}/depia/versions/1"]`));
        const verdicts = page.locator('select[name$=".verdict"]');
        for (let i = 0; i < (await verdicts.count()); i++) await chooseValue(verdicts.nth(i), "acceptable");
        await chooseValue(page.getByLabel(/^Uw advies over deze versie/), "acceptable");
        await type(page.getByRole("textbox", { name: /^Advies/ }), "De maatregelen zijn voldoende.");
        await press(page.getByRole("button", { name: "Oordeel vastleggen" }));
        await flash(page, "Uw oordeel is vastgelegd");
        await accessible(`review by ${reviewer}`);
      }

      // The owner accepts the residual risks and takes the project to execution.
      await as("opdrachtgever");
      await toProject(projectPath);
      await press(page.locator(`main a[href="${projectPath}/depia"]`));
      await type(page.getByRole("textbox", { name: /^Verklaring/ }), "Ik aanvaard het lage restrisico.");
      await press(page.getByRole("button", { name: "Restrisico's aanvaarden" }));
      await flash(page, "De restrisico's zijn aanvaard");
      await press(page.locator(`a[href="${projectPath}"]`));
      const gate = page.getByRole("group", { name: /besluit/i }).filter({ has: page.getByLabel(/^Doorgaan naar de/) });
      await chooseRadio(gate, gate.getByLabel(/^Doorgaan naar de/));
      await type(page.getByLabel(/^Toelichting/).first(), "DEPIA aanvaard na twee beoordelingen.");
      await press(page.getByRole("button", { name: "Besluit vastleggen" }));
      await flash(page, "Het project gaat door naar de volgende fase.");
      await accessible("project in execution");

      const decisions = await app.deps.db.selectFrom("gate_decisions").innerJoin("projects", "projects.id", "gate_decisions.project_id").select(["gate_decisions.phase", "gate_decisions.decision"]).where("projects.title", "=", "Slimme lantaarnpalen").orderBy("gate_decisions.decided_at").execute();
      expect(decisions).toEqual([{ phase: "pre_start", decision: "go" }, { phase: "start", decision: "go" }]);
      expect(checked.size).toBeGreaterThanOrEqual(10);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
