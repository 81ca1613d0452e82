import { expect, test, type Page } from '@playwright/test';
import knowledgeBase from '@/knowledge/knowledge-base.json';
import { en } from '@/lib/i18n/catalogues/en';
import { es } from '@/lib/i18n/catalogues/es';
import { fr } from '@/lib/i18n/catalogues/fr';
import { de } from '@/lib/i18n/catalogues/de';
import { formatPrice } from '@/lib/sales/knowledge';
import { baseURL } from '../support/e2e';

/** Words that are the same in every language here: the brand, product and partner names, codes. */
const BRANDS = ['Northwind Cloud', 'Northwind', 'Starter', 'Pro', 'Business', 'Enterprise', 'Slack', 'Google Workspace', 'Microsoft 365', 'Salesforce', 'HubSpot', 'Jira', 'SOC 2', 'SSO', 'SAML', 'SCIM', 'Okta', 'Microsoft Entra ID', 'Google', 'USD', 'English', 'Español', 'Français', 'Deutsch', 'العربية'];

/**
 * English phrases a translated page must not show: every public catalogue value (placeholders cut out) the locale
 * translates, and the base knowledge base's words (headline, plan summaries and features, suggested questions).
 */
function englishPhrases(target: Readonly<Record<string, string | undefined>>): string[] {
  const fromCatalogue = (Object.keys(en) as Array<keyof typeof en>)
    .filter((key) => target[key] !== en[key])
    .flatMap((key) => en[key].split(/\{\w+\}/));
  const fromKnowledge = [
    knowledgeBase.company.tagline,
    knowledgeBase.company.description,
    ...knowledgeBase.plans.flatMap((plan) => [plan.summary, ...plan.features]),
    ...knowledgeBase.suggestedQuestions,
  ];
  return [...new Set([...fromCatalogue, ...fromKnowledge].map((phrase) => phrase.trim()))].filter(
    // Short fragments ("…", " / ") and brand names say nothing about a leftover.
    (phrase) => phrase.length >= 6 && /[a-z]{3}/i.test(phrase) && !BRANDS.includes(phrase),
  );
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

async function askAndRead(page: Page, question: string): Promise<string> {
  const input = page.getByTestId('composer-input');
  // Typing before the chat's code has loaded may be lost: type until the send button takes it.
  await expect(async () => {
    await input.fill(question);
    await expect(page.getByTestId('send-button')).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await input.press('Enter');
  await expect(page.getByTestId('message-user')).toContainText(question);
  const reply = page.getByTestId('message-assistant').last();
  await expect(reply).toContainText('$', { timeout: 20_000 });
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 20_000 });
  return (await reply.textContent()) ?? '';
}

/** Whether `text` shows `phrase` as words of its own (so "Custom" is not found inside "Customer-Success-Manager"). */
function showsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text);
}

const LOCALES = [
  { lang: 'es', catalogue: es, question: '¿Cuánto cuesta el plan Pro?', words: /\b(usuario|mes|plan)\b/i },
  { lang: 'fr', catalogue: fr, question: 'Combien coûte l’offre Pro ?', words: /\b(utilisateur|mois|offre)\b/i },
  { lang: 'de', catalogue: de, question: 'Was kostet der Pro-Tarif?', words: /\b(Nutzer|Monat|Tarif)\b/i },
] as const;

for (const { lang, catalogue, question, words } of LOCALES) {
  test(`?lang=${lang}: the page is fully translated, left to right, with no English leftovers`, async ({ page }) => {
    await page.goto(`${baseURL()}/?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByTestId('composer-input')).toBeVisible();
    const text = await visibleText(page);
    const leftovers = englishPhrases(catalogue).filter((phrase) => showsPhrase(text, phrase));
    expect(leftovers).toEqual([]);
    // Prices are the base's, written as the language writes them.
    expect(text).toContain(formatPrice(29, 'USD', lang));
    expect(text).toContain(formatPrice(24, 'USD', lang));
  });

  test(`?lang=${lang}: asked the price of Pro in ${lang}, the agent answers in ${lang} with the same price`, async ({ page }) => {
    await page.goto(`${baseURL()}/?lang=${lang}`);
    const reply = await askAndRead(page, question);
    expect(reply).toContain(formatPrice(29, 'USD', lang));
    expect(reply).toMatch(words);
  });
}

test('?lang=ar lays the page out right to left, the composer mirrored, prices kept left to right', async ({ page }) => {
  await page.goto(`${baseURL()}/?lang=ar`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const input = page.getByTestId('composer-input');
  await expect(input).toBeVisible();
  await input.fill('مرحبا');
  // Right to left, the Send button sits at the composer's start side: left of the message box.
  // The first keystroke loads the chat, which takes over the composer: measure once both are laid out (a box read
  // during the hand-over is null), the same condition as before.
  const send = page.getByRole('button', { name: 'إرسال الرسالة' });
  await expect(send).toBeVisible();
  await expect
    .poll(async () => {
      const [sendBox, inputBox] = [await send.boundingBox(), await input.boundingBox()];
      return sendBox !== null && inputBox !== null && sendBox.x < inputBox.x;
    })
    .toBe(true);
  await expect(page.getByRole('heading', { name: 'الباقات والأسعار' })).toBeVisible();
  await expect(page.locator('bdi[dir="ltr"]', { hasText: formatPrice(29, 'USD', 'ar') })).toBeVisible();
});

test('?lang=ar: the agent answers in Arabic', async ({ page }) => {
  await page.goto(`${baseURL()}/?lang=ar`);
  const reply = await askAndRead(page, 'كم سعر الباقة الاحترافية؟');
  expect(reply).toMatch(/[\u0600-\u06FF]{3}/);
  expect(reply).toContain(formatPrice(29, 'USD', 'ar'));
  // Arabic throughout: no Latin word but the brand and product names the page keeps (one letter is the avatar's initial).
  const latin = (reply.replace(/\$[\d,.]+|[\d,.]+\u00a0US\$/g, ' ').match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !BRANDS.some((brand) => brand.split(' ').includes(word)));
  expect(latin).toEqual([]);
});

test('the switcher changes the language with the keyboard, and the choice survives a reload and a new visit', async ({ page }) => {
  await page.goto(baseURL());
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const select = page.getByLabel('Language');
  await select.focus();
  await select.selectOption('de');
  await page.getByRole('button', { name: 'Change language' }).press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { name: 'Tarife und Preise' })).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.goto(baseURL());
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByLabel('Sprache')).toHaveValue('de');
});

test('without a choice the browser language decides', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' } });
  const page = await context.newPage();
  await page.goto(baseURL());
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Offres et tarifs' })).toBeVisible();
  await context.close();
});
