// The landing page's plan cards write prices as the page's language does (session 29): "$29" in English, "29 $US"
// in French, "29 $" in German, "29 US$" in Spanish and Arabic, the annual price in the same format.
import { render, screen } from '@testing-library/react';
import type { Locale } from '@/lib/i18n/locales';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';

let locale: Locale = 'en';
jest.mock('@/lib/i18n/server', () => ({ getRequestLocale: async () => locale }));
jest.mock('@/components/theme/request-theme', () => ({ getRequestThemeChoice: async () => 'system' }));
jest.mock('@/lib/page-css', () => ({ getPageCss: () => '' }));
jest.mock('@/components/page/critical-style', () => ({ CriticalStyle: () => null }));
jest.mock('@/components/chat/chat-panel', () => ({ ChatPanel: () => null }));
jest.mock('@/components/theme/theme-control', () => ({ ThemeControl: () => null }));
jest.mock('@/components/i18n/locale-switcher', () => ({ LocaleSwitcher: () => null }));

const NB = '\u00a0';

async function planCard(forLocale: Locale, planId: string): Promise<HTMLElement> {
  locale = forLocale;
  const { default: Home } = await import('@/app/page');
  render(await Home());
  const plan = getLocalizedKnowledgeBase(forLocale).plans.find((entry) => entry.id === planId);
  const card = screen.getByRole('heading', { name: plan?.name ?? planId }).closest('li');
  if (!card) throw new Error(`no card for ${planId}`);
  return card;
}

describe('the plan cards', () => {
  it.each([
    ['en', '$29', '$24'],
    ['es', `29${NB}US$`, `24${NB}US$`],
    ['fr', `29${NB}$US`, `24${NB}$US`],
    ['de', `29${NB}$`, `24${NB}$`],
    ['ar', `29${NB}US$`, `24${NB}US$`],
  ] as const)('in %s show Pro at %s a month and %s billed annually', async (lang, monthly, annual) => {
    const card = await planCard(lang, 'pro');
    expect(card.querySelector('bdi')?.textContent).toBe(monthly);
    expect(card.textContent).toContain(annual);
    if (lang !== 'en') expect(card.textContent).not.toContain('$29');
  });
});
