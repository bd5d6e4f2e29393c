// A keyboard user's hands, for journeys done with the keyboard only: Tab moves
// the focus (never `focus()` or a click), Enter follows a link or submits,
// Space ticks, arrow keys choose within a radio group, typing fills a field or
// picks an option of a focused select. Each helper fails when the target cannot
// be reached with Tab, naming the elements it passed.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

const MAX_TABS = 800;

/** Keeps the last elements the focus passed, in the page, to name them when a target cannot be reached. */
async function watchFocus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { focusTrail?: string[] };
    if (w.focusTrail) return;
    w.focusTrail = [];
    document.addEventListener("focusin", (e) => {
      const el = e.target as HTMLElement;
      w.focusTrail!.push(`${el.tagName.toLowerCase()}${el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : ""} ${(el.textContent ?? "").trim().slice(0, 40)}`);
      if (w.focusTrail!.length > 30) w.focusTrail!.shift();
    });
  });
}

/** Presses Tab until one of the elements the locator finds has the focus; returns which. */
export async function tabToAny(target: Locator): Promise<number> {
  const page = target.page();
  await watchFocus(page);
  for (let i = 0; i < MAX_TABS; i++) {
    const at = await target.evaluateAll((els) => els.findIndex((el) => el === document.activeElement));
    if (at >= 0) return at;
    await page.keyboard.press("Tab");
  }
  const trail = await page.evaluate(() => (window as unknown as { focusTrail?: string[] }).focusTrail ?? []);
  throw new Error(`not reachable with Tab: ${target}; the focus passed ${trail.join(" | ")}`);
}

export async function tabTo(target: Locator): Promise<void> {
  await tabToAny(target.first());
}

/** Tabs to a link or button and presses Enter, waiting for the page it leads to. */
export async function press(target: Locator): Promise<void> {
  await tabTo(target);
  const page = target.page();
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press("Enter")]);
}

/** Tabs to a text field and types into it (replacing what it held). */
export async function type(target: Locator, text: string): Promise<void> {
  await tabTo(target);
  const page = target.page();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

/** Tabs to a select and types the start of an option's text, as a keyboard user picks one. */
export async function pick(select: Locator, optionText: string): Promise<void> {
  await tabTo(select);
  await select.page().keyboard.type(optionText);
  await expect.poll(() => select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? "")).toContain(optionText);
}

/** Tabs to a select and moves through its options with the arrow keys until it holds the value. */
export async function chooseValue(select: Locator, value: string): Promise<void> {
  await tabTo(select);
  const page = select.page();
  await page.keyboard.press("Home");
  for (let i = 0; i < 60 && (await select.inputValue()) !== value; i++) await page.keyboard.press("ArrowDown");
  expect(await select.inputValue()).toBe(value);
}

/** Tabs into a radio group and moves with the arrow keys to the option (which checks it). */
export async function chooseRadio(group: Locator, option: Locator): Promise<void> {
  await tabToAny(group.locator("input[type=radio]"));
  const page = group.page();
  for (let i = 0; i < 20 && !(await option.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  expect(await option.isChecked()).toBe(true);
}

/** Tabs to a checkbox and ticks it with Space. */
export async function tick(box: Locator): Promise<void> {
  await tabTo(box);
  await box.page().keyboard.press("Space");
  expect(await box.isChecked()).toBe(true);
}

/**
 * Answers every open question of an instrument form, section by section, with
 * the keyboard: text in every empty text field, the first option of every
 * unanswered radio group (Space on the one Tab reaches), one box of every
 * unanswered checkbox group; then Enter on the section's save button.
 */
export async function answerInstrumentByKeyboard(page: Page): Promise<number> {
  const forms = page.locator("form.afw-section-form");
  const count = await forms.count();
  for (let i = 0; i < count; i++) {
    const form = forms.nth(i);
    const boxes = form.getByRole("textbox");
    for (let j = 0; j < (await boxes.count()); j++) {
      if ((await boxes.nth(j).inputValue()) === "") await type(boxes.nth(j), `Beschreven voor onderdeel ${i + 1}, vraag ${j + 1}.`);
    }
    const groups = form.getByRole("group").filter({ has: page.locator("input[type=radio], input[type=checkbox]") });
    for (let j = 0; j < (await groups.count()); j++) {
      const group = groups.nth(j);
      if (await group.locator("input:checked").count()) continue;
      const inputs = group.locator("input[type=radio], input[type=checkbox]");
      const at = await tabToAny(inputs);
      await page.keyboard.press("Space");
      expect(await inputs.nth(at).isChecked()).toBe(true);
    }
    await press(form.getByRole("button", { name: /^Onderdeel opslaan/ }));
    expect(await page.getByRole("alert").count(), `section ${i + 1} saved without errors`).toBe(0);
  }
  return count;
}

/** Logs in with the keyboard. */
export async function logInByKeyboard(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await type(page.getByLabel(/E-mailadres|E-mail address/), email);
  await type(page.getByLabel(/^(Wachtwoord|Password)/), password);
  await press(page.getByRole("button", { name: /^(Inloggen|Log in)$/ }));
}
