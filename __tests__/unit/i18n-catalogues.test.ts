import { en } from '@/lib/i18n/catalogues/en';
import { es } from '@/lib/i18n/catalogues/es';
import { fr } from '@/lib/i18n/catalogues/fr';
import { de } from '@/lib/i18n/catalogues/de';
import { ar } from '@/lib/i18n/catalogues/ar';
import { dashboardEn, dashboardEs } from '@/lib/i18n/catalogues/dashboard';
import { dashboardFr } from '@/lib/i18n/catalogues/dashboard-fr';
import { dashboardDe } from '@/lib/i18n/catalogues/dashboard-de';
import { dashboardAr } from '@/lib/i18n/catalogues/dashboard-ar';
import { recordsEn, recordsEs } from '@/lib/i18n/catalogues/records';
import { recordsFr } from '@/lib/i18n/catalogues/records-fr';
import { recordsDe } from '@/lib/i18n/catalogues/records-de';
import { recordsAr } from '@/lib/i18n/catalogues/records-ar';
import { notifyEn, notifyEs } from '@/lib/i18n/catalogues/notify';
import { notifyFr } from '@/lib/i18n/catalogues/notify-fr';
import { notifyDe } from '@/lib/i18n/catalogues/notify-de';
import { notifyAr } from '@/lib/i18n/catalogues/notify-ar';
import { adminShellEn, adminShellEs } from '@/lib/i18n/catalogues/admin-shell';
import { adminShellFr } from '@/lib/i18n/catalogues/admin-shell-fr';
import { adminShellDe } from '@/lib/i18n/catalogues/admin-shell-de';
import { adminShellAr } from '@/lib/i18n/catalogues/admin-shell-ar';
import { clientMessagesFor, explicitLocale, localeDirection, LOCALES, translate } from '@/lib/i18n';
import { translateDashboard } from '@/lib/i18n/dashboard';
import { translateRecords } from '@/lib/i18n/records';
import { pluralBlocks } from '@/lib/i18n/plural';

type Catalogue = Readonly<Record<string, string | undefined>>;
type Group = { name: string; en: Catalogue; locales: Record<'es' | 'fr' | 'de' | 'ar', Catalogue> };

const GROUPS: Group[] = [
  { name: 'public', en, locales: { es, fr, de, ar } },
  { name: 'dashboard', en: dashboardEn, locales: { es: dashboardEs, fr: dashboardFr, de: dashboardDe, ar: dashboardAr } },
  { name: 'records', en: recordsEn, locales: { es: recordsEs, fr: recordsFr, de: recordsDe, ar: recordsAr } },
  { name: 'notify', en: notifyEn, locales: { es: notifyEs, fr: notifyFr, de: notifyDe, ar: notifyAr } },
  { name: 'admin-shell', en: adminShellEn, locales: { es: adminShellEs, fr: adminShellFr, de: adminShellDe, ar: adminShellAr } },
];

/**
 * Values that may rightly equal the English one: brand and product names, formats, symbols, and words the target
 * language uses unchanged (French "Conversations", German "Leads"). Anything else identical to English is an
 * untranslated leftover.
 */
const SAME_AS_ENGLISH_EVERYWHERE = new Set(['OpenAI', 'CSV', 'NDJSON', '—', '{count} / {max}', '{status} · {by} · {when}', '{reason} · {when}', '{score} / 100', '{name} {ms} ms', '{value} ms']);
const SAME_AS_ENGLISH: Record<string, ReadonlySet<string>> = {
  es: new Set(['Webhooks', 'Email', 'Total', 'Error', 'No', 'Plan', 'Chat', 'Tokens', 'Leads', 'Lead', 'leads', 'Error: {error}', 'Endpoints']),
  fr: new Set(['E-mail', 'Prospect', 'conversations', 'score {score}', 'Site', 'Conversations', 'Conversation', 'Messages', 'Qualification', 'Recommandation', 'Webhooks', 'Agent', 'Actions', 'Code', 'Budget', 'Score', 'Pages', 'Page {page}', 'Source (UTM)', 'Description (optional)', 'test', 'Secret {hint}', '{value} ms', 'Transcript']),
  de: new Set(['Tokens', 'Leads', 'Lead', 'Webhooks', 'Agent', 'Name', 'Status', 'Budget', 'Code', 'Export', 'System', 'Test', 'Secret {hint}', '{value} ms', 'Transcript', 'Start']),
  ar: new Set(['{percent}%']),
};

