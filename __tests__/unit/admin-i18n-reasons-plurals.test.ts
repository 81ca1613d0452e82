// The admin's words that used to stay English or singular: plural forms per locale (Intl.PluralRules inside one
// message), the lead's score reasons and the playbook's stage reasons translated when read (stored in English), and
// topic titles from the viewer's knowledge overlay.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { topicTitle } from '@/lib/analytics/topics';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { translateDashboard } from '@/lib/i18n/dashboard';
import type { Locale } from '@/lib/i18n/locales';
import { countOf, formatMessage } from '@/lib/i18n/plural';
import { translateRecords, type RecordsTranslate } from '@/lib/i18n/records';
import { SCORE_REASONS, STAGE_REASONS, translateHandoffReason, translateScoreReason, translateStageReason } from '@/lib/i18n/records-reasons';
import type { OfflineTurn } from '@/lib/llm/offline/context';
import { planToolCalls } from '@/lib/llm/offline/tool-calls';
import type { Topic } from '@/lib/llm/offline/topic';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import { LEAD_SCORE_TABLE, scoreLead } from '@/lib/sales/lead';
import { advanceStage } from '@/lib/sales/playbook';
import { emptySalesState } from '@/lib/sales/state';
import type { LeadFact } from '@/lib/sales/types';

const t =
  (locale: Locale): RecordsTranslate =>
  (key, vars) =>
    translateRecords(locale, key, vars);

/** The series summary as the dashboard builds it: formatted numbers, the period translated with its own count. */
function summary(locale: Locale, counts: { conversations: number; leads: number; meetings: number; days: number }) {
  const number = new Intl.NumberFormat(locale);
  return translateDashboard(locale, 'series.summary', {
    conversations: number.format(counts.conversations),
    leads: number.format(counts.leads),
    meetings: number.format(counts.meetings),
    period: translateDashboard(locale, 'series.unit.day', { count: number.format(counts.days) }),
  });
}

describe('plural forms', () => {
  it('picks the Arabic form for each count (zero, one, two, few, many, other)', () => {
    expect(summary('ar', { conversations: 12, leads: 3, meetings: 6, days: 7 })).toContain('6 اجتماعات خلال 7 أيام');
    expect(summary('ar', { conversations: 12, leads: 3, meetings: 6, days: 7 })).toMatch(/^12 محادثة و3 عملاء محتملين/);
    expect(summary('ar', { conversations: 1, leads: 2, meetings: 11, days: 30 })).toBe('محادثة واحدة وعميلان محتملان و11 اجتماعًا خلال 30 يومًا.');
    expect(summary('ar', { conversations: 100, leads: 0, meetings: 1, days: 2 })).toBe('100 محادثة و0 عميل محتمل واجتماع واحد خلال يومين.');
    expect(translateDashboard('ar', 'series.unit.hour', { count: '24' })).toBe('24 ساعة');
    expect(translateDashboard('ar', 'series.unit.hour', { count: '3' })).toBe('3 ساعات');
  });

  it('uses the singular for one in German, French and Spanish, and the plural otherwise', () => {
    expect(summary('de', { conversations: 1, leads: 1, meetings: 1, days: 1 })).toBe('1 Gespräch, 1 Lead und 1 Termin in 1 Tag.');
    expect(summary('de', { conversations: 5, leads: 2, meetings: 6, days: 7 })).toBe('5 Gespräche, 2 Leads und 6 Termine in 7 Tagen.');
    expect(summary('fr', { conversations: 1, leads: 0, meetings: 1, days: 1 })).toBe('1 conversation, 0 prospect et 1 rendez-vous sur 1 jour.');
    expect(summary('fr', { conversations: 1234, leads: 2, meetings: 3, days: 7 })).toMatch(/^1\s234 conversations, 2 prospects et 3 rendez-vous sur 7 jours\.$/u);
    expect(summary('es', { conversations: 1, leads: 1, meetings: 1, days: 1 })).toBe('1 conversación, 1 contacto y 1 reunión en 1 día.');
    expect(summary('en', { conversations: 1, leads: 2, meetings: 1, days: 1 })).toBe('1 conversation, 2 leads and 1 meeting in 1 day.');
    expect(translateDashboard('de', 'series.busiest', { when: 'Mo., 2. Nov.', count: '1' })).toBe('Am meisten los: Mo., 2. Nov., mit 1 Gespräch.');
    expect(translateDashboard('de', 'rates.ofTurns', { count: '0', turns: '1' })).toBe('0 von 1 Runde');
    expect(translateDashboard('fr', 'kpi.meetingsCancelled', { count: '1' })).toBe('1 annulé');
    expect(translateRecords('de', 'records.transcript.summary', { started: 'a', updated: 'b', count: 1 })).toBe('Begonnen a · letzte Aktivität b · 1 Nachricht');
    expect(translateRecords('ar', 'records.transcript.summary', { started: 'a', updated: 'b', count: 2 })).toBe('بدأت a · آخر نشاط b · رسالتان');
    expect(translateAdminShell('ar', 'signIn.error.rateLimited', { minutes: 5 })).toBe('محاولات تسجيل دخول كثيرة جدًا. حاول مرة أخرى بعد 5 دقائق.');
  });

  it('reads counts formatted in any locale, and falls back to `other` without one', () => {
    expect(countOf('١٬٢٣٤')).toBe(1234);
    expect(countOf('1.234')).toBe(1234);
    expect(countOf('1 234')).toBe(1234);
    expect(countOf(7)).toBe(7);
    expect(countOf('—')).toBeNull();
    expect(formatMessage('ar', '{n, plural, one {واحد} few {# قليل} other {# كثير}}', { n: '٥' })).toBe('٥ قليل');
    expect(formatMessage('en', '{n, plural, =0 {none} one {# item} other {# items}}, {x}', { n: 0, x: 'ok' })).toBe('none, ok');
    expect(formatMessage('en', '{n, plural, one {# item} other {# items}}', {})).toBe('# items');
    expect(formatMessage('en', 'no plural {x}', { x: 1 })).toBe('no plural 1');
  });
});

