/** @jest-environment node */
// Session 25 (prospects in en, es, fr, de and ar, typed as people type): a partner programme and billing their own
// clients answered honestly and offered on, "shorter please" kept to, a tool corrected ("hubspot not salesforce"),
// Pro's minimum seats yes or no first, the app's languages and tool names in Arabic script, a surname signed alone,
// closing thanks, a case study not recapped word for word twice, a what-if priced per year, and long conversations.
import { audit, conversation, hold, lead, questionsIn, toolsOnRecord as tools, UNSURE, usd, type Said } from '../support/offline-agent';
import { PHRASES } from '@/lib/llm/offline/phrases';
import type { SalesLocale } from '@/lib/sales/turn-state';

/** The sentences of a reply (a bulleted line counts as one). */
const sentences = (text: string) => text.split(/\n+/).flatMap((line) => line.split(/(?<=[.!?؟])\s+/)).filter((sentence) => sentence.trim() !== '');
const priced = (reply: Said | undefined) => reply?.tools.filter((tool) => tool.toolName === 'get_pricing').map((tool) => tool.input);

describe('offline agent: session 25', () => {
  it('1: a partner or reseller programme is not invented: no confirmed answer, offered on, and a yes hands it over', async () => {
    for (const [locale, asked, yes] of [
      ['en', 'do you guys have a partner or reseller program?', 'yes please'],
      ['es', 'tienen programa de partners o revendedores?', 'si porfa'],
      ['fr', 'vous avez un programme partenaire / revendeur ?', 'oui volontiers'],
      ['de', 'habt ihr ein partnerprogramm für reseller?', 'ja gerne'],
      ['ar', 'عندكم برنامج شركاء او موزعين؟', 'نعم من فضلك'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(locale === 'ar' ? 'مرحبا احنا ٩ اشخاص' : locale === 'de' ? 'hallo wir sind 9' : locale === 'fr' ? 'bonjour on est 9' : locale === 'es' ? 'hola somos 9' : "hi we're 9 people");
      const reply = await chat.say(asked);
      expect(reply.text).toMatch(UNSURE);
      expect(reply.text).toContain(PHRASES[locale].passToTeam);
      expect(reply.text).toMatch(/partner|revendeur|Reseller|شركاء/iu);
      expect(reply.text).not.toMatch(/\$\d/);
      const handed = await chat.say(yes);
      expect(handed.tools).toContainEqual({ toolName: 'request_human', input: { reason: `The prospect asked for a person: "${asked}"` } });
    }
  });

  it('1b: billing their own clients is answered honestly, never with a case study or the billing FAQ as if it said so', async () => {
    for (const [locale, asked] of [
      ['en', 'can we bill our clients ourselves?'],
      ['es', 'podemos facturar a nuestros clientes nosotros?'],
      ['fr', 'on peut facturer nos clients nous-mêmes ?'],
      ['de', 'können wir unseren kunden selbst rechnungen stellen?'],
      ['ar', 'هل نقدر نفوتر عملاءنا بنفسنا؟'],
    ] as const) {
      const reply = await conversation({ locale }).say(asked);
      expect(reply.text).toMatch(UNSURE);
      expect(reply.text).toContain(PHRASES[locale].passToTeam);
      expect(reply.text).not.toContain('BrightPath');
    }
  });

  it('2: "too long, shorter please" is acknowledged, and the next answers are one or two sentences', async () => {
    for (const [locale, team, shorter, ack, price] of [
      ['en', "we're 8", 'too long, shorter please', "Sure, I'll keep it short.", 'how much is pro?'],
      ['es', 'somos 8', 'más corto porfa', 'Claro, seré más breve.', 'cuanto cuesta pro?'],
      ['fr', 'on est 8', 'plus court svp', 'Bien sûr, je fais plus court.', "c'est combien pro ?"],
      ['de', 'wir sind 8', 'kürzer bitte', 'Gern, ich fasse mich kürzer.', 'was kostet pro?'],
      ['ar', 'احنا ٨', 'أقصر من فضلك', 'بالتأكيد، سأختصر.', 'كم سعر برو؟'],
    ] as const) {
      const chat = conversation({ locale });
      const long = await chat.say(team);
      expect(sentences(long.text).length).toBeGreaterThan(2);
      const ok = await chat.say(shorter);
      expect(ok.text).toBe(ack);
      const next = await chat.say(price);
      expect(priced(next)).toContainEqual({ plan: 'pro', seats: 8, billing: 'monthly' });
      expect(next.text).toContain(usd(29, locale));
      expect(sentences(next.text).length).toBeLessThanOrEqual(2);
      expect(questionsIn(next.text)).toEqual([]);
      audit([long, ok, next]);
    }
    // "More detail please" ends it: acknowledged, and the full answer comes back.
    const chat = conversation({ locale: 'es' });
    await chat.say('somos 12, una agencia');
    await chat.say('muy largo, más corto');
    expect(sentences((await chat.say('cuanto cuesta business?')).text).length).toBeLessThanOrEqual(2);
    expect((await chat.say('mas detalles porfa')).text).toBe('Claro, le daré más detalle.');
    const full = await chat.say('y pro?');
    expect(full.text).toContain('Con facturación anual, Pro para 12 usuarios');
    expect(sentences(full.text).length).toBeGreaterThan(2);
  });

  it('3: "actually we use hubspot not salesforce" corrects the tool on record, and later answers use HubSpot', async () => {
    for (const [locale, first, correction, said] of [
      ['en', 'we use salesforce', 'actually we use hubspot not salesforce', 'Got it: HubSpot, not Salesforce.'],
      ['es', 'usamos salesforce', 'en realidad usamos hubspot no salesforce', 'Entendido: HubSpot, no Salesforce.'],
      ['fr', 'on utilise salesforce', 'en fait on utilise hubspot pas salesforce', 'C’est noté : HubSpot, pas Salesforce.'],
      ['de', 'wir nutzen salesforce', 'eigentlich nutzen wir hubspot, nicht salesforce', 'Verstanden: HubSpot, nicht Salesforce.'],
      ['ar', 'نستخدم سيلزفورس', 'لا احنا نستخدم هابسبوت مش سيلزفورس', 'فهمت: HubSpot وليس Salesforce.'],
    ] as const) {
      const chat = conversation({ locale });
      expect(tools(await chat.say(first))).toEqual(['Salesforce']);
      const reply = await chat.say(correction);
      expect(reply.text).toContain(said);
      expect(reply.text).not.toMatch(/notiert|noted/i);
      expect(tools(reply)).toEqual(['HubSpot']);
    }
    const en = conversation();
    await en.say("hi, we're 12 at an agency");
    await en.say('actually we use hubspot not salesforce');
    const crm = await en.say('does pro integrate with our crm?');
    expect(crm.text).toContain('**Pro** includes HubSpot');
    expect(crm.text).not.toContain('Salesforce');
    const recall = await en.say('what tools did I say we use?');
    expect(recall.text).toContain('HubSpot');
    expect(recall.text).not.toContain('Salesforce');
  });

  it("4: Pro's minimum seats, asked in each language: no for a team above it, yes for one below, from the catalogue", async () => {
    for (const [locale, team, asked, no] of [
      ['es', 'somos 8', 'tengo que pagar 3 usuarios?', 'No: **Pro** tiene un mínimo de 3 usuarios y su equipo de 8 ya lo supera'],
      ['fr', 'on est 8', 'je dois payer 3 utilisateurs ?', 'Non : **Pro** a un minimum de 3 utilisateurs, et votre équipe de 8 le dépasse déjà'],
      ['de', 'wir sind 8', 'muss ich 3 nutzer bezahlen?', 'Nein: **Pro** hat ein Minimum von 3 Nutzern, und Ihr Team von 8 liegt darüber'],
      ['ar', 'احنا ٨', 'هل لازم ادفع ٣ مستخدمين؟', 'لا: الحد الأدنى لباقة **الاحترافية** هو 3 مستخدمين، وفريقكم المكوّن من 8 يتجاوزه'],
      ['en', "we're 8", 'do I have to pay for 3 seats?', 'No: **Pro** has a minimum of 3 seats, and your team of 8 is above it'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(team);
      await chat.say(locale === 'ar' ? 'كم سعر برو؟' : 'pro?');
      const reply = await chat.say(asked);
      expect(reply.text.startsWith(no)).toBe(true);
    }
    for (const [locale, team, asked, yes] of [
      ['es', 'somos 2', 'tengo que pagar 3 usuarios?', 'Sí: **Pro** tiene un mínimo de 3 usuarios, así que su equipo de 2 se factura como 3.'],
      ['fr', 'on est 2', 'je dois payer 3 utilisateurs ?', 'Oui : **Pro** a un minimum de 3 utilisateurs, donc votre équipe de 2 est facturée pour 3.'],
      ['de', 'wir sind 2', 'muss ich 3 nutzer bezahlen?', 'Ja: **Pro** hat ein Minimum von 3 Nutzern, daher wird Ihr Team von 2 mit 3 abgerechnet.'],
      ['ar', 'احنا ٢', 'هل لازم ادفع ٣ مستخدمين؟', 'نعم: الحد الأدنى لباقة **الاحترافية** هو 3 مستخدمين، لذلك يُحتسب فريقكم المكوّن من 2 على أنه 3.'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(team);
      await chat.say(locale === 'ar' ? 'كم سعر برو؟' : 'pro?');
      const reply = await chat.say(asked);
      expect(reply.text.startsWith(yes)).toBe(true);
    }
  });

  it('5: "هل تدعمون اللغة العربية؟" is answered honestly and offered on; tools written in Arabic script are understood', async () => {
    const chat = conversation({ locale: 'ar' });
    await chat.say('مرحبا احنا ٩ اشخاص');
    const arabic = await chat.say('هل تدعمون اللغة العربية؟');
    expect(arabic.text).toMatch(UNSURE);
    expect(arabic.text).toContain('بالعربية');
    expect(arabic.text).toContain(PHRASES.ar.passToTeam);
    const stack = await chat.say('نستخدم سلاك وهابسبوت');
    expect(tools(stack)).toEqual(['Slack', 'HubSpot']);
    expect(stack.text).toContain('Slack');
    const slack = await chat.say('هل يتكامل مع سلاك؟');
    expect(slack.text).toContain('Slack');
    expect(slack.text).not.toMatch(UNSURE);
    // The same question in the other languages.
    for (const [locale, asked] of [
      ['en', 'does the app support arabic?'],
      ['es', 'la app está en árabe?'],
      ['fr', "l'application est disponible en arabe ?"],
      ['de', 'unterstützt ihr arabisch?'],
    ] as const) {
      const reply = await conversation({ locale }).say(asked);
      expect(reply.text).toMatch(UNSURE);
      expect(reply.text).toContain(PHRASES[locale].passToTeam);
    }
  });

  it('6: a German sign-off with a surname alone ("Gruß Weber", "Grüße, Schneider") is never greeted as "Weber!"', async () => {
    for (const [message, surname] of [
      ['Hallo, was kostet Pro für 8 Leute?\nGruß Weber', 'Weber'],
      ['Guten Tag, wir sind eine Kanzlei mit 20 Mitarbeitern. Was kostet Business?\n\nGrüße, Schneider', 'Schneider'],
    ] as const) {
      const chat = conversation({ locale: 'de' });
      const first = await chat.say(message);
      expect(first.text).not.toContain(surname);
      expect(first.text).toMatch(/\*\*(?:29|49)\u00a0\$ pro Nutzer und Monat\*\*/);
      const bye = await chat.say('danke, tschüss');
      expect(bye.text).toContain('Danke für Ihre Zeit!');
      expect(bye.text).not.toContain(surname);
    }
    // A first name signed alone is still a name to greet with.
    const anna = await conversation({ locale: 'de' }).say('Hallo, was kostet Pro für 8 Leute?\nGruß Anna');
    expect(anna.text).toContain('Anna');
  });

  it('7: "va, muchas gracias!", "ok merci beaucoup", "alles klar, danke!" end with a short goodbye, no new question', async () => {
    for (const [locale, turns, bye] of [
      ['es', ['hola somos 8', 'cuanto cuesta pro?', 'y al año?', 'va, muchas gracias!'], '¡De nada!'],
      ['fr', ['bonjour on est 8', "c'est combien pro ?", 'et par an ?', 'ok merci beaucoup'], 'Avec plaisir !'],
      ['de', ['hallo wir sind 8', 'was kostet pro?', 'und pro jahr?', 'alles klar, danke!'], 'Gern geschehen!'],
      ['ar', ['مرحبا احنا ٨', 'كم سعر برو؟', 'وسنويا؟', 'تمام شكرا جزيلا'], 'على الرحب والسعة!'],
      ['en', ["hi we're 8", 'how much is pro?', 'and per year?', 'ok thanks a lot!'], "You're welcome!"],
    ] as const) {
      const replies = await hold(locale as SalesLocale, [...turns]);
      const last = replies.at(-1)?.text ?? '';
      expect(last.startsWith(bye)).toBe(true);
      expect(last).toContain('sales@northwind.example');
      expect(questionsIn(last)).toEqual([]);
    }
  });

  it('8: asked again for a case study, the agent does not recap the same sentence in consecutive replies', async () => {
    const replies = await hold('en', [
      "hi, we're 12 people at an agency",
      'tell me about a customer like us',
      'as I mentioned we are an agency, any case study?',
      'ok and what about agencies using client access?',
    ]);
    const [, first, second, third] = replies.map((reply) => reply.text);
    expect(first).toContain('BrightPath');
    for (const [before, after] of [
      [first, second],
      [second, third],
    ] as const) {
      const shared = sentences(after ?? '').filter((sentence) => !/[?]$/.test(sentence) && (before ?? '').includes(sentence.replace(/^As I mentioned, /, '')));
      expect(shared).toEqual([]);
    }
  });

  it('9: a what-if team ("what if we\'re 15?") priced per year when asked next, in each language', async () => {
    for (const [locale, team, whatIf, perYear] of [
      ['en', "we're 12", "what if we're 15?", 'and per year?'],
      ['es', 'somos 12', 'y si somos 15?', 'y al año?'],
      ['fr', 'on est 12', 'et si on est 15 ?', 'ça fait combien par année ?'],
      ['de', 'wir sind 12', 'was wäre wenn wir 15 sind?', 'und pro jahr?'],
      ['ar', 'احنا ١٢', 'لو صرنا ١٥؟', 'وكم بالسنة؟'],
    ] as const) {
      const replies = await hold(locale as SalesLocale, [team, whatIf, perYear]);
      expect(priced(replies[1])).toContainEqual({ plan: 'pro', seats: 15, billing: 'monthly' });
      expect(priced(replies[2])).toEqual([{ plan: 'pro', seats: 15, billing: 'annual' }]);
      expect(replies[2]?.text).toContain(usd(4320, locale as SalesLocale));
      expect(lead(replies[2] as Said).teamSize).toBe(12);
    }
  });

  it('10: "how does pro compare to business?" compares the two plans, never a competitor', async () => {
    const replies = await hold('en', ["hi, we're 12 people at acme", 'how does pro compare to business?']);
    expect(replies[1]?.text).toContain('Here is how **Pro** and **Business** compare');
    expect(replies[1]?.text).not.toContain('Asana');
  });

  it('11: "können wir nächste woche einen termin machen?" then "dienstag 10 uhr" books Tuesday at 10', async () => {
    const replies = await hold('de', ['hallo wir sind 6', 'können wir nächste woche einen termin machen?', 'dienstag 10 uhr', 'weber@kanzlei.de'], 'Europe/Berlin');
    expect(replies[2]?.text).toContain('**Dienstag, 1. Dezember, 10:00 (Europe/Berlin)**');
    expect(replies[3]?.tools.map((tool) => tool.toolName)).toContain('book_meeting');
  });

  it('12: long conversations in the five languages, typed loosely, hold together (amounts, questions, facts)', async () => {
    const talks: [SalesLocale, string[]][] = [
      [
        'en',
        [
          'hey there, we are a 12 person marketing agency',
          'do u have a partner program? we resell tools to clients sometimes',
          'no thats fine',
          'too long, shorter please',
          'how much is pro',
          'do I have to pay for 3 seats?',
          'we use salesforce and slack',
          'actually we use hubspot not salesforce',
          'does pro integrate with our crm?',
          "what if we're 15?",
          'and per year?',
          'ok thanks a lot!',
        ],
      ],
      [
        'es',
        [
          'hola! somos una agencia de 8 personas',
          'tienen programa de revendedores?',
          'no gracias',
          'más corto porfa',
          'cuanto cuesta pro?',
          'tengo que pagar 3 usuarios?',
          'usamos salesforce',
          'en realidad usamos hubspot no salesforce',
          'y si somos 15?',
          'y al año?',
          'va, muchas gracias!',
        ],
      ],
      [
        'fr',
        [
          'bonjour, on est une agence de 6',
          'vous avez un programme partenaire ?',
          'non merci',
          "c'est combien pro ?",
          'je dois payer 3 utilisateurs ?',
          'en fait on utilise hubspot pas salesforce',
          'plus court svp',
          'et si on est 15 ?',
          'ça fait combien par année ?',
          'ok merci beaucoup',
        ],
      ],
      [
        'de',
        [
          'Guten Tag, wir sind eine Kanzlei mit 7 Leuten.\nGrüße, Schneider',
          'habt ihr ein partnerprogramm?',
          'nein danke',
          'kürzer bitte',
          'was kostet pro?',
          'muss ich 3 nutzer bezahlen?',
          'eigentlich nutzen wir hubspot, nicht salesforce',
          'was wäre wenn wir 15 sind?',
          'und pro jahr?',
          'alles klar, danke!',
        ],
      ],
      [
        'ar',
        [
          'مرحبا احنا ٩ اشخاص',
          'هل تدعمون اللغة العربية؟',
          'لا شكرا',
          'كم سعر برو؟',
          'هل لازم ادفع ٣ مستخدمين؟',
          'نستخدم هابسبوت مش سيلزفورس',
          'هل يتكامل مع سلاك؟',
          'أقصر من فضلك',
          'لو صرنا ١٥؟',
          'تمام شكرا جزيلا',
        ],
      ],
    ];
    for (const [locale, turns] of talks) {
      const replies = await hold(locale, turns, 'Europe/Berlin');
      audit(replies);
      // Never "Hallo Schneider!", never an English sentence in another language, the correction kept, a goodbye last.
      for (const reply of replies) expect(reply.text).not.toMatch(/(?:Hallo|Danke|Schön, Sie kennenzulernen),? Schneider/);
      expect(tools(replies.at(-1))).toContain('HubSpot');
      expect(tools(replies.at(-1))).not.toContain('Salesforce');
      expect(questionsIn(replies.at(-1)?.text ?? '')).toEqual([]);
      // What they were asked for once answered ("no thanks" to the offer) is not offered again word for word.
      const offers = replies.filter((reply) => reply.text.includes(PHRASES[locale].passToTeam));
      expect(offers.length).toBeLessThanOrEqual(2);
    }
  });
});

describe('offline agent: session 25, found while probing', () => {
  it('"whats the diffrence between pro and buisness" compares the two plans; "وين تنحفظ البيانات؟" is where the data is hosted', async () => {
    const compared = await hold('en', ["we're 25", 'hmm whats the diffrence between pro and buisness']);
    expect(compared[1]?.text).toContain('Here is how **Pro** and **Business** compare');
    const hosted = await hold('ar', ['احنا ١٥', 'وين تنحفظ البيانات؟']);
    expect(hosted[1]?.text).toContain('فرانكفورت');
  });

  it('a customer story asked for in the words of an earlier message: the agency\'s, in English and Spanish', async () => {
    const en = await hold('en', ["hi, we're 12 people at an agency", 'tell me about a customer like us']);
    expect(en[1]?.text).toContain('BrightPath');
    const es = await hold('es', ['hola', 'somos una agencia de 12', 'tienen casos de exito con agencias?', 'como le mencioné somos agencia, algun caso?']);
    expect(es[3]?.text).toContain('**BrightPath Marketing** es el ejemplo más parecido que tengo');
    expect(es[3]?.text).not.toMatch(UNSURE);
  });
});
