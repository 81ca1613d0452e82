// The lead page's "why this score" and the transcript's stage reasons are stored in English (exports, backups and
// webhooks carry them so); the admin reads them in its own language, the prospect's quoted words as they wrote them.
import { render, screen, within } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { LeadView } from '@/components/admin/records/lead-view';
import { TranscriptItem } from '@/components/admin/records/transcript-entry';
import type { LeadDetail } from '@/lib/admin/records-types';
import type { Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';
import { translateRecords } from '@/lib/i18n/records';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

const ID = '3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69';
const AT = Date.UTC(2026, 10, 2, 9, 30);
const lead: LeadDetail = {
  id: ID,
  createdAt: AT,
  updatedAt: AT,
  title: 'Price for 12 seats?',
  stage: 'closing',
  score: 40,
  reasons: ['+20 email given', '+10 team size fits Pro/Business', '+10 timeline within 3 months', '+3 something new'],
  fields: [{ field: 'email', value: 'kim@hooli.com', evidence: 'Reach me at kim@hooli.com please', confidence: 0.95, asked: true, capturedAt: AT }],
  status: 'new',
  history: [],
  bookings: [],
  handoff: null,
};

const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
});

function renderLead(locale: Locale) {
  global.fetch = jest.fn(async () => Response.json(lead)) as unknown as typeof fetch;
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>
        <LeadView id={ID} canWrite />
      </I18nProvider>
    </SWRConfig>,
  );
}

const reasonsShown = async (heading: string) => {
  const title = await screen.findByRole('heading', { level: 3, name: heading });
  const list = title.nextElementSibling as HTMLElement;
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent);
};

describe('why this score', () => {
  it('reads in German, with the points, the plan names and the months', async () => {
    renderLead('de');
    expect(await reasonsShown('Warum diese Bewertung')).toEqual([
      '+20 E-Mail angegeben',
      '+10 Teamgröße passt zu Pro/Business',
      '+10 Zeitrahmen innerhalb von 3 Monaten',
      '+3 something new',
    ]);
  });

  it('reads in Arabic', async () => {
    renderLead('ar');
    expect(await reasonsShown('سبب هذا التقييم')).toEqual(['+20 قدّم بريده الإلكتروني', '+10 حجم الفريق يناسب Pro/Business', '+10 الإطار الزمني خلال 3 أشهر', '+3 something new']);
  });
});

describe('stage reasons in the transcript', () => {
  const item = (locale: Locale) => (
    <ul>
      <TranscriptItem
        entry={{ kind: 'stage', from: 'recommendation', to: 'closing', reason: "asked for a meeting: 'Können wir morgen sprechen?'", at: AT }}
        t={(key, vars) => translateRecords(locale, key, vars)}
        when={() => 'now'}
      />
      <TranscriptItem
        entry={{ kind: 'message', id: 'a1', role: 'assistant', at: AT, segments: [{ kind: 'stage', to: 'discovery', reason: 'prospect engaged' }] }}
        t={(key, vars) => translateRecords(locale, key, vars)}
        when={() => 'now'}
      />
    </ul>
  );

  it('read in German and French, the prospect’s words as written', () => {
    const { unmount } = render(item('de'));
    expect(screen.getByText('Phase Empfehlung → Abschluss: um einen Termin gebeten: „Können wir morgen sprechen?“', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('Phase → Bedarfsanalyse: Interessent ist eingestiegen')).toBeInTheDocument();
    unmount();
    render(item('fr'));
    expect(screen.getByText('Étape Recommandation → Conclusion : a demandé un rendez-vous : « Können wir morgen sprechen? »', { exact: false })).toBeInTheDocument();
  });

  it('read in Arabic', () => {
    render(item('ar'));
    expect(screen.getByText('المرحلة ← الاستكشاف: تفاعل العميل المحتمل')).toBeInTheDocument();
    expect(screen.getByText('طلب اجتماعًا: «Können wir morgen sprechen?»', { exact: false })).toBeInTheDocument();
  });
});
