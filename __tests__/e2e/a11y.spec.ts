import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInOverHttp, TEST_ADMIN } from '../support/admin-session';
import { baseURL } from '../support/e2e';

/**
 * WCAG 2.2 AA, keyboard first (issue 11): axe-core finds nothing on the public page, the embed and the admin, light and
 * dark, before and after a conversation; a conversation can be had with the keyboard alone, Escape stops a reply, and
 * the focus stays in the message box throughout.
 */
const url = (path: string) => new URL(path, baseURL()).toString();

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(found, `${label}: axe violations`).toEqual([]);
}

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.context().addCookies([{ name: 'sa-theme', value: theme, url: baseURL() }]);
}

async function converse(page: Page, text: string) {
  const input = page.getByTestId('composer-input');
  await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
  await input.fill(text);
  await input.press('Enter');
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('reply-actions').last()).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing on / in ${theme}, before and after a conversation`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto(url('/'));
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
    await expectNoViolations(page, `/ ${theme} before`);
    await converse(page, 'How much is the Pro plan?');
    await expectNoViolations(page, `/ ${theme} after`);
  });

  test(`axe finds nothing on /embed in ${theme}, before and after a conversation`, async ({ page }) => {
    await page.goto(url(`/embed?mode=inline&theme=${theme}&color=%23ffb000&name=Ava`));
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
    await expectNoViolations(page, `/embed ${theme} before`);
    await converse(page, 'Do you offer a free trial?');
    await expectNoViolations(page, `/embed ${theme} after`);
  });

  test(`an unknown address gets a styled, translated 404 page that axe finds nothing on, in ${theme}`, async ({ page }) => {
    await useTheme(page, theme);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/404 \(Not Found\)/.test(message.text())) errors.push(message.text());
    });
    const response = await page.goto(url('/no-such-page?lang=fr'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expect(page).toHaveTitle(/^Page introuvable — /);
    // The site's style sheet applies (unstyled, the link would be an underlined default-blue inline text).
    const home = page.getByRole('link', { name: 'Aller à la page d’accueil' });
    await expect(home).toHaveAttribute('href', '/');
    expect(await home.evaluate((link) => getComputedStyle(link).textDecorationLine)).toBe('none');
    expect(await home.evaluate((link) => getComputedStyle(link).borderRadius)).not.toBe('0px');
    await expect(page.getByRole('link', { name: 'Poser une question à notre assistant commercial' })).toHaveAttribute('href', '/#chat');
    await expectNoViolations(page, `404 ${theme}`);
    expect(errors).toEqual([]);
    // The keyboard reaches the way back first.
    await page.keyboard.press('Tab');
    await expect(home).toBeFocused();
    // Next.js puts this page's tree in every page's payload: its style sheet must not become a preload elsewhere.
    const embedHtml = await (await page.request.get(url('/embed'))).text();
    expect(embedHtml).not.toMatch(/<link[^>]+\/_css\/site\./);
  });

  test(`axe finds nothing on /admin in ${theme}`, async ({ page }) => {
    await useTheme(page, theme);
    await signInOverHttp(page.request, baseURL(), TEST_ADMIN);
    await page.goto(url('/admin'));
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.locator('main')).toBeVisible();
    await expectNoViolations(page, `/admin ${theme}`);
  });
}

test('a whole conversation with the keyboard only: Tab to the chat, Enter to send, Escape to stop, focus kept in the box', async ({ page }) => {
  await page.goto(url('/'));
  await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
  const input = page.getByTestId('composer-input');
  // Tab from the top of the page until the message box has the focus (every stop on the way is visible).
  let stops = 0;
  while (!(await input.evaluate((element) => element === document.activeElement))) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return 'none';
      const style = getComputedStyle(element);
      return element.tagName === 'TEXTAREA' ? 'box' : style.outlineStyle !== 'none' ? style.outlineStyle : style.boxShadow;
    });
    expect(outline, `focus indicator at stop ${stops}`).not.toBe('none');
    expect(++stops, 'the message box is reachable with Tab').toBeLessThan(40);
  }

  await page.keyboard.type('How much is the Pro plan?');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('stop-button')).toBeVisible();
  await expect(input).toBeFocused();
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('message-assistant').last()).toContainText('$');
  await expect(input).toBeFocused();
  // Announced once, whole, when finished.
  await expect(page.getByTestId('reply-announcement')).toContainText('$');

  // A second question, stopped with Escape while it streams.
  await page.keyboard.type('Tell me everything about security, SSO and compliance');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('message-assistant')).toHaveCount(2, { timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('stop-button')).toBeHidden();
  await expect(page.getByTestId('reply-status').last()).toHaveAttribute('data-status', 'stopped');
  await expect(input).toBeFocused();

  // New conversation from the keyboard: the dialog traps the focus, Escape declines, Enter on confirm clears.
  await page.keyboard.press('Shift+Tab');
  while (!(await page.getByTestId('new-conversation').evaluate((element) => element === document.activeElement))) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('new-conversation')).toBeFocused();
  await expect(page.getByTestId('message-user')).toHaveCount(2);
});

test('reduced motion: the typing dots and the recording pulse do not move', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url('/'));
  await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
  // The classes the typing dots and the recording microphone use, measured as the page styles them.
  const durations = await page.evaluate(() =>
    ['animate-bounce motion-reduce:animate-none', 'animate-pulse motion-reduce:animate-none', 'animate-bounce'].map((className) => {
      const element = document.createElement('span');
      element.className = className;
      document.body.append(element);
      const style = getComputedStyle(element);
      const still = style.animationName === 'none' || parseFloat(style.animationDuration) <= 0.0001;
      element.remove();
      return still;
    }),
  );
  expect(durations).toEqual([true, true, true]);
});
