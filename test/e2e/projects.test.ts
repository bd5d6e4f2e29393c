import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { prepared, standInFeature } from "../../src/features/projects/test-helpers.ts";
import { allFeatures } from "../support/database.ts";
import { browserAvailable, expectAccessible, journeyEngines, launchBrowser, logIn, startApp, type RunningApp } from "./support.ts";

const engines = browserAvailable ? journeyEngines : [];

// Until the canvas and expert-table features land, this stands in for their
// records: the journey marks its project "ready" through the snapshot.
const withStandIn = [...allFeatures, standInFeature];

async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForLoadState("domcontentloaded");
}

describe.skipIf(!browserAvailable)("browser journey: projects and gates", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const engine of engines) {
    it(`a lead registers a project, readiness changes, the owner says go; another project is stopped [${engine}]`, async () => {
      const app: RunningApp = await startApp(engine, withStandIn);
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
      page.on("response", (r) => r.status() >= 500 && errors.push(`${r.status()} ${r.url()}`));
      try {
        await logIn(page, app.baseUrl, "projectleider@voorbeeldstad.example", DEMO_PASSWORD);
        await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Projecten" }).click();
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Projecten");
        expect(await page.getByRole("link", { name: "Slimme afvalcontainers" }).count()).toBe(1);
        await expectAccessible(page, "dashboard");

        await page.getByRole("link", { name: "Project registreren" }).click();
        await expectAccessible(page, "register form");
        // An empty form shows the error summary first.
        await page.getByRole("button", { name: "Project registreren" }).click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("afw-error-summary"))).toBe(true);
        await expectAccessible(page, "register form with errors");

        await page.getByLabel(/^Naam van het project/).fill("Slimme lantaarnpalen");
        await page.getByLabel(/^Doel \(doelbinding\)/).fill("Minder energie voor straatverlichting, zonder dat straten onveilig voelen.");
        await page.getByLabel(/^Domein/).selectOption({ label: "Fysiek" });
        await page.getByLabel("Sensoren").check();
        await page.getByLabel("Locatiegegevens").check();
        await page.getByRole("group", { name: /Is er een leverancier/ }).getByLabel("Nee").check();
        await page.getByLabel(/^Opdrachtgever/).selectOption({ label: "Marloes Vos" });
        await page.getByRole("button", { name: "Project registreren" }).click();
        await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Slimme lantaarnpalen");
        expect(await page.getByText("Nog nodig: het ethisch canvas — nog niet begonnen").count()).toBe(1);
        expect(await page.getByText("Alleen de opdrachtgever (Marloes Vos) neemt dit besluit.").count()).toBe(1);
        await expectAccessible(page, "new project");
        const projectUrl = page.url();
        const projectId = projectUrl.split("/").pop()!;

        // Test-only: the canvas is complete and the expert table's advice answered.
        prepared.set(projectId, "ready");
        await page.reload();
        expect(await page.getByText("Nog nodig:").count()).toBe(0);
        expect(await page.getByText("Klaar voor de stap naar startfase.", { exact: false }).count()).toBeGreaterThan(0);
        await expectAccessible(page, "ready project");
        await logOut(page);

        await logIn(page, app.baseUrl, "opdrachtgever@voorbeeldstad.example", DEMO_PASSWORD);
        await page.goto(projectUrl);
        await page.getByLabel("Doorgaan naar de startfase").check();
        await page.getByLabel(/^Toelichting/).first().fill("Het canvas is af en het advies is opgevolgd.");
        await page.getByRole("button", { name: "Besluit vastleggen" }).click();
        await expect.poll(() => page.getByText("Het project gaat door naar de volgende fase.").count()).toBe(1);
        expect(await page.getByRole("heading", { name: "Klaar voor de stap naar uitvoering?" }).count()).toBe(1);
        expect(await page.getByRole("cell", { name: "Het canvas is af en het advies is opgevolgd." }).count()).toBe(1);
        await expectAccessible(page, "project after go");

        // The chatbot is still in its first phase: the owner stops it.
        await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Projecten" }).click();
        await page.getByRole("link", { name: "Chatbot voor de publieksbalie" }).click();
        await expectAccessible(page, "chatbot project");
        await page.getByLabel("Stoppen: het project gaat niet door").check();
        await page.getByLabel(/^Toelichting/).first().fill("Inwoners willen hun vragen liever aan een mens stellen; we investeren in de balie.");
        await page.getByRole("button", { name: "Besluit vastleggen" }).click();
        await expect.poll(() => page.getByRole("heading", { name: "Het proces heeft gewerkt" }).count()).toBe(1);
        expect(await page.getByText("voordat het schade kon doen", { exact: false }).count()).toBe(1);
        expect(await page.getByRole("button", { name: "Besluit vastleggen" }).count()).toBe(0);
        await expectAccessible(page, "stopped project");

        // The demo's stopped project reads the same way, and measures have their own page.
        await page.goto(`${app.baseUrl}/projects?phase=stopped`);
        await expectAccessible(page, "dashboard filtered");
        await page.getByRole("link", { name: "Voorspellen van schuldenproblematiek" }).click();
        expect(await page.getByRole("heading", { name: "Het proces heeft gewerkt" }).count()).toBe(1);
        await page.goto(`${app.baseUrl}/projects?phase=execution`);
        await page.getByRole("link", { name: "Slimme afvalcontainers" }).click();
        await page.getByRole("link", { name: "Alle maatregelen" }).click();
        expect(await page.getByText("Te laat").count()).toBeGreaterThan(0);
        await expectAccessible(page, "measures");
        await page.getByRole("link", { name: "Bewaartermijn van de sensorgegevens vastleggen" }).click();
        await expectAccessible(page, "measure");
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await app.close();
      }
    }, { retry: 1, timeout: 240_000 });
  }
});
