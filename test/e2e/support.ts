import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { createApp } from "../../src/app.ts";
import { seedDemo } from "../../src/features/demo/seed-demo.ts";
import type { Engine } from "../../src/platform/db/database.ts";
import { allFeatures, createTestDatabase, testEngines } from "../support/database.ts";
import type { Feature } from "../../src/platform/feature.ts";
import type { Deps } from "../../src/platform/deps.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = existsSync(CHROMIUM);

if (!browserAvailable) {
  if (process.env.CI === "true") throw new Error(`Chromium not found at ${CHROMIUM}; CI must run the browser journeys.`);
  console.warn(`NOTICE: Chromium not found at ${CHROMIUM}; browser journeys are SKIPPED on this machine.`);
}

export const journeyEngines: Engine[] = browserAvailable ? testEngines : [];

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

/** The real app on a free port, on a fresh database of the engine, with the demo organisation. */
export async function startApp(engine: Engine, features: readonly Feature[] = allFeatures): Promise<RunningApp> {
  const database = await createTestDatabase(engine, features);
  const deps: Deps = { ...database.deps, now: () => new Date(), newId: () => crypto.randomUUID() };
  await seedDemo(deps);
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

/** Runs axe-core on the page as it is now; fails with the violations listed. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's CSP stays strict.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return result.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)/).fill(password);
  await page.getByRole("button", { name: /^(Inloggen|Log in)$/ }).click();
  await page.waitForLoadState("domcontentloaded");
}

/**
 * Keyboard helpers for pages without JavaScript: Playwright's mouse clicks wait
 * for animation frames that such a page never runs, so these act as a keyboard user does.
 */
export async function tick(target: Locator): Promise<void> {
  await target.focus();
  await target.page().keyboard.press("Space");
}

/** Submits with the keyboard and waits for the next page (POST → redirect → GET). */
export async function submitAndWait(button: Locator): Promise<void> {
  const page = button.page();
  await button.focus();
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
