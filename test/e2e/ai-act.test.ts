import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { HIGH_RISK } from "../../src/features/ai-act/test-helpers.ts";
import { fillScreening } from "../../src/features/assessments/test-helpers.ts";
import { finishScreening } from "../../src/features/assessments/screening.ts";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { registerProject } from "../../src/features/projects/service.ts";
import { actorByEmail, describeJourney, expectAccessible, journeyEngine, logIn, openJourney, submitAndWait, tick, type RunningApp } from "./support.ts";

const engine = journeyEngine("postgres");
const email = (key: string) => `${key}@voorbeeldstad.example`;

async function as(page: Page, app: RunningApp, who: string) {
  await page.context().clearCookies();
  await logIn(page, app.baseUrl, email(who), DEMO_PASSWORD);
}

async function flash(page: Page, text: string) {
  await expect.poll(() => page.getByRole("status").allTextContents().then((t) => t.join(" ")), { timeout: 15_000 }).toContain(text);
}

/**
 * Answers the classification form the way a person without JavaScript does:
 * each section's visible questions from the answer set, saved, until saving
 * shows no new question (a question can depend on an earlier answer).
 */
async function answerSections(page: Page, answers: Record<string, unknown>): Promise<number> {
  let saves = 0;
  for (let round = 0; round < 6; round++) {
    let changed = false;
    const forms = await page.locator("form.afw-section-form").count();
    for (let i = 0; i < forms; i++) {
      const form = page.locator("form.afw-section-form").nth(i);
      let touched = false;
      for (const question of await form.locator(".afw-question").all()) {
        const id = (await question.getAttribute("id"))!.replace(/^question-/, "");
        const value = answers[id];
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) {
          const input = question.locator(`input[name="a.${id}"][value="${String(v)}"]`);
          if (!(await input.isChecked())) {
            await tick(input);
            touched = true;
          }
        }
      }
      if (!touched) continue;
      await submitAndWait(form.getByRole("button", { name: /^Onderdeel opslaan/ }));
      saves++;
      changed = true;
    }
    if (!changed) return saves;
  }
  return saves;
}

