import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { WebhooksManager } from '@/components/admin/webhooks/webhooks-manager';
import { I18nProvider } from '@/lib/i18n/provider';

const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
});

const EVENT_TYPES = ['lead.captured', 'lead.updated', 'meeting.booked', 'handoff.requested', 'conversation.ended'];
const ID = `we_${'a'.repeat(32)}`;

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** A fake of the webhook admin API, answering as the real routes do. */
function fakeApi(options: { refuseCreate?: string } = {}) {
  const calls: Call[] = [];
  const endpoints: Record<string, unknown>[] = [
    { id: ID, url: 'https://crm.example.com/hooks', events: ['lead.captured'], description: 'CRM', enabled: true, secretHint: 'whsec_…wxyz', createdAt: 1, updatedAt: 1 },
  ];
  const deliveries = [
    { jobId: 'job_1', attempt: 2, at: Date.UTC(2026, 11, 1, 10), ok: true, status: 200, durationMs: 31, nextAttemptAt: null, messageId: 'msg_1', type: 'lead.captured' },
    { jobId: 'job_1', attempt: 1, at: Date.UTC(2026, 11, 1, 9), ok: false, status: 500, durationMs: 12, error: 'HTTP 500', nextAttemptAt: Date.UTC(2026, 11, 1, 10), messageId: 'msg_1', type: 'lead.captured' },
  ];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body });
    if (url === '/api/v1/admin/webhooks' && method === 'GET') return json({ endpoints, eventTypes: EVENT_TYPES });
    if (url === '/api/v1/admin/webhooks' && method === 'POST') {
      // As lib/webhooks/url-policy.ts refuses: the English message, and why in codes (which the page words).
      if (options.refuseCreate) {
        return json({ error: { code: 'bad_request:admin', message: options.refuseCreate, details: { reason: 'address', address: '127.0.0.1', range: 'loopback' } } }, 400);
      }
      const endpoint = { id: `we_${'b'.repeat(32)}`, url: body.url, events: body.events, description: body.description ?? '', enabled: true, secretHint: 'whsec_…1234', createdAt: 2, updatedAt: 2 };
      endpoints.push(endpoint);
      return json({ endpoint, secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTIzNA==' }, 201);
    }
    if (url === `/api/v1/admin/webhooks/${ID}` && method === 'GET') return json({ endpoint: endpoints[0], deliveries });
    if (url === `/api/v1/admin/webhooks/${ID}/test` && method === 'POST') {
      return json({ jobId: 'job_t', delivery: { jobId: 'job_t', attempt: 1, at: 1, ok: true, status: 200, durationMs: 12, nextAttemptAt: null, messageId: 'm', type: 'webhook.test', test: true } });
    }
    if (url === `/api/v1/admin/webhooks/${ID}` && method === 'DELETE') {
      endpoints.splice(0, 1);
      return new Response(null, { status: 204 });
    }
    if (url === `/api/v1/admin/webhooks/${ID}` && method === 'PATCH') {
      if (body.rotateSecret) return json({ endpoint: endpoints[0], secret: 'whsec_bmV3bmV3bmV3bmV3bmV3bmV3bmV3bmV3bmV3MTIz' });
      Object.assign(endpoints[0]!, body);
      return json({ endpoint: endpoints[0] });
    }
    return json({ error: { code: 'not_found:admin', message: 'no' } }, 404);
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return { calls, fetchMock };
}

function renderPage(locale = 'en', { canWrite = true }: { canWrite?: boolean } = {}) {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>
        <WebhooksManager canWrite={canWrite} />
      </I18nProvider>
    </SWRConfig>,
  );
}

