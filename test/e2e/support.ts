import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { createApp } from "../../src/app.ts";
import { DEMO_ORGANISATION } from "../../src/features/demo/people.ts";
import { demoProjectIds } from "../../src/features/projects/demo.ts";
import { loadActor, type ActorWithProfile } from "../../src/platform/auth/actor.ts";
import type { Engine } from "../../src/platform/db/database.ts";
import { allFeatures, createSeededTestDatabase, testEngines } from "../support/database.ts";
import { demoSeed, realTime } from "../support/demo-seed.ts";
import type { Feature } from "../../src/platform/feature.ts";
import type { Deps } from "../../src/platform/deps.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = existsSync(CHROMIUM);

if (!browserAvailable) {
  if (process.env.CI === "true") throw new Error(`Chromium not found at ${CHROMIUM}; CI must run the browser journeys.`);
  console.warn(`NOTICE: Chromium not found at ${CHROMIUM}; browser journeys are SKIPPED on this machine.`);
}

/**
 * The engine a journey runs on. Each journey runs once: every database rule
 * already runs on both engines in the integration tests, so the journeys are
 * spread over the two (PostgreSQL falls back to SQLite where there is none).
 */
export function journeyEngine(preferred: Engine): Engine {
  return testEngines.includes(preferred) ? preferred : "sqlite";
}