describeJourney("browser journey: AI Act classification, FRIA in the DEPIA, EU registration, Algoritmekader", (browser) => {
  it(`high-risk (Annex III 5(a)) → reviewed → FRIA in the DEPIA filled and reviewed → EU registration → requirements met by earlier work [${engine}]`, { timeout: 420_000 }, async () => {
    const { app, page, errors, close } = await openJourney(browser(), engine);
    try {
      const lead = await actorByEmail(app, email("projectleider"));
      const owner = await actorByEmail(app, email("opdrachtgever"));
      const projectId = await registerProject(app.deps, lead, {
        title: "Bijzondere bijstand sneller toekennen",
        goal: "Aanvragen voor bijzondere bijstand sneller beoordelen met een AI-systeem dat een advies geeft.",
        domain: "sociaal_domein",
        technologies: ["ai_algorithm", "profiling"],
        dataCategories: ["personal", "financial"],
        supplierInvolved: true,
        ownerUserId: owner.userId,
      });
      await app.deps.db.updateTable("projects").set({ phase: "start" }).where("id", "=", projectId).execute();
      const base = `${app.baseUrl}/projects/${projectId}`;

      // 1. The lead answers the classification: an AI system used by the municipality
      //    to decide on public assistance (Annex III, point 5(a)), without JavaScript.
      const plain = await browser().newContext({ javaScriptEnabled: false });
      plain.setDefaultTimeout(20_000);
      const form = await plain.newPage();
      await logIn(form, app.baseUrl, email("projectleider"), DEMO_PASSWORD);
      await form.goto(`${base}/instruments/ai-act-classification`);
      expect(await answerSections(form, HIGH_RISK)).toBeGreaterThan(3);
      await expectAccessible(form, "classification form answered");

      await as(page, app, "projectleider");
      await page.goto(`${base}/ai-act`);
      await expectAccessible(page, "classification before finishing");
      await submitAndWait(page.getByRole("button", { name: "Indeling afronden" }));
      await flash(page, "De indeling is vastgelegd.");
      await expect.poll(() => page.getByText(/hoog risico/i).count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText(/5\(a\)/).count()).toBeGreaterThan(0);
      await expectAccessible(page, "classification high-risk");

      // 2. The DPO reviews the classification.
      await as(page, app, "fg");
      await page.goto(`${base}/ai-act`);
      await page.getByLabel(/^Uw oordeel/).selectOption("confirmed");
      await submitAndWait(page.getByRole("button", { name: "Oordeel vastleggen" }));
      await flash(page, "Uw oordeel is vastgelegd.");
      await expectAccessible(page, "classification reviewed");

      // 3. Screening done (its own journey); the lead starts the DEPIA and finds the FRIA in it.
      await fillScreening(app.deps, lead, projectId);
      await finishScreening(app.deps, lead, projectId);
      await as(page, app, "projectleider");
      await page.goto(`${base}/depia`);
      await submitAndWait(page.getByRole("button", { name: "DEPIA beginnen" }));
      await flash(page, "De DEPIA is begonnen");
      await expectAccessible(page, "depia started");
      await form.goto(`${base}/instruments/depia`);
      const fria = form.locator("form.afw-section-form").filter({ has: form.getByRole("button", { name: /Grondrechteneffectbeoordeling/ }) });
      await expect.poll(() => fria.count()).toBe(1);
      const boxes = fria.getByRole("textbox");
      expect(await boxes.count()).toBeGreaterThanOrEqual(6);
      for (let j = 0; j < (await boxes.count()); j++) {
        const box = boxes.nth(j);
        if ((await box.inputValue()) === "") await box.fill(`Voor de FRIA beschreven: onderdeel ${j + 1} van artikel 27.`);
      }
      await submitAndWait(fria.getByRole("button", { name: /Grondrechteneffectbeoordeling/ }));
      await expect.poll(() => form.getByRole("alert").count()).toBe(0);
      await expectAccessible(form, "depia with the FRIA filled");
      await plain.close();
      await page.goto(`${base}/depia`);
      await submitAndWait(page.getByRole("button", { name: "Nieuwe versie indienen ter beoordeling" }));
      await flash(page, "De nieuwe versie is ingediend");

      // 4. The DPO and the ISO review the version, the FRIA section with the others; the owner accepts.
      for (const reviewer of ["fg", "iso"]) {
        await as(page, app, reviewer);
        await page.goto(`${base}/depia/versions/1`);
        await expect.poll(() => page.locator('select[name="section.fria.verdict"]').count()).toBe(1);
        for (const select of await page.locator('select[name$=".verdict"]').all()) await select.selectOption("acceptable");
        await page.getByLabel(/^Uw advies over deze versie/).selectOption("acceptable");
        await page.getByRole("textbox", { name: /^Advies/ }).fill("De FRIA beschrijft de risico's en het toezicht voldoende.");
        await expectAccessible(page, `depia review form (${reviewer})`);
        await submitAndWait(page.getByRole("button", { name: "Oordeel vastleggen" }));
        await flash(page, "Uw oordeel is vastgelegd");
      }
      await as(page, app, "opdrachtgever");
      await page.goto(`${base}/depia`);
      await page.getByRole("textbox", { name: /^Verklaring/ }).fill("Ik aanvaard de restrisico's.");
      await submitAndWait(page.getByRole("button", { name: "Restrisico's aanvaarden" }));
      await flash(page, "De restrisico's zijn aanvaard");

      // 5. The lead records the notification and prepares the EU registration.
      await as(page, app, "projectleider");
      await page.goto(`${base}/ai-act/registration`);
      await expectAccessible(page, "registration prepared");
      await page.getByLabel(/^Toezichthouder/).fill("Autoriteit Persoonsgegevens");
      await page.getByLabel(/^Datum van de melding/).fill(app.deps.now().toISOString().slice(0, 10));
      await submitAndWait(page.getByRole("button", { name: "Melding vastleggen" }));
      await flash(page, "De melding bij de markttoezichthouder is vastgelegd.");
      await expect.poll(() => page.getByLabel(/^C1\. Naam van de gemeente/).inputValue()).toBe("Gemeente Voorbeeldstad");
      await expect.poll(() => page.getByLabel(/^C4\. Samenvatting/).inputValue()).toContain("Voor de FRIA beschreven");
      await page.getByLabel(/^C1\. Adres/).fill("Stadhuisplein 1, Voorbeeldstad");
      await page.getByLabel(/^C1\. Contactgegevens/).fill("ai@voorbeeldstad.example");
      await page.getByLabel(/^C3\. Link/).fill("https://ai-act-database.example.eu/provider/42");
      const dpia = page.getByLabel(/^C5\. Samenvatting/);
      if ((await dpia.inputValue()) === "") await dpia.fill("Restrisico's laag tot midden, aanvaard door de opdrachtgever.");
      await submitAndWait(page.getByRole("button", { name: "Gegevens opslaan" }));
      await flash(page, "De gegevens voor de EU-databank zijn opgeslagen.");
      await expect.poll(() => page.getByText("Alle gegevens zijn ingevuld.").count()).toBe(1);
      await expectAccessible(page, "registration complete");

      // 6. The project's Algoritmekader requirements: several already met by the work above.
      await page.goto(`${base}/algoritmekader`);
      const met = page.locator("summary", { hasText: /^Voldaan \(\d+\)$/ });
      await expect.poll(() => met.count()).toBe(1);
      expect(Number((await met.textContent())!.match(/\d+/)![0])).toBeGreaterThanOrEqual(3);
      await met.click();
      await expectAccessible(page, "requirements with met ones open");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
