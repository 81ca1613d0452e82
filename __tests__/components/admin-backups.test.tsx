// The admin's backups page by role: an admin downloads a backup; a viewer (whose download the API refuses, leaving a
// file that holds the 403) gets a note instead of the link. The page is a server component: it is called and its
// output rendered, with the session, the store's config and the locale faked.
import { render, screen } from '@testing-library/react';
import BackupsPage from '@/app/admin/backups/page';
import type { AdminSession } from '@/lib/admin/session';

const session = { current: null as AdminSession | null };
const store = { provider: 'upstash' };
const locale = { current: 'en' };

jest.mock('next/headers', () => ({ headers: async () => new Headers() }));
jest.mock('@/lib/admin/session', () => ({ readAdminSession: async () => session.current }));
jest.mock('@/lib/config', () => ({ getServerConfig: () => ({ store }) }));
jest.mock('@/lib/i18n/server', () => ({ getRequestLocale: async () => locale.current }));

const as = (role: AdminSession['role']): AdminSession => ({ email: `${role}@northwind.example`, role, expiresAt: 2_000_000_000 });

afterEach(() => {
  session.current = null;
  store.provider = 'upstash';
  locale.current = 'en';
});

async function renderPage() {
  return render(await BackupsPage());
}

test('a viewer gets a note instead of the download link, and still reads how backups are taken', async () => {
  session.current = as('viewer');
  await renderPage();
  expect(screen.getByText('Only admins can download or restore backups.')).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Download a backup' })).not.toBeInTheDocument();
  expect(screen.queryByRole('link')).not.toBeInTheDocument();
  expect(screen.queryByRole('button')).not.toBeInTheDocument();
  expect(document.querySelector('a[download], a[href="/api/v1/admin/backup"]')).toBeNull();
  expect(screen.getByRole('heading', { level: 1, name: 'Backups' })).toBeInTheDocument();
});

test('the viewer note speaks the admin’s language', async () => {
  session.current = as('viewer');
  locale.current = 'de';
  await renderPage();
  expect(screen.getByText('Nur Administratoren können Sicherungen herunterladen oder wiederherstellen.')).toBeInTheDocument();
  expect(screen.queryByRole('link')).not.toBeInTheDocument();
});

test('an admin still gets the download link and no viewer note', async () => {
  session.current = as('admin');
  await renderPage();
  const link = screen.getByRole('link', { name: 'Download a backup' });
  expect(link).toHaveAttribute('href', '/api/v1/admin/backup');
  expect(link).toHaveAttribute('download');
  expect(screen.queryByText('Only admins can download or restore backups.')).not.toBeInTheDocument();
});

test('without a session (the layout sends it away first) nothing to download shows', async () => {
  await renderPage();
  expect(screen.queryByRole('link')).not.toBeInTheDocument();
});
