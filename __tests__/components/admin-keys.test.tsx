// The API keys page's client part (components/admin/keys/keys-manager.tsx) against a fake of the keys API: the
// secret shown once with a copy button, revocation behind a confirmation (focus on the safe choice, Escape declines),
// field errors, the viewer's read-only view, and the Spanish words.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { KeysManager } from '@/components/admin/keys/keys-manager';
import { SignInForm } from '@/components/admin/sign-in/sign-in-form';
import type { SignInState } from '@/lib/admin/sign-in-errors';
import type { Locale } from '@/lib/i18n';

const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
});

const SECRET = `sk_live_${'A'.repeat(43)}`;

function fakeApi({ refuse }: { refuse?: { status: number; message: string } } = {}) {
  const keys = [
    { id: 'key_AAAAAAAAAAAA', name: 'Nightly export', scopes: ['export'], preview: 'sk_live_Zzzz…', createdAt: Date.UTC(2026, 10, 1, 9), createdBy: 'boss@example.com', lastUsedAt: null as number | null },
  ];
  const calls: Array<{ method: string; url: string; body?: unknown }> = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { name: string; scopes: string[] }) : undefined;
    calls.push({ method, url, body });
    if (refuse && method !== 'GET') return json({ error: { code: 'x', message: refuse.message } }, refuse.status);
    if (url === '/api/v1/admin/keys' && method === 'GET') return json({ keys });
    if (url === '/api/v1/admin/keys' && method === 'POST' && body) {
      const key = { id: 'key_BBBBBBBBBBBB', name: body.name, scopes: body.scopes, preview: 'sk_live_AAAA…', createdAt: Date.UTC(2026, 10, 2, 9), createdBy: 'boss@example.com', lastUsedAt: null };
      keys.unshift(key);
      return json({ key, secret: SECRET }, 201);
    }
    const match = /^\/api\/v1\/admin\/keys\/(key_\w+)$/.exec(url);
    if (match && method === 'DELETE') {
      keys.splice(keys.findIndex((key) => key.id === match[1]), 1);
      return new Response(null, { status: 204 });
    }
    return json({ error: { code: 'not_found:admin', message: 'no' } }, 404);
  }) as unknown as typeof fetch;
  return { calls, keys };
}

function renderKeys({ locale = 'en', canWrite = true }: { locale?: Locale; canWrite?: boolean } = {}) {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <KeysManager locale={locale} canWrite={canWrite} />
    </SWRConfig>,
  );
}

test('creates a key and shows its secret once, with a copy button; the list never shows it', async () => {
  const user = userEvent.setup();
  const writeText = jest.fn(async () => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  const { calls } = fakeApi();
  renderKeys();
  expect(await screen.findByRole('rowheader', { name: 'Nightly export' })).toBeInTheDocument();
  expect(screen.getByRole('row', { name: /Nightly export/ })).toHaveTextContent('Never');

  await user.type(screen.getByLabelText('Name'), 'CRM sync');
  await user.click(screen.getByLabelText(/^leads:read/));
  await user.click(screen.getByLabelText(/^webhooks/));
  await user.click(screen.getByRole('button', { name: 'Create key' }));

  const heading = await screen.findByRole('heading', { name: 'Copy the new key now' });
  await waitFor(() => expect(heading).toHaveFocus());
  expect(screen.getByLabelText('New API key')).toHaveValue(SECRET);
  expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'CRM sync', scopes: ['leads:read', 'webhooks'] });
  await user.click(screen.getByRole('button', { name: 'Copy' }));
  expect(writeText).toHaveBeenCalledWith(SECRET);
  expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'I have stored it' }));
  expect(screen.queryByLabelText('New API key')).not.toBeInTheDocument();
  const table = await screen.findByTestId('keys-table');
  await waitFor(() => expect(within(table).getByRole('rowheader', { name: 'CRM sync' })).toBeInTheDocument());
  expect(table).not.toHaveTextContent(SECRET);
});

test('names a missing name or scope before asking the server', async () => {
  const user = userEvent.setup();
  const { calls } = fakeApi();
  renderKeys();
  await screen.findByTestId('keys-table');
  await user.click(screen.getByRole('button', { name: 'Create key' }));
  expect(screen.getByRole('alert')).toHaveTextContent('Give the key a name (at most 80 characters).');
  await user.type(screen.getByLabelText('Name'), 'x');
  await user.click(screen.getByRole('button', { name: 'Create key' }));
  expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one scope.');
  expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
});

