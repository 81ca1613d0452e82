import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../support/e2e';

/**
 * The home page's first paint needs no request (issue 12, scripts/build-css.mjs): the rules for everything down to the
 * hero are inline in <head>, and the whole style sheet is linked after the hero. Held back, the sheet must change
 * nothing that was already on screen: the header and the hero are styled as they will be, in both themes, on a phone
 * and on a desktop, left to right and right to left.
 */
const ABOVE_THE_FOLD = {
  header: 'header',
  brand: 'header p',
  language: '[data-testid="locale-switcher"] select',
  eyebrow: 'section[aria-labelledby="hero-title"] > p:first-child',
  title: '#hero-title',
  description: '#hero-title + p',
  cta: 'section[aria-labelledby="hero-title"] a[href="#chat"]',
  plansLink: 'section[aria-labelledby="hero-title"] a[href="#plans"]',
};
const STYLES = ['display', 'font-size', 'font-weight', 'line-height', 'color', 'background-color', 'padding-top', 'padding-inline-start', 'border-top-left-radius', 'box-shadow'];

type Look = { box: number[]; styles: Record<string, string> };

/** Each element's box and the styles that show. */
function snapshot(page: Page): Promise<Record<string, Look | null>> {
  return page.evaluate(
    ({ selectors, styles }) =>
      Object.fromEntries(
        Object.entries(selectors).map(([name, selector]) => {
          const element = document.querySelector(selector);
          if (!element) return [name, null];
          const { x, y, width, height } = element.getBoundingClientRect();
          const computed = getComputedStyle(element);
          return [name, { box: [x, y, width, height].map(Math.round), styles: Object.fromEntries(styles.map((style) => [style, computed.getPropertyValue(style)])) }];
        }),
      ),
    { selectors: ABOVE_THE_FOLD, styles: STYLES },
  );
}

const cases = [
  { name: 'a phone, light', viewport: { width: 360, height: 740 }, theme: 'light', path: '/' },
  { name: 'a desktop, dark', viewport: { width: 1280, height: 800 }, theme: 'dark', path: '/' },
  { name: 'a phone, Arabic (right to left)', viewport: { width: 360, height: 740 }, theme: 'light', path: '/?lang=ar' },
];

for (const { name, viewport, theme, path } of cases) {
  test(`${name}: the header and the hero paint styled before the style sheet arrives, and it changes none of them`, async ({ page, context }) => {
    await page.setViewportSize(viewport);
    await context.addCookies([{ name: 'sa-theme', value: theme, url: baseURL() }]);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sheets: string[] = [];
    await page.route('**/_css/site.*.css', async (route) => {
      sheets.push(new URL(route.request().url()).pathname);
      await held;
      await route.continue();
    });

    await page.goto(new URL(path, baseURL()).toString(), { waitUntil: 'commit' });
    await expect(page.locator('#hero-title')).toBeVisible();
    // Nothing render-blocking in <head>: the critical rules are inline there, the sheet is linked in <body>.
    expect(await page.locator('head link[rel="stylesheet"]').count()).toBe(0);
    expect(await page.locator('head style').count()).toBeGreaterThan(0);
    expect(await page.locator('body link[rel="stylesheet"]').count()).toBe(1);
    // Measured while the sheet is held: it has not been applied.
    expect(await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) => link.sheet === null))).toEqual([true]);
    const before = await snapshot(page);

    // Styled by the inline rules alone (not the browser's defaults): the title bold and large, the call to action a
    // filled brand button, the theme's page colour.
    const { title, cta } = before;
    if (!title || !cta) throw new Error('the hero has no title or call to action');
    expect(Number(title.styles['font-weight'])).toBe(700);
    expect(parseFloat(title.styles['font-size'] ?? '')).toBeGreaterThanOrEqual(30);
    expect(cta.styles['background-color']).not.toBe('rgba(0, 0, 0, 0)');
    expect(cta.styles['border-top-left-radius']).not.toBe('0px');
    const pageColour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(pageColour).toMatch(theme === 'dark' ? /oklch\(0\.1|oklch\(12|rgb\((1\d|2\d|[0-9]),/ : /oklch\(0\.98|oklch\(98|rgb\(24\d/);

    release();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet !== null));
    await expect(page.locator('#plans ul').first()).toHaveCSS('display', 'grid');
    expect(await snapshot(page)).toEqual(before);
    expect(sheets.length).toBeGreaterThan(0);

    // Hydrated, React keeps the <style> the HTML brought (it renders it, with its text, on the server only).
    // On a phone the chat is below the hero: its engine loads once the visitor reaches for it (the hover scrolls to it).
    await page.getByTestId('chat-panel').hover();
    await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const criticalStyles = await page.evaluate(() => [...document.querySelectorAll('style[data-href="page-critical"]')].map((style) => style.textContent?.length ?? 0));
    expect(criticalStyles).toHaveLength(1);
    expect(criticalStyles[0]).toBeGreaterThan(10_000);
    expect(await snapshot(page)).toEqual(before);
  });
}

test('the critical rules are in the HTML once, not again in React\'s payload', async ({ request }) => {
  const html = await (await request.get(baseURL())).text();
  expect(html.split('tailwindcss v4').length - 1).toBe(1);
});

test('the style sheet is served as CSS, cached for good under its content hash', async ({ page, request }) => {
  await page.goto(baseURL());
  const href = await page.locator('body link[rel="stylesheet"]').getAttribute('href');
  expect(href).toMatch(/^\/_css\/site\.[0-9a-f]{12}\.css$/);
  const response = await request.get(new URL(href!, baseURL()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/css/);
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(await response.text()).toContain('.lg\\:grid-cols-');
});
