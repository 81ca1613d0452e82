/** @jest-environment node */
// Session 24 (es, fr, de, ar prospects, issues 9 and 11): growth plans remembered and sized for ("en enero entran 4
// más"), team-size recall in natural words, the servers' region and a mobile app answered honestly, "next week" never
// booked for them, a formal German buyer never called by first name, and five fifteen-turn conversations typed as
// people type (no accents, typos, English words mixed in).
import { booked, conversation, holdInLanguage, lead, UNSURE } from '../support/offline-agent';
import type { SalesLocale } from '@/lib/sales/turn-state';

/** A fifteen-turn conversation's replies, checked turn by turn (support: holdInLanguage). */
const hold = (locale: SalesLocale, zone: string, turns: readonly string[]) => holdInLanguage(locale, zone, turns, { handoffMayAsk: true });

describe('offline agent: session 24, prospects in es, fr, de and ar', () => {
  it('1: "en enero entran 4 más" is remembered: Starter outgrown for a team of 9, still fitting for 5, and recalled', async () => {
    const chat = conversation({ locale: 'es' });
    await chat.say('somos 9');
    const growth = await chat.say('en enero entran 4 mas, seguimos en starter?');
    expect(growth.text).toContain('con 4 personas más en enero pasan de 9 a 13 personas');
    expect(growth.text).toContain('**Starter** llega hasta 10 usuarios y se les quedaría pequeño');
    expect(growth.tools).toContainEqual({ toolName: 'get_pricing', input: { plan: 'pro', seats: 13, billing: 'monthly' } });
    // The team on record is still 9, and "en enero" is the growth's date, not the rollout's.
    expect(lead(growth)).toMatchObject({ teamSize: 9 });
    expect(lead(growth).timeline).toBeUndefined();
    const later = await chat.say('cuanto nos costaria?');
    expect(later.text).toContain('Contando las 4 personas más en enero que me comentó, serán 13 personas');
    expect((await chat.say('que te dije de las contrataciones?')).text).toContain('**4 personas más en enero**, es decir, **13 personas** entonces');

    const small = conversation({ locale: 'es' });
    await small.say('somos 5');
    const fits = await small.say('en enero entran 2 más');
    expect(fits.text).toContain('pasan de 5 a 7 personas, y **Starter** les sigue sirviendo');
  });

  it('2: the same growth in French, German and Arabic: the people added are not the team, and Starter is outgrown', async () => {
    for (const [locale, team, growth, said] of [
      ['fr', 'on est 8', 'on aura 4 personnes de plus en janvier', 'vous passez de 8 à 12 personnes. **Starter** s’arrête à 10 utilisateurs'],
      ['de', 'wir sind 8', 'im januar kommen 4 leute dazu', 'damit wachsen Sie von 8 auf 12 Personen. **Starter** endet bei 10 Nutzern'],
      ['ar', 'احنا ٨ أشخاص', 'بنوظف ٤ كمان الشهر الجاي', 'يصبح عددكم 12 بدلًا من 8. باقة **المبتدئة** تتوقف عند 10 مستخدمين'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(team);
      const reply = await chat.say(growth);
      expect(reply.text).toContain(said);
      expect(lead(reply).teamSize).toBe(8);
      expect(reply.tools).toContainEqual({ toolName: 'get_pricing', input: { plan: 'pro', seats: 12, billing: 'monthly' } });
    }
    // "Still Starter then?" asked after the growth, in each language: no, the team they will be is past its 10 seats.
    for (const [locale, team, growth, still, said] of [
      ['fr', 'salut, c combien pour 8 personnes ?', 'et on recrute 3 personnes en fevrier', 'du coup on reste sur starter ?', 'vous serez 11 : au-delà des 10 utilisateurs de **Starter**, je vous conseille donc **Pro**'],
      ['de', 'hallo, was kostet das für 6 leute?', 'nächsten monat kommen 6 neue kollegen dazu', 'reicht dann starter noch?', 'Sie hatten 6 weitere Personen nächsten Monat erwähnt, dann sind Sie 12 Personen: mehr als die 10 Nutzer von **Starter**'],
      ['ar', 'كم السعر ل ٨ موظفين؟', 'راح نوظف ٤ موظفين جدد السنة الجاية', 'تكفينا الباقة المبتدئة؟', 'يصبح عددكم 12 شخصًا، أي أكثر من 10 مستخدمين في باقة **المبتدئة**'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(team);
      await chat.say(growth);
      const reply = await chat.say(still);
      expect(reply.text).toContain(said);
      expect(reply.text).not.toMatch(UNSURE);
    }
  });

  it('3: team-size recall reads as people say it in fr, de and ar; "on est combien déjà ?" is a recall', async () => {
    for (const [locale, team, question, answer] of [
      ['fr', 'bonjour, on est 120', 'on est combien deja ?', 'Vous m’avez dit que vous étiez **120** dans l’équipe.'],
      ['de', 'wir sind 120', 'wie viele waren wir nochmal?', 'Sie hatten mir gesagt, dass Sie **120** Personen im Team sind.'],
      ['ar', 'احنا ١٢٠ شخص', 'كم قلت لك عددنا؟', 'ذكرت لي أن فريقكم يضم **120** شخصًا.'],
      ['es', 'somos 120', 'cuantos te dije que eramos?', 'Me dijo que son **120**.'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(team);
      const recall = await chat.say(question);
      expect(recall.text).toContain(answer);
      expect(recall.text).not.toMatch(/taille d’équipe :|Als Teamgröße|حجم فريقك كما/);
    }
  });

  it('4: where the servers are is the data-residency answer; a mobile app is said to be unlisted, and a yes hands the question over', async () => {
    for (const [locale, servers, region] of [
      ['es', 'donde estan los servidores?', 'Fráncfort'],
      ['fr', "c'est où les serveurs ?", 'Francfort'],
      ['de', 'wo stehen eure server?', 'Frankfurt'],
      ['ar', 'وين السيرفرات؟', 'فرانكفورت'],
      ['en', 'where are your servers?', 'Frankfurt'],
    ] as const) {
      const reply = await conversation({ locale }).say(servers);
      expect(reply.text).toContain(region);
      expect(reply.text).not.toMatch(UNSURE);
    }
    for (const [locale, mobile, unlisted, yes] of [
      ['es', '¿Hay app móvil?', 'no figura una app móvil', 'si porfa'],
      ['fr', 'y a une appli mobile ?', 'Je ne vois pas d’application mobile', 'oui volontiers'],
      ['de', 'gibt es eine app fürs handy?', 'Eine mobile App finde ich', 'ja gerne'],
      ['ar', 'فيه تطبيق للجوال؟', 'لا أجد تطبيقًا للجوال', 'نعم من فضلك'],
    ] as const) {
      const chat = conversation({ locale });
      const reply = await chat.say(mobile);
      expect(reply.text).toContain(unlisted);
      expect(reply.text).toContain('sales@northwind.example');
      expect(reply.text).toMatch(/[?؟]$/);
      const handed = await chat.say(yes);
      expect(handed.tools).toEqual([{ toolName: 'request_human', input: { reason: `The prospect asked for a person: "${mobile}"` } }]);
    }
    // "في فترة تجريبية؟": the trial, though the FAQ's keywords say "تجربة".
    expect((await conversation({ locale: 'ar' }).say('في فترة تجريبية؟')).text).toContain('تجربة مجانية لمدة 14 يومًا');
    // "Non merci" to the offer: nothing handed over, no "thanks, that helps".
    const declined = conversation({ locale: 'fr' });
    await declined.say('y a une appli mobile ?');
    const no = await declined.say('non merci');
    expect(no.tools).toEqual([]);
    expect(no.text).toContain('Pas de souci');
  });

  it('5: "geht auch nächste Woche?" keeps the demo and asks which day; the day named then is next week\'s', async () => {
    for (const [locale, zone, ask, email, week, stays, day, moved] of [
      ['de', 'Europe/Berlin', 'demo morgen um 10?', 'tim@pixelwerk.de', 'geht auch nächste woche?', 'Montag, 30. November bis Freitag, 4. Dezember', 'dienstag um 14 uhr', '2026-12-01T13:00:00.000Z'],
      ['es', 'Europe/Madrid', 'demo mañana a las 10?', 'ana@luz.es', 'se puede la semana que viene?', 'del lunes, 30 de noviembre al viernes, 4 de diciembre', 'el jueves a las 11', '2026-12-03T10:00:00.000Z'],
      ['fr', 'Europe/Paris', 'une démo demain à 10h ?', 'julie@asso.fr', "c'est possible la semaine prochaine ?", 'du lundi 30 novembre au vendredi 4 décembre', 'mercredi 15h', '2026-12-02T14:00:00.000Z'],
      ['ar', 'Asia/Dubai', 'ممكن نحجز ديمو بكرة الساعة ١٠؟', 'ahmed@alriyada.ae', 'ممكن الأسبوع الجاي؟', 'من الاثنين، 30 نوفمبر إلى الجمعة، 4 ديسمبر', 'الثلاثاء الساعة ١٢', '2026-12-01T08:00:00.000Z'],
    ] as const) {
      const chat = conversation({ locale, visitorTimeZone: zone });
      await chat.say(ask);
      const first = await chat.say(email);
      const start = booked(first)?.start;
      expect(start).toBeDefined();
      const asked = await chat.say(week);
      expect(asked.tools).toEqual([]);
      expect(booked(asked)?.start).toBe(start);
      expect(asked.text).toContain(week === 'geht auch nächste woche?' ? 'Ihre Demo bleibt vorerst am **Mittwoch, 25. November, 10:00 (Europe/Berlin)**' : `(${zone})`);
      expect(asked.text).toContain(stays);
      expect(asked.text).toMatch(/[?؟]$/);
      const chosen = await chat.say(day);
      expect(booked(chosen)?.start).toBe(moved);
    }
    // A week asked with no demo yet: which day, and the address.
    const fresh = await conversation({ locale: 'es', visitorTimeZone: 'Europe/Madrid' }).say('quiero una demo la semana que viene');
    expect(fresh.tools).toEqual([]);
    expect(fresh.text).toContain('¿Qué día y a qué hora le viene bien, y a qué correo le envío la invitación?');
  });

  it('6: a German buyer who writes "Sie" is greeted "Guten Tag", with "Frau Vogel" when she gives it, never by first name', async () => {
    const plain = conversation({ locale: 'de' });
    const hello = await plain.say('Guten Tag, mein Name ist Katrin Vogel. Können Sie mir sagen, was Ihr Produkt kostet?');
    expect(hello.text).toMatch(/^Guten Tag, schön, dass Sie sich melden!/);
    expect(hello.text).not.toContain('Katrin');
    await plain.say('Wir sind 22 Mitarbeiter.');
    const bye = await plain.say('Vielen Dank, auf Wiederhören.');
    expect(bye.text).toMatch(/^Danke für Ihre Zeit!/);
    expect(bye.text).not.toContain('Katrin');

    const titled = await conversation({ locale: 'de' }).say('Guten Tag, hier spricht Frau Vogel von der Vogel & Partner GmbH.');
    expect(lead(titled).name).toBe('Vogel');
    expect(titled.text).toMatch(/^Guten Tag, Frau Vogel!|Danke, Frau Vogel!/);

    // "ich bin der tim" writes informally: his first name is fine.
    expect((await conversation({ locale: 'de' }).say('hi, ich bin der tim, was kostet pro?')).text).toContain('Tim');
  });

  it('7: Spanish, an agency of 9 growing by 4, typed loosely: growth, mobile app, servers, objection, recall, booking moved to next week', async () => {
    const replies = await hold('es', 'Europe/Madrid', [
      'hola buenas, q tal',
      'somos una agencia de marketing, 9 personas',
      'en enero entran 4 mas',
      'cuanto seria el plan pro al mes?',
      'y anual?',
      'hay app movil? el equipo esta siempre en la calle',
      'ok. y donde estan los servidores? necesitamos q los datos esten en europa',
      'me parece un poco caro la verdad',
      'cuantos te dije q eramos?',
      'vale, podemos hacer una demo el jueves a las 10?',
      'lucia.martin@agencialuz.es',
      'soy Lucia Martin, de Agencia Luz',
      'se puede la semana que viene mejor?',
      'el martes a las 12',
      'genial gracias, hasta luego',
    ]);
    const say = (index: number) => replies[index]?.text ?? '';
    expect(say(0)).toMatch(/^¡Hola!/);
    expect(say(2)).toContain('pasan de 9 a 13 personas');
    expect(say(5)).toContain('no figura una app móvil');
    expect(say(6)).toContain('Fráncfort');
    expect(say(8)).toContain('Me dijo que ahora son **9** y que serán **13** en enero.');
    expect(say(10)).toContain('**jueves, 26 de noviembre, 10:00 (Europe/Madrid)**');
    expect(lead(replies[11]!)).toMatchObject({ name: 'Lucia Martin', company: 'Agencia Luz', email: 'lucia.martin@agencialuz.es', teamSize: 9 });
    expect(say(12)).toContain('Su demo sigue el **jueves, 26 de noviembre, 10:00 (Europe/Madrid)** por ahora');
    expect(booked(replies[12])?.start).toBe('2026-11-26T09:00:00.000Z');
    expect(say(13)).toContain('al **martes, 1 de diciembre, 12:00 (Europe/Madrid)**');
    expect(say(14)).toContain('Lucia');
  });

  it('8: Spanish, a support team of 25 in Mexico: "equipo de soporte" is the team, Business compared, SSO, handoff, demo at 4pm', async () => {
    const replies = await hold('es', 'America/Mexico_City', [
      'buenas tardes, quiero info de precios',
      'somos como 25 en el equipo de soporte',
      'usamos zendesk y slack, se integran?',
      'cual me recomiendas?',
      'what about business? q diferencia hay',
      'necesitamos SSO con okta',
      'cuanto seria business para 25 anual',
      'tienen app para el celular?',
      'si porfa',
      'mi correo es carlos.reyes@soporteya.mx',
      'agendame una demo mañana a las 4pm',
      'a que hora quedo?',
      'que sabes de mi?',
      'perfecto',
      'gracias!!',
    ]);
    const say = (index: number) => replies[index]?.text ?? '';
    expect(say(1)).toContain('Para un equipo de 25, le recomiendo **Pro**');
    expect(say(1)).not.toContain('soporte por correo');
    expect(say(2)).toMatch(/Zendesk/);
    expect(say(4)).toMatch(/\*\*Pro\*\* y \*\*Business\*\*/);
    expect(say(5)).toContain('Business y Enterprise');
    expect(say(6)).toContain('**12.300\u00a0US$ al año**');
    expect(replies[8]?.tools.map((tool) => tool.toolName)).toEqual(['request_human']);
    expect(say(10)).toContain('**miércoles, 25 de noviembre, 16:00 (America/Mexico_City)**');
    expect(say(11)).toContain('**miércoles, 25 de noviembre, 16:00 (America/Mexico_City)**');
    expect(say(12)).toContain('**25**');
    expect(say(12)).toContain('**carlos.reyes@soporteya.mx**');
  });

  it('9: French, a logistics SME of 12 hiring 5 in March: servers, app declined, recall, demo moved to next week, its time asked', async () => {
    const replies = await hold('fr', 'Europe/Paris', [
      'bonjour',
      'on est une PME de 12 personnes dans la logistique',
      "c'est combien le pro ?",
      'on aura 5 personnes de plus en mars',
      "c'est ou les serveurs ? on est soumis au RGPD",
      'y a une appli mobile ?',
      'non merci',
      'on est combien deja ?',
      'je peux avoir une demo ?',
      'demain 14h ca marche ?',
      'marc.dupont@logiflux.fr',
      "en fait c'est possible la semaine prochaine ?",
      'mercredi 10h',
      "c'est a quelle heure deja la demo ?",
      'merci, bonne journee',
    ]);
    const say = (index: number) => replies[index]?.text ?? '';
    expect(say(1)).toContain('Pour une équipe de 12 personnes, je vous conseille **Pro**');
    expect(say(3)).toContain('vous passez de 12 à 17 personnes, et **Pro** convient toujours');
    expect(say(4)).toContain('Francfort');
    expect(say(6)).toContain('Pas de souci');
    expect(say(7)).toContain('Vous m’avez dit que vous étiez **12** dans l’équipe aujourd’hui, et que vous serez **17** en mars.');
    expect(say(10)).toContain('**mercredi 25 novembre, 14:00 (Europe/Paris)**');
    expect(say(11)).toContain('du lundi 30 novembre au vendredi 4 décembre');
    expect(say(12)).toContain('au **mercredi 2 décembre, 10:00 (Europe/Paris)**');
    expect(say(13)).toContain('**mercredi 2 décembre, 10:00 (Europe/Paris)**');
    expect(replies[13]?.tools).toEqual([]);
  });

  it('10: German, a formal tax firm of 22: no first name, servers, growth, recall, demo moved to next Tuesday', async () => {
    const replies = await hold('de', 'Europe/Berlin', [
      'Guten Tag, mein Name ist Katrin Vogel. Wir sind eine Steuerkanzlei mit 22 Mitarbeitern.',
      'Was kostet der Pro Tarif bei jährlicher Zahlung?',
      'Wo stehen Ihre Server? Das ist für uns wegen DSGVO wichtig.',
      'Gibt es eine App fürs Handy?',
      'Nein danke, nicht nötig.',
      'Im Januar kommen 3 Auszubildende dazu.',
      'Wie viele Personen waren wir nochmal?',
      'Können wir eine Demo machen, morgen um 10 Uhr?',
      'k.vogel@vogel-partner.de',
      'Geht auch nächste Woche?',
      'Dienstag um 14 Uhr',
      'Wann ist der Termin jetzt genau?',
      'Brauchen wir für SSO den Business Tarif?',
      'Was würde Business für uns kosten?',
      'Vielen Dank, auf Wiederhören.',
    ]);
    const say = (index: number) => replies[index]?.text ?? '';
    for (const reply of replies) expect(reply.text).not.toContain('Katrin');
    expect(say(0)).toMatch(/^Guten Tag, schön, dass Sie sich melden!/);
    expect(say(1)).toContain('**6.336\u00a0$ im Jahr**');
    expect(say(2)).toContain('EU-Region (Frankfurt)');
    expect(say(5)).toContain('3 weitere Personen im Januar, damit wachsen Sie von 22 auf 25 Personen, und **Pro** passt weiterhin');
    expect(say(6)).toContain('**22** Personen im Team');
    expect(say(9)).toContain('Ihre Demo bleibt vorerst am **Mittwoch, 25. November, 10:00 (Europe/Berlin)**');
    expect(say(10)).toContain('auf **Dienstag, 1. Dezember, 14:00 (Europe/Berlin)**');
    expect(say(11)).toContain('**Dienstag, 1. Dezember, 14:00 (Europe/Berlin)**');
    expect(say(13)).toContain('1.078\u00a0$');
    expect(say(14)).toContain('Bis zum Termin am **Dienstag, 1. Dezember, 14:00 (Europe/Berlin)**');
  });

  it('11: Arabic, a contracting firm of 15 hiring 5: the trade is no company, servers, app declined, recall, demo moved', async () => {
    const replies = await hold('ar', 'Asia/Riyadh', [
      'السلام عليكم',
      'احنا شركة مقاولات عندنا ١٥ موظف',
      'كم سعر الباقة الاحترافية؟',
      'بنوظف ٥ كمان الشهر الجاي',
      'وين السيرفرات؟',
      'فيه تطبيق للجوال؟',
      'لا شكرا',
      'كم قلت لك عددنا؟',
      'ابغى احجز ديمو بكرة الساعة ١١',
      'faisal@alnoor-const.sa',
      'اسمي فيصل العتيبي',
      'ممكن الأسبوع الجاي؟',
      'الثلاثاء الساعة ١٢',
      'الديمو امتى؟',
      'شكرا مع السلامة',
    ]);
    const say = (index: number) => replies[index]?.text ?? '';
    expect(lead(replies[1]!).company).toBeUndefined();
    expect(say(1)).toContain('لفريق من 15 شخصًا');
    expect(say(3)).toContain('يصبح عددكم 20 بدلًا من 15');
    expect(lead(replies[3]!).timeline).toBeUndefined();
    expect(say(4)).toContain('فرانكفورت');
    expect(replies[6]?.tools).toEqual([]);
    expect(say(7)).toContain('ذكرت لي أن فريقكم يضم الآن **15** شخصًا، وسيصبح **20** شخصًا الشهر الجاي.');
    expect(say(9)).toContain('**الأربعاء، 25 نوفمبر، 11:00 ص (Asia/Riyadh)**');
    expect(say(11)).toContain('يبقى العرض التوضيحي في موعده **الأربعاء، 25 نوفمبر، 11:00 ص (Asia/Riyadh)**');
    expect(say(12)).toContain('إلى **الثلاثاء، 1 ديسمبر، 12:00 م (Asia/Riyadh)**');
    expect(say(13)).toContain('**الثلاثاء، 1 ديسمبر، 12:00 م (Asia/Riyadh)**');
    expect(say(14)).toContain('فيصل');
  });
});
