import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../support/e2e';

/**
 * The public page on a 360 px phone, with the keyboard, in several languages (QA's prospect round): the focus survives
 * the chat engine taking over from its loading shell, the floating launcher never covers the focused control, the
 * chat's title is whole and its header leaves the messages room, and the company's name is cut at its end in Arabic.
 */
const url = (path: string) => new URL(path, baseURL()).toString();
const PHONE = { width: 360, height: 740 };

/** Tab from where the focus is until the focused element matches `selector` (at most 30 stops). */
async function tabUntil(page: Page, selector: string): Promise<void> {
  for (let stop = 0; stop < 30; stop++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`${selector}: never reached with Tab`);
}

test('tabbing into the chat while its engine loads: the focus stays on the suggested question, and Tab goes on from it', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(url('/'));
  await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'loading');
  await tabUntil(page, '[data-testid="suggested-question"]');
  // The focus loaded the engine, which replaced the shell's questions with its own.
  await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
  await page.waitForTimeout(600);
  const questions = page.getByTestId('suggested-question');
  await expect(questions.first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(questions.nth(1)).toBeFocused();
});

for (const lang of ['es', 'en', 'de']) {
  test(`?lang=${lang}: the phone launcher never covers the focused hero link`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(url(`/?lang=${lang}`));
    await tabUntil(page, 'section[aria-labelledby="hero-title"] a[href="#plans"]');
    const overlap = await page.evaluate(() => {
      const focused = document.activeElement!.getBoundingClientRect();
      const launcher = document.querySelector('[data-testid="chat-launcher"]')!;
      if (getComputedStyle(launcher).display === 'none') return 0;
      const cover = launcher.getBoundingClientRect();
      const width = Math.max(0, Math.min(focused.right, cover.right) - Math.max(focused.left, cover.left));
      const height = Math.max(0, Math.min(focused.bottom, cover.bottom) - Math.max(focused.top, cover.top));
      return width * height;
    });
    expect(overlap).toBe(0);
  });
}

for (const lang of ['en', 'es', 'fr', 'de', 'ar']) {
  test(`?lang=${lang}: the chat's title is whole on a phone, and offline the header leaves the messages room`, async ({ page, context }) => {
    await page.setViewportSize(PHONE);
    await page.goto(url(`/?lang=${lang}`));
    const panel = page.getByTestId('chat-panel');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
    const title = panel.getByRole('heading').first();
    // Wrapped, not cut: nothing of it is hidden, across or down.
    expect(await title.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight + 1)).toBe(true);

    await context.setOffline(true);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline', { timeout: 10_000 });
    const [header, whole] = await panel.evaluate((element) => [element.querySelector('header')!.getBoundingClientRect().height, element.getBoundingClientRect().height]);
    expect(header).toBeLessThan(whole * 0.3);
    await context.setOffline(false);
  });
}

test("?lang=ar: the company's name keeps its own direction, so it is cut at its end", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(url('/?lang=ar'));
  const name = page.locator('header bdi').first();
  await expect(name).toHaveText(/^Northwind/);
  expect(await name.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
});

test("on a phone the company's name is shown whole in every language (the language form's button is an arrow there)", async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const locale of ['en', 'de', 'fr', 'ar']) {
    await page.goto(url(`/?lang=${locale}`));
    const name = page.locator('header bdi').first();
    await expect(name).toHaveText('Northwind Cloud');
    expect([locale, await name.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight + 1)]).toEqual([locale, true]);
    // The button keeps its name for screen readers.
    await expect(page.getByTestId('locale-switcher').getByRole('button')).toHaveAccessibleName(/\S/);
  }
});
