/** @jest-environment node */
// Session 31, long conversations (20–30 turns) in five languages: no question asked again once answered or declined,
// facts recalled as last said (a team that grew, a misspelt name, a company corrected), and a booking interrupted by a
// question and resumed on the day said before ("next Tuesday afternoon", "is there a free trial?", "Tuesday at 2pm").
import { audit, booked, hold, inLanguage, lead, type Said } from '../support/offline-agent';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { fieldsAskedIn } from '@/lib/sales/asked-questions';

/** The fields each reply asks for once the lead knew them the turn before: none, in any conversation. */
function askedWhenKnown(replies: Said[]) {
  return replies.flatMap((reply, index) => {
    const known = index > 0 ? lead(replies[index - 1] as Said) : {};
    return fieldsAskedIn(reply.text).filter((field) => known[field] !== undefined).map((field) => ({ turn: index, field }));
  });
}

/** Every reply in the prospect's language, and no field but the booking's e-mail asked more than twice. */
function heldWell(locale: SalesLocale, replies: Said[]) {
  expect(replies.filter((reply) => !inLanguage(locale, reply.text)).map((reply) => reply.text)).toEqual([]);
  const asked = replies.flatMap((reply) => fieldsAskedIn(reply.text)).filter((field) => field !== 'email');
  expect([...new Set(asked)].filter((field) => asked.filter((other) => other === field).length > 2)).toEqual([]);
}

