// Session 26, an admin in English, Spanish, German, French and Arabic: the date filters are typed in the page's own
// format (not the browser's: a native date input shows mm/dd/yyyy in a Spanish admin), read strictly with a translated
// error at the field, and still ask the API for ISO days; each transcript message is marked with its own language;
// counts follow the page's locale; failures are told in the page's language rather than in the API's English; and an
// admin without JavaScript is told why nothing loads.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToStaticMarkup } from 'react-dom/server';
import { SWRConfig } from 'swr';
import { RangePicker } from '@/components/admin/dashboard/range-picker';
import { LoadState } from '@/components/admin/records/load-state';
import { ApiError } from '@/components/admin/records/api';
import { LeadView } from '@/components/admin/records/lead-view';
import { RecordList } from '@/components/admin/records/record-list';
import { TranscriptItem } from '@/components/admin/records/transcript-entry';
import { NoScriptNotice } from '@/components/admin/shell/no-script-notice';
import { DeliveryLog } from '@/components/admin/webhooks/delivery-log';
import { errorText, RequestError } from '@/components/admin/keys/keys-api';
import { KeysManager } from '@/components/admin/keys/keys-manager';
import { adminShellTranslator } from '@/lib/i18n/admin-shell';
import { dateInputExample, formatDateInput, parseDateInput } from '@/lib/admin/date-input';
import type { LeadDetail, RecordRow, TranscriptEntry } from '@/lib/admin/records-types';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';
import { translateRecords } from '@/lib/i18n/records';
import { recordRow } from '../support/record-rows';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
});

const AT = Date.UTC(2026, 10, 2, 9, 30);
const YEAR = new Date().getFullYear();
const row = (n: number, extra: Partial<RecordRow> = {}): RecordRow => recordRow(n, { createdAt: AT, updatedAt: AT, ...extra });

/** A records API that lists `items` and remembers each URL asked for. */
function fakeList(items: RecordRow[] = [row(1)]) {
  const urls: string[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return Response.json({ items, nextCursor: null });
  }) as unknown as typeof fetch;
  return urls;
}

function renderIn(ui: React.ReactElement, locale: Locale) {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </SWRConfig>,
  );
}

const lastQuery = (urls: string[]) => Object.fromEntries(new URLSearchParams(urls.at(-1)?.split('?')[1]));

describe('dates typed in the page’s format (lib/admin/date-input.ts)', () => {
  it('reads each locale’s own order, strictly', () => {
    expect(parseDateInput('en', '12/04/2026')).toEqual({ kind: 'date', iso: '2026-12-04' });
    expect(parseDateInput('es', '04/12/2026')).toEqual({ kind: 'date', iso: '2026-12-04' });
    expect(parseDateInput('fr', '4/12/2026')).toEqual({ kind: 'date', iso: '2026-12-04' });
    expect(parseDateInput('de', '04.12.2026')).toEqual({ kind: 'date', iso: '2026-12-04' });
    // Arabic-Indic digits and the direction marks ICU writes are read too.
    expect(parseDateInput('ar', '٠٤\u200F/١٢\u200F/٢٠٢٦')).toEqual({ kind: 'date', iso: '2026-12-04' });
    // Year first is never ambiguous: a pasted ISO day works in every locale.
    for (const locale of LOCALES) expect(parseDateInput(locale, ' 2026-12-04 ')).toEqual({ kind: 'date', iso: '2026-12-04' });
    expect(parseDateInput('es', '')).toEqual({ kind: 'empty' });
    expect(parseDateInput('es', '   ')).toEqual({ kind: 'empty' });
  });

  it('refuses what is not a day in that locale rather than guessing or rolling it over', () => {
    expect(parseDateInput('es', '12/31/2026')).toEqual({ kind: 'invalid' }); // month 31: an American order in a Spanish admin
    expect(parseDateInput('en', '31/12/2026')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('de', '31.02.2026')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('fr', '29/02/2026')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('fr', '29/02/2028')).toEqual({ kind: 'date', iso: '2028-02-29' });
    expect(parseDateInput('en', '2026-02-31')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('es', '4/12/26')).toEqual({ kind: 'invalid' }); // two-digit year
    expect(parseDateInput('es', 'mañana')).toEqual({ kind: 'invalid' });
    expect(parseDateInput('es', '04/12/2026x')).toEqual({ kind: 'invalid' });
  });

  it('writes a day back in the locale’s format, the same one the hint shows', () => {
    expect(formatDateInput('en', '2026-12-04')).toBe('12/04/2026');
    expect(formatDateInput('es', '2026-12-04')).toBe('04/12/2026');
    expect(formatDateInput('de', '2026-12-04')).toBe('04.12.2026');
    expect(formatDateInput('ar', '2026-12-04')).toBe('04/12/2026');
    expect(formatDateInput('es', '')).toBe('');
    for (const locale of LOCALES) expect(parseDateInput(locale, dateInputExample(locale, 2026))).toEqual({ kind: 'date', iso: '2026-12-31' });
    // The order is the one the page's own dates are shown in.
    for (const locale of LOCALES) {
      const shown = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.UTC(2026, 11, 4, 12)));
      expect(shown.replace(/[\u200E\u200F]/g, '')).toBe(formatDateInput(locale, '2026-12-04'));
    }
  });
});

