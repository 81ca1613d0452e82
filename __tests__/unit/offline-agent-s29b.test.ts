/** @jest-environment node */
// Session 29 (b), prospects in long conversations: a German compound ("Jahresrabatt") and a Spanish synonym
// ("incorporación") find the knowledge base's answer; every tool of a stack said after a Starter quote is answered
// (Figma too); growth reads naturally in five languages and today's team is priced; meeting hours and "which
// Wednesday?" in the reply's language with Intl's words; a plan asked for "for us" past its seats names the one that fits.
import { hold, holdInLanguage, kb, lead, questionsIn, toolsOnRecord, UNSURE, type Said } from '../support/offline-agent';
import type { SalesLocale } from '@/lib/sales/turn-state';

const priced = (reply: Said | undefined) => (reply?.tools ?? []).filter((call) => call.toolName === 'get_pricing').map((call) => call.input as { plan: string; seats: number });

/** Every amount a reply states ("$1,160", "1.160 $", "1 160 $US", "1160 US$"), as a whole number of dollars. */
function statedAmounts(text: string): number[] {
  const found = text.matchAll(/(?:US\$|\$)\s?(\d[\d.,]*\d|\d)|(\d[\d.,\s\u00a0\u202f]*\d|\d)\s?(?:\$US|US\$|\$)/gu);
  return [...found].map((match) => Number((match[1] ?? match[2] ?? '').replace(/[.,\s\u00a0\u202f]/gu, '')));
}
/** The amounts a reply may state: catalogue prices, and the figures its own get_pricing calls returned. */
function groundedAmounts(reply: Said): Set<number> {
  const catalogue = kb.plans.flatMap((plan) => [plan.pricePerSeatMonthly, plan.pricePerSeatMonthlyAnnual]).flatMap((price) => (price === null ? [] : [price]));
  const quoted = reply.outputs.flatMap((output) => {
    const quote = output as { ok?: boolean; perSeatMonthly?: number; monthlyTotal?: number; annualTotal?: number; annualSavings?: number };
    return quote.ok ? [quote.perSeatMonthly, quote.monthlyTotal, quote.annualTotal, quote.annualSavings] : [];
  });
  return new Set([...catalogue, ...quoted.flatMap((value) => (typeof value === 'number' ? [value] : []))]);
}
/** No amount but a grounded one, in any locale's number format; no question asked word for word twice. */
function grounded(replies: Said[]) {
  const asked = new Set<string>();
  replies.forEach((reply, turn) => {
    const allowed = groundedAmounts(reply);
    expect({ turn, invented: statedAmounts(reply.text).filter((amount) => !allowed.has(amount)) }).toEqual({ turn, invented: [] });
    for (const question of questionsIn(reply.text)) {
      expect({ turn, repeated: asked.has(question) ? question : undefined }).toEqual({ turn, repeated: undefined });
      asked.add(question);
    }
  });
}

