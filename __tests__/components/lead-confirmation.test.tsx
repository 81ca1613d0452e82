// The chat's "noted: team of 12" line says the team in the grammar of the prospect's language: Arabic counts take
// six forms (12 شخصًا, not 12 أشخاص), German one or more (1 Person, 12 Personen).
import { render, screen } from '@testing-library/react';
import { LeadConfirmation } from '@/components/chat/sales-parts';
import { clientMessagesFor } from '@/lib/i18n';
import type { Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';

function noted(locale: Locale, teamSize: number, name?: string) {
  const values = { teamSize, ...(name ? { name } : {}) };
  const view = render(
    <I18nProvider locale={locale} messages={clientMessagesFor(locale)}>
      <LeadConfirmation lead={{ changed: ['teamSize'], values, score: 20 }} />
    </I18nProvider>,
  );
  const text = screen.getByTestId('lead-confirmation').textContent;
  view.unmount();
  return text;
}

test('Arabic: the team is counted with the noun form its number takes', () => {
  expect(noted('ar', 12)).toBe('تم التدوين: فريق من 12 شخصًا.');
  expect(noted('ar', 5)).toBe('تم التدوين: فريق من 5 أشخاص.');
  expect(noted('ar', 2)).toBe('تم التدوين: فريق من شخصين.');
  expect(noted('ar', 100)).toBe('تم التدوين: فريق من 100 شخص.');
});

test('German: one Person, many Personen; English and Spanish unchanged', () => {
  expect(noted('de', 1)).toBe('Notiert: Team mit 1 Person.');
  expect(noted('de', 12, 'Jonas')).toBe('Notiert: Jonas, Team mit 12 Personen.');
  expect(noted('en', 12)).toMatch(/team of 12/);
  expect(noted('es', 12)).toMatch(/equipo de 12/);
});
