// Session 29: the lead's status form works without JavaScript (a real POST form in the server's HTML, named fields,
// the current status checked) and the page it comes back to says how it went, in five languages; the admin pages
// leave the zone cookie where the export can read it too.
import { render } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SWRConfig } from 'swr';
import { LeadView } from '@/components/admin/records/lead-view';
import { AdminTimeZoneProvider } from '@/components/admin/shell/time-zone';
import type { LeadChangeOutcome } from '@/lib/admin/lead-change';
import type { LeadDetail } from '@/lib/admin/records-types';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { recordsEn, recordsEs } from '@/lib/i18n/catalogues/records';
import { recordsAr } from '@/lib/i18n/catalogues/records-ar';
import { recordsDe } from '@/lib/i18n/catalogues/records-de';
import { recordsFr } from '@/lib/i18n/catalogues/records-fr';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';
import { translateRecords } from '@/lib/i18n/records';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

let mockBrowserZone = 'UTC';
jest.mock('@/lib/admin/time-zone', () => {
  const actual = jest.requireActual('@/lib/admin/time-zone');
  return { ...actual, browserTimeZone: () => mockBrowserZone };
});

const ID = '3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69';
const AT = Date.UTC(2026, 11, 1, 10, 45);
const lead: LeadDetail = {
  id: ID,
  createdAt: AT,
  updatedAt: AT,
  title: 'Demo please',
  stage: 'discovery',
  score: 20,
  reasons: ['email given'],
  fields: [{ field: 'email', value: 'kim@hooli.com', evidence: 'my email is kim@hooli.com', lang: 'en', confidence: 0.95, asked: true, capturedAt: AT }],
  status: 'contacted',
  history: [{ status: 'contacted', note: 'Called', at: AT, by: 'ana@northwind.example' }],
  bookings: [],
  handoff: null,
};

/** What a browser without JavaScript gets from the server: the HTML, read as a document. */
function serverDoc(locale: Locale, props: { canWrite: boolean; outcome?: LeadChangeOutcome }): Document {
  const html = renderToStaticMarkup(
    <SWRConfig value={{ provider: () => new Map() }}>
      <I18nProvider locale={locale}>
        <LeadView id={ID} canWrite={props.canWrite} start={{ detail: lead, failed: false }} outcome={props.outcome} />
      </I18nProvider>
    </SWRConfig>,
  );
  return new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
}

const statusText = (doc: Document) => [...doc.querySelectorAll('[role="status"]')].map((node) => node.textContent).join(' ');

describe('the status form without JavaScript', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: a POST form to the status route, the current status checked, every field named and labelled', (locale) => {
    const doc = serverDoc(locale, { canWrite: true });
    const form = doc.querySelector('form');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.getAttribute('action')).toBe(`/api/v1/admin/leads/${ID}/status`);
    const radios = [...doc.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => [radio.name, radio.value, radio.checked])).toEqual([
      ['status', 'new', false],
      ['status', 'contacted', true],
      ['status', 'qualified', false],
      ['status', 'lost', false],
    ]);
    // Each radio is named by the label around it, in the page's language.
    expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual(['new', 'contacted', 'qualified', 'lost'].map((status) => translateRecords(locale, `records.status.${status}` as 'records.status.new')));
    const note = doc.querySelector('textarea');
    expect(note?.getAttribute('name')).toBe('note');
    expect(doc.querySelector(`label[for="${note?.id}"]`)?.textContent).toBe(translateRecords(locale, 'records.statusForm.note'));
    expect(form?.querySelector('button[type="submit"]')?.textContent).toBe(translateRecords(locale, 'records.statusForm.save'));
  });

  it.each(LOCALES.map((locale) => [locale]))('%s: the page the post comes back to says how it went', (locale) => {
    const failed = (message: string) => translateRecords(locale, 'records.statusForm.failed', { message });
    expect(statusText(serverDoc(locale, { canWrite: true, outcome: 'saved' }))).toBe(translateRecords(locale, 'records.statusForm.saved'));
    expect(statusText(serverDoc(locale, { canWrite: true, outcome: 'invalid' }))).toBe(failed(translateRecords(locale, 'records.statusForm.invalid')));
    expect(statusText(serverDoc(locale, { canWrite: true, outcome: 'failed' }))).toBe(failed(translateAdminShell(locale, 'problem.failed')));
    // A viewer has no form: the refusal is said above the note that only admins change the status.
    const viewer = serverDoc(locale, { canWrite: false, outcome: 'forbidden' });
    expect(viewer.querySelector('form')).toBeNull();
    expect(statusText(viewer)).toBe(failed(translateAdminShell(locale, 'problem.forbidden')));
    expect(statusText(serverDoc(locale, { canWrite: true }))).toBe('');
  });

  it('the new message is in all five languages, each its own', () => {
    for (const [locale, catalogue] of Object.entries({ es: recordsEs, fr: recordsFr, de: recordsDe, ar: recordsAr })) {
      expect([locale, catalogue['records.statusForm.invalid'] && catalogue['records.statusForm.invalid'] !== recordsEn['records.statusForm.invalid']]).toEqual([locale, true]);
    }
  });
});

describe('the zone cookie reaches the admin API too', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
    for (const path of ['/admin', '/api/v1/admin']) document.cookie = `admin_tz=; Path=${path}; Max-Age=0`;
  });

  it('an admin page leaves it for /api/v1/admin as well, so an export is named by the admin’s day', () => {
    mockBrowserZone = 'Pacific/Auckland';
    window.history.replaceState(null, '', '/admin/leads');
    render(
      <AdminTimeZoneProvider zone="UTC">
        <p>page</p>
      </AdminTimeZoneProvider>,
    );
    expect(document.cookie).toContain('admin_tz=Pacific%2FAuckland');
    // What the export request carries: the cookies for its own path.
    window.history.replaceState(null, '', '/api/v1/admin/export?type=leads&format=csv');
    expect(document.cookie).toContain('admin_tz=Pacific%2FAuckland');
    window.history.replaceState(null, '', '/api/v1/chat');
    expect(document.cookie).not.toContain('admin_tz=');
  });
});