describe('offline agent: session 29 (b)', () => {
  it('1: "gibt es einen Jahresrabatt?", "¿cómo es la incorporación?" and their kin get the knowledge base\'s answer, never "no confirmed answer"', async () => {
    for (const [locale, asked, answer] of [
      ['de', 'gibt es einen Jahresrabatt?', 'Die jährliche Abrechnung ist die wichtigste Ersparnis'],
      ['de', 'wie funktioniert die Einarbeitung?', 'an einem Tag startklar'],
      ['es', '¿cómo es la incorporación?', 'La mayoría de los equipos empieza en un día'],
      ['es', '¿hay descuento por pago anual?', 'La facturación anual es el principal ahorro'],
      ['fr', 'y a-t-il une réduction annuelle ?', 'La facturation annuelle est la principale économie'],
      ['fr', 'comment se passe l’onboarding ?', 'opérationnelles en une journée'],
      ['ar', 'هل يوجد خصم سنوي؟', 'الفوترة السنوية هي أكبر توفير'],
      ['ar', 'كيف يتم التهيئة؟', 'تبدأ معظم الفرق العمل خلال يوم واحد'],
    ] as const) {
      const [, reply] = await hold(locale, [locale === 'de' ? 'hallo' : locale === 'es' ? 'hola' : locale === 'fr' ? 'bonjour' : 'مرحبا', asked]);
      expect({ asked, text: reply?.text }).toEqual({ asked, text: expect.stringContaining(answer) });
      expect({ asked, text: reply?.text }).not.toEqual({ asked, text: expect.stringMatching(UNSURE) });
    }
  });

  it('2: a stack said after a Starter quote answers every tool, Figma among them (never dropped), in five languages', async () => {
    for (const [locale, turns, figma] of [
      ['en', ['how much is starter for 5?', 'we use Figma, Slack, HubSpot'], "**Figma** isn't among the integrations we list"],
      ['es', ['hola, somos 5', 'usamos Figma, Slack, HubSpot'], '**Figma** no figura entre las integraciones'],
      ['de', ['hallo, wir sind 5', 'wir nutzen Figma, Slack, HubSpot'], '**Figma** gehört nicht zu den Integrationen'],
      ['fr', ['bonjour, on est 5', 'on utilise Figma, Slack, HubSpot'], '**Figma** ne fait pas partie des intégrations'],
      ['ar', ['مرحبا', 'نحن فريق من 5 أشخاص', 'نستخدم Figma و Slack و HubSpot'], '**Figma** ليس ضمن التكاملات'],
      ['ar', ['مرحبا', 'نحن فريق من 5 أشخاص', 'نستخدم فيغما و سلاك و هبسبوت'], '**Figma** ليس ضمن التكاملات'],
    ] as const satisfies readonly (readonly [SalesLocale, readonly string[], string])[]) {
      const reply = (await hold(locale, turns)).at(-1);
      expect({ locale, text: reply?.text }).toEqual({ locale, text: expect.stringContaining(figma) });
      expect({ locale, slack: reply?.text.includes('Slack'), hubspot: reply?.text.includes('HubSpot') }).toEqual({ locale, slack: true, hubspot: true });
      expect({ locale, tools: toolsOnRecord(reply) }).toEqual({ locale, tools: ['Slack', 'HubSpot'] });
    }
  });

  it('3: growth reads naturally in five languages; with 30 on record, 30 is priced and named, 40 said as when they get there', async () => {
    for (const [locale, turns, noted, later, awkward] of [
      ['en', ["hi, we're 30", "we'll be 40 next year", 'how much is pro?'], "Noted: you'll go from 30 to 40 people next year, and **Pro** still fits", "Once you're 40 people next year, **Pro** would come to", /growing to 40 next year takes|For a team of 40/],
      ['es', ['hola, somos 30', 'el año que viene seremos 40', '¿cuánto cuesta pro?'], 'Anotado: pasan de 30 a 40 personas el año que viene, y **Pro** les sigue sirviendo', 'Cuando sean 40 personas el año que viene, **Pro** saldría a', /llegar a 40|con llegar|Para un equipo de 40/],
      ['fr', ['bonjour, on est 30', "l'an prochain on sera 40", 'combien coûte pro ?'], 'C’est noté : vous passerez de 30 à 40 personnes l’an prochain, et **Pro** convient toujours', 'Quand vous serez 40 l’an prochain, **Pro** reviendrait à', /passer à 40|avec passer|Pour une équipe de 40/],
      ['de', ['hallo, wir sind 30', 'nächstes Jahr werden wir 40 sein', 'was kostet pro?'], 'Notiert: Sie wachsen nächstes Jahr von 30 auf 40 Personen, und **Pro** passt weiterhin', 'Wenn Sie nächstes Jahr 40 Personen sind, käme **Pro** auf', /auf 40 wachsen|Für ein Team von 40/],
      ['ar', ['مرحبا نحن 30', 'سنصبح 40 السنة القادمة', 'كم سعر الباقة الاحترافية؟'], 'سجّلت ذلك: سيصبح عددكم 40 بدلًا من 30 السنة القادمة', 'وعندما يصبح عددكم 40 السنة القادمة، ستكون باقة **الاحترافية**', /الوصول إلى 40|مع الوصول/],
    ] as const satisfies readonly (readonly [SalesLocale, readonly string[], string, string, RegExp])[]) {
      const [, grows, quote] = await hold(locale, turns);
      expect({ locale, text: grows?.text }).toEqual({ locale, text: expect.stringContaining(noted) });
      expect({ locale, text: quote?.text }).toEqual({ locale, text: expect.stringContaining(later) });
      for (const reply of [grows, quote]) expect({ locale, text: reply?.text }).not.toEqual({ locale, text: expect.stringMatching(awkward) });
      // Today's 30 priced on the growth turn (never 40 as if it were the team).
      expect({ locale, seats: priced(grows).map((input) => input.seats) }).toEqual({ locale, seats: [30, 30] });
      expect({ locale, team: lead(grows as Said).teamSize }).toEqual({ locale, team: 30 });
    }
    // People added read as before, in the right gender: "las 4 personas más".
    const [, , , recall] = await hold('es', ['somos 9', 'en enero entran 4 más', 'hola', '¿qué le dije del crecimiento?']);
    expect(recall?.text).toContain('**4 personas más en enero**');
    const [, , spanish] = await hold('es', ['somos 9, ¿cuánto cuesta starter?', 'en enero entran 4 más', 'vale, ¿y qué plan entonces?']);
    expect(spanish?.text).not.toContain('los 4 personas');
  });

  it('4: meeting hours in the reply\'s language with Intl\'s clock (English "9 AM to 5 PM"), and "which Wednesday?" with Intl\'s day names', async () => {
    const [hours] = await hold('en', ['can we book a demo next week?']);
    expect(hours?.text).toContain('any weekday next week (Mon, Nov 30 to Fri, Dec 4) from 9 AM to 5 PM (Europe/London)');
    expect(hours?.text).not.toMatch(/09:00|17:00/);
    const [late] = await hold('en', ['book a demo on saturday at 8pm, jo@acme.io']);
    expect(late?.text).toContain('is outside our meeting hours (9 AM–5 PM, Monday to Friday)');
    const [weekend] = await hold('en', ['can we do a demo on saturday at 10?']);
    expect(weekend?.text).toContain('is outside our meeting hours (Monday to Friday, 9 AM–5 PM)');
    const [german] = await hold('de', ['können wir nächste Woche eine Demo machen?']);
    expect(german?.text).toContain('zwischen 09:00 und 17:00 Uhr');
    for (const [locale, said, first, second] of [
      ['en', 'book a demo next wednesday at 10am, jo@acme.io', 'Wednesday, November 25', 'Wednesday, December 2'],
      ['es', 'reserve una demo el próximo miércoles a las 10, jo@acme.io', 'miércoles, 25 de noviembre', 'miércoles, 2 de diciembre'],
      ['fr', 'réservez une démo mercredi prochain à 10h, jo@acme.io', 'mercredi 25 novembre', 'mercredi 2 décembre'],
      ['ar', 'احجز عرضا توضيحيا الأربعاء القادم الساعة 10، jo@acme.io', 'الأربعاء، 25 نوفمبر', 'الأربعاء، 2 ديسمبر'],
    ] as const) {
      const [reply] = await hold(locale, [said]);
      expect({ locale, text: reply?.text }).toEqual({ locale, text: expect.stringContaining(`**${first}**`) });
      expect({ locale, text: reply?.text }).toEqual({ locale, text: expect.stringContaining(`**${second}**`) });
      expect({ locale, booked: reply?.session.state.bookings }).toEqual({ locale, booked: [] });
    }
  });

  it('5: "how much is Starter for us?" with a team of 12 on record: Starter stops at 10, and the plan that holds them is named (es, fr, de, ar)', async () => {
    for (const [locale, turns, limit] of [
      ['es', ['somos 12', '¿cuánto cuesta starter para nosotros?'], '**Starter** llega hasta 10 usuarios, así que para 12 corresponde **Pro**.'],
      ['fr', ['on est 12', 'combien coûte starter pour nous ?'], '**Starter** s’arrête à 10 utilisateurs ; pour 12, c’est **Pro**.'],
      ['de', ['wir sind 12', 'was kostet Starter für uns?'], '**Starter** endet bei 10 Nutzern; für 12 passt **Pro**.'],
      ['ar', ['نحن 12', 'كم سعر الباقة المبتدئة لنا؟'], 'باقة **المبتدئة** تتوقف عند 10 مستخدمين، لذا فالأنسب لـ 12 هي باقة **الاحترافية**.'],
    ] as const) {
      const [, reply] = await hold(locale, turns);
      expect({ locale, text: reply?.text }).toEqual({ locale, text: expect.stringContaining(limit) });
    }
  });

  it('long conversation in Spanish (15 turns): facts kept through a correction, prices grounded, no question twice, Spanish throughout', async () => {
    const replies = await holdInLanguage('es', 'Europe/Madrid', [
      'Hola, soy Lucía Fernández de Ortega Legal',
      'somos 18 abogados',
      '¿cuánto costaría pro para nosotros?',
      'usamos Outlook, Slack y Figma',
      '¿es seguro? manejamos datos de clientes',
      '¿cómo es la incorporación?',
      '¿hay descuento si pagamos al año?',
      'perdón, en realidad somos 22',
      'el año que viene seremos 30',
      'qué buen tiempo hace hoy en Madrid',
      '¿podemos agendar una demo el jueves a las 11? mi correo es lucia@ortegalegal.es',
      '¿a qué hora quedamos?',
      '¿puedo hablar con una persona?',
      'volviendo al precio, ¿y business?',
      'gracias',
    ]);
    grounded(replies);
    const end = replies.at(-1) as Said;
    expect(lead(end)).toEqual(expect.objectContaining({ name: 'Lucía Fernández', company: 'Ortega Legal', teamSize: 22, email: 'lucia@ortegalegal.es' }));
    expect(end.session.state.growth?.to).toBe(30);
    expect(toolsOnRecord(end)).toEqual(expect.arrayContaining(['Slack']));
    expect(replies[3]?.text).toContain('**Figma**');
    expect(replies[5]?.text).toContain('La mayoría de los equipos empieza en un día');
    // Today's 22 priced after the correction and the growth; next year's 30 at most beside it.
    expect(priced(replies[8])).toContainEqual(expect.objectContaining({ seats: 22 }));
    expect(replies[8]?.text).toContain('Anotado: pasan de 22 a 30 personas el año que viene');
    expect(priced(replies[13])).toContainEqual({ plan: 'business', seats: 22, billing: 'monthly' });
    expect(replies[13]?.text).toContain('Cuando sean 30 personas el año que viene, **Business** saldría a');
    expect(end.session.state.bookings).toHaveLength(1);
    expect(replies[12]?.tools.map((call) => call.toolName)).toContain('request_human');
  });

  it('long conversation in German (16 turns): facts kept through a correction, prices grounded, no question twice, German throughout', async () => {
    const replies = await holdInLanguage('de', 'Europe/Berlin', [
      'Guten Tag, mein Name ist Jonas Weber von der Brandt GmbH',
      'wir sind 12 Leute im Vertrieb',
      'was kostet Starter für uns?',
      'wir nutzen Figma, Slack und HubSpot',
      'wie sieht es mit Datenschutz aus? DSGVO?',
      'gibt es einen Jahresrabatt?',
      'wie läuft das Onboarding?',
      'Korrektur: wir sind 14, nicht 12',
      'und was kostet dann Pro?',
      'nächstes Jahr werden wir 25 sein',
      'schönes Wetter heute, oder?',
      'kann ich mit jemandem sprechen?',
      'zurück zum Preis: was kostet Business?',
      'können wir nächste Woche eine Demo machen?',
      'Dienstag um 10 Uhr, jonas.weber@brandt.de',
      'danke',
    ], { handoffMayAsk: true });
    grounded(replies);
    const end = replies.at(-1) as Said;
    expect(lead(end)).toEqual(expect.objectContaining({ name: 'Jonas Weber', company: 'Brandt GmbH', teamSize: 14, email: 'jonas.weber@brandt.de' }));
    expect(end.session.state.growth?.to).toBe(25);
    expect(toolsOnRecord(end)).toEqual(['Slack', 'HubSpot']);
    expect(replies[2]?.text).toContain('**Starter** endet bei 10 Nutzern; für 12 passt **Pro**.');
    expect(replies[3]?.text).toContain('**Figma** gehört nicht zu den Integrationen');
    expect(replies[5]?.text).toContain('Die jährliche Abrechnung ist die wichtigste Ersparnis');
    expect(replies[9]?.text).toContain('Notiert: Sie wachsen nächstes Jahr von 14 auf 25 Personen');
    expect(priced(replies[12])).toContainEqual({ plan: 'business', seats: 14, billing: 'monthly' });
    expect(replies[12]?.text).toContain('Wenn Sie nächstes Jahr 25 Personen sind, käme **Business** auf');
    expect(replies[11]?.tools.map((call) => call.toolName)).toContain('request_human');
    // "Dienstag" in answer to next week's hours: that week's Tuesday, 10:00 in Berlin.
    expect(end.session.state.bookings[0]?.localLabel).toBe('Dienstag, 1. Dezember, 10:00 (Europe/Berlin)');
  });
});