describe('long conversations: session 31', () => {
  it('1 (en, 28 turns): the team grown to 40 is remembered, "what\'s my company name?" answers the company, and the demo resumed after a question stays on next Tuesday', async () => {
    const turns = [
      'hi there', "I'm Dana from Brightloop", "we're a design agency, 14 people", 'what plans do you have?', 'how much would Pro cost us?', 'and annually?',
      'do you have SSO?', 'what about security, are you SOC 2?', 'where is data stored?', 'do you integrate with Slack?', 'we also use HubSpot and Jira',
      "actually we're 40 now, we just merged with another studio", 'so what would Pro cost for us now?', 'what about Business?', 'what did I tell you about our team size?',
      'what tools did I say we use?', "what's my company name again?", 'can we book a demo?', 'next tuesday afternoon', 'wait, before that - is there a free trial?',
      'ok, back to the demo, tuesday at 2pm works', 'dana@brightloop.io', 'thanks, what happens after the demo?', 'how long is the contract?', 'can we cancel anytime?',
      'great, thanks', "what's my name?", 'bye',
    ];
    const replies = await hold('en', turns);
    audit(replies);
    expect(askedWhenKnown(replies)).toEqual([]);
    // The team size asked once, never again after it was given.
    expect(replies.filter((reply) => fieldsAskedIn(reply.text).includes('teamSize'))).toHaveLength(1);
    expect(replies[12]?.text).toContain('**Pro** for 40 seats');
    expect(replies[14]?.text).toContain('**40**');
    expect(replies[15]?.text).toContain('**HubSpot and Jira**');
    expect(replies[16]?.text).toBe('You told me your company is **Brightloop**.');
    // Today is Tuesday 24 November: "next Tuesday", then "Tuesday at 2pm" after the trial question, is 1 December.
    expect(replies[20]?.text).toContain('Noted: **Tue, Dec 1, 2:00 PM (Europe/London)**');
    expect(booked(replies[21])?.start).toBe('2026-12-01T14:00:00.000Z');
    expect(replies[21]?.text).toContain('**Tue, Dec 1, 2:00 PM (Europe/London)**');
    expect(replies[26]?.text).toContain('**Dana**');
  });

  it('2 (en, 30 turns): a name spelt right ("no, it\'s Marc with a c") and a company corrected ("Acme Labs, not Acme Corp") are what is recalled', async () => {
    const turns = [
      'hello', 'how much does it cost?', "I'd rather not say how many we are yet", "ok what's included in Pro?", 'how much is Pro per seat?', "fine, we're about 15",
      'no wait, I said 15 but I meant 50', 'what would that cost on Business?', 'our budget is around $2000 a month', 'we need it by end of January',
      'what did I tell you about our budget?', 'and our timeline?', 'how many people did I say we were?', 'is there a discount for nonprofits?', 'do you integrate with Salesforce?',
      'we use Salesforce and Zendesk', 'are you GDPR compliant?', 'we might grow to 70 next year', "I'm Mark by the way", "no, it's Marc with a c",
      "what's my name?", "I'm with Acme Corp", 'sorry, the company is Acme Labs, not Acme Corp', 'what company am I with?', 'let\'s book a call for thursday at 3pm',
      'actually make it friday at 10am', 'marc@acmelabs.com', 'what tools did I say we use?', 'how many people did I say we were?', 'thanks',
    ];
    const replies = await hold('en', turns);
    expect(askedWhenKnown(replies)).toEqual([]);
    // Declined, the team size is never asked again.
    expect(replies.slice(2).filter((reply) => fieldsAskedIn(reply.text).includes('teamSize'))).toEqual([]);
    expect(replies[10]?.text).toContain('**around $2000 a month**');
    expect(replies[11]?.text).toContain('**end of January**');
    expect(replies[12]?.text).toContain('**50**');
    expect(lead(replies[19] as Said).name).toBe('Marc');
    expect(replies[20]?.text).toBe('You told me your name is **Marc**.');
    expect(lead(replies[22] as Said).company).toBe('Acme Labs');
    expect(replies[23]?.text).toBe('You told me your company is **Acme Labs**.');
    expect(booked(replies[26])?.start).toBe('2026-11-27T10:00:00.000Z');
    expect(replies[27]?.text).toContain('**Salesforce and Zendesk**');
    expect(replies[28]?.text).toContain('**50**');
  });

  it('3 (es, 26 turns): "¿cómo se llama mi empresa?" and "¿y del plazo?" answered from the record; "prefiero no decir cuántos somos" is no question', async () => {
    const replies = await hold('es', [
      'hola', 'soy Lucía, de Tramas SL', '¿cuánto cuesta?', 'prefiero no decir cuántos somos', '¿qué incluye Business?', 'bueno, somos unos 40', 'perdona, somos 14, no 40',
      '¿y cuánto sería el plan Pro?', 'tenemos un presupuesto de 500 al mes', 'lo necesitamos para marzo', '¿qué te dije del presupuesto?', '¿y del plazo?', '¿cuántos somos?',
      '¿cómo se llama mi empresa?', '¿tenéis SSO?', '¿os integráis con Slack?', 'usamos HubSpot y Jira', '¿qué herramientas te dije que usamos?', '¿hay prueba gratuita?',
      'quiero agendar una demo', 'el jueves por la mañana', 'espera, ¿es seguro? ¿tenéis RGPD?', 'vale, el jueves a las 10', 'lucia@tramas.es', 'gracias, ¿cómo me llamo?', 'adiós',
    ], 'Europe/Madrid');
    heldWell('es', replies);
    expect(askedWhenKnown(replies)).toEqual([]);
    expect(replies[3]?.text).not.toMatch(/Todavía no me ha dicho/);
    expect(replies.slice(3).filter((reply) => fieldsAskedIn(reply.text).includes('teamSize'))).toEqual([]);
    expect(replies[10]?.text).toContain('**500 al mes**');
    expect(replies[11]?.text).toBe('Me dijo que su plazo es **para marzo**.');
    expect(replies[12]?.text).toContain('**14**');
    expect(replies[13]?.text).toBe('Me dijo que su empresa es **Tramas SL**.');
    expect(replies[17]?.text).toContain('**HubSpot y Jira**');
    expect(booked(replies[23])?.start).toBe('2026-11-26T09:00:00.000Z');
    expect(replies[24]?.text).toContain('**Lucía**');
  });

  it('4 (fr, 22 turns): "mardi prochain", a GDPR question, then "mardi à 15h" books 1 December; the team of 18 is recalled', async () => {
    const replies = await hold('fr', [
      'bonjour', "je m'appelle Julien, je travaille chez Optima", 'nous sommes 8', 'combien coûte Starter ?', 'et Pro ?', 'vous avez le SSO ?', 'vos serveurs sont où ?',
      'vous vous intégrez avec Salesforce ?', 'en fait nous sommes 18', 'combien pour Pro alors ?', "qu'est-ce que je vous ai dit sur la taille de l'équipe ?",
      'comment s’appelle mon entreprise ?', 'je veux réserver une démo', 'mardi prochain', "attendez, c'est conforme RGPD ?", 'ok, mardi à 15h', 'julien@optima.fr',
      'merci, comment je m’appelle ?', 'il y a un engagement ?', 'on utilise Jira', 'quels outils utilisons-nous ?', 'au revoir',
    ], 'Europe/Paris');
    heldWell('fr', replies);
    expect(askedWhenKnown(replies)).toEqual([]);
    expect(replies[10]?.text).toContain('**18**');
    expect(replies[11]?.text).toContain('**Optima**');
    expect(replies[15]?.text).toContain('mardi 1er décembre, 15:00 (Europe/Paris)');
    expect(booked(replies[16])?.start).toBe('2026-12-01T14:00:00.000Z');
    expect(replies[17]?.text).toContain('**Julien**');
    expect(replies[20]?.text).toContain('**Jira**');
  });

  it('5 (ar and de, 22 turns each): the resumed booking keeps the week said before; the grown team and the company recalled', async () => {
    const ar = await hold('ar', [
      'مرحبا', 'اسمي سارة من شركة نخبة', 'نحن 15 شخص', 'كم سعر خطة Pro؟', 'وسنويا؟', 'هل عندكم SSO؟', 'أين تخزنون البيانات؟', 'هل تتكاملون مع Slack؟', 'نستخدم HubSpot',
      'في الحقيقة نحن 30 الآن', 'كم سعر Pro الآن؟', 'ماذا قلت لك عن حجم الفريق؟', 'ما الأدوات التي نستخدمها؟', 'ما اسم شركتي؟', 'أريد حجز عرض توضيحي', 'الثلاثاء القادم',
      'لحظة، هل هناك تجربة مجانية؟', 'حسنا، الثلاثاء الساعة 2 ظهرا', 'sara@nokhba.sa', 'شكرا، ما اسمي؟', 'هل يمكنني الإلغاء في أي وقت؟', 'مع السلامة',
    ], 'Europe/London');
    heldWell('ar', ar);
    expect(askedWhenKnown(ar)).toEqual([]);
    expect(ar[11]?.text).toContain('**30**');
    expect(ar[13]?.text).toContain('**نخبة**');
    expect(booked(ar[18])?.start).toBe('2026-12-01T14:00:00.000Z');
    const de = await hold('de', [
      'hallo', 'ich bin Jonas von Kraftwerk GmbH', 'wir sind 20 Leute', 'was kostet Pro?', 'und jährlich?', 'habt ihr SSO?', 'wo stehen eure Server?', 'gibt es eine Integration mit Jira?',
      'wir nutzen auch Slack', 'eigentlich sind wir 35', 'was kostet dann Business?', 'was habe ich zur Teamgröße gesagt?', 'welche Tools nutzen wir?', 'wie heißt meine Firma?',
      'kann ich eine Demo buchen?', 'nächsten Mittwoch', 'Moment, gibt es eine kostenlose Testphase?', 'ok, Mittwoch um 11 Uhr', 'jonas@kraftwerk.de', 'kann ich jederzeit kündigen?', 'danke, wie heiße ich?', 'tschüss',
    ], 'Europe/Berlin');
    heldWell('de', de);
    expect(askedWhenKnown(de)).toEqual([]);
    expect(de[11]?.text).toContain('**35**');
    // ("Nächsten Mittwoch" on a Tuesday is unclear: the day said again, "Mittwoch um 11 Uhr", stands.)
    expect(booked(de[18])?.start).toBe('2026-11-25T10:00:00.000Z');
    expect(de[20]?.text).toContain('**Jonas**');
  });

  it('6: a recommendation for the team it will be reads as one sentence ("Since you\'ll be 30 people next year, **Pro** still fits"), in English and French', async () => {
    const fr = await hold('fr', ['nous sommes 8', 'vous avez le SSO ?', "en fait on sera 30 l'an prochain", 'et maintenant on est 18']);
    expect(fr[3]?.text).toContain('Comme vous serez 30 l’an prochain, **Business** convient toujours (10 à 1');
    const en = await hold('en', ['we are 20', "we'll be 30 people next year", 'what would you recommend?']);
    expect(en[2]?.text).toContain("Since you'll be 30 people next year, **Pro** still fits (3–250 seats): it's the one I'd go with.");
    for (const reply of [...fr, ...en]) expect(reply.text).not.toMatch(/(?:Comme vous serez|Since you'll be)[^.]*, (?:et|and) \*\*/u);
  });
});
