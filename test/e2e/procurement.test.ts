import { expect, it } from "vitest";
import { acceptResidualRisks } from "../../src/features/assessments/depia.ts";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { accessibilityChecker, actorByEmail, demoProjectId, describeJourney, expectAccessibleWithoutJs, followLink, journeyEngine, logIn, logOut, openJourney, submitAndWait as submit, tick } from "./support.ts";

const engine = journeyEngine("sqlite");
const LEAD = "projectleider@voorbeeldstad.example";
const OWNER = "opdrachtgever@voorbeeldstad.example";
const JURIST = "jurist@voorbeeldstad.example";
const ISO = "iso@voorbeeldstad.example";

describeJourney("browser journey: supplier contract through the start → execution gate", (browser) => {
  it(`the lead finishes the contract checklist with its carried-over points, the 2nd line signs off, the owner goes to execution [${engine}]`, { timeout: 120_000 }, async () => {
    // Plain forms only: every step works without JavaScript.
    const { app, context, page, errors, close } = await openJourney(browser(), engine, { context: { javaScriptEnabled: false }, countResponse: (status) => status >= 500 });
    context.setDefaultTimeout(15_000);
    const checker = await accessibilityChecker(browser());
    const accessible = (label: string) => expectAccessibleWithoutJs(page, checker, label);
    try {
      // The camera project in the demo has its DEPIA reviewed; the owner's acceptance of the residual risks is the other gate item.
      const projectId = await demoProjectId(app, "parkeerdruk");
      await acceptResidualRisks(app.deps, await actorByEmail(app, OWNER), projectId, { statement: "De restrisico's zijn laag; ik aanvaard ze." });
      const projectUrl = `${app.baseUrl}/projects/${projectId}`;

      await logIn(page, app.baseUrl, LEAD, DEMO_PASSWORD);
      await page.goto(projectUrl);
      await expect.poll(() => page.getByText(/Nog nodig: akkoord van de tweede lijn op de contractchecklist/).count()).toBe(1);
      await followLink(page.getByRole("region", { name: "Contracten met de leverancier" }).getByRole("link", { name: "Scanauto Services B.V." }));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Contract met Scanauto Services B.V.");
      await followLink(page.getByRole("link", { name: "Checklist en aandachtspunten invullen" }));
      await expect.poll(() => page.getByText("Nog open: 2 van de 7 aandachtspunten.").count()).toBe(1);
      await accessible("checklist with open points");

      // The ISO's remark on the DEPIA came over: covered, but first without naming the clause.
      const iso = page.getByRole("form", { name: "Oordeel over punt 5" });
      await expect.poll(() => page.getByText("leg het wisselen van de sleutel vast in het contract", { exact: false }).count()).toBe(1);
      await tick(iso.getByLabel("Ja, het contract regelt dit"));
      await submit(iso.getByRole("button", { name: "Oordeel over punt 5 opslaan" }));
      await expect.poll(() => page.getByRole("alert").getByText("Noem het artikel of de bijlage waarin het contract dit regelt.").count()).toBe(1);
      await accessible("point refused without a clause");
      await page.getByRole("form", { name: "Oordeel over punt 5" }).getByLabel("Artikel of bijlage").fill("Artikel 11.4: sleutelwissel na elke meting");
      await submit(page.getByRole("form", { name: "Oordeel over punt 5" }).getByRole("button", { name: "Oordeel over punt 5 opslaan" }));
      await expect.poll(() => page.getByText("Geregeld in Artikel 11.4: sleutelwissel na elke meting").count()).toBe(1);

      // The risk whose measure depends on the supplier: not covered, explained, accepted by the owner.
      const risk = page.getByRole("form", { name: "Oordeel over punt 6" });
      await tick(risk.getByLabel("Nee, het contract regelt dit niet (met uitleg)"));
      await risk.getByLabel("Waarom regelt het contract dit niet?").fill("De scanauto bewaart geen beelden; er is bij de leverancier niets om te stelen.");
      await risk.getByLabel("Wie heeft geaccepteerd dat het contract dit niet regelt?").selectOption({ label: "Marloes Vos" });
      await submit(risk.getByRole("button", { name: "Oordeel over punt 6 opslaan" }));
      await expect.poll(() => page.getByText("Alle 7 aandachtspunten zijn geregeld of uitgelegd.").count()).toBe(1);

      // The two topics still open in the checklist.
      for (const [section, clause] of [["exit_deletion", "Artikel 18"], ["liability", "Artikel 20"]] as const) {
        const topic = page.locator(`#section-${section}`);
        await tick(topic.getByLabel("Geregeld", { exact: true }));
        await topic.getByLabel(/^In welk artikel of welke bijlage staat het\?/).fill(clause);
      }
      await submit(page.getByRole("button", { name: "Checklist opslaan" }));
      await expect.poll(() => page.getByRole("navigation", { name: "Op deze pagina" }).getByText("— Af").count()).toBe(1);
      await accessible("checklist complete");
      await followLink(page.getByRole("link", { name: "Terug naar het contract" }));
      await expect.poll(() => page.getByText("Wacht op akkoord", { exact: true }).count()).toBeGreaterThan(0);
      await logOut(page);

      // The jurist finds the contract on the start page and signs off.
      await logIn(page, app.baseUrl, JURIST, DEMO_PASSWORD);
      await followLink(page.getByRole("link", { name: "Contracten die wachten op uw akkoord" }));
      await followLink(page.getByRole("region", { name: "Wacht op uw akkoord" }).getByRole("link", { name: "Scanauto Services B.V." }));
      await accessible("contract waiting for sign-off");
      await page.getByLabel(/^Opmerking/).fill("Juridisch in orde; exit en aansprakelijkheid zijn geregeld.");
      await submit(page.getByRole("button", { name: "Akkoord geven" }));
      await expect.poll(() => page.getByText("Uw akkoord is vastgelegd.").count()).toBe(1);
      await logOut(page);

      await logIn(page, app.baseUrl, ISO, DEMO_PASSWORD);
      await page.goto(`${app.baseUrl}/contracts`);
      await followLink(page.getByRole("region", { name: "Wacht op uw akkoord" }).getByRole("link", { name: "Scanauto Services B.V." }));
      await submit(page.getByRole("button", { name: "Akkoord geven" }));
      await expect.poll(() => page.getByText(/De tweede lijn gaf akkoord op/).count()).toBe(1);
      await accessible("contract signed off");
      await logOut(page);

      // The owner takes the gate to execution.
      await logIn(page, app.baseUrl, OWNER, DEMO_PASSWORD);
      await page.goto(projectUrl);
      await expect.poll(() => page.getByText("Nog nodig:").count()).toBe(0);
      await tick(page.getByLabel("Doorgaan naar de uitvoering"));
      await page.getByLabel(/^Toelichting/).first().fill("DEPIA aanvaard en het contract is door de jurist en de ISO getoetst.");
      await submit(page.getByRole("button", { name: "Besluit vastleggen" }));
      await expect.poll(() => page.getByText("Het project gaat door naar de volgende fase.").count()).toBe(1);
      await accessible("project in execution");
      const project = await app.deps.db.selectFrom("projects").select("phase").where("id", "=", projectId).executeTakeFirstOrThrow();
      expect(project.phase).toBe("execution");
      expect(errors).toEqual([]);
    } finally {
      await checker.context().close();
      await close();
    }
  });
});