test('adds an endpoint with the chosen events, shows its secret once, then only the list', async () => {
  const { calls } = fakeApi();
  const user = userEvent.setup();
  renderPage();
  expect(await screen.findByText('https://crm.example.com/hooks')).toBeInTheDocument();

  await user.type(screen.getByLabelText('Endpoint URL'), 'https://erp.example.com/in');
  await user.type(screen.getByLabelText('Description (optional)'), 'ERP');
  await user.click(screen.getByRole('checkbox', { name: /meeting\.booked/ }));
  await user.click(screen.getByRole('checkbox', { name: /handoff\.requested/ }));
  await user.click(screen.getByRole('button', { name: 'Add endpoint' }));

  const panel = await screen.findByTestId('webhook-secret');
  expect(within(panel).getByRole('heading')).toHaveTextContent('Signing secret for https://erp.example.com/in');
  expect(within(panel).getByRole('heading')).toHaveFocus();
  expect(panel).toHaveTextContent('whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTIzNA==');
  expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ url: 'https://erp.example.com/in', events: ['meeting.booked', 'handoff.requested'], description: 'ERP' });
  expect(await screen.findByText('https://erp.example.com/in', { selector: 'h3' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'I have stored it' }));
  expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument();
  expect(document.body).not.toHaveTextContent('whsec_c2Vj');
  expect(screen.getByLabelText('Endpoint URL')).toHaveValue('');
});

test("shows the server's refusal (an SSRF check) and asks for at least one event before sending", async () => {
  const { calls } = fakeApi({ refuseCreate: 'The endpoint address 127.0.0.1 is loopback; webhooks go to public addresses only.' });
  const user = userEvent.setup();
  renderPage();
  await screen.findByText('https://crm.example.com/hooks');
  await user.type(screen.getByLabelText('Endpoint URL'), 'https://127.0.0.1/x');
  await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Choose at least one event.');
  expect(calls.some((call) => call.method === 'POST')).toBe(false);

  await user.click(screen.getByRole('checkbox', { name: /lead\.captured/ }));
  await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The address 127.0.0.1 is a loopback address (this server itself); webhooks go to public addresses only.'));
  expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument();
});

test('sends a test event and shows the delivery log with each attempt', async () => {
  fakeApi();
  const user = userEvent.setup();
  renderPage();
  const card = await screen.findByTestId('webhook-endpoint');
  const actions = within(card).getByRole('group', { name: 'Actions for https://crm.example.com/hooks' });
  await user.click(within(actions).getByRole('button', { name: 'Send test event' }));
  expect(await within(card).findByText('Test event delivered: HTTP 200 in 12 ms.')).toHaveAttribute('role', 'status');

  const toggle = within(actions).getByRole('button', { name: 'Show deliveries' });
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const table = await within(card).findByRole('table', { name: 'Latest deliveries to https://crm.example.com/hooks' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toHaveTextContent(/lead\.captured.*2.*200.*31 ms.*Delivered/);
  expect(rows[1]).toHaveTextContent(/1.*500.*12 ms.*Failed \(HTTP 500\); next try at/);
});

test('deletes only after confirmation; rotating shows the new secret once', async () => {
  const { calls } = fakeApi();
  const user = userEvent.setup();
  renderPage();
  const card = await screen.findByTestId('webhook-endpoint');
  await user.click(within(card).getByRole('button', { name: 'Delete' }));
  const dialog = within(card).getByRole('alertdialog');
  expect(dialog).toHaveTextContent('Delete https://crm.example.com/hooks? Deliveries still queued for it are dropped.');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

  await user.click(within(card).getByRole('button', { name: 'Rotate secret' }));
  await user.click(within(within(card).getByRole('alertdialog')).getByRole('button', { name: 'Rotate secret' }));
  expect(await screen.findByTestId('webhook-secret')).toHaveTextContent('whsec_bmV3');
  expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ rotateSecret: true });

  await user.click(within(card).getByRole('button', { name: 'Delete' }));
  await user.click(within(within(card).getByRole('alertdialog')).getByRole('button', { name: 'Delete endpoint' }));
  await waitFor(() => expect(screen.queryByTestId('webhook-endpoint')).not.toBeInTheDocument());
  expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual([`/api/v1/admin/webhooks/${ID}`]);
  expect(await screen.findByText('No endpoints yet.')).toBeInTheDocument();
});