describe('the records filters in Spanish', () => {
  it('ask for dd/mm/aaaa in a labelled, described text field (not a native date input) and send ISO-based local midnights', async () => {
    const urls = fakeList();
    const user = userEvent.setup();
    const { container } = renderIn(<RecordList kind="leads" />, 'es');
    await screen.findByRole('table');
    expect(container.querySelector('input[type="date"]')).toBeNull();
    const from = screen.getByRole('textbox', { name: 'Activas desde' });
    expect(from).toHaveAttribute('placeholder', 'dd/mm/aaaa');
    expect(from).toHaveAccessibleDescription(`Formato dd/mm/aaaa, p. ej. 31/12/${YEAR}.`);
    expect(from).not.toHaveAttribute('aria-invalid');

    await user.type(from, '04/11/2026');
    await user.type(screen.getByRole('textbox', { name: 'Activas hasta' }), '30/11/2026');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));
    await waitFor(() => expect(lastQuery(urls)).toEqual({ limit: '25', from: String(new Date('2026-11-04T00:00:00').getTime()), to: String(new Date('2026-11-30T23:59:59.999').getTime()) }));
  });

  it('say a date that is not one at the field, in Spanish, focus it, and search nothing', async () => {
    const urls = fakeList();
    const user = userEvent.setup();
    renderIn(<RecordList kind="conversations" />, 'es');
    await screen.findByRole('table');
    const asked = urls.length;
    const from = screen.getByRole('textbox', { name: 'Activas desde' });
    await user.type(from, '12/31/2026');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));
    const message = `No es una fecha: escríbela como dd/mm/aaaa, p. ej. 31/12/${YEAR}.`;
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveAccessibleDescription(`Formato dd/mm/aaaa, p. ej. 31/12/${YEAR}. ${message}`);
    expect(from).toHaveFocus();
    expect(urls).toHaveLength(asked);

    // Fixed, the error goes and the search runs.
    await user.clear(from);
    await user.type(from, '31/10/2026');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));
    await waitFor(() => expect(lastQuery(urls).from).toBe(String(new Date('2026-10-31T00:00:00').getTime())));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(from).not.toHaveAttribute('aria-invalid');
  });

  it('refuse a range that ends before it starts, at the end field', async () => {
    const urls = fakeList();
    const user = userEvent.setup();
    renderIn(<RecordList kind="conversations" />, 'es');
    await screen.findByRole('table');
    const asked = urls.length;
    await user.type(screen.getByRole('textbox', { name: 'Activas desde' }), '20/11/2026');
    const to = screen.getByRole('textbox', { name: 'Activas hasta' });
    await user.type(to, '10/11/2026');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('La primera fecha debe ser igual o anterior a la segunda.');
    expect(to).toHaveFocus();
    expect(urls).toHaveLength(asked);
  });

  it('Clear empties the typed dates too', async () => {
    fakeList();
    const user = userEvent.setup();
    renderIn(<RecordList kind="conversations" />, 'es');
    await screen.findByRole('table');
    const from = screen.getByRole('textbox', { name: 'Activas desde' });
    await user.type(from, '20/11/2026');
    await user.click(screen.getByRole('button', { name: 'Borrar filtros' }));
    expect(from).toHaveValue('');
  });
});

