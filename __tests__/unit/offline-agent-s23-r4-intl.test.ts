/** @jest-environment node */
// Session 23, round 4 (es, de, fr, ar buyers): a budget stated under the plan just quoted, questions about the demo
// booked that are not a new time, company and phone given in passing, and "sag sie ab" / "übermorgen gleiche Zeit".
import { booked, conversation, usd } from '../support/offline-agent';

type Said = Awaited<ReturnType<ReturnType<typeof conversation>['say']>>;
const lead = (reply: Said) =>
  Object.fromEntries(Object.entries(reply.session.state.lead.fields as Record<string, { value: unknown } | undefined>).map(([field, fact]) => [field, fact?.value]));

describe('offline agent: session 23 round 4 buyers in es, de, fr and ar', () => {
  it('1: a budget stated after Business was quoted never says Business "fits": the cheaper plan within it follows', async () => {
    for (const [locale, team, business, budget, fits] of [
      ['ar', 'احنا فريق من ٤٠ شخص', 'كم سعر خطة Business؟', 'غالي شوية، ميزانيتنا ١٥٠٠ دولار في الشهر', 'هذا ضمن الميزانية'],
      ['es', 'somos 40', 'cuanto cuesta business?', 'un poco caro, nuestro presupuesto es 1500 dolares al mes', 'entra en el presupuesto'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(team);
      await chat.say(business);
      const reply = await chat.say(budget);
      // The amount said right before "that fits" is Pro's, never Business's $1,960.
      const before = reply.text.slice(0, reply.text.indexOf(fits));
      expect(before).toContain(usd(1160, locale));
      expect(before).not.toContain(usd(1960, locale));
    }
  });

  it('2: with a demo booked, "¿qué necesito preparar para la demo?" and "cuando quedo la demo?" never move it', async () => {
    const chat = conversation({ locale: 'es', visitorTimeZone: 'Europe/Madrid' });
    await chat.say('quiero una demo el martes que viene a las 10');
    await chat.say('javier@talleresibarra.es');
    const when = await chat.say('perdona, ¿a qué hora era la cita?');
    expect(when.text).toContain('**martes, 1 de diciembre, 10:00 (Europe/Madrid)**');
    const moved = await chat.say('Mejor el miércoles a las 12');
    expect(booked(moved)?.start).toBe('2026-12-02T11:00:00.000Z');
    const prepare = await chat.say('¿Qué necesito preparar para la demo?');
    expect(prepare.tools.map((tool) => tool.toolName)).not.toContain('book_meeting');
    expect(booked(prepare)?.start).toBe('2026-12-02T11:00:00.000Z');
    const asked = await chat.say('cuando quedo la demo?');
    expect(asked.tools).toEqual([]);
    expect(asked.text).toContain('**miércoles, 2 de diciembre, 12:00 (Europe/Madrid)**');
    expect(booked(asked)?.start).toBe('2026-12-02T11:00:00.000Z');
  });

  it('3: "übermorgen gleiche Zeit" keeps the booked hour, and "sag sie ab" cancels the demo', async () => {
    const chat = conversation({ locale: 'de', visitorTimeZone: 'Europe/Vienna' });
    await chat.say('ok lass mal ne demo machen, morgen um 15 uhr?');
    await chat.say('tim@pixelwerk.at');
    const moved = await chat.say('ach ne doch lieber übermorgen gleiche zeit');
    expect(booked(moved)?.start).toBe('2026-11-26T14:00:00.000Z');
    const cancelled = await chat.say('lass die demo doch weg, sag sie ab');
    expect(cancelled.tools.map((tool) => tool.toolName)).toEqual(['cancel_meeting']);
    expect(booked(cancelled)?.cancelledAt).toBeDefined();
  });

  it('4: the company, name and phone said in passing are kept, and a goodbye is never the company', async () => {
    const cases: Array<[ 'es' | 'de' | 'ar', string[], Record<string, unknown>]> = [
      ['es', ['Buenas, os escribo de parte de Talleres Ibarra'], { company: 'Talleres Ibarra' }],
      ['es', ['somos 15', 'la empresa se llama Agencia Luz'], { company: 'Agencia Luz', teamSize: 15 }],
      ['de', ['Guten Tag, mein Name ist Dr. Katrin Vogel von der Vogel & Partner Steuerberatung.', 'Vielen Dank, auf Wiederhören.'], { name: 'Katrin Vogel', company: 'Vogel & Partner Steuerberatung' }],
      ['de', ['ich bin der tim, tim@pixelwerk.at, firma pixelwerk'], { name: 'Tim', company: 'Pixelwerk', email: 'tim@pixelwerk.at' }],
      ['ar', ['ايميلي ahmed@alriyada.ae', 'رقمي 0501234567'], { phone: '0501234567' }],
      ['ar', ['ايميلي ahmed@alriyada.ae', 'رقم جوالي ٠٥٠١٢٣٤٥٦٧'], { phone: '0501234567' }],
    ];
    for (const [locale, turns, fields] of cases) {
      const chat = conversation({ locale });
      let last: Said | undefined;
      for (const turn of turns) last = await chat.say(turn);
      expect(lead(last!)).toMatchObject(fields);
      expect(String(lead(last!).company ?? '')).not.toMatch(/\d|Wiederhören/);
    }
    // A goodbye after "which company?" is no company either.
    const asked = conversation({ locale: 'de' });
    await asked.say('Guten Tag, mein Name ist Katrin Vogel.');
    await asked.say('Wir sind 22 Mitarbeiter.');
    await asked.say('k.vogel@example.de');
    const bye = await asked.say('Vielen Dank, auf Wiederhören.');
    expect(lead(bye).company).toBeUndefined();
    expect(bye.text).not.toMatch(/Unternehmen Vielen Dank/);
  });

  it('5: "y el business? q diferencia hay" after Pro was quoted compares Pro and Business, not Business and Enterprise', async () => {
    for (const [locale, turns] of [
      ['es', ['somos como 15', 'cuanto cuesta el plan pro?', 'y el business? q diferencia hay']],
      ['de', ['wir sind 15', 'und business? was ist der unterschied?']],
    ] as const) {
      const chat = conversation({ locale });
      let last: Said | undefined;
      for (const turn of turns) last = await chat.say(turn);
      expect(last!.text).toMatch(/\*\*Pro\*\* (?:y|und) \*\*Business\*\*/);
      expect(last!.text).not.toContain('Enterprise');
    }
  });

  it('6: "¿los precios son en € o en dólares?" and the like are answered with the currency, in their language', async () => {
    for (const [locale, question, answer] of [
      ['es', 'vale. ¿Y los precios son en € o en dólares?', 'Nuestros precios están solo en USD'],
      ['fr', "c'est en euros ou en dollars ?", 'Nos prix sont uniquement en USD'],
      ['ar', 'الأسعار بالدولار ولا باليورو؟', 'أسعارنا بعملة USD فقط'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(locale === 'ar' ? 'نحن 8' : locale === 'fr' ? 'nous sommes 8' : 'somos 8');
      expect((await chat.say(question)).text).toContain(answer);
    }
  });

  it('7: "me parece caro…" after "who else decides?" is no "the decision is yours"; "¿cuántos te dije?" says "son 8"', async () => {
    const chat = conversation({ locale: 'es' });
    await chat.say('somos 8');
    await chat.say('¿Qué plan nos vendría mejor? ¿Cuánto sería al mes?');
    await chat.say('¿ustedes ofrecen descuento para pymes?');
    const objection = await chat.say('me parece caro, con Trello pagamos mucho menos');
    expect(objection.text).not.toContain('la decisión es suya');
    expect(lead(objection).authority).toBeUndefined();
    const recall = await chat.say('¿cuántos te dije que éramos?');
    expect(recall.text).toContain('Me dijo que son **8**.');
  });

  it('8: "cuanto nos saldria business?" prices Business (at its minimum), not the plan recommended before', async () => {
    for (const question of ['ah ok. cuanto nos saldria business entonces?', 'cuanto nos costaria business?', 'cuanto nos sale business?']) {
      const chat = conversation({ locale: 'es' });
      await chat.say('somos 5');
      const reply = await chat.say(question);
      expect(reply.tools.map((tool) => (tool.input as { plan?: string }).plan)).toContain('business');
      expect(reply.text).toContain('El mínimo de **Business** es de 10 usuarios');
    }
  });

  it('9: "Andrés Pérez, de FintechCo" to "who am I speaking with?" keeps both, and "chao" is no company', async () => {
    const chat = conversation({ locale: 'es', visitorTimeZone: 'America/Bogota' });
    await chat.say('me puedes agendar una llamada para mañana a las 9 am?');
    await chat.say('andres.p@fintechco.co');
    const named = await chat.say('Andrés Pérez, de FintechCo');
    expect(lead(named)).toMatchObject({ name: 'Andrés Pérez', company: 'FintechCo' });
    const bye = await chat.say('chao');
    expect(lead(bye).company).toBe('FintechCo');
    expect(bye.text).not.toContain('chao');
  });

  it('10: "بعد بكرة" keeps the booked hour, "الديمو امتى؟" is answered, and the date is in English after a switch', async () => {
    const chat = conversation({ locale: 'ar', visitorTimeZone: 'Africa/Cairo' });
    await chat.say('عايز احجز ديمو بكرة الساعة ١١ الصبح');
    await chat.say('mona@khair.org');
    const moved = await chat.say('ممكن نخليها بعد بكرة؟');
    expect(booked(moved)?.start).toBe('2026-11-26T09:00:00.000Z');
    const when = await chat.say('الديمو امتى؟');
    expect(when.tools).toEqual([]);
    expect(when.text).toContain('**الخميس، 26 نوفمبر، 11:00 ص (Africa/Cairo)**');
    await chat.say('Can we switch to English please?');
    const cancelled = await chat.say('ok thanks, cancel the demo');
    expect(cancelled.text).toContain('**Thu, Nov 26, 11:00 AM (Africa/Cairo)**');
    expect(cancelled.text).not.toMatch(/[\u0600-\u06FF]/);
  });

  it('11: "une petite asso de 6 bénévoles" is a team of 6, "une réduc pour les assos" the nonprofit discount, "asso Les Petits Pas" the company', async () => {
    const chat = conversation({ locale: 'fr', visitorTimeZone: 'Europe/Brussels' });
    const team = await chat.say('salut, on est une petite asso de 6 bénévoles');
    expect(lead(team).teamSize).toBe(6);
    const discount = await chat.say('y a une réduc pour les assos ?');
    expect(discount.text).not.toMatch(/réponse confirmée/);
    const named = await chat.say("je m'appelle Julie Lambert, asso Les Petits Pas");
    expect(lead(named)).toMatchObject({ name: 'Julie Lambert', company: 'Les Petits Pas' });
    const recall = await chat.say('on était combien déjà ?');
    expect(recall.text).toContain('**6**');
  });

  it('12: "Wie viele Leute waren wir nochmal?" recalls the team, and a Swiss "Merci vielmal" is answered in German', async () => {
    const chat = conversation({ locale: 'de' });
    await chat.say('wir sind 35');
    const recall = await chat.say('Wie viele Leute waren wir nochmal laut Ihnen?');
    expect(recall.text).toContain('Sie hatten mir gesagt, dass Sie **35** Personen im Team sind.');
    const thanks = await chat.say('Merci vielmal');
    expect(thanks.text).toMatch(/Gern geschehen/);
    expect(thanks.text).not.toMatch(/Avec plaisir/);
  });

  it('13: "Kann mich jemand vom Vertrieb anrufen?" and its es and fr forms hand over to a person', async () => {
    for (const [locale, team, ask] of [
      ['de', 'wir sind 35', 'Kann mich jemand vom Vertrieb anrufen? 044 123 45 67'],
      ['es', 'somos 35', '¿me puede llamar alguien de ventas? 612 345 678'],
      ['fr', 'nous sommes 35', 'un commercial peut me rappeler ? 06 12 34 56 78'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(team);
      const reply = await chat.say(ask);
      expect(reply.tools.map((tool) => tool.toolName)).toContain('request_human');
      expect(lead(reply).phone).toBeDefined();
    }
  });
});
