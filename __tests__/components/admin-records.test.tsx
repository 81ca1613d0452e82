// The admin's conversations and leads pages against a fake of the records API that answers as the real routes do:
// search and pages, the transcript with inline markers, the lead's evidence, status with a note, erasure.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { LeadView } from '@/components/admin/records/lead-view';
import { RecordList } from '@/components/admin/records/record-list';
import { TranscriptView } from '@/components/admin/records/transcript-view';
import type { ConversationDetail, LeadDetail } from '@/lib/admin/records-types';
import { recordsEn, recordsEs } from '@/lib/i18n/catalogues/records';
import { I18nProvider } from '@/lib/i18n/provider';
import { recordRow } from '../support/record-rows';

const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
  push.mockReset();
});

const ID = '3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69';
const AT = Date.UTC(2026, 10, 2, 9, 30);

const row = recordRow;

const detail: ConversationDetail = {
  id: ID,
  createdAt: AT,
  updatedAt: AT + 60_000,
  messageCount: 2,
  title: 'Price for 12 seats?',
  stage: 'closing',
  lead: { score: 40, status: 'contacted', email: 'kim@hooli.com', name: 'Kim', fields: 2 },
  transcript: [
    { kind: 'message', id: 'u1', role: 'user', at: AT, segments: [{ kind: 'text', text: 'Price for 12 seats?' }] },
    {
      kind: 'message',
      id: 'a1',
      role: 'assistant',
      at: AT + 1,
      status: 'incomplete',
      segments: [
        { kind: 'tool', name: 'get_pricing', state: 'output-available', input: '{"seats":12}', output: '{"total":288}' },
        { kind: 'notice', level: 'warning', code: 'offline_fallback', message: 'Answered by the offline agent' },
        { kind: 'text', text: 'That is $288 a month.' },
      ],
    },
    { kind: 'stage', from: 'recommendation', to: 'closing', reason: 'asked for a demo', at: AT + 2 },
  ],
  bookings: [
    { id: 'b1', email: 'kim@hooli.com', start: '2026-11-03T09:00:00.000Z', localLabel: 'Tue, Nov 3, 10:00 AM (Europe/Madrid)', timezone: 'Europe/Madrid', durationMinutes: 30 },
    { id: 'b0', email: 'kim@hooli.com', start: '2026-11-02T09:00:00.000Z', localLabel: 'Mon, Nov 2, 10:00 AM (Europe/Madrid)', timezone: 'Europe/Madrid', durationMinutes: 30, cancelledAt: AT },
  ],
  handoff: null,
};

const lead: LeadDetail = {
  id: ID,
  createdAt: AT,
  updatedAt: AT,
  title: 'Price for 12 seats?',
  stage: 'closing',
  score: 40,
  reasons: ['email given', 'team size given'],
  fields: [
    { field: 'email', value: 'kim@hooli.com', evidence: 'Reach me at kim@hooli.com please', confidence: 0.95, asked: true, capturedAt: AT },
    { field: 'teamSize', value: 12, evidence: 'We are 12 people', confidence: 0.7, asked: false, capturedAt: AT },
  ],
  status: 'new',
  history: [],
  bookings: [],
  handoff: null,
};

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** A fake of the records API. Lists: 25 rows a page, two pages. */
function fakeApi() {
  const calls: Call[] = [];
  const current = { ...lead };
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    const path = url.split('?')[0];
    const query = new URLSearchParams(url.split('?')[1] ?? '');
    if (path === '/api/v1/admin/conversations' || path === '/api/v1/admin/leads') {
      if (query.get('q') === 'acme') return json({ items: [row(7, { title: 'Acme wants a demo', hasLead: true, email: 'ops@acme.io', company: 'Acme' })], nextCursor: null });
      const second = query.get('cursor') === 'c-2';
      const items = Array.from({ length: second ? 3 : 25 }, (_, i) => row(second ? 25 + i : i, path.endsWith('leads') ? { hasLead: true, name: `Lead ${i}`, email: `l${i}@x.io`, score: 30 } : {}));
      return json({ items, nextCursor: second ? null : 'c-2' });
    }
    if (url === `/api/v1/admin/conversations/${ID}` && method === 'GET') return json(detail);
    if (url === `/api/v1/admin/conversations/${ID}/feedback` && method === 'GET') return json({ ratings: { a1: 'down', gone: 'up' } });
    if (url === `/api/v1/admin/conversations/${ID}` && method === 'DELETE') return new Response(null, { status: 204 });
    if (url === `/api/v1/admin/leads/${ID}` && method === 'GET') return json(current);
    if (url === `/api/v1/admin/leads/${ID}` && method === 'PATCH') {
      const body = JSON.parse(String(init?.body)) as { status: LeadDetail['status']; note: string };
      Object.assign(current, { status: body.status, history: [{ status: body.status, note: body.note, at: AT + 5_000, by: 'ana@northwind.example' }, ...current.history] });
      return json(current);
    }
    return json({ error: { code: 'not_found:admin', message: 'There is no conversation with this id.' } }, 404);
  }) as typeof fetch;
  return calls;
}