describe('the dashboard’s custom dates in German and Arabic', () => {
  it('German: TT.MM.JJJJ, filled in that format, ISO days in the query; a wrong text is said on Show, at the field', async () => {
    const onChange = jest.fn();
    const user = userEvent.setup();
    renderIn(<RangePicker value={{ kind: 'custom', from: '2026-11-20', to: '2026-11-25' }} onChange={onChange} />, 'de');
    const from = screen.getByRole('textbox', { name: 'Von' });
    const to = screen.getByRole('textbox', { name: 'Bis (einschließlich)' });
    expect(from).toHaveValue('20.11.2026');
    expect(to).toHaveValue('25.11.2026');
    expect(from).toHaveAttribute('placeholder', 'TT.MM.JJJJ');
    expect(from).toHaveAccessibleDescription(`Format TT.MM.JJJJ, z. B. 31.12.${YEAR}.`);

    await user.clear(to);
    await user.type(to, '31.11.2026');
    await user.click(screen.getByRole('button', { name: 'Anzeigen' }));
    expect(screen.getByRole('alert')).toHaveTextContent(`Kein gültiges Datum: Schreiben Sie es als TT.MM.JJJJ, z. B. 31.12.${YEAR}.`);
    expect(to).toHaveFocus();
    expect(onChange).not.toHaveBeenCalled();

    await user.clear(to);
    await user.type(to, '30.11.2026');
    await user.click(screen.getByRole('button', { name: 'Anzeigen' }));
    expect(onChange).toHaveBeenCalledWith({ kind: 'custom', from: '2026-11-20', to: '2026-11-30' });
  });

  it('German: a start after the end is said as soon as both are dates, and Show waits', async () => {
    const user = userEvent.setup();
    renderIn(<RangePicker value={{ kind: 'custom', from: '2026-11-20', to: '2026-11-25' }} onChange={jest.fn()} />, 'de');
    const to = screen.getByRole('textbox', { name: 'Bis (einschließlich)' });
    await user.clear(to);
    await user.type(to, '10.11.2026');
    expect(screen.getByRole('alert')).toHaveTextContent('Wählen Sie ein Startdatum, das am oder vor dem Enddatum liegt.');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Anzeigen' })).toBeDisabled();
  });

  it('Arabic: the pattern reads day, month, year from the left like the digits, and the hint isolates it in the sentence', async () => {
    const onChange = jest.fn();
    const user = userEvent.setup();
    renderIn(<RangePicker value={{ kind: 'custom', from: '2026-11-20', to: '2026-11-25' }} onChange={onChange} />, 'ar');
    const from = screen.getByRole('textbox', { name: 'من' });
    expect(from).toHaveValue('20/11/2026');
    expect(from).toHaveAttribute('dir', 'ltr');
    expect(from.getAttribute('placeholder')).toBe('يوم\u200E/شهر\u200E/سنة');
    const hint = from.getAttribute('aria-describedby')?.split(' ')[0] ?? '';
    expect(document.getElementById(hint)?.textContent).toBe(`الصيغة \u2066يوم\u200E/شهر\u200E/سنة\u2069، مثل \u206631/12/${YEAR}\u2069.`);
    await user.clear(from);
    await user.type(from, '٠١/١١/٢٠٢٦');
    await user.click(screen.getByRole('button', { name: 'عرض' }));
    expect(onChange).toHaveBeenCalledWith({ kind: 'custom', from: '2026-11-01', to: '2026-11-25' });
  });
});