test('the enabled switch patches the endpoint; the page speaks Spanish', async () => {
  const { calls } = fakeApi();
  const user = userEvent.setup();
  renderPage('es');
  const card = await screen.findByTestId('webhook-endpoint');
  expect(screen.getByLabelText('URL del endpoint')).toBeInTheDocument();
  expect(screen.getByRole('checkbox', { name: /Se capta un lead/ })).toBeInTheDocument();
  await user.click(within(card).getByRole('checkbox', { name: 'Activo' }));
  await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ enabled: false }));
  expect(within(card).getByRole('button', { name: 'Enviar evento de prueba' })).toBeInTheDocument();
});

/** Holds the answers to `method` calls until `release()`: what the page shows while an action is in flight. */
function holdCalls(method: string) {
  const answer = global.fetch;
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if ((init?.method ?? 'GET') === method) await gate;
    return answer(input, init);
  }) as typeof fetch;
  return { release: () => open() };
}

test('Send test event keeps the keyboard focus while it sends and after, and sends once however often Enter is pressed', async () => {
  const { calls } = fakeApi();
  const held = holdCalls('POST');
  const user = userEvent.setup();
  renderPage();
  const card = await screen.findByTestId('webhook-endpoint');
  const send = within(card).getByRole('button', { name: 'Send test event' });
  send.focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(send).toHaveAttribute('aria-disabled', 'true'));
  // Not `disabled`: a disabled button that has the focus drops it to <body>. The other actions wait too.
  expect(send).not.toBeDisabled();
  expect(send).toHaveFocus();
  expect(within(card).getByRole('button', { name: 'Delete' })).toHaveAttribute('aria-disabled', 'true');
  await user.keyboard('{Enter}');
  held.release();
  expect(await within(card).findByText('Test event delivered: HTTP 200 in 12 ms.')).toBeInTheDocument();
  expect(calls.filter((call) => call.url.endsWith('/test'))).toHaveLength(1);
  expect(send).toHaveFocus();
  expect(send).not.toHaveAttribute('aria-disabled');
});