/** describe() for a file of browser journeys: skipped without Chromium, with one browser for its tests (`browser()`). */
export function describeJourney(name: string, body: (browser: () => Browser) => void): void {
  describe.skipIf(!browserAvailable)(name, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });
    body(() => {
      if (!browser) throw new Error("the browser is used outside a journey");
      return browser;
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The machine has no network beyond localhost: keep Chromium from trying.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface RunningApp {
  baseUrl: string;
  deps: Deps;
  close(): Promise<void>;
}

export interface Journey {
  app: RunningApp;
  context: BrowserContext;
  page: Page;
  /** Script errors, CSP refusals and the answers `countResponse` picks: a journey ends with `expect(errors).toEqual([])`. */
  errors: string[];
  close(): Promise<void>;
}

/** A journey's start: the app on a copy of the demo, a browser context and a page watched for errors. */
export async function openJourney(
  browser: Browser,
  engine: Engine,
  options: { context?: BrowserContextOptions; countResponse?: (status: number, url: string) => boolean } = {},
): Promise<Journey> {
  const app = await startApp(engine);
  const context = await browser.newContext(options.context);
  const page = await context.newPage();
  const errors = watchErrors(page, [], options.countResponse);
  return {
    app,
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      await app.close();
    },
  };
}

/** A demo person as an actor, for setting up a journey with the features' own use cases. */
export async function actorByEmail(app: RunningApp, email: string): Promise<ActorWithProfile> {
  const row = await app.deps.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return (await loadActor(app.deps.db, row.id))!;
}

/** The id of a demo project by its key (chatbot, parkeerdruk, afvalcontainers, …; see features/projects/demo.ts). */
export async function demoProjectId(app: RunningApp, key: string): Promise<string> {
  const org = await app.deps.db.selectFrom("organisations").select("id").where("slug", "=", DEMO_ORGANISATION.slug).executeTakeFirstOrThrow();
  const id = (await demoProjectIds(app.deps, org.id))[key];
  if (!id) throw new Error(`no demo project ${key}`);
  return id;
}

/** The real app on a free port, on a fresh copy of a database with the demo organisation. */
export async function startApp(engine: Engine, features: readonly Feature[] = allFeatures): Promise<RunningApp> {
  const database = await createSeededTestDatabase(engine, demoSeed, features);
  const deps = realTime(database.deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: createApp(deps, features).fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await database.dispose();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const axeContexts = new WeakSet<BrowserContext>();

/** Runs axe-core on the page as it is now; fails with the violations listed. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // axe is put in through the DevTools protocol, so the page's CSP stays strict. Once a context
  // has been checked, axe comes with every page it opens: compiled once, instead of for every check.
  const context = page.context();
  if (!axeContexts.has(context)) {
    axeContexts.add(context);
    await context.addInitScript({ content: axeSource });
  }
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is put in above
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      // Only violations are read: axe then skips collecting the nodes of passing rules.
      resultTypes: ["violations"],
    });
    return result.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/**
 * A page for axe to check copies of other pages in. axe runs as a script, which
 * a context without JavaScript refuses, so the checker allows scripts; it loads
 * none of the copy's own (htmx), so the copy stays exactly as the server sent it.
 * Close it with `checker.context().close()`.
 */
export async function accessibilityChecker(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.route(/\.js(\?.*)?$/, (route) => route.abort());
  return context.newPage();
}

/** Checks a copy of the HTML of a page of the app in the checker. */
export async function expectAccessibleCopy(checker: Page, baseUrl: string, html: string, label: string): Promise<void> {
  // The copy is shown at the app's address, so its style sheets and images load as on the real page.
  const health = new URL("/health", baseUrl).href;
  if (checker.url() !== health) await checker.goto(health);
  await checker.setContent(html, { waitUntil: "load" });
  await expectAccessible(checker, label);
}

/** Checks the page as it is now, without JavaScript, through a copy in the checker. */
export async function expectAccessibleWithoutJs(page: Page, checker: Page, label: string): Promise<void> {
  await expectAccessibleCopy(checker, page.url(), await page.content(), `${label} (without JavaScript)`);
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)/).fill(password);
  await submitAndWait(page.getByRole("button", { name: /^(Inloggen|Log in)$/ }));
}

/** The text of the page's first status message (the flash after a form). */
export async function flash(page: Page): Promise<string> {
  return (await page.getByRole("status").first().textContent()) ?? "";
}

/** Logs out with the menu's button and waits for the login page. */
export async function logOut(page: Page): Promise<void> {
  await submitAndWait(page.getByRole("button", { name: "Uitloggen" }));
  await page.waitForURL(/\/login/);
}

/** Collects script errors and CSP refusals of the page (and of answers the filter counts), for `expect(errors).toEqual([])`. */
export function watchErrors(page: Page, errors: string[] = [], countResponse: (status: number, url: string) => boolean = () => false): string[] {
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
  page.on("response", (r) => countResponse(r.status(), r.url()) && errors.push(`${r.status()} ${r.url()}`));
  return errors;
}

/**
 * Keyboard helpers for pages without JavaScript: Playwright's mouse clicks wait
 * for animation frames that such a page never runs, so these act as a keyboard user does.
 */
export async function tick(target: Locator): Promise<void> {
  await target.focus();
  await target.page().keyboard.press("Space");
}

/**
 * Submits a form with the keyboard and waits for the next page (POST → redirect
 * → GET), so nothing acts on the page that is going away. Works with and without JavaScript.
 */
export async function submitAndWait(button: Locator): Promise<void> {
  await pressAndWait(button);
}

/** Follows a link with the keyboard and waits for the page it opens. */
export async function followLink(link: Locator): Promise<void> {
  await pressAndWait(link);
}

async function pressAndWait(target: Locator): Promise<void> {
  const page = target.page();
  await target.focus();
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press("Enter")]);
}

/**
 * Answers every open question of an instrument form, section by section, the
 * way a person would: text in every empty text field, the first option of every
 * unanswered radio or checkbox group. Expects a page without JavaScript.
 */
export async function fillInstrumentForm(page: Page): Promise<number> {
  const count = await page.locator("form.afw-section-form").count();
  for (let i = 0; i < count; i++) {
    const form = page.locator("form.afw-section-form").nth(i);
    const boxes = form.getByRole("textbox");
    for (let j = 0; j < (await boxes.count()); j++) {
      const box = boxes.nth(j);
      if ((await box.inputValue()) === "") await box.fill(`Beschreven voor onderdeel ${i + 1}, vraag ${j + 1}.`);
    }
    const groups = form.getByRole("group").filter({ has: page.locator("input[type=radio], input[type=checkbox]") });
    for (let j = 0; j < (await groups.count()); j++) {
      const group = groups.nth(j);
      if (await group.locator("input:checked").count()) continue;
      const first = group.locator("input[type=radio], input[type=checkbox]").first();
      await tick(first);
    }
    await submitAndWait(form.getByRole("button", { name: /^Onderdeel opslaan/ }));
    expect(await page.getByRole("alert").count(), `section ${i + 1} saved without errors`).toBe(0);
  }
  return count;
}