describe('score reasons', () => {
  const fact = (value: string | number, evidence = 'x'): LeadFact => ({ value, evidence, confidence: 0.9, asked: false, capturedAt: Date.UTC(2026, 10, 1) });

  it('every reason the scorer writes has a message', () => {
    for (const entry of Object.values(LEAD_SCORE_TABLE)) {
      const reason = `+${entry.points} ${entry.reason}`;
      for (const locale of ['de', 'ar'] as const) expect(translateScoreReason(t(locale), reason)).not.toBe(reason);
    }
    const patterned = Object.values(LEAD_SCORE_TABLE).filter((entry) => !(entry.reason in SCORE_REASONS));
    expect(patterned.map((entry) => entry.reason)).toEqual(['team size fits Pro/Business', 'timeline within 3 months']);
  });

  it('translates a scored lead’s reasons in German and Arabic, with their points and plan names', () => {
    const { reasons } = scoreLead({ fields: { email: fact('ana@acme.com'), teamSize: fact(12), timeline: fact('next month'), budget: fact('no budget set') } });
    expect(reasons).toEqual(['+20 email given', '+10 team size fits Pro/Business', '+0 no budget set yet', '+10 timeline within 3 months']);
    expect(reasons.map((reason) => translateScoreReason(t('de'), reason))).toEqual([
      '+20 E-Mail angegeben',
      '+10 Teamgröße passt zu Pro/Business',
      '+0 noch kein Budget festgelegt',
      '+10 Zeitrahmen innerhalb von 3 Monaten',
    ]);
    expect(reasons.map((reason) => translateScoreReason(t('ar'), reason))).toEqual([
      '+20 قدّم بريده الإلكتروني',
      '+10 حجم الفريق يناسب Pro/Business',
      '+0 لم تُحدَّد ميزانية بعد',
      '+10 الإطار الزمني خلال 3 أشهر',
    ]);
    expect(translateScoreReason(t('fr'), '+5 timeline within 1 month')).toBe('+5 échéance d’ici 1 mois');
  });

  it('shows an unknown reason as stored', () => {
    expect(translateScoreReason(t('de'), '+7 loyal customer')).toBe('+7 loyal customer');
    expect(translateScoreReason(t('de'), 'email given')).toBe('email given');
  });
});

