import { booked, hold, inLanguage, kb, UNSURE } from '../support/offline-agent';
import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * "What happens after the demo?" is answered from what the product knows — the demo with the sales team, the one
 * booked with its time, then what the prospect can do after it — never "no confirmed answer", a demo offer or a
 * follow-up the knowledge base does not describe. And the Arabic "وماذا عن X؟" after the integrations is read as
 * "ماذا عن X؟" is.
 */

const minutes = String(kb.policies.meetings.durationMinutes);
const salesEmail = kb.policies.handoff.email ?? kb.company.salesEmail;

const AFTER_DEMO: readonly [SalesLocale, string, RegExp, RegExp][] = [
  ['en', 'what happens after the demo?', /sales team/, /free trial/],
  ['en', 'what are the next steps after the demo?', /sales team/, /free trial/],
  ['es', '¿qué pasa después de la demo?', /equipo comercial/, /prueba gratuita/],
  ['fr', 'que se passe-t-il après la démo ?', /équipe commerciale/, /essai gratuit/],
  ['de', 'was passiert nach der Demo?', /Vertriebsteam/, /kostenlose Testphase/],
  ['ar', 'ماذا يحدث بعد العرض التوضيحي؟', /فريق المبيعات/, /الفترة التجريبية المجانية/],
];

describe('what happens after the demo', () => {
  it.each(AFTER_DEMO)('%s: "%s" says who the demo is with and what comes after it, from the knowledge base', async (locale, question, team, trial) => {
    const [reply] = await hold(locale, [question]);
    const text = reply?.text ?? '';
    expect(text).not.toMatch(UNSURE);
    expect(text).toMatch(team);
    expect(text).toContain(`${minutes}`);
    expect(text).toContain(salesEmail);
    // The trial is in the knowledge base (faq "trial"); a quote sent by the team after the demo is not.
    expect(kb.faqs.some((faq) => faq.id === 'trial')).toBe(true);
    expect(text).toMatch(trial);
    expect(text).not.toMatch(/follow(?:s)? up with a quote|send you a (?:quote|proposal)|le enviar[aá] una propuesta|vous enverra un devis|schickt Ihnen ein Angebot/i);
    if (locale !== 'en') expect(inLanguage(locale, text)).toBe(true);
    // A question, not a wish to book: nothing is booked, and no invite address is asked for.
    expect(reply?.tools.map((tool) => tool.toolName)).not.toContain('book_meeting');
    expect(text).not.toMatch(/best email for the invite|correo envío la invitación|envoyer l’invitation|soll die Einladung gehen|لإرسال الدعوة/);
  });

  it.each([
    ['en', 'book a demo tomorrow at 3pm, my email is ana@acme.example', 'what happens after the demo?'],
    ['es', 'reserve una demo mañana a las 15:00, mi correo es ana@acme.example', '¿qué pasa después de la demo?'],
  ] as const)('%s: with a demo booked, says its time and address, then what comes after it', async (locale, booking, question) => {
    const replies = await hold(locale, [booking, question]);
    const meeting = booked(replies[0]);
    expect(meeting).toBeDefined();
    const text = replies[1]?.text ?? '';
    expect(text).toContain(meeting?.localLabel ?? 'no booking');
    expect(text).toContain('ana@acme.example');
    expect(text).toContain(salesEmail);
    expect(text).not.toMatch(UNSURE);
    expect(replies[1]?.tools.map((tool) => tool.toolName)).not.toContain('book_meeting');
  });
});

describe('Arabic "وماذا عن X؟" after the integrations', () => {
  it('answers an unlisted tool as "ماذا عن X؟" and "و X؟" do', async () => {
    const [, withAnd] = await hold('ar', ['ما هي التكاملات؟', 'وماذا عن Notion؟']);
    const [, without] = await hold('ar', ['ما هي التكاملات؟', 'ماذا عن Notion؟']);
    expect(withAnd?.text).not.toMatch(UNSURE);
    expect(withAnd?.text).toContain('**Notion** ليس ضمن التكاملات');
    expect(withAnd?.text).toContain(kb.company.salesEmail);
    expect(withAnd?.text).toBe(without?.text);
  });

  it('answers a listed tool with the plan that includes it', async () => {
    const [, reply] = await hold('ar', ['ما هي التكاملات؟', 'وماذا عن Jira؟']);
    expect(reply?.text).not.toMatch(UNSURE);
    expect(reply?.text).toMatch(/^نعم، .*Jira/);
  });
});
