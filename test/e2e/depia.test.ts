import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { loadActor } from "../../src/platform/auth/actor.ts";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { projectReadiness, registerProject } from "../../src/features/projects/service.ts";
import { actorByEmail, describeJourney, expectAccessible, fillInstrumentForm, followLink, journeyEngine, logIn, openJourney, submitAndWait, type RunningApp } from "./support.ts";

const engine = journeyEngine("sqlite");
const email = (key: string) => `${key}@voorbeeldstad.example`;

async function as(page: Page, app: RunningApp, who: string) {
  await page.context().clearCookies();
  await logIn(page, app.baseUrl, email(who), DEMO_PASSWORD);
}

async function flash(page: Page, text: string) {
  await expect.poll(() => page.getByRole("status").allTextContents().then((t) => t.join(" ")), { timeout: 15_000 }).toContain(text);
}

describeJourney("browser journey: screening, DEPIA, review, acceptance, gate", (browser) => {
  it(`screening requires a DEPIA → three risks → FG 'to correct' → new version → acceptable → acceptance → gate open [${engine}]`, { timeout: 300_000 }, async () => {
    const { app, page, errors, close } = await openJourney(browser(), engine);
    try {
      // Setup: a project in the start phase whose screening answers are filled in
      // (the pre-DPIA form itself belongs to instrument-responses and has its own journey).
      const lead = await actorByEmail(app, email("projectleider"));
      const owner = await actorByEmail(app, email("opdrachtgever"));
      const projectId = await registerProject(app.deps, lead, {
        title: "Signalen van schulden",
        goal: "Inwoners met betalingsachterstanden eerder hulp aanbieden.",
        domain: "sociaal_domein",
        technologies: ["data_linkage", "profiling"],
        dataCategories: ["personal", "financial"],
        supplierInvolved: false,
        ownerUserId: owner.userId,
      });
      await app.deps.db.updateTable("projects").set({ phase: "start" }).where("id", "=", projectId).execute();
      const base = `${app.baseUrl}/projects/${projectId}`;

      // The lead answers the pre-DPIA screening through its form, with plain POSTs.
      const plain = await browser().newContext({ javaScriptEnabled: false });
      plain.setDefaultTimeout(20_000);
      const form = await plain.newPage();
      await logIn(form, app.baseUrl, email("projectleider"), DEMO_PASSWORD);
      await form.goto(`${base}/instruments/pre-dpia`);
      expect(await fillInstrumentForm(form)).toBeGreaterThan(3);

      // 1. The lead finishes the screening: a DEPIA is required, with the criteria that fired.
      await as(page, app, "projectleider");
      await page.goto(`${base}/screening`);
      await expectAccessible(page, "screening");
      await expect.poll(() => page.getByText("DEPIA verplicht").count()).toBeGreaterThan(0);
      await submitAndWait(page.getByRole("button", { name: "Screening afronden" }));
      await flash(page, "De screening is afgerond");
      await expect.poll(() => page.getByRole("heading", { name: "Vastgelegde screening" }).count(), { timeout: 15_000 }).toBe(1);
      await expectAccessible(page, "screening finished");

      // 2. The DEPIA with three risks.
      await page.goto(`${base}/depia`);
      await expectAccessible(page, "depia not started");
      await submitAndWait(page.getByRole("button", { name: "DEPIA beginnen" }));
      await flash(page, "De DEPIA is begonnen");
      await followLink(page.getByRole("link", { name: /^Risico's/ }));
      await expectAccessible(page, "risk register empty");
      const risks = [
        ["privacy", "Schuldgegevens komen bij medewerkers die ze niet nodig hebben.", "medium", "high", "low", "medium"],
        ["ethics", "Het signaal stigmatiseert inwoners als 'probleemgeval'.", "medium", "medium", "low", "medium"],
        ["security", "Een datalek bij de koppeling met de energieleveranciers.", "low", "high", "low", "medium"],
      ] as const;
      for (const [category, description, il, ii, rl, ri] of risks) {
        await page.getByLabel("Soort risico").selectOption(category);
        await page.getByRole("textbox", { name: /^Omschrijving/ }).fill(description);
        const inherent = page.getByRole("group", { name: "Zonder maatregelen" });
        await inherent.getByLabel(/^Kans/).selectOption(il);
        await inherent.getByLabel(/^Impact/).selectOption(ii);
        await inherent.getByLabel(/^Onderbouwing/).fill("Ingeschat met het team.");
        const residual = page.getByRole("group", { name: "Met maatregelen (restrisico)" });
        await residual.getByLabel(/^Kans/).selectOption(rl);
        await residual.getByLabel(/^Impact/).selectOption(ri);
        await residual.getByLabel(/^Onderbouwing van het restrisico/).fill("Na de maatregelen.");
        await submitAndWait(page.getByRole("button", { name: "Risico toevoegen" }));
        await flash(page, "Het risico is toegevoegd");
      }
      await expect.poll(() => page.locator("svg[role=img] text", { hasText: /^R3′$/ }).count()).toBe(1);
      await expectAccessible(page, "risk register with heat map");
      await followLink(page.getByRole("link", { name: "Terug naar de DEPIA" }));
      await submitAndWait(page.getByRole("button", { name: "Nieuwe versie indienen ter beoordeling" }));
      await flash(page, "De nieuwe versie is ingediend");
      await expectAccessible(page, "depia version 1");

      // 3. The FG finds one section "to correct".
      await as(page, app, "fg");
      await page.goto(`${base}/depia/versions/1`);
      await expectAccessible(page, "version 1 review form");
      for (const select of await page.locator('select[name$=".verdict"]').all()) await select.selectOption("acceptable");
      await page.locator('select[name="section.a01_proposal.verdict"]').selectOption("to_correct");
      await page.getByLabel(/^Uw advies over deze versie/).selectOption("to_correct");
      await page.getByRole("textbox", { name: /^Advies/ }).fill("Beschrijf het voorstel concreter: wie krijgt welk signaal?");
      await submitAndWait(page.getByRole("button", { name: "Oordeel vastleggen" }));
      await flash(page, "Uw oordeel is vastgelegd");
      await expectAccessible(page, "depia after FG verdict");

      // 4. The lead improves the proposal and submits version 2, which shows its diff.
      await form.goto(`${base}/instruments/depia`);
      await form.getByRole("textbox", { name: /^Wat wilt u gaan doen, en waarom\?/ }).fill("Alleen het schuldhulpteam krijgt een signaal, en alleen bij drie maanden achterstand.");
      await submitAndWait(form.getByRole("button", { name: /^Onderdeel opslaan\W+1\. Het voorstel$/ }));
      await expect.poll(() => form.getByRole("alert").count()).toBe(0);
      await plain.close();
      await as(page, app, "projectleider");
      await page.goto(`${base}/depia`);
      await submitAndWait(page.getByRole("button", { name: "Nieuwe versie indienen ter beoordeling" }));
      await flash(page, "De nieuwe versie is ingediend");
      await followLink(page.getByRole("link", { name: "Versie 2" }));
      await expect.poll(() => page.getByText("Alleen het schuldhulpteam krijgt een signaal").count()).toBeGreaterThan(0);
      await expectAccessible(page, "version 2 with diff");

      // 5. Both reviewers find version 2 acceptable; the FG only needs to judge the changed section.
      for (const reviewer of ["fg", "iso"]) {
        await as(page, app, reviewer);
        await page.goto(`${base}/depia/versions/2`);
        for (const select of await page.locator('select[name$=".verdict"][required]').all()) await select.selectOption("acceptable");
        if (reviewer === "fg") await expect.poll(() => page.locator('select[name$=".verdict"][required]').count()).toBe(1);
        await page.getByLabel(/^Uw advies over deze versie/).selectOption("acceptable");
        await page.getByRole("textbox", { name: /^Advies/ }).fill("De maatregelen zijn voldoende.");
        await submitAndWait(page.getByRole("button", { name: "Oordeel vastleggen" }));
        await flash(page, "Uw oordeel is vastgelegd");
      }

      // 6. The owner accepts the residual risks; the gate opens.
      await as(page, app, "opdrachtgever");
      await page.goto(`${base}/depia`);
      await expectAccessible(page, "depia for the owner");
      await page.getByRole("textbox", { name: /^Verklaring/ }).fill("Ik aanvaard de restrisico's; die zijn laag of midden.");
      await submitAndWait(page.getByRole("button", { name: "Restrisico's aanvaarden" }));
      await flash(page, "De restrisico's zijn aanvaard");
      await expectAccessible(page, "depia accepted");
      const { readiness } = await projectReadiness(app.deps, (await loadActor(app.deps.db, owner.userId))!, projectId);
      expect(readiness.missing).toEqual([]);
      expect(readiness.ready).toBe(true);
      await page.goto(base);
      await expectAccessible(page, "project page");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