function renderIn(ui: React.ReactElement, locale = 'en') {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </SWRConfig>,
  );
}

describe('conversation list', () => {
  it('shows a page of conversations, searches on submit, and walks older and newer pages by cursor', async () => {
    const calls = fakeApi();
    const user = userEvent.setup();
    renderIn(<RecordList kind="conversations" />);
    const table = await screen.findByRole('table', { name: 'Conversations, newest activity first' });
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    expect(within(table).getByRole('link', { name: 'Question 0' })).toHaveAttribute('href', `/admin/conversations/${row(0).id}`);

    await user.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4));
    expect(calls.at(-1)?.url).toContain('cursor=c-2');
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    // On the last page Older says it cannot go further but keeps the focus it was pressed with, and does nothing.
    const older = screen.getByRole('button', { name: 'Older' });
    expect(older).toHaveAttribute('aria-disabled', 'true');
    expect(older).not.toBeDisabled();
    expect(older).toHaveFocus();
    const callsBefore = calls.length;
    await user.keyboard('{Enter}');
    expect(calls).toHaveLength(callsBefore);
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Newer' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(26));

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'acme');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Stage' }), 'Closing');
    await user.type(screen.getByLabelText('Active from'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByRole('link', { name: 'Acme wants a demo' });
    const query = new URLSearchParams(calls.at(-1)?.url.split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({ limit: '25', q: 'acme', stage: 'closing', from: String(new Date('2026-11-01T00:00:00').getTime()) });
    expect(screen.getByRole('cell', { name: 'ops@acme.io · Acme' })).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('offers exports of everything, with labels that say so', async () => {
    fakeApi();
    renderIn(<RecordList kind="leads" />);
    await screen.findByRole('table');
    expect(screen.getByRole('link', { name: 'Export every one of the leads as CSV' })).toHaveAttribute('href', '/api/v1/admin/export?type=leads&format=csv');
    expect(screen.getByRole('link', { name: 'Export every one of the leads as NDJSON' })).toHaveAttribute('href', '/api/v1/admin/export?type=leads&format=ndjson');
    expect(screen.getByRole('combobox', { name: 'Status' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lead 0' })).toHaveAttribute('href', `/admin/leads/${row(0).id}`);
  });

  it('speaks Spanish', async () => {
    fakeApi();
    renderIn(<RecordList kind="leads" />, 'es');
    await screen.findByRole('table', { name: 'Leads, la actividad más reciente primero' });
    expect(screen.getByRole('button', { name: 'Más antiguas' })).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('columnheader', { name: 'Puntuación' })).toBeInTheDocument();
  });
});

describe('transcript', () => {
  it('shows the messages with tool calls, notices and stage changes inline, and the bookings (a cancelled one struck through)', async () => {
    fakeApi();
    renderIn(<TranscriptView id={ID} canWrite />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Price for 12 seats?' })).toBeInTheDocument();
    const transcript = screen.getByRole('heading', { name: 'Transcript' }).parentElement as HTMLElement;
    const entries = within(transcript).getAllByRole('listitem');
    expect(entries).toHaveLength(3);
    expect(within(entries[0] as HTMLElement).getByText('Prospect')).toBeInTheDocument();
    expect(within(entries[1] as HTMLElement).getByText('Tool call: get_pricing (output-available)')).toBeInTheDocument();
    expect(within(entries[1] as HTMLElement).getByText('{"total":288}')).toBeInTheDocument();
    expect(within(entries[1] as HTMLElement).getByText('Notice (offline_fallback): Answered by the offline agent')).toBeInTheDocument();
    expect(within(entries[1] as HTMLElement).getByText('Cut off before it finished')).toBeInTheDocument();
    expect(within(entries[2] as HTMLElement).getByText(/Stage Recommendation → Closing: asked for a demo/)).toBeInTheDocument();
    expect(screen.getByText('Tue, Nov 3, 10:00 AM (Europe/Madrid) (30 min, Europe/Madrid) with kim@hooli.com')).toBeInTheDocument();
    // A cancelled one is struck through and says so.
    const cancelled = screen.getByText('Mon, Nov 2, 10:00 AM (Europe/Madrid) (30 min, Europe/Madrid) with kim@hooli.com');
    expect(cancelled.tagName).toBe('DEL');
    expect(cancelled.closest('li')).toHaveTextContent('(cancelled by the prospect)');
    expect(screen.getByRole('link', { name: 'Open the lead (Contacted, score 40)' })).toHaveAttribute('href', `/admin/leads/${ID}`);
  });

  it('marks the replies the prospect rated (thumbs up/down), in the admin’s language', async () => {
    fakeApi();
    renderIn(<TranscriptView id={ID} canWrite />, 'es');
    const transcript = (await screen.findByRole('heading', { name: 'Transcripción' })).parentElement as HTMLElement;
    const entries = within(transcript).getAllByRole('listitem');
    expect(await within(entries[1] as HTMLElement).findByTestId('reply-rating')).toHaveTextContent('Valorada como no útil por el cliente potencial');
    expect(within(transcript).getAllByTestId('reply-rating')).toHaveLength(1);
  });

  it('erases the conversation only after a confirmation, then goes back to the list', async () => {
    const calls = fakeApi();
    const user = userEvent.setup();
    renderIn(<TranscriptView id={ID} canWrite />);
    await user.click(await screen.findByRole('button', { name: 'Delete conversation and lead' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('erases the conversation, its lead and your notes on it for good');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));
    await waitFor(() => expect(push).toHaveBeenCalledWith('/admin/conversations'));
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual([`/api/v1/admin/conversations/${ID}`]);
  });

  it('says so when the conversation is gone', async () => {
    fakeApi();
    renderIn(<TranscriptView id="0a1b2c3d-0000-4000-8000-00000000ffff" canWrite />);
    expect(await screen.findByText(/no such conversation or lead any more/)).toBeInTheDocument();
  });
});

describe('lead', () => {
  it('shows each field with the prospect’s words and the confidence, and the score with its reasons', async () => {
    fakeApi();
    renderIn(<LeadView id={ID} canWrite />);
    expect(await screen.findByRole('heading', { level: 1, name: 'kim@hooli.com' })).toBeInTheDocument();
    expect(screen.getByText('“Reach me at kim@hooli.com please”')).toBeInTheDocument();
    expect(screen.getByText('95%')).toBeInTheDocument();
    expect(screen.getAllByRole('meter', { name: 'Confidence' })).toHaveLength(2);
    expect(screen.getByText('Team size')).toBeInTheDocument();
    expect(screen.getByText('Volunteered')).toBeInTheDocument();
    expect(screen.getByText('team size given')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Score: 40 \/ 100/ })).toBeInTheDocument();
  });

  it('sets the status with a note and shows it in the history', async () => {
    const calls = fakeApi();
    const user = userEvent.setup();
    renderIn(<LeadView id={ID} canWrite />);
    await screen.findByText('No changes yet.');
    await user.click(screen.getByRole('radio', { name: 'Qualified' }));
    await user.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'Budget approved');
    await user.click(screen.getByRole('button', { name: 'Save status' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Status saved.');
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ status: 'qualified', note: 'Budget approved' });
    expect(screen.getByText('Now: Qualified')).toBeInTheDocument();
    expect(screen.getByText('Budget approved')).toBeInTheDocument();
    expect(screen.getByText(/^Qualified · ana@northwind.example · /)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Note (optional)' })).toHaveValue('');
  });
});

test('the records catalogue has the same keys and placeholders in English and Spanish', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
  expect(Object.keys(recordsEs).sort()).toEqual(Object.keys(recordsEn).sort());
  for (const key of Object.keys(recordsEn) as Array<keyof typeof recordsEn>) {
    expect({ key, vars: placeholders(recordsEs[key]) }).toEqual({ key, vars: placeholders(recordsEn[key]) });
  }
});

test("a reply's markdown is rendered as the prospect saw it, the prospect's words as typed", async () => {
  fakeApi();
  const markdown: ConversationDetail = {
    ...detail,
    transcript: [
      { kind: 'message', id: 'u9', role: 'user', segments: [{ kind: 'text', text: 'Is **this** bold?' }] },
      { kind: 'message', id: 'a9', role: 'assistant', segments: [{ kind: 'text', text: 'The **Pro** plan is $29.' }] },
    ],
  };
  global.fetch = jest.fn(async () => new Response(JSON.stringify(markdown), { headers: { 'content-type': 'application/json' } })) as typeof fetch;
  renderIn(<TranscriptView id={ID} canWrite />);
  expect(await screen.findByText('Pro', { selector: 'strong' })).toBeInTheDocument();
  expect(screen.getByText('Is **this** bold?')).toBeInTheDocument();
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

describe('keyboard focus', () => {
  it('stays on Save status while it saves and after, and a second Enter does not save twice', async () => {
    const calls = fakeApi();
    const held = holdCalls('PATCH');
    const user = userEvent.setup();
    renderIn(<LeadView id={ID} canWrite />);
    await screen.findByText('No changes yet.');
    await user.click(screen.getByRole('radio', { name: 'Qualified' }));
    const save = screen.getByRole('button', { name: 'Save status' });
    save.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(save).toHaveAttribute('aria-disabled', 'true'));
    // Not `disabled`: a disabled button that has the focus drops it to <body>.
    expect(save).not.toBeDisabled();
    expect(save).toHaveFocus();
    await user.keyboard('{Enter}');
    held.release();
    expect(await screen.findByRole('status')).toHaveTextContent('Status saved.');
    expect(calls.filter((call) => call.method === 'PATCH')).toHaveLength(1);
    expect(save).toHaveFocus();
    expect(save).not.toHaveAttribute('aria-disabled');
  });

  it('Escape or Cancel closes the erase confirmation and gives the focus back to the button that opened it', async () => {
    const calls = fakeApi();
    const user = userEvent.setup();
    renderIn(<LeadView id={ID} canWrite />);
    const open = await screen.findByRole('button', { name: 'Delete conversation and lead' });
    open.focus();
    await user.keyboard('{Enter}');
    expect(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete conversation and lead' })).toHaveFocus();

    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}'); // on Cancel
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete conversation and lead' })).toHaveFocus();
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
  });

  it('keeps the focus on Delete permanently while it erases, and a second press erases once', async () => {
    const calls = fakeApi();
    const held = holdCalls('DELETE');
    const user = userEvent.setup();
    renderIn(<TranscriptView id={ID} canWrite />);
    await user.click(await screen.findByRole('button', { name: 'Delete conversation and lead' }));
    const erase = within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete permanently' });
    erase.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(erase).toHaveAttribute('aria-disabled', 'true'));
    expect(erase).not.toBeDisabled();
    expect(erase).toHaveFocus();
    await user.keyboard('{Enter}{Escape}'); // neither erases twice nor takes the question away mid-erasure
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    held.release();
    await waitFor(() => expect(push).toHaveBeenCalledWith('/admin/conversations'));
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
  });
});

describe('a phone and right-to-left pages', () => {
  const URL_TEXT = `https://example.com/${'a'.repeat(300)}`;

  it("wraps the prospect's long unbroken words (a pasted URL) instead of widening the page", async () => {
    fakeApi();
    const long: ConversationDetail = {
      ...detail,
      title: URL_TEXT,
      transcript: [{ kind: 'message', id: 'u1', role: 'user', at: AT, segments: [{ kind: 'text', text: URL_TEXT }] }],
    };
    global.fetch = jest.fn(async (input: RequestInfo | URL) =>
      Response.json(String(input).endsWith('/feedback') ? { ratings: {} } : long),
    ) as typeof fetch;
    renderIn(<TranscriptView id={ID} canWrite />);
    // jsdom does no layout: overflow-wrap:anywhere is what lets the line break inside the word (and shrinks min-content).
    expect(await screen.findByRole('heading', { level: 1, name: URL_TEXT })).toHaveClass('wrap-anywhere');
    const message = screen.getByText(URL_TEXT, { selector: 'p' });
    expect(message).toHaveClass('wrap-anywhere');
    expect(message).toHaveAttribute('dir', 'auto');
  });

  it('isolates what the prospect said, the values and the score reasons, so an Arabic page does not reorder them', async () => {
    fakeApi();
    const maria: LeadDetail = {
      ...lead,
      reasons: ['+20 email given', '+10 team size given'],
      fields: [
        { field: 'name', value: 'Maria Lopez', evidence: 'I am Maria Lopez, Head of Sales.', confidence: 0.9, asked: false, capturedAt: AT },
        { field: 'phone', value: '+34 600 123 456', evidence: 'Call me on +34 600 123 456', confidence: 0.8, asked: true, capturedAt: AT },
      ],
    };
    global.fetch = jest.fn(async () => Response.json(maria)) as typeof fetch;
    renderIn(<LeadView id={ID} canWrite />, 'ar');
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Maria Lopez');
    expect(heading.querySelector('bdi')).toHaveTextContent('Maria Lopez');
    // The quotation marks go with the sentence, inside the isolate.
    expect(screen.getByText('“I am Maria Lopez, Head of Sales.”').tagName).toBe('BDI');
    expect(screen.getByText('+34 600 123 456', { selector: 'p > bdi' })).toBeInTheDocument();
    // "+20 email given" (or its translation), not "email given 20+": each reason is one isolate.
    const reasons = screen.getAllByRole('listitem');
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) {
      expect(reason.firstElementChild?.tagName).toBe('BDI');
      expect(reason.firstElementChild).toHaveTextContent(/^\+\d+ /);
      expect(reason.firstElementChild?.textContent).toBe(reason.textContent);
    }
  });

  it('points the back arrow the way back: left in English, right in Arabic, and keeps it out of the link name', async () => {
    fakeApi();
    const { unmount } = renderIn(<LeadView id={ID} canWrite />);
    const back = await screen.findByRole('link', { name: 'All leads' });
    expect(back.querySelector('[aria-hidden="true"]')).toHaveTextContent('←');
    unmount();
    renderIn(<TranscriptView id={ID} canWrite />, 'ar');
    const backAr = await screen.findByRole('link', { name: 'كل المحادثات' });
    expect(backAr.querySelector('[aria-hidden="true"]')).toHaveTextContent('→');
    expect(backAr).toHaveAttribute('href', '/admin/conversations');
  });
});

describe('roles', () => {
  const history: LeadDetail['history'] = [{ status: 'contacted', note: 'Called, wants a demo', at: AT + 5_000, by: 'ana@northwind.example' }];

  it('a viewer sees the lead, its status and history, and a note instead of the status form and the erasure', async () => {
    const calls = fakeApi();
    const answer = global.fetch;
    global.fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === `/api/v1/admin/leads/${ID}` && (init?.method ?? 'GET') === 'GET'
        ? new Response(JSON.stringify({ ...lead, status: 'contacted', history }), { headers: { 'content-type': 'application/json' } })
        : answer(input, init)) as typeof fetch;
    renderIn(<LeadView id={ID} canWrite={false} />);
    expect(await screen.findByText('Only admins can change the status.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'kim@hooli.com' })).toBeInTheDocument();
    expect(screen.getByText('Now: Contacted')).toBeInTheDocument();
    expect(screen.getByText(/^Contacted · ana@northwind.example · /)).toBeInTheDocument();
    expect(screen.getByText('Called, wants a demo')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save status' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete conversation and lead' })).not.toBeInTheDocument();
    expect(calls.every((call) => call.method === 'GET')).toBe(true);
  });

  it('a viewer reads the transcript without the erase button', async () => {
    fakeApi();
    renderIn(<TranscriptView id={ID} canWrite={false} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Price for 12 seats?' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Transcript' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete conversation and lead' })).not.toBeInTheDocument();
  });

  it('the viewer note is in the admin’s language', async () => {
    fakeApi();
    renderIn(<LeadView id={ID} canWrite={false} />, 'es');
    expect(await screen.findByText('Solo los administradores pueden cambiar el estado.')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('an admin still gets the status form and the erasure on both pages, and no viewer note', async () => {
    fakeApi();
    const { unmount } = renderIn(<LeadView id={ID} canWrite />);
    expect(await screen.findByRole('button', { name: 'Save status' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(4);
    expect(screen.getByRole('textbox', { name: 'Note (optional)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete conversation and lead' })).toBeInTheDocument();
    expect(screen.queryByText('Only admins can change the status.')).not.toBeInTheDocument();
    unmount();
    renderIn(<TranscriptView id={ID} canWrite />);
    expect(await screen.findByRole('button', { name: 'Delete conversation and lead' })).toBeInTheDocument();
  });
});
