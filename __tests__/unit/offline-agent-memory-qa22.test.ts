/** @jest-environment node */
// QA round 22, part A (and C.19): what the offline agent remembers about the prospect, and reads back.
import { meetingTimesIn } from '@/lib/llm/offline/reading';
import { parsePreferredTime } from '@/lib/sales/booking';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { extractLeadFacts } from '@/lib/sales/lead';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { conversation, lead, NOW } from '../support/offline-agent';

const values = (text: string, options: { knownTeamSize?: number; askedField?: 'name' | 'need' } = {}) =>
  Object.fromEntries(Object.entries(extractLeadFacts({ text, messageId: 'm', now: 0, ownNames: ['Northwind Cloud'], ...options })).map(([field, fact]) => [field, fact?.value]));

describe('offline agent memory: QA round 22', () => {
  it('A1: moving the meeting with "actually", "perdón" or "عفواً" keeps the team size', async () => {
    const scripts: [SalesLocale, string, string[]][] = [
      ['en', 'America/New_York', ["we're 22 people", 'book a demo thursday at 2pm, p@x.com', 'actually can we do friday at 10 instead']],
      ['es', 'Europe/Madrid', ['somos 22', 'demo el jueves a las 14, p@x.es', 'perdón, mejor el viernes a las 10']],
      ['ar', 'Asia/Riyadh', ['عددنا ٢٢ موظفاً', 'احجز عرضاً توضيحياً يوم الأربعاء الساعة ١١ صباحاً، بريدي k@x.sa', 'عفواً، الأفضل الخميس الساعة ٢ ظهراً']],
    ];
    for (const [locale, zone, turns] of scripts) {
      const { say } = conversation({ locale, visitorTimeZone: zone });
      let last;
      for (const turn of turns) last = await say(turn);
      expect(last && [locale, lead(last).teamSize, last.tools[0]?.toolName]).toEqual([locale, 22, 'book_meeting']);
    }
    // A correction of the team that names no meeting still corrects it.
    expect(values('sorry, I meant 30', { knownTeamSize: 22 }).teamSize).toBe(30);
  });

  it('A2: a budget with a space as the thousands separator is kept whole and set beside the quote', async () => {
    const french = conversation({ locale: 'fr' });
    await french.say('on est 60');
    const budget = await french.say("Notre budget est d'environ 30 000 dollars par an");
    expect(lead(budget).budget).toBe("environ 30 000 dollars par an");
    expect(budget.text).toContain('(**environ 30 000 dollars par an**)');
    const english = conversation();
    await english.say("we're 60");
    const stated = await english.say('our budget is about 30 000 dollars a year');
    expect(lead(stated).budget).toBe('about 30 000 dollars a year');
    expect(stated.text).toContain('That fits the budget you mentioned (**about 30 000 dollars a year**).');
    // The no-break spaces French typography uses.
    expect(values('Notre budget : 12\u202f000 € par an').budget).toBe('12 000 € par an');
    expect(values('budget de 12\u00a0000 euros par an').budget).toBe('12 000 euros par an');
  });

  it('A3: a seat count that changes is stored, not taken as the need', async () => {
    const french = conversation({ locale: 'fr' });
    const later = await french.say('ah non en fait on sera 30');
    expect(lead(later)).toEqual({ teamSize: 30 });
    const recall = await french.say('rappelle-moi combien on est');
    expect(recall.text).toContain('**30**');
    expect(lead(recall).need).toBeUndefined();

    const english = conversation();
    await english.say("we're 12");
    const hired = await english.say('we just hired 4 more people');
    expect(lead(hired).teamSize).toBe(16);
    expect(lead(hired).need).toBeUndefined();
    expect(hired.text).toContain('**$464 a month**');
    const now = await english.say('so how much now?');
    expect(now.tools[0]?.input).toMatchObject({ seats: 16 });

    const fewer = conversation({ locale: 'fr' });
    await fewer.say('on est 60');
    const only = await fewer.say("finalement on ne serait que 45 à l'utiliser");
    expect(lead(only)).toEqual({ teamSize: 45 });

    const arabic = conversation({ locale: 'ar' });
    await arabic.say('عددنا ٣٠ موظفاً');
    const changed = await arabic.say('غيرت رأيي، سنكون ٢٠ فقط');
    expect(lead(changed)).toEqual({ teamSize: 20 });
    expect(changed.text).toContain('580\u00a0US$');

    expect([values("we'll be 30").teamSize, values('seremos 25').teamSize, values('wir werden 40 sein').teamSize, values('contratamos 5 personas más', { knownTeamSize: 10 }).teamSize]).toEqual([30, 25, 40, 15]);
    // A year is no team, nor a span of time.
    expect([values('wir werden 2027 starten').teamSize, values("we'll be 2 weeks late").teamSize, values('we have 3 more questions', { knownTeamSize: 10 }).teamSize]).toEqual([undefined, undefined, undefined]);
  });

  it('A4: a spoken introduction in lower case keeps the name, the company and the team', async () => {
    const cases: [SalesLocale, string, Record<string, unknown>, string][] = [
      ['en', 'im dave from brightwater plumbing', { name: 'Dave', company: 'Brightwater Plumbing' }, 'Thanks, Dave!'],
      ['es', 'eh soy marta garcia de transportes lopez somos unas 40 personas', { name: 'Marta Garcia', company: 'Transportes Lopez', teamSize: 40 }, '¡Gracias, Marta!'],
      ['de', 'ich bin der tobias von der firma nordlicht medien', { name: 'Tobias', company: 'Nordlicht Medien' }, 'Danke, Tobias!'],
      ['fr', "euh alors moi c'est camille de l'agence pixel rouge on est genre 25", { name: 'Camille', company: 'Pixel Rouge', teamSize: 25 }, 'Merci, Camille'],
      ['ar', 'احنا ١٢ واحد', { teamSize: 12 }, '348\u00a0US$'],
    ];
    for (const [locale, said, fields, reply] of cases) {
      const { say } = conversation({ locale });
      const result = await say(said);
      expect([said, lead(result)]).toEqual([said, fields]);
      expect(result.text).toContain(reply);
    }
    // Only in the frame of an introduction, and never with a common word for a name.
    for (const said of ['im calling from work', 'soy parte de un equipo pequeño', 'je suis fan de votre outil', "i'm new from today", 'ich bin neu von hier', 'soy diseñadora de una agencia', 'im a designer from berlin', 'soy ana de nuevo', 'je suis chargée de projet chez acme']) {
      expect([said, values(said).name, values(said).company]).toEqual([said, undefined, undefined]);
    }
  });

  it('A5: the parts of one team, counted where they work, add up', async () => {
    const { say } = conversation();
    const result = await say('we have 15 people in the field and 3 in the office');
    expect(lead(result).teamSize).toBe(18);
    expect(result.text).toContain('For a team of 18');
    expect(values('we have fifteen guys in the field and three in the office').teamSize).toBe(18);
    expect(values('somos 12 en oficina y 6 en el almacén').teamSize).toBe(18);
  });

  it('A6: a choice, a request or a recall question is never the need; a start date is the timeline', async () => {
    const choice = conversation();
    await choice.say("we're 12");
    const chose = await choice.say("let's go with Business");
    expect(lead(chose)).toEqual({ teamSize: 12 });
    // The plan chosen, priced for the team on record.
    expect(chose.tools[0]).toEqual({ toolName: 'get_pricing', input: { plan: 'business', seats: 12, billing: 'monthly' } });
    expect(chose.text).toContain('**$588 a month**');
    const question = conversation();
    await question.say('how much is it');
    expect(lead(await question.say('thats for how many people')).need).toBeUndefined();
    expect(lead(await conversation({ locale: 'ar' }).say('ابي اعرف الاسعار')).need).toBeUndefined();
    const remind = conversation({ locale: 'ar' });
    await remind.say('عددنا ٣٠ موظفاً');
    const everything = await remind.say('ذكرني بما تعرفه عني');
    expect(lead(everything)).toEqual({ teamSize: 30 });
    expect(everything.text).toContain('**30**');

    expect(values('we need a tool to remind me of deadlines').need).toBe('need a tool to remind me of deadlines');
    expect(values('we would like to get our projects in one place').need).toEqual(expect.stringContaining('get our projects in one place'));
    const german = await conversation({ locale: 'de' }).say('Wir wollen bis Ende Q1 starten');
    expect(lead(german)).toEqual({ timeline: 'Q1' });
    const arabic = await conversation({ locale: 'ar' }).say('نريد البدء في فبراير');
    expect(lead(arabic)).toEqual({ timeline: 'في فبراير' });
    expect(arabic.text).not.toContain('متى تأمل');
    const both = await conversation({ locale: 'ar' }).say('ميزانيتنا حوالي ١٠٠٠ دولار شهرياً ونريد البدء في فبراير');
    expect(lead(both)).toMatchObject({ timeline: 'في فبراير' });
    expect(lead(both).need).toBeUndefined();
  });

  it('A7: "soy la directora financiera pero decide el director general" is her role and an approval, not asked again', async () => {
    const { say } = conversation({ locale: 'es' });
    const said = await say('yo soy la directora financiera pero decide el director general');
    expect(lead(said)).toEqual({ role: 'directora financiera', authority: 'needs approval' });
    expect(said.text).toContain('alguien más tiene que aprobarlo');
    const replies = [said.text];
    for (const turn of ['somos 20', 'queremos automatizar los reportes semanales', 'para marzo', 'nuestro presupuesto es de 800 dólares al mes']) replies.push((await say(turn)).text);
    expect(replies.join('\n')).not.toMatch(/qui[eé]n (?:más )?(?:participar|decid)|¿la decisión/i);
    expect([values('but the CEO decides').authority, values("c'est le DG qui décide").authority, values('aber der Geschäftsführer entscheidet').authority]).toEqual(['needs approval', 'needs approval', 'needs approval']);
  });

  it('C19: short recall questions read the stored value back', async () => {
    const cases: [SalesLocale, string[], string][] = [
      ['en', ['our budget is $1,200 a month', 'and our budget?'], 'You told me your budget is **$1,200 a month**.'],
      ['de', ['unser Budget liegt bei 1.200 Dollar im Monat', 'Und unser Budget?'], '**1.200 Dollar im Monat**'],
      ['en', ["I'm Dave from Brightwater", "what's my name?", 'and my company?'], 'You told me your company is **Brightwater**.'],
      ['es', ['presupuesto 150 dólares al mes', '¿Cuál era el presupuesto?'], 'Me dijo que su presupuesto es **150 dólares al mes**.'],
      ['es', ['nuestro presupuesto es de 1500 euros al mes', 'somos 40', 'cuanto era nuestro presupuesto?'], 'Me dijo que su presupuesto es **1500 euros al mes**.'],
      ['ar', ['ميزانيتنا حوالي ١٠٠٠ دولار شهرياً', 'كم كانت ميزانيتنا؟'], '**حوالي 1000 دولار شهريا**'],
      ['ar', ['نريد البدء في فبراير', 'ومتى نريد البدء؟'], '**في فبراير**'],
    ];
    for (const [locale, turns, expected] of cases) {
      const { say } = conversation({ locale });
      let last;
      for (const turn of turns) last = await say(turn);
      expect([turns.at(-1), last?.text]).toEqual([turns.at(-1), expect.stringContaining(expected)]);
      expect(last?.tools).toEqual([]);
    }
  });

  it('a day or a bare hour answering "what day and time?" is neither a name nor a team size', async () => {
    expect(values('thursday', { askedField: 'name' }).name).toBeUndefined();
    expect(values('el jueves', { askedField: 'name' }).name).toBeUndefined();
    const { say } = conversation();
    await say('I want a demo');
    expect(lead(await say('thursday'))).toEqual({});
    const hour = await say('10');
    expect(lead(hour).teamSize).toBeUndefined();
    expect(hour.tools.map((tool) => tool.toolName)).not.toContain('get_pricing');
  });

  it('books "el miércoles de la semana que viene a las 10" for next week\'s Wednesday at 10:00 (es, fr, de)', async () => {
    const { say } = conversation({ locale: 'es', visitorTimeZone: 'Europe/Madrid' });
    const booked = await say('quiero una demo el miércoles de la semana que viene a las 10, jo@acme.io');
    expect(booked.tools).toEqual([{ toolName: 'book_meeting', input: { email: 'jo@acme.io', preferredTimes: ['miércoles a las 10 la semana que viene'], timezone: 'Europe/Madrid' } }]);
    expect(booked.text).toContain('**miércoles, 2 de diciembre, 10:00 (Europe/Madrid)**');
    const policy = getKnowledgeBase().policies.meetings;
    const slot = { year: 2026, month: 12, day: 2, hour: 10, minute: 0 };
    for (const [said, locale] of [
      ['je veux une démo mercredi de la semaine prochaine à 10h, jo@acme.io', 'fr'],
      ['ich möchte eine Demo nächste Woche Mittwoch um 10, jo@acme.io', 'de'],
      ['Wednesday of next week at 10am', 'en'],
    ] as const) {
      const phrases = meetingTimesIn(said, NOW, locale);
      expect([said, phrases.map((phrase) => parsePreferredTime(phrase, 'Europe/Madrid', NOW, policy, locale))]).toEqual([said, [slot]]);
    }
  });

  it('"we\'d like to …" is the need (the contraction has no space after "we"), and the need is not asked again', async () => {
    const { say } = conversation();
    const told = await say("we'd like to automate our client reporting");
    expect(lead(told)).toMatchObject({ need: 'would like to automate our client reporting' });
    expect(told.text).not.toMatch(/what are you hoping to solve|what's the main problem/i);
    expect(told.text).not.toContain('BrightPath');
  });

  it('more ways of saying a wish are the need, in four languages; a wish for a demo, a price or a quote is none', async () => {
    const needs: Array<[string, SalesLocale, string]> = [
      ["we're looking to replace spreadsheets for project tracking", 'en', 'looking to replace spreadsheets for project tracking'],
      ["I'd love to get our onboarding checklists in one place", 'en', 'would love to get our onboarding checklists in one place'],
      ['we wanna stop losing track of client requests', 'en', 'wanna stop losing track of client requests'],
      ['nos gustaría automatizar los informes para clientes', 'es', 'nos gustaría automatizar los informes para clientes'],
      ['on voudrait centraliser nos demandes clients', 'fr', 'on voudrait centraliser nos demandes clients'],
      ['wir hätten gern einen besseren Überblick über unsere Projekte', 'de', 'wir hätten gern einen besseren Überblick über unsere Projekte'],
    ];
    for (const [said, locale, need] of needs) expect([said, lead(await conversation({ locale }).say(said)).need]).toEqual([said, need]);
    for (const [said, locale] of [["I'd love to book a demo", 'en'], ['we wanna know the price', 'en'], ['me gustaría saber el precio', 'es'], ['je voudrais un devis', 'fr'], ['ich hätte gern ein Angebot', 'de']] as const) {
      expect([said, lead(await conversation({ locale }).say(said)).need]).toEqual([said, undefined]);
    }
  });

  it('a headcount said as such is the team size ("headcount is 45", "team size: 12", "Teamgröße 20"), a growth rate is not', () => {
    expect(values('headcount is 45').teamSize).toBe(45);
    expect(values('team size: 12').teamSize).toBe(12);
    expect(values('Teamgröße 20').teamSize).toBe(20);
    expect(values('our team size is growing 20% a year').teamSize).toBeUndefined();
  });

  it('a team that signs off after them means approval is needed ("I decide but finance signs off", "procurement has to approve it")', () => {
    expect(values("I'm the one who decides but finance signs off").authority).toBe('needs approval');
    expect(values('procurement has to approve it').authority).toBe('needs approval');
    expect(values('our IT team approves new tools').authority).toBe('needs approval');
    expect(values('it approves every change automatically').authority).toBeUndefined();
  });
});