// `{name}` and the variable of a plural block (`{count, plural, one {…} other {…}}`), each once: a locale may use a
// plural block where English needs none (Arabic minutes), or repeat a placeholder in each of its forms.
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((match) => match[1]))].sort();

describe.each(GROUPS)('the $name catalogue', ({ en: english, locales }) => {
  const keys = Object.keys(english).sort();

  it.each(Object.keys(locales))('%s has every English key and no other', (locale) => {
    const catalogue = locales[locale as keyof typeof locales];
    const missing = keys.filter((key) => !catalogue[key]?.trim());
    const extra = Object.keys(catalogue).filter((key) => !(key in english));
    expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
  });

  it.each(Object.keys(locales))('%s keeps every placeholder of the English message', (locale) => {
    const catalogue = locales[locale as keyof typeof locales];
    const mismatched = keys
      .filter((key) => catalogue[key] !== undefined)
      .filter((key) => placeholders(catalogue[key] ?? '').join() !== placeholders(english[key] ?? '').join());
    expect({ locale, mismatched }).toEqual({ locale, mismatched: [] });
  });

  it.each(['en', ...Object.keys(locales)])('%s writes its plural blocks in its own plural forms, each with `other`', (locale) => {
    const catalogue = locale === 'en' ? english : locales[locale as keyof typeof locales];
    const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
    const wrong = Object.entries(catalogue).flatMap(([key, text]) =>
      pluralBlocks(text ?? '')
        .filter(({ branches }) => !branches || !branches.has('other') || [...branches.keys()].some((form) => !form.startsWith('=') && !categories.has(form)))
        .map(({ name }) => `${key} (${name})`),
    );
    expect({ locale, wrong }).toEqual({ locale, wrong: [] });
  });

  it.each(Object.keys(locales))('%s leaves nothing in English that should be translated', (locale) => {
    const catalogue = locales[locale as keyof typeof locales];
    const allowed = SAME_AS_ENGLISH[locale] ?? new Set<string>();
    const untranslated = keys.filter((key) => {
      const value = catalogue[key];
      return value !== undefined && value === english[key] && !SAME_AS_ENGLISH_EVERYWHERE.has(value) && !allowed.has(value);
    });
    expect({ locale, untranslated }).toEqual({ locale, untranslated: [] });
  });
});

describe('the five locales', () => {
  it('are English, Spanish, French, German and Arabic, Arabic right to left', () => {
    expect(LOCALES).toEqual(['en', 'es', 'fr', 'de', 'ar']);
    expect(LOCALES.map(localeDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'rtl']);
  });

  it('translate in each, admin catalogues included', () => {
    expect(LOCALES.map((locale) => translate(locale, 'chat.newConversation'))).toEqual([
      'New conversation',
      'Nueva conversación',
      'Nouvelle conversation',
      'Neues Gespräch',
      'محادثة جديدة',
    ]);
    expect(translate('de', 'landing.plans.seatsRange', { min: 3, max: 250 })).toBe('3–250 Nutzer');
    expect(translate('fr', 'landing.plans.annual', { price: '$24' })).toBe('$24 par utilisateur / mois en facturation annuelle');
    expect(translateDashboard('fr', 'kpi.leads')).toBe('Prospects');
    expect(translateRecords('ar', 'records.status.new')).toBe('جديد');
  });

  it('read an explicit choice by its language prefix only when it names a supported locale', () => {
    expect(explicitLocale('fr')).toBe('fr');
    expect(explicitLocale('de-AT')).toBe('de');
    expect(explicitLocale('AR')).toBe('ar');
    expect(explicitLocale('it')).toBeNull();
    expect(explicitLocale('')).toBeNull();
    expect(explicitLocale(null)).toBeNull();
  });

  it('ship only the active locale to the client, with the page (none in the bundle)', () => {
    expect(clientMessagesFor('en')['chat.title']).toBe('Chat with sales');
    expect(clientMessagesFor('es')['chat.title']).not.toBe('Chat with sales');
    expect(clientMessagesFor('fr')?.['chat.title']).toBe('Discuter avec un commercial');
    expect(clientMessagesFor('ar')?.['chat.title']).toBe('تحدّث مع فريق المبيعات');
  });
});
