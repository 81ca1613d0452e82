/** @jest-environment node */
// Session 24, second round (es, fr, de, ar prospects, issues 9 and 11): a yes-or-no question answered yes or no first,
// a "what if we're 15 in March?" priced without changing the team on record, growth remembered when a plan is priced
// by name, a question never stored as the need, German titles and signatures read as names, and the replies added for
// English last round (a plan's seat limit, per-seat pricing, a tool on a plan) in each language.
import { allowedAmounts, amounts, booked, conversation, holdInLanguage, lead, usd, values, type Said } from '../support/offline-agent';
import type { SalesLocale } from '@/lib/sales/turn-state';

/** A fifteen-turn conversation's replies, checked turn by turn (support: holdInLanguage). */
const hold = (locale: SalesLocale, zone: string, turns: readonly string[]) => holdInLanguage(locale, zone, turns);

/** Every amount a reply states is a catalogue price or one its own get_pricing calls returned. */
function pricesGrounded(reply: Said) {
  const allowed = allowedAmounts(reply.outputs);
  for (const amount of amounts(reply.text).map((said) => said.replace(/,$/, ''))) expect({ amount, allowed: allowed.has(amount) }).toEqual({ amount, allowed: true });
}

describe('offline agent: session 24 (round 2), prospects in es, fr, de and ar', () => {
  it('1: "do we need Business for SSO?" is answered yes first, in German, Spanish, French and Arabic (not a bare price)', async () => {
    for (const [locale, team, asked, yes] of [
      ['de', 'wir sind 12', 'Brauchen wir für SSO den Business Tarif?', /^Ja\. SAML-Single-Sign-on .* in den Tarifen Business und Enterprise enthalten/],
      ['es', 'somos 12', '¿necesitamos Business para SSO?', /^Sí\. El inicio de sesión único SAML .* incluido en los planes Business y Enterprise/],
      ['fr', 'on est 12', 'il faut Business pour le SSO ?', /^Oui\. L’authentification unique SAML .* incluse dans les offres Business et Enterprise/],
      ['ar', 'نحن 12', 'هل نحتاج باقة الأعمال من أجل SSO؟', /^نعم\. تسجيل الدخول الموحد عبر SAML/],
    ] as const) {
      const chat = conversation({ locale, visitorTimeZone: 'Europe/Madrid' });
      await chat.say(team);
      const reply = await chat.say(asked);
      expect({ locale, text: reply.text }).toEqual({ locale, text: expect.stringMatching(yes) });
      expect(reply.tools.filter((tool) => tool.toolName === 'get_pricing')).toEqual([]);
    }
  });

  it('2: "y si en marzo somos 15?" is priced for 15, and the team on record stays 9 (es, fr, de)', async () => {
    for (const [locale, team, supposed, recall, nine] of [
      ['es', 'somos 9', 'y si en marzo somos 15?', 'cuantos somos?', 'Me dijo que son **9**'],
      ['fr', 'on est 9', 'et si on passe à 15 en mars ?', 'on est combien déjà ?', '9'],
      ['de', 'wir sind 9', 'und wenn wir im März 15 sind?', 'wie viele sind wir nochmal?', '9'],
    ] as const) {
      const chat = conversation({ locale, visitorTimeZone: 'Europe/Madrid' });
      await chat.say(team);
      const reply = await chat.say(supposed);
      expect(reply.tools).toContainEqual({ toolName: 'get_pricing', input: { plan: 'pro', seats: 15, billing: 'monthly' } });
      expect(reply.text).toContain(`**${usd(435, locale)}`);
      expect(reply.text).not.toMatch(/respuesta confirmada|réponse confirmée|bestätigte Antwort/);
      pricesGrounded(reply);
      expect(lead(reply).teamSize).toBe(9);
      const later = await chat.say(recall);
      expect(lead(later).teamSize).toBe(9);
      expect(later.text).toContain(nine);
    }
  });

  it('3: with growth on record, "cuanto seria el plan pro al mes?" prices today\'s 9 and says what 13 would come to', async () => {
    const chat = conversation({ locale: 'es', visitorTimeZone: 'America/Mexico_City' });
    await chat.say('somos 9');
    await chat.say('en enero entran 4 mas');
    const reply = await chat.say('cuanto seria el plan pro al mes?');
    expect(reply.text).toContain('**Pro** para 9 usuarios con facturación mensual');
    expect(reply.text).toContain('Cuando sean 13 personas (4 personas más en enero), **Pro** saldría a **377\u00a0US$ al mes**.');
    expect(reply.tools).toContainEqual({ toolName: 'get_pricing', input: { plan: 'pro', seats: 13, billing: 'monthly' } });
    pricesGrounded(reply);
    expect(lead(reply).teamSize).toBe(9);
    // The quote remembered is today's: "y al año?" is for the 9 of them.
    const yearly = await chat.say('y al año?');
    expect(yearly.text).toContain('Pro para 9 usuarios');
    expect(yearly.text).not.toContain('13 usuarios');

    // The same in German: today's team, and the grown one beside it.
    const de = conversation({ locale: 'de' });
    await de.say('wir sind 9');
    await de.say('im Januar kommen 4 Leute dazu');
    const priced = await de.say('was kostet Pro im Monat?');
    expect(priced.text).toContain('**Pro** für 9 Nutzer');
    expect(priced.text).toContain('Wenn Sie dann 13 Personen sind (4 weitere Personen im Januar), käme **Pro** auf **377\u00a0$ im Monat**.');
  });

  it('4: "hay app movil? el equipo esta siempre en la calle" never stores the question as the need', async () => {
    const chat = conversation({ locale: 'es' });
    await chat.say('somos 9');
    const reply = await chat.say('hay app movil? el equipo esta siempre en la calle');
    expect(reply.text).toContain('no figura una app móvil');
    const need = lead(reply).need;
    expect(need === undefined || (typeof need === 'string' && !/app|\?/i.test(need))).toBe(true);
    expect(need).toBe('el equipo esta siempre en la calle');
    const recall = await chat.say('que te dije que necesitabamos?');
    expect(recall.text).not.toContain('hay app movil');

    // A message that only asks states no need at all.
    const asks = conversation({ locale: 'es' });
    await asks.say('somos 9');
    expect(lead(await asks.say('hay app movil? y funciona sin internet?')).need).toBeUndefined();
  });

  it('5: "hier Frau Dr. Vogel", "Mit freundlichen Grüßen / Herr Schneider" and "Gruß, Schneider" are names', async () => {
    const vogel = await conversation({ locale: 'de' }).say('Guten Tag, hier Frau Dr. Vogel von der Firma Sanitas.');
    expect(lead(vogel)).toMatchObject({ name: 'Vogel', company: 'Sanitas' });
    expect(vogel.text).toContain('Frau Dr. Vogel');
    expect(values('Wir sind 20 Leute und suchen ein CRM.\n\nMit freundlichen Grüßen\nHerr Schneider')).toMatchObject({ name: 'Schneider', teamSize: 20 });
    expect(values('Wir sind 20 Leute. Gruß, Schneider')).toMatchObject({ name: 'Schneider' });
    expect(values('Viele Grüße\nFrau Dr. Anna Weber')).toMatchObject({ name: 'Anna Weber' });
    // ("Herr Schneider, können Sie …" opens a message: no signature.)
    expect(values('Ich habe eine Frage zu Herrn Schneiders Angebot')).not.toHaveProperty('name');
    const signed = await conversation({ locale: 'de' }).say('Wir sind 20 Leute und suchen ein CRM. Können Sie mir helfen?\n\nMit freundlichen Grüßen\nHerr Schneider');
    expect(lead(signed)).toMatchObject({ name: 'Schneider', teamSize: 20 });
  });

  it('6: the capture_lead input carries no trailing full stop ("Katrin Vogel", not "Katrin Vogel.")', async () => {
    for (const [locale, said, name] of [
      ['de', 'Guten Tag, hier Frau Katrin Vogel.', 'Katrin Vogel'],
      ['de', 'Guten Tag, hier Frau Dr. Vogel.', 'Vogel'],
    ] as const) {
      const reply = await conversation({ locale }).say(said);
      const capture = reply.tools.find((tool) => tool.toolName === 'capture_lead');
      expect(capture?.input).toMatchObject({ name });
      expect(lead(reply).name).toBe(name);
    }
  });

  it('7a: "can we take Starter for 20?" is answered no first, in each language, with the seat limit', async () => {
    for (const [locale, team, asked, no] of [
      ['es', 'somos 20', '¿puedo tener starter para 20 personas?', 'No: **Starter** llega hasta 10 usuarios, así que no alcanza para 20.'],
      ['fr', 'on est 20', 'on peut prendre Starter pour 20 personnes ?', 'Non : **Starter** s’arrête à 10 utilisateurs, il ne suffit donc pas pour 20.'],
      ['de', 'wir sind 20', 'Können wir Starter für 20 Leute nehmen?', 'Nein: **Starter** endet bei 10 Nutzern und reicht damit nicht für 20.'],
      ['ar', 'نحن 20', 'هل يمكننا أخذ باقة المبتدئة لـ 20 شخص؟', 'لا: باقة **المبتدئة** تتوقف عند 10 مستخدمين، فلا تكفي 20 شخصًا.'],
    ] as const) {
      const chat = conversation({ locale: locale as SalesLocale });
      await chat.say(team);
      const reply = await chat.say(asked);
      expect(reply.text.startsWith(no)).toBe(true);
      pricesGrounded(reply);
      expect(lead(reply).teamSize).toBe(20);
    }
  });

  it('7b: "Pro is 29 a month for the whole team, right?" is answered no, per seat, in each language', async () => {
    for (const [locale, team, claim, no] of [
      ['es', 'somos 20', 'pro cuesta 29 al mes para todo el equipo, ¿no?', 'No: **Pro** se cobra por usuario, no por todo el equipo'],
      ['fr', 'on est 20', 'Pro coûte 29 par mois pour toute l’équipe, c’est ça ?', 'Non : **Pro** est facturé par utilisateur, pas pour toute l’équipe'],
      ['de', 'wir sind 20', 'Pro kostet 29 im Monat für das ganze Team, oder?', 'Nein: **Pro** wird pro Nutzer abgerechnet, nicht pauschal für das ganze Team'],
      ['ar', 'نحن 20', 'الاحترافية ب 29 شهريًا للفريق كله، صح؟', 'لا: سعر باقة **الاحترافية** لكل مستخدم، وليس للفريق كله'],
    ] as const) {
      const chat = conversation({ locale: locale as SalesLocale });
      await chat.say(team);
      const reply = await chat.say(claim);
      expect(reply.text.startsWith(no)).toBe(true);
      // The team's own total follows, from get_pricing.
      expect(reply.text).toContain(usd(580, locale as SalesLocale));
      pricesGrounded(reply);
    }
  });

  it('7c: a tool on a plan ("est-ce que starter a slack ?", "hat Pro HubSpot?") is answered per plan, yes or no first', async () => {
    for (const [locale, asked, said] of [
      ['fr', 'est-ce que starter a slack ?', /^Oui : \*\*Starter\*\* inclut 10 intégrations essentielles \(Slack/],
      ['es', '¿starter tiene slack?', /^Sí: \*\*Starter\*\* incluye 10 integraciones básicas \(Slack/],
      ['de', 'hat Pro HubSpot?', /^Ja, \*\*Pro\*\* enthält .*HubSpot/],
      ['de', 'Hat Starter Salesforce?', /^Nicht in \*\*Starter\*\*: Salesforce gibt es ab \*\*Pro\*\*\./],
      ['ar', 'هل باقة المبتدئة تدعم Slack؟', /^نعم، تتضمن \*\*المبتدئة\*\*: 10 تكاملات أساسية \(Slack/],
    ] as const) {
      const chat = conversation({ locale: locale as SalesLocale });
      await chat.say(locale === 'de' ? 'wir sind 20' : locale === 'fr' ? 'on est 20' : locale === 'es' ? 'somos 20' : 'نحن 20');
      const reply = await chat.say(asked);
      expect({ asked, text: reply.text }).toEqual({ asked, text: expect.stringMatching(said) });
    }
  });

  it('8: a Mexican buyer, fifteen turns: greeting, currency, "el otro año somos 25", "el starter nos alcanzaria?", booked', async () => {
    const replies = await hold('es', 'America/Monterrey', [
      'Hola, que tal? Les escribo de una distribuidora en Monterrey',
      'somos como 14 personas, la mayoría vendedores',
      'ocupamos algo para dar seguimiento a los clientes, ahorita todo es en excel',
      'cuanto sale el pro?',
      'y eso es en dolares? se puede pagar en pesos?',
      'tienen integracion con whatsapp?',
      'y con hubspot?',
      'y si el otro año somos 25?',
      'ok. hay descuento si pagamos el año completo?',
      'el starter nos alcanzaria?',
      'me llamo Andrés Gutiérrez, soy gerente comercial',
      'mi correo es andres@distribuidoranorte.mx',
      'podemos agendar una llamada el jueves a las 10?',
      'cuantos te dije que eramos?',
      'va, muchas gracias!',
    ]);
    const text = (index: number) => replies[index]?.text ?? '';
    expect(text(0)).toMatch(/^¡Hola!/);
    expect(text(4)).toContain('Nuestros precios están solo en USD');
    expect(text(6)).toContain('Sí: **Pro** incluye HubSpot.');
    expect(replies[7]?.tools).toContainEqual({ toolName: 'get_pricing', input: { plan: 'pro', seats: 25, billing: 'monthly' } });
    expect(lead(replies[7] as Said).teamSize).toBe(14);
    expect(text(9)).toContain('- **14 usuarios**: no está en **Starter**; viene con **Pro** y superiores (entre 3 y 250 usuarios).');
    expect(booked(replies[12])?.localLabel).toContain('26');
    expect(text(13)).toContain('Me dijo que son **14**');
    expect(lead(replies[14] as Said)).toMatchObject({ teamSize: 14, name: 'Andrés Gutiérrez', email: 'andres@distribuidoranorte.mx' });
  });

  it('9: a Québec buyer, fifteen turns: "faut-il Business pour ça ?" after the SSO need, "on peut-tu se parler mardi ?" booked', async () => {
    const replies = await hold('fr', 'America/Toronto', [
      'Bonjour! Je suis chez Boréal Logistique à Québec',
      'on est une gang de 18 personnes',
      "c'est combien pour le forfait Pro? pis c'est-tu en dollars canadiens?",
      "septante pour cent de l'équipe est sur la route, avez-vous une app mobile?",
      'on a besoin du SSO avec Azure AD',
      'faut-il Business pour ça?',
      "et si on passe à 30 l'an prochain?",
      'ça fait combien par année?',
      'est-ce que Pro a Salesforce?',
      "je m'appelle Geneviève Tremblay",
      'genevieve.tremblay@boreal.ca',
      'on peut-tu se parler mardi prochain à 14h?',
      'vous avez un essai gratuit?',
      "c'était quoi le forfait que vous m'avez conseillé déjà?",
      'merci, bonne journée!',
    ]);
    const text = (index: number) => replies[index]?.text ?? '';
    expect(text(2)).toContain('Nos prix sont uniquement en USD');
    expect(text(5)).toMatch(/^Oui\./);
    expect(replies[6]?.tools).toContainEqual({ toolName: 'get_pricing', input: { plan: 'business', seats: 30, billing: 'monthly' } });
    expect(lead(replies[6] as Said).teamSize).toBe(18);
    expect(text(8)).toMatch(/^Oui : \*\*Pro\*\* inclut .*Salesforce/);
    expect(replies[11]?.tools.map((tool) => tool.toolName)).toContain('book_meeting');
    expect(booked(replies[11])?.localLabel).toContain('14:00');
    expect(lead(replies[14] as Said)).toMatchObject({ teamSize: 18, company: 'Boréal Logistique', name: 'Geneviève Tremblay' });
  });

  it('10: a Gulf Arabic buyer, fifteen turns: "لو صرنا ٢٥" priced, and "تمام" or "مع السلامة" never taken for the company', async () => {
    const replies = await hold('ar', 'Asia/Riyadh', [
      'السلام عليكم',
      'عندنا شركة مقاولات في الرياض واحنا ١٦ موظف',
      'ابي نظام ينظم المشاريع والمهام',
      'كم سعر الباقة الاحترافية؟',
      'فيه خصم لو دفعنا سنوي؟',
      'عندكم تطبيق جوال؟',
      'وين السيرفرات حقتكم؟',
      'هل نحتاج باقة الأعمال عشان SSO؟',
      'لو صرنا ٢٥ السنة الجاية كم بتصير؟',
      'اسمي فهد العتيبي',
      'ايميلي fahad@binaa.sa',
      'ابي اجتماع يوم الاثنين الساعة ١١ الصبح',
      'كم قلت لك عددنا؟',
      'تمام',
      'مشكور، مع السلامة',
    ]);
    const text = (index: number) => replies[index]?.text ?? '';
    expect(text(7)).toMatch(/^نعم\./);
    expect(replies[8]?.tools).toContainEqual({ toolName: 'get_pricing', input: { plan: 'business', seats: 25, billing: 'monthly' } });
    expect(lead(replies[8] as Said).teamSize).toBe(16);
    expect(text(12)).toContain('**16**');
    expect(booked(replies[11])?.localLabel).toContain('11:00');
    for (const reply of replies.slice(13)) expect(lead(reply).company).toBeUndefined();
    expect(text(13)).not.toContain('تعمل في تمام');
  });
});
