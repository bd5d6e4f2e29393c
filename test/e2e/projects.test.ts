import { expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { makeReadyForGate } from "../../src/features/projects/test-helpers.ts";
import { actorByEmail, describeJourney, expectAccessible, followLink, journeyEngine, logIn, logOut, openJourney, submitAndWait } from "./support.ts";

const engine = journeyEngine("postgres");

describeJourney("browser journey: projects and gates", (browser) => {
  it(`a lead registers a project, readiness changes, the owner says go; another project is stopped [${engine}]`, { timeout: 240_000 }, async () => {
    const { app, page, errors, close } = await openJourney(browser(), engine, { countResponse: (status) => status >= 500 });
    page.setDefaultTimeout(15_000);
    try {
      await logIn(page, app.baseUrl, "projectleider@voorbeeldstad.example", DEMO_PASSWORD);
      await followLink(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Projecten" }));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Projecten");
      await expect.poll(() => page.getByRole("link", { name: "Slimme afvalcontainers" }).count()).toBe(1);
      await expectAccessible(page, "dashboard");

      await followLink(page.getByRole("link", { name: "Project registreren" }));
      await expectAccessible(page, "register form");
      // An empty form shows the error summary first.
      await submitAndWait(page.getByRole("button", { name: "Project registreren" }));
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("afw-error-summary"))).toBe(true);
      await expectAccessible(page, "register form with errors");

      await page.getByLabel(/^Naam van het project/).fill("Slimme lantaarnpalen");
      await page.getByLabel(/^Doel \(doelbinding\)/).fill("Minder energie voor straatverlichting, zonder dat straten onveilig voelen.");
      await page.getByLabel(/^Domein/).selectOption({ label: "Fysiek" });
      await page.getByLabel("Sensoren").check();
      await page.getByLabel("Locatiegegevens").check();
      await page.getByRole("group", { name: /Is er een leverancier/ }).getByLabel("Nee").check();
      await page.getByLabel(/^Opdrachtgever/).selectOption({ label: "Marloes Vos" });
      await submitAndWait(page.getByRole("button", { name: "Project registreren" }));
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Slimme lantaarnpalen");
      await expect.poll(() => page.getByText("Nog nodig: het ethisch canvas — nog niet begonnen").count()).toBe(1);
      await expect.poll(() => page.getByText("Alleen de opdrachtgever (Marloes Vos) neemt dit besluit.").count()).toBe(1);
      await expectAccessible(page, "new project");
      const projectUrl = page.url();
      const projectId = projectUrl.split("/").pop()!;

      // The canvas is complete and the expert table's advice answered: real records, made by the features'
      // own use cases (the pre-start-gate journey does the same in the browser).
      const lead = await actorByEmail(app, "projectleider@voorbeeldstad.example");
      await makeReadyForGate(app.deps, projectId, { lead, expert: await actorByEmail(app, "experttafel@voorbeeldstad.example") });
      await page.reload();
      await expect.poll(() => page.getByText("Klaar voor de stap naar startfase.", { exact: false }).count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText("Nog nodig:").count()).toBe(0);
      await expectAccessible(page, "ready project");
      await logOut(page);

      await logIn(page, app.baseUrl, "opdrachtgever@voorbeeldstad.example", DEMO_PASSWORD);
      await page.goto(projectUrl);
      await page.getByLabel("Doorgaan naar de startfase").check();
      await page.getByLabel(/^Toelichting/).first().fill("Het canvas is af en het advies is opgevolgd.");
      await submitAndWait(page.getByRole("button", { name: "Besluit vastleggen" }));
      await expect.poll(() => page.getByText("Het project gaat door naar de volgende fase.").count()).toBe(1);
      await expect.poll(() => page.getByRole("heading", { name: "Klaar voor de stap naar uitvoering?" }).count()).toBe(1);
      await expect.poll(() => page.getByRole("cell", { name: "Het canvas is af en het advies is opgevolgd." }).count()).toBe(1);
      await expectAccessible(page, "project after go");

      // The chatbot is still in its first phase: the owner stops it.
      await followLink(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Projecten" }));
      await followLink(page.getByRole("link", { name: "Chatbot voor de publieksbalie" }));
      await expectAccessible(page, "chatbot project");
      await page.getByLabel("Stoppen: het project gaat niet door").check();
      await page.getByLabel(/^Toelichting/).first().fill("Inwoners willen hun vragen liever aan een mens stellen; we investeren in de balie.");
      await submitAndWait(page.getByRole("button", { name: "Besluit vastleggen" }));
      await expect.poll(() => page.getByRole("heading", { name: "Het proces heeft gewerkt" }).count()).toBe(1);
      await expect.poll(() => page.getByText("voordat het schade kon doen", { exact: false }).count()).toBe(1);
      await expect.poll(() => page.getByRole("button", { name: "Besluit vastleggen" }).count()).toBe(0);
      await expectAccessible(page, "stopped project");

      // The demo's stopped project reads the same way, and measures have their own page.
      await page.goto(`${app.baseUrl}/projects?phase=stopped`);
      await expectAccessible(page, "dashboard filtered");
      await followLink(page.getByRole("link", { name: "Voorspellen van schuldenproblematiek" }));
      await expect.poll(() => page.getByRole("heading", { name: "Het proces heeft gewerkt" }).count()).toBe(1);
      await page.goto(`${app.baseUrl}/projects?phase=execution`);
      await followLink(page.getByRole("link", { name: "Slimme afvalcontainers" }));
      await followLink(page.getByRole("link", { name: "Alle maatregelen" }));
      await expect.poll(() => page.getByText("Te laat").count()).toBeGreaterThan(0);
      await expectAccessible(page, "measures");
      await followLink(page.getByRole("link", { name: "Bewaartermijn van de sensorgegevens vastleggen" }));
      await expectAccessible(page, "measure");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