describe('stage reasons', () => {
  it('every reason label the playbook writes has a message', () => {
    const source = readFileSync(path.join(process.cwd(), 'lib/sales/playbook.ts'), 'utf8');
    const labels = [...source.matchAll(/reason: `([^`$]+)\$\{/g)].map((match) => match[1]);
    expect(labels.length).toBeGreaterThanOrEqual(12);
    expect(labels.filter((label) => !(label! in STAGE_REASONS))).toEqual([]);
  });

  it('translates a real stage change in German, French and Arabic, keeping the prospect’s words', () => {
    const { change } = advanceStage(emptySalesState(0), { intent: 'demo', changed: [], evidence: 'Can we talk tomorrow?' }, 1);
    expect(change?.reason).toBe("asked for a meeting: 'Can we talk tomorrow?'");
    const reason = change?.reason ?? '';
    expect(translateStageReason(t('de'), reason)).toBe('um einen Termin gebeten: „Can we talk tomorrow?“');
    expect(translateStageReason(t('fr'), reason)).toBe('a demandé un rendez-vous : « Can we talk tomorrow? »');
    expect(translateStageReason(t('ar'), reason)).toBe('طلب اجتماعًا: «Can we talk tomorrow?»');
    expect(translateRecords('fr', 'records.marker.stage', { stage: 'Conclusion', reason: translateStageReason(t('fr'), reason) })).toBe(
      'Étape → Conclusion : a demandé un rendez-vous : « Can we talk tomorrow? »',
    );
  });

  it('translates the evidence the tools write, a label without a quote, and leaves the unknown as stored', () => {
    expect(translateStageReason(t('de'), "meeting booked: 'meeting booked for Freitag, 27. November'")).toBe('Termin gebucht: „Termin gebucht für Freitag, 27. November“');
    expect(translateStageReason(t('ar'), 'prospect engaged')).toBe('تفاعل العميل المحتمل');
    expect(translateStageReason(t('de'), "asked for a demo: 'hi'")).toBe("asked for a demo: 'hi'");
    expect(translateStageReason(t('de'), 'need')).toBe('need');
  });
});

describe('handoff reasons', () => {
  /** The reason the offline agent's request_human call carries for a message, as the transcript stores it. */
  const reasonFor = (kind: 'human' | 'purchase', text: string) => {
    const turn = { text, introduced: {}, tools: new Set(['request_human']) } as unknown as OfflineTurn;
    const [call] = planToolCalls({ kind } as Topic, turn);
    return String(call?.input.reason);
  };

  it('translates the offline agent’s reasons, keeping the prospect’s words, and leaves the OpenAI agent’s as written', () => {
    expect(translateHandoffReason(t('de'), reasonFor('human', 'Ich will mit einem Menschen sprechen'))).toBe('Der Interessent wollte mit einem Menschen sprechen: „Ich will mit einem Menschen sprechen“');
    expect(translateHandoffReason(t('fr'), reasonFor('purchase', 'On veut signer'))).toBe('Le prospect est prêt à acheter : « On veut signer »');
    expect(translateHandoffReason(t('ar'), reasonFor('human', 'أريد التحدث إلى شخص'))).toBe('طلب العميل التحدث إلى شخص: «أريد التحدث إلى شخص»');
    expect(translateHandoffReason(t('en'), reasonFor('human', 'a human please'))).toBe('The prospect asked for a person: "a human please"');
    expect(translateHandoffReason(t('de'), 'Wants a custom contract for 400 seats')).toBe('Wants a custom contract for 400 seats');
    // Inside a stage change's evidence, too.
    expect(translateStageReason(t('de'), `human requested: 'handoff requested: ${reasonFor('human', 'a person')}'`)).toContain('Der Interessent wollte mit einem Menschen sprechen: „a person“');
  });
});

describe('topic titles in the viewer’s language', () => {
  it('come from the locale’s knowledge overlay', () => {
    expect(topicTitle('question', 'integrations', getLocalizedKnowledgeBase('de'), getKnowledgeBase())).toBe('Mit welchen Tools lässt sich Northwind Cloud verbinden?');
    expect(topicTitle('objection', 'objection:just-looking', getLocalizedKnowledgeBase('ar'), getKnowledgeBase())).toBe('نحن نستكشف فقط');
    expect(topicTitle('objection', 'too-expensive', getLocalizedKnowledgeBase('de'), getKnowledgeBase())).toBe('Das ist zu teuer');
  });

  it('fall back to English for an entry the overlay lacks, then to the id’s words', () => {
    const base = getKnowledgeBase();
    const de = getLocalizedKnowledgeBase('de');
    const lacking = { ...de, faqs: de.faqs.filter((faq) => faq.id !== 'integrations') };
    expect(topicTitle('question', 'integrations', lacking, base)).toBe(base.faqs.find((faq) => faq.id === 'integrations')?.question);
    expect(topicTitle('question', 'never-heard-of', lacking, base)).toBe('Never heard of');
  });
});