test("shows the server's refusal", async () => {
  const user = userEvent.setup();
  fakeApi({ refuse: { status: 403, message: 'Your account can read but not change anything here: ask an admin.' } });
  renderKeys();
  await screen.findByTestId('keys-table');
  await user.type(screen.getByLabelText('Name'), 'x');
  await user.click(screen.getByLabelText(/^export/));
  await user.click(screen.getByRole('button', { name: 'Create key' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('That did not work: Your account may not do this: only admins can.');
});

test('revokes only after a confirmation that starts on the safe choice and can be declined with Escape', async () => {
  const user = userEvent.setup();
  const { calls } = fakeApi();
  renderKeys();
  const revoke = await screen.findByRole('button', { name: 'Revoke the key “Nightly export”' });
  await user.click(revoke);
  expect(screen.getByRole('group', { name: /Revoke “Nightly export”\? Servers using it are refused at once/ })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Keep it' })).toHaveFocus();
  await user.keyboard('{Escape}');
  const again = screen.getByRole('button', { name: 'Revoke the key “Nightly export”' });
  expect(again).toHaveFocus();
  expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(0);

  await user.click(again);
  await user.click(screen.getByRole('button', { name: 'Revoke it' }));
  expect(await screen.findByText('No API keys yet.')).toBeInTheDocument();
  expect(screen.getByTestId('keys-status')).toHaveTextContent('The key “Nightly export” was revoked.');
  // Its row went with the focus on it: the list's heading has it, not <body>.
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Keys in use' })).toHaveFocus());
  expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual(['/api/v1/admin/keys/key_AAAAAAAAAAAA']);
});

test('a viewer sees the list without create or revoke controls', async () => {
  fakeApi();
  renderKeys({ canWrite: false });
  expect(await screen.findByRole('rowheader', { name: 'Nightly export' })).toBeInTheDocument();
  expect(screen.getByText('Only admins can create or revoke keys.')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Create key|Revoke/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
});

test('speaks Spanish', async () => {
  fakeApi();
  renderKeys({ locale: 'es' });
  expect(await screen.findByRole('heading', { name: 'Crear una clave' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Revocar la clave «Nightly export»' })).toBeInTheDocument();
  expect(screen.getByRole('columnheader', { name: 'Último uso' })).toBeInTheDocument();
});

describe('the sign-in form', () => {
  it('labels its fields, announces a refusal tied to them and returns focus to the password', async () => {
    const user = userEvent.setup();
    const action = jest.fn(async (_previous: SignInState, form: FormData): Promise<SignInState> => ({
      problem: form.get('password') === 'slow' ? { kind: 'rate_limited', minutes: 12 } : { kind: 'credentials' },
      email: String(form.get('email')),
    }));
    render(<SignInForm action={action} locale="en" callbackUrl="/admin/leads" initialProblem={null} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('E-mail'), 'boss@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That e-mail and password do not match an admin account.');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-describedby', 'sign-in-error');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveFocus());
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('E-mail')).toHaveValue('boss@example.com');
    const sent = action.mock.calls[0]?.[1];
    expect(sent?.get('callbackUrl')).toBe('/admin/leads');

    await user.type(screen.getByLabelText('Password'), 'slow{Enter}');
    await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
    expect(action.mock.calls[1]?.[1].get('password')).toBe('slow');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Too many sign-in attempts. Try again in 12 minutes.'));
  });

  it('shows a refusal that came back through a redirect, in Spanish', () => {
    render(<SignInForm action={jest.fn()} locale="es" callbackUrl="/admin" initialProblem={{ kind: 'rate_limited', minutes: 1 }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Demasiados intentos de inicio de sesión. Vuelve a intentarlo dentro de 1 minuto.');
    expect(screen.getByLabelText('Contraseña')).toBeInTheDocument();
  });
});

test('Create key keeps the keyboard focus while it creates and when refused, and a second Enter does not create twice', async () => {
  const user = userEvent.setup();
  const { calls } = fakeApi({ refuse: { status: 400, message: 'Too many keys.' } });
  const answer = global.fetch;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === 'POST') await gate;
    return answer(input, init);
  }) as typeof fetch;
  renderKeys();
  await screen.findByRole('rowheader', { name: 'Nightly export' });
  await user.type(screen.getByLabelText('Name'), 'CRM sync');
  await user.click(screen.getByLabelText(/^export/));
  const create = screen.getByRole('button', { name: 'Create key' });
  create.focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(create).toHaveAttribute('aria-disabled', 'true'));
  // Not `disabled`: a disabled button that has the focus drops it to <body>.
  expect(create).not.toBeDisabled();
  await user.keyboard('{Enter}');
  release();
  expect(await screen.findByRole('alert')).toHaveTextContent('That did not work: The server did not answer as expected. Try again in a moment.');
  expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  expect(create).toHaveFocus();
  expect(create).not.toHaveAttribute('aria-disabled');
});
