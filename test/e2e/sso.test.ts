import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/features/demo/people.ts";
import { startIdentityProvider, type TestIdentityProvider } from "../support/oidc-provider.ts";
import { browserAvailable, expectAccessible, launchBrowser, logIn, startApp, submitAndWait, type RunningApp } from "./support.ts";

// One engine: the protocol is the same on both, the database tests of src/features/sso run on both.
describe.skipIf(!browserAvailable)("browser journey: signing in through the organisation's identity provider", () => {
  let browser: Browser;
  let app: RunningApp;
  let idp: TestIdentityProvider;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startApp("sqlite");
    // The app builds its redirect URI from BASE_URL; here that is the address it listens on.
    app.deps.config.baseUrl = app.baseUrl;
    idp = await startIdentityProvider([
      { clientId: "afweging", clientSecret: "geheim-voor-de-reis-0123", redirectUris: [`${app.baseUrl}/login/sso/callback`], postLogoutRedirectUris: [`${app.baseUrl}/login/sso/logged-out`] },
    ]);
    idp.accounts.set("bas", { email: "bas.hendriks@voorbeeldstad.example", name: "Bas Hendriks", groups: ["afweging-fg"] });
    idp.accounts.set("dubbel", { email: "dubbel@voorbeeldstad.example", name: "Dirk Dubbel", groups: ["afweging-fg", "afweging-beheer"] });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await idp?.close();
  });

  async function configureProvider(page: Page): Promise<void> {
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Inlogdiensten" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Inloggen via de eigen organisatie");
    await expectAccessible(page, "identity providers");
    await page.getByRole("link", { name: "Inlogdienst toevoegen" }).click();
    await expectAccessible(page, "new identity provider");
    await page.getByLabel(/^Naam op de knop/).fill("Gemeente-account");
    await page.getByLabel(/^Adres van de inlogdienst/).fill(idp.issuer);
    await page.getByLabel(/^Client-ID/).fill("afweging");
    await page.getByLabel(/^Clientgeheim/).fill("geheim-voor-de-reis-0123");
    await page.getByLabel(/^Scopes/).fill("openid email profile groups");
    await page.getByLabel(/^E-maildomeinen/).fill("voorbeeldstad.example");
    await page.getByRole("button", { name: "Inlogdienst toevoegen" }).click();
    // When the provider is not added, the failure names what the page said instead.
    const statusOrPage = async () => ((await page.getByRole("status").count()) ? await page.getByRole("status").textContent() : `no status on ${page.url()}: ${(await page.locator("main").textContent())?.slice(0, 800)}`);
    await expect.poll(statusOrPage).toContain("De inlogdienst is toegevoegd.");
    await expectAccessible(page, "identity provider");
    for (const [group, role] of [["afweging-fg", "fg"], ["afweging-beheer", "admin"]] as const) {
      await page.getByRole("textbox", { name: /^Groep \(/ }).fill(group);
      await page.getByRole("combobox", { name: /^Rol/ }).selectOption(role);
      await page.getByRole("button", { name: "Koppeling toevoegen" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("De koppeling is toegevoegd.");
    }
    // One group may not give admin and an oversight role: refused with the reason.
    await page.getByRole("textbox", { name: /^Groep \(/ }).fill("afweging-beheer");
    await page.getByRole("combobox", { name: /^Rol/ }).selectOption("vic");
    await page.getByRole("button", { name: "Koppeling toevoegen" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("De groep afweging-beheer geeft dan de rol Beheerder");
    await expectAccessible(page, "identity provider with a refused mapping");
  }

  /** At the provider: its own login page, then back to Afweging. */
  async function signInAtProvider(page: Page, subject: string): Promise<void> {
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in at the test provider");
    await expectAccessible(page, "provider's login page");
    await page.getByLabel("User name").fill(subject);
    await page.getByLabel("Password").fill("test");
    await submitAndWait(page.getByRole("button", { name: "Sign in" }));
  }

  it("an admin sets up the provider; staff sign in with it, get the mapped role, and sign out of both [sqlite]", { timeout: 240_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      await logIn(page, app.baseUrl, "beheerder@voorbeeldstad.example", DEMO_PASSWORD);
      await configureProvider(page);
      await page.getByRole("button", { name: "Uitloggen" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("U bent uitgelogd.");

      // The organisation's own login address shows its button.
      await page.goto(`${app.baseUrl}/login/voorbeeldstad`);
      await expectAccessible(page, "login page with the provider's button");
      await page.getByRole("link", { name: "Inloggen met Gemeente-account" }).click();
      await signInAtProvider(page, "bas");
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welkom, Bas Hendriks");
      expect(await page.getByText("Functionaris gegevensbescherming (FG)").count()).toBeGreaterThan(0);
      await expectAccessible(page, "start page after signing in through the provider");

      // Signing out ends the provider's session too: its page asks, then sends the browser back.
      await page.getByRole("button", { name: "Uitloggen" }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign out at the test provider");
      await expectAccessible(page, "provider's sign-out page");
      await submitAndWait(page.getByRole("button", { name: "Yes, sign me out" }));
      await expect.poll(() => page.url()).toBe(`${app.baseUrl}/login/voorbeeldstad`);
      await expect.poll(() => page.getByRole("status").textContent()).toContain("U bent uitgelogd.");
      await expectAccessible(page, "login page after signing out");

      // Found by e-mail domain on the general login page; a person whose groups break segregation of duties is refused.
      await page.goto(`${app.baseUrl}/login`);
      await page.getByLabel(/^Uw e-mailadres op het werk/).fill("dubbel@voorbeeldstad.example");
      await page.getByRole("button", { name: "Verder" }).click();
      await page.getByRole("link", { name: "Inloggen met Gemeente-account" }).click();
      await signInAtProvider(page, "dubbel");
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Inloggen is niet gelukt");
      expect(await page.getByRole("alert").textContent()).toContain("geven u de rol Beheerder én Functionaris gegevensbescherming (FG)");
      await expectAccessible(page, "refused sign-in");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
