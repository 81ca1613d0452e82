// An admin on a 360 px phone, in Spanish and Arabic: the dashboard's tables are wider than their cards there, so each
// scrolls sideways in a frame a keyboard can reach, its caption stays readable above that frame, and its columns follow
// the page's direction. Every admin page's title names the page and the product in the page's language.
import { render, screen, within } from '@testing-library/react';
import { DataTable } from '@/components/admin/dashboard/section';
import { adminPageTitle, translateAdminShell } from '@/lib/i18n/admin-shell';
import { adminShellEs } from '@/lib/i18n/catalogues/admin-shell';
import { LOCALES } from '@/lib/i18n/locales';

const rows = [
  { value: 'alemán', conversations: 1, leads: 1 },
  { value: 'https://partner.example.com/blog/2026/winter-launch-landing-page', conversations: 2, leads: 0 },
];

function renderTable() {
  return render(
    <DataTable
      caption="La etapa más avanzada que alcanzó cada conversación en el periodo, y cuántas no pasaron de ella."
      rows={rows}
      rowKey={(row) => row.value}
      empty="Nada todavía"
      columns={[
        { header: 'Idioma', cell: (row) => row.value },
        { header: 'Conversaciones', cell: (row) => row.conversations, numeric: true },
        { header: 'Contactos', cell: (row) => row.leads, numeric: true },
      ]}
    />,
  );
}

describe('a dashboard table on a phone', () => {
  test('is named by its caption, which sits outside the sideways-scrolling frame (not cut off with the table)', () => {
    renderTable();
    const table = screen.getByRole('table', { name: /La etapa más avanzada/ });
    const frame = screen.getByRole('group', { name: /La etapa más avanzada/ });
    expect(frame).toContainElement(table);
    const caption = screen.getByText(/La etapa más avanzada/);
    expect(frame).not.toContainElement(caption);
    // No <caption>: it would be as wide as the table, past the card's edge on a phone.
    expect(table.querySelector('caption')).toBeNull();
  });

  test('the frame that scrolls can be reached and scrolled with the keyboard, and shows its focus', () => {
    renderTable();
    const frame = screen.getByRole('group', { name: /La etapa más avanzada/ });
    expect(frame).toHaveAttribute('tabindex', '0');
    expect(frame.className).toMatch(/overflow-x-auto/);
    expect(frame.className).toMatch(/focus-visible:outline/);
  });

  test('columns follow the page direction (start/end, not left/right), figures never wrap, labels break only when they must', () => {
    renderTable();
    const table = screen.getByRole('table');
    for (const cell of table.querySelectorAll('th, td')) expect(cell.className).not.toMatch(/\btext-(left|right)\b/);
    const [labelHeader, figureHeader] = within(table).getAllByRole('columnheader');
    expect(labelHeader?.className).toMatch(/\btext-start\b/);
    expect(figureHeader?.className).toMatch(/\btext-end\b/);
    const rowHeader = within(table).getByRole('rowheader', { name: 'alemán' });
    expect(rowHeader.className).toMatch(/\bmin-w-28\b/);
    const figure = within(table).getAllByRole('cell')[0];
    expect(figure?.className).toMatch(/\bwhitespace-nowrap\b/);
  });

  test('an empty table shows its caption and the empty text, and no frame to scroll', () => {
    render(<DataTable caption="Orígenes" rows={[]} rowKey={() => 'x'} empty="Nada todavía" columns={[{ header: 'Origen', cell: () => '' }]} />);
    expect(screen.getByText('Orígenes')).toBeInTheDocument();
    expect(screen.getByText('Nada todavía')).toBeInTheDocument();
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('admin page titles', () => {
  test.each(LOCALES)('in %s: the page, then the product, both in that language (no English "admin" tacked on)', (locale) => {
    const product = translateAdminShell(locale, 'shell.product');
    const title = adminPageTitle(locale, 'X');
    expect(title).toBe(`X — ${product}`);
    if (locale !== 'en') expect(title).not.toMatch(/\badmin\b/);
  });

  test('Spanish calls leads "Leads" in the menu as on the page itself', () => {
    expect(adminShellEs['shell.nav.leads']).toBe('Leads');
  });
});