test('Escape or Cancel declines a confirmation and gives the focus back; after a delete the list heading has it', async () => {
  const { calls } = fakeApi();
  const user = userEvent.setup();
  renderPage();
  const card = await screen.findByTestId('webhook-endpoint');
  within(card).getByRole('button', { name: 'Delete' }).focus();
  await user.keyboard('{Enter}');
  expect(within(card).getByRole('alertdialog')).toBeInTheDocument();
  // The safe choice has the focus: a second Enter deletes nothing.
  expect(within(within(card).getByRole('alertdialog')).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(within(card).queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(within(card).getByRole('button', { name: 'Delete' })).toHaveFocus();

  await user.click(within(card).getByRole('button', { name: 'Rotate secret' }));
  await user.click(within(within(card).getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
  expect(within(card).getByRole('button', { name: 'Rotate secret' })).toHaveFocus();
  expect(calls.some((call) => call.method === 'PATCH' || call.method === 'DELETE')).toBe(false);

  await user.click(within(card).getByRole('button', { name: 'Delete' }));
  await user.click(within(within(card).getByRole('alertdialog')).getByRole('button', { name: 'Delete endpoint' }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Endpoints' })).toHaveFocus());
});

test('on a phone the delivery log is a list of cards, a long error is clamped and opens in full, and the URL wraps', async () => {
  const tls = `TLS handshake failed: unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE) while connecting to 93.184.215.14:443 ${'x'.repeat(40)}`;
  fakeApi();
  const answer = global.fetch;
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) === `/api/v1/admin/webhooks/${ID}` && (init?.method ?? 'GET') === 'GET') {
      const { endpoint } = (await (await answer(input, init)).json()) as { endpoint: unknown };
      const failed = { jobId: 'job_2', attempt: 1, at: Date.UTC(2026, 11, 1, 11), ok: false, status: null, durationMs: 5000, error: tls, nextAttemptAt: null, messageId: 'msg_2', type: 'lead.captured' };
      return Response.json({ endpoint, deliveries: [failed] });
    }
    return answer(input, init);
  }) as typeof fetch;
  const user = userEvent.setup();
  renderPage();
  const card = await screen.findByTestId('webhook-endpoint');
  await user.click(within(card).getByRole('button', { name: 'Show deliveries' }));

  const cards = await within(card).findByRole('list', { name: 'Latest deliveries to https://crm.example.com/hooks' });
  // Below sm the cards show and the table does not (jsdom does no layout: the breakpoint classes say which is which).
  expect(cards).toHaveClass('sm:hidden');
  expect(within(card).getByRole('table', { name: 'Latest deliveries to https://crm.example.com/hooks' }).parentElement).toHaveClass('hidden', 'sm:block');
  expect(within(card).getByText('Latest deliveries to https://crm.example.com/hooks')).toHaveClass('wrap-anywhere');

  const [delivery] = within(cards).getAllByRole('listitem');
  const terms = within(delivery as HTMLElement).getAllByRole('term').map((term) => term.textContent);
  expect(terms).toEqual(['Time', 'Event', 'Attempt', 'Status', 'Duration', 'Result']);
  expect(delivery).toHaveTextContent(/Attempt\s*1/);
  expect(delivery).toHaveTextContent(/Duration\s*5,000 ms/);

  // The long error: two lines, and a <details> whose summary holds all of it (read in full by a screen reader).
  const summary = within(delivery as HTMLElement).getByText(`Failed (${tls}); no more retries`);
  expect(summary).toHaveClass('line-clamp-2', 'group-open:line-clamp-none');
  const details = summary.closest('details') as HTMLDetailsElement;
  expect(details.open).toBe(false);
  await user.click(summary);
  expect(details.open).toBe(true);
});

describe('roles', () => {
  it('a viewer reads the endpoints and their deliveries, with a note instead of the add form and the card controls', async () => {
    const { calls } = fakeApi();
    const user = userEvent.setup();
    renderPage('en', { canWrite: false });
    const card = await screen.findByTestId('webhook-endpoint');
    expect(screen.getByText('Only admins can add, change, test or delete endpoints.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Add an endpoint' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add endpoint' })).not.toBeInTheDocument();
    for (const name of ['Send test event', 'Rotate secret', 'Delete']) expect(within(card).queryByRole('button', { name })).not.toBeInTheDocument();
    expect(within(card).getByText('Enabled')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Show deliveries' }));
    const table = await within(card).findByRole('table', { name: 'Latest deliveries to https://crm.example.com/hooks' });
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(2);
    expect(calls.every((call) => call.method === 'GET')).toBe(true);
  });

  it('a viewer sees a disabled endpoint as disabled, in their language', async () => {
    const { fetchMock } = fakeApi();
    const answer = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) => {
      const response = await answer(input, init);
      if (String(input) !== '/api/v1/admin/webhooks') return response;
      const body = (await response.json()) as { endpoints: Record<string, unknown>[] };
      return new Response(JSON.stringify({ ...body, endpoints: body.endpoints.map((endpoint) => ({ ...endpoint, enabled: false })) }), { headers: { 'content-type': 'application/json' } });
    });
    renderPage('es', { canWrite: false });
    const card = await screen.findByTestId('webhook-endpoint');
    expect(within(card).getByText('Inactivo')).toBeInTheDocument();
    expect(within(card).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.getByText('Solo los administradores pueden añadir, cambiar, probar o eliminar endpoints.')).toBeInTheDocument();
  });

  it('an admin still gets the add form, the enabled switch and every card action, and no viewer note', async () => {
    fakeApi();
    renderPage();
    const card = await screen.findByTestId('webhook-endpoint');
    expect(screen.getByRole('heading', { name: 'Add an endpoint' })).toBeInTheDocument();
    expect(screen.getByLabelText('Endpoint URL')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add endpoint' })).toBeInTheDocument();
    expect(within(card).getByRole('checkbox', { name: 'Enabled' })).toBeChecked();
    for (const name of ['Send test event', 'Show deliveries', 'Rotate secret', 'Delete']) expect(within(card).getByRole('button', { name })).toBeInTheDocument();
    expect(screen.queryByText('Only admins can add, change, test or delete endpoints.')).not.toBeInTheDocument();
  });
});
