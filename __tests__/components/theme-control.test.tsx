import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeControl } from '@/components/theme/theme-control';
import { I18nProvider } from '@/lib/i18n/provider';

function prefersDark(matches: boolean) {
  window.matchMedia = jest.fn(() => ({ matches, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
}

beforeEach(() => {
  document.documentElement.setAttribute('data-theme-choice', 'system');
  document.documentElement.setAttribute('data-theme', 'light');
  document.cookie = 'sa-theme=; max-age=0; path=/';
});

test('a labelled select that applies the theme at once and remembers it in a cookie the server reads', async () => {
  prefersDark(true);
  const user = userEvent.setup();
  render(
    <I18nProvider locale="es">
      <ThemeControl />
    </I18nProvider>,
  );
  const select = screen.getByRole('combobox', { name: 'Tema' });
  expect(select).toHaveValue('system');
  expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Claro', 'Oscuro', 'Sistema']);

  await user.selectOptions(select, 'light');
  expect(document.documentElement).toHaveAttribute('data-theme', 'light');
  expect(document.documentElement).toHaveAttribute('data-theme-choice', 'light');
  expect(document.cookie).toContain('sa-theme=light');

  // "System" follows the device (dark here).
  await user.selectOptions(select, 'system');
  expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
  expect(document.cookie).toContain('sa-theme=system');
  expect(select).toHaveValue('system');
});