describe('transcript messages are marked with their own language', () => {
  const message = (lang: Locale | undefined, role: 'user' | 'assistant', text: string): TranscriptEntry => ({
    kind: 'message',
    id: `${role}-${text.length}`,
    role,
    at: AT,
    ...(lang ? { lang } : {}),
    segments: [
      { kind: 'notice', level: 'info', code: 'offline_fallback', message: 'x' },
      { kind: 'text', text },
    ],
  });

  it('a German message in the Arabic admin: its words are lang="de", the role, time and markers stay Arabic', () => {
    const t = (key: Parameters<typeof translateRecords>[1], vars?: Record<string, string | number>) => translateRecords('ar', key, vars);
    render(
      <div lang="ar" dir="rtl">
        <ol>
          <TranscriptItem entry={message('de', 'user', 'Wie viel kostet der Pro-Plan für 25 Personen?')} t={t} when={() => 'الآن'} />
          <TranscriptItem entry={message('de', 'assistant', 'Der **Pro-Plan** kostet 29 € pro Nutzer und Monat.')} t={t} when={() => 'الآن'} />
          <TranscriptItem entry={message(undefined, 'user', '25')} t={t} when={() => 'الآن'} />
        </ol>
      </div>,
    );
    const [asked, answered, bare] = screen.getAllByRole('article');
    const words = (article: HTMLElement | undefined, text: RegExp) => within(article as HTMLElement).getByText(text).closest('[lang]');
    expect(words(asked, /Wie viel kostet/)).toHaveAttribute('lang', 'de');
    expect(words(answered, /kostet 29/)).toHaveAttribute('lang', 'de');
    // The marker and the header are the admin's words: no lang of their own, the page's Arabic applies.
    expect(within(asked as HTMLElement).getByText(translateRecords('ar', 'records.role.user')).closest('[lang]')).toHaveAttribute('lang', 'ar');
    expect(within(answered as HTMLElement).getByText(/offline_fallback/).closest('[lang]')).toHaveAttribute('lang', 'ar');
    // Nothing said about the language: nothing claimed.
    expect(words(bare, /^25$/)).toHaveAttribute('lang', 'ar');
  });
});

describe('a lead’s evidence is marked with its own language', () => {
  it('a German sentence quoted on the Arabic lead page is lang="de"; the caption stays Arabic', async () => {
    const detail: LeadDetail = {
      id: '3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69',
      createdAt: AT,
      updatedAt: AT,
      title: 'Demo',
      stage: 'qualification',
      score: 20,
      reasons: [],
      fields: [
        { field: 'teamSize', value: 25, evidence: 'Wir sind 25 Personen', lang: 'de', confidence: 0.7, asked: false, capturedAt: AT },
        { field: 'company', value: 'Hooli', evidence: 'Hooli', confidence: 0.7, asked: false, capturedAt: AT },
      ],
      status: 'new',
      history: [],
      bookings: [],
      handoff: null,
    };
    global.fetch = jest.fn(async () => Response.json(detail)) as unknown as typeof fetch;
    render(
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <div lang="ar" dir="rtl">
          <I18nProvider locale="ar">
            <LeadView id={detail.id} canWrite={false} />
          </I18nProvider>
        </div>
      </SWRConfig>,
    );
    const german = await screen.findByText('“Wir sind 25 Personen”');
    expect(german.closest('blockquote')).toHaveAttribute('lang', 'de');
    expect(screen.getByText('“Hooli”').closest('[lang]')).toHaveAttribute('lang', 'ar');
    expect(screen.getAllByText(translateRecords('ar', 'records.lead.evidence'))[0]?.closest('[lang]')).toHaveAttribute('lang', 'ar');
  });
});

describe('figures follow the page’s locale', () => {
  it('a conversation with 12,345 messages reads 12.345 in German and 12 345 in French', async () => {
    fakeList([row(1, { messageCount: 12_345 })]);
    const { unmount } = renderIn(<RecordList kind="conversations" />, 'de');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('cell', { name: '12.345' })).toBeInTheDocument();
    unmount();
    fakeList([row(1, { messageCount: 12_345 })]);
    renderIn(<RecordList kind="conversations" />, 'fr');
    const french = await screen.findByRole('table');
    expect(within(french).getAllByRole('cell').some((cell) => cell.textContent === new Intl.NumberFormat('fr').format(12_345))).toBe(true);
  });
});

describe('an empty list says why it is empty', () => {
  it('nothing yet (no filter): says what will fill it, in the page’s language, with no empty table to walk', async () => {
    fakeList([]);
    const { unmount } = renderIn(<RecordList kind="conversations" />, 'en');
    expect(await screen.findByText('No conversations yet: each one appears here once a visitor writes to the agent.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: translateRecords('en', 'records.caption.conversations') })).toHaveAttribute('tabindex', '0');
    unmount();
    fakeList([]);
    renderIn(<RecordList kind="leads" />, 'ar');
    expect(await screen.findByText(translateRecords('ar', 'records.none.leads'))).toBeInTheDocument();
    expect(translateRecords('ar', 'records.none.leads')).not.toBe(translateRecords('en', 'records.none.leads'));
  });

  it('nothing matches the filters: says so, not that there is nothing at all', async () => {
    const urls = fakeList([]);
    const user = userEvent.setup();
    renderIn(<RecordList kind="leads" />, 'de');
    await screen.findByText(translateRecords('de', 'records.none.leads'));
    await user.type(screen.getByRole('searchbox', { name: 'Suche' }), 'zzz');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    await waitFor(() => expect(lastQuery(urls).q).toBe('zzz'));
    expect(await screen.findByText('Keine Treffer.')).toBeInTheDocument();
    expect(screen.queryByText(translateRecords('de', 'records.none.leads'))).not.toBeInTheDocument();
  });
});

describe('the webhook delivery log in German', () => {
  const ENDPOINT = `we_${'a'.repeat(32)}`;
  it('writes a slow delivery’s milliseconds as German figures', async () => {
    const delivery = { jobId: 'job_1', attempt: 12, at: AT, ok: true, status: 200, durationMs: 12_345, nextAttemptAt: null, messageId: 'm', type: 'lead.captured' };
    global.fetch = jest.fn(async () => Response.json({ endpoint: { id: ENDPOINT }, deliveries: [delivery] })) as unknown as typeof fetch;
    renderIn(<DeliveryLog id={ENDPOINT} url="https://crm.example.com/hooks" />, 'de');
    const table = await screen.findByRole('table');
    const cells = within(table).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toContain('12.345 ms');
    expect(cells.join(' ')).not.toContain('12345');
  });

  it('says a failed load in German, not in the API’s English', async () => {
    global.fetch = jest.fn(async () => Response.json({ error: { code: 'internal:admin', message: 'Something went wrong on our side.' } }, { status: 500 })) as unknown as typeof fetch;
    renderIn(<DeliveryLog id={ENDPOINT} url="https://crm.example.com/hooks" />, 'de');
    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveTextContent('Der Server hat nicht wie erwartet geantwortet.');
    expect(alert).not.toHaveTextContent('Something went wrong');
  });
});

describe('the backups page in Arabic', () => {
  it('keeps the commands left to right and untranslated inside the right-to-left page', async () => {
    let page!: () => Promise<React.ReactElement>;
    jest.isolateModules(() => {
      jest.doMock('next/headers', () => ({ headers: async () => new Headers() }));
      jest.doMock('@/lib/admin/session', () => ({ readAdminSession: async () => ({ email: 'admin@northwind.example', role: 'admin', expiresAt: 2_000_000_000 }) }));
      jest.doMock('@/lib/config', () => ({ getServerConfig: () => ({ store: { provider: 'upstash' } }) }));
      jest.doMock('@/lib/i18n/server', () => ({ getRequestLocale: async () => 'ar' }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      page = (require('@/app/admin/backups/page') as typeof import('@/app/admin/backups/page')).default;
    });
    render(<div dir="rtl">{await page()}</div>);
    const commands = screen.getAllByText(/^npm run /);
    expect(commands).toHaveLength(3);
    for (const command of commands) {
      expect(command.tagName).toBe('CODE');
      expect(command).toHaveAttribute('dir', 'ltr');
      expect(command).toHaveAttribute('translate', 'no');
    }
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(translateRecords('ar', 'records.backups.title'));
  });
});

describe('the API keys page', () => {
  it('says a refusal by what happened, in the page’s language, not in the API’s English', () => {
    const es = adminShellTranslator('es');
    expect(errorText(new RequestError('There are already 100 API keys: revoke one you no longer use first.', 409), es)).toBe('Ya hay 100 claves de API: revoca primero una que ya no uses.');
    expect(errorText(new RequestError('There is no API key with this id (it may have been revoked already).', 404), es)).toBe('Esta clave ya no existe: puede que ya se haya revocado.');
    expect(errorText(new RequestError('Your account can read but not change anything here.', 403), es)).toBe('No funcionó: Tu cuenta no puede hacer esto: solo los administradores pueden.');
    expect(errorText(new RequestError('Sign in.', 401), es)).toBe('Tu sesión ha terminado. Vuelve a iniciar sesión.');
    expect(errorText(new TypeError('Failed to fetch'), adminShellTranslator('de'))).toBe('Das hat nicht geklappt: Der Server hat nicht wie erwartet geantwortet. Versuchen Sie es gleich noch einmal.');
  });

  it('isolates and wraps a long key name, so it neither reorders on an Arabic page nor widens the table', async () => {
    const name = 'CRM-nightly-sync-for-the-northwind-sales-team-and-the-partners-portal';
    global.fetch = jest.fn(async () =>
      Response.json({ keys: [{ id: 'key_AAAAAAAAAAAA', name, scopes: ['export'], preview: 'sk_live_Zzzz…', createdAt: AT, createdBy: 'boss@example.com', lastUsedAt: null }] }),
    ) as unknown as typeof fetch;
    renderIn(<KeysManager locale="ar" canWrite={false} />, 'ar');
    const header = await screen.findByRole('rowheader', { name });
    expect(header.querySelector('bdi')).toHaveTextContent(name);
    expect(header).toHaveClass('wrap-anywhere');
  });
});

describe('failures are told in the page’s language, not in the API’s English', () => {
  it.each([
    [401, 'es', 'No se pudo cargar: Tu sesión ha terminado. Vuelve a iniciar sesión.'],
    [403, 'fr', 'Votre compte ne peut pas faire cela : seuls les administrateurs le peuvent.'],
    [500, 'de', 'Der Server hat nicht wie erwartet geantwortet. Versuchen Sie es gleich noch einmal.'],
  ] as const)('%s in %s', (status, locale, text) => {
    renderIn(<LoadState error={new ApiError(status, 'Sign in to use the admin API.')} loading={false} onRetry={jest.fn()} />, locale);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(text);
    expect(alert).not.toHaveTextContent('Sign in to use the admin API.');
  });

  it('a network failure (no answer at all) too', () => {
    renderIn(<LoadState error={new TypeError('Failed to fetch')} loading={false} onRetry={jest.fn()} />, 'ar');
    expect(screen.getByRole('alert')).toHaveTextContent('لم يستجب الخادم كما هو متوقع');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Failed to fetch');
  });
});

describe('an admin without JavaScript', () => {
  it('is told, in each language, that the lists and figures need it (a <noscript> the server renders)', () => {
    const seen = new Set<string>();
    for (const locale of LOCALES) {
      const text = translateAdminShell(locale, 'shell.noScript');
      seen.add(text);
      const html = renderToStaticMarkup(<NoScriptNotice text={text} />);
      expect(html).toMatch(/^<noscript><p role="alert"[^>]*>/);
      expect(html).toContain(text);
      expect(text).toMatch(/JavaScript/);
    }
    expect(seen.size).toBe(LOCALES.length);
  });
});

describe('the new admin words exist in every language', () => {
  it.each(['date.pattern', 'date.hint', 'date.invalid', 'date.order', 'problem.forbidden', 'problem.failed', 'shell.noScript'] as const)('%s', (key) => {
    const english = translateAdminShell('en', key);
    for (const locale of LOCALES.filter((l) => l !== 'en')) expect([locale, translateAdminShell(locale, key)]).not.toEqual([locale, english]);
  });
});
