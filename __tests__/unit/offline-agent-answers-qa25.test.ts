/** @jest-environment node */
// QA round 25 (bugs 5, 10–13 and 20): intents, answers, objections and recommendations, each fixed and pinned here.
import { annualTotal, conversation, monthly, plan } from '../support/offline-agent';

type Tools = { toolName: string; input: unknown }[];
const priced = (tools: Tools) => tools.filter((tool) => tool.toolName === 'get_pricing').map((tool) => (tool.input as { plan: string }).plan);
const called = (tools: Tools) => tools.map((tool) => tool.toolName);

describe('offline agent: QA round 25 answers', () => {
  it('5: a Gulf "الغ الموعد", an Egyptian "عايزة اكلم حد من المبيعات" and a German "koennen wir … telefonieren?" are acted on', async () => {
    const gulf = conversation({ locale: 'ar', visitorTimeZone: 'Asia/Riyadh' });
    await gulf.say('ابي عرض يوم الاثنين الساعة 11');
    const booked = await gulf.say('a@b.sa');
    expect(called(booked.tools)).toContain('book_meeting');
    const cancelled = await gulf.say('الغ الموعد لو سمحت');
    expect(called(cancelled.tools)).toContain('cancel_meeting');
    expect(cancelled.text).not.toContain('شكرًا، هذا مفيد');

    const egypt = conversation({ locale: 'ar', visitorTimeZone: 'Africa/Cairo' });
    await egypt.say('احنا ١٢ واحد');
    const human = await egypt.say('عايزة اكلم حد من المبيعات');
    expect(called(human.tools)).toContain('request_human');

    const de = conversation({ locale: 'de', visitorTimeZone: 'Europe/Berlin' });
    await de.say('wir sind 8');
    const call = await de.say('koennen wir am montag um 9 telefonieren?');
    // (Said back as German writes it, the day capitalised: session 26.)
    expect(call.text).toContain('am Montag um 9');
    expect(call.text).not.toContain('keine bestätigte Antwort');
    const email = await de.say('k@f.de');
    expect(called(email.tools)).toContain('book_meeting');
    expect(email.text).toContain('Montag, 30. November, 09:00');
  });

  it('10: 5,000 workflow runs a month and the AI features need Pro; "doch lieber Starter, wir sind nur 10" is Starter', async () => {
    const runs = await conversation().say("we're 9, we need 5000 workflow runs a month, which plan?");
    expect(priced(runs.tools)).toContain('pro');
    expect(priced(runs.tools)).not.toContain('starter');
    expect(runs.text).toContain("I'd suggest **Pro**");

    const ai = conversation();
    await ai.say("we're 8 people");
    const need = await ai.say('we need the ai features');
    expect(need.text).toContain("you'd need **Pro**");
    const advice = await ai.say('which plan do you recommend?');
    expect(advice.text).toContain("I'd suggest **Pro**");
    expect(advice.text).not.toContain('**Starter**');

    const de = conversation({ locale: 'de' });
    await de.say('was kostet euer business tarif fuer 15 leute?');
    const starter = await de.say('doch lieber starter, wir sind eigentlich nur 10');
    expect(priced(starter.tools)).toEqual(['starter', 'starter']);
    expect(starter.text).toContain(monthly('starter', 10, 'de'));
    expect(starter.text).not.toContain('**Business**');
  });

  it('10: lower-case "was kostet business?" is Business, and the Egyptian "الباقة الاساسية" is Starter with its seat limit', async () => {
    const de = conversation({ locale: 'de' });
    await de.say('wir sind 15 leute');
    const business = await de.say('was kostet business?');
    expect(business.text).toContain(`**Business** für 15 Nutzer`);
    expect(business.text).toContain(monthly('business', 15, 'de'));

    const ar = conversation({ locale: 'ar' });
    await ar.say('احنا ١٢ واحد');
    const basic = await ar.say('الباقة الاساسية بكام؟');
    expect(basic.text).toContain('باقة **المبتدئة** تتوقف عند 10 مستخدمين، لذا فالأنسب لـ 12 هي باقة **الاحترافية**.');
  });

  it('11: a price objection with a budget outside English says the quote is over it and offers the plan within it', async () => {
    const fr = conversation({ locale: 'fr' });
    await fr.say('on est 25, combien coute business ?');
    const over = await fr.say("C'est trop cher, on a 9 000 $ par an");
    expect(over.text).toContain('**Business** dépasse le budget que vous avez indiqué');
    expect(over.text).toContain(annualTotal('pro', 25, 'fr'));
    expect(priced(over.tools)).toContain('pro');

    const de = conversation({ locale: 'de' });
    await de.say('was kostet euer business tarif fuer 15 leute?');
    const zu = await de.say('zu teuer, wir haben max 500 dollar im monat');
    expect(zu.text).toContain('**Business** liegt über dem Budget');
    expect(zu.text).toContain('Günstiger ist **Pro**');
  });

  it('12: "carisimo", "ده كتير اوي" are price objections; "lo tengo que pensar" / "necesito pensarlo" are wait-and-think', async () => {
    const es = conversation({ locale: 'es' });
    await es.say('somos 15, cuanto cuesta pro?');
    for (const said of ['no manches esta carisimo', 'carisimo']) {
      const { text } = await es.say(said);
      expect(text).toContain(annualTotal('pro', 15, 'es'));
      expect(text).not.toMatch(/^(?:Gracias, me sirve|Me sirve para entender)/u);
    }
    const think = conversation({ locale: 'es' });
    const tengo = await think.say('lo tengo que pensar');
    expect(tengo.text).toContain('Sin ninguna presión');
    const necesito = await conversation({ locale: 'es' }).say('necesito pensarlo');
    expect(necesito.text).toContain('Sin ninguna presión');
    expect(necesito.text).not.toContain('segunda firma');

    const ar = conversation({ locale: 'ar' });
    await ar.say('احنا ١٢ واحد');
    const much = await ar.say('ده كتير اوي');
    expect(much.text).toContain(annualTotal('pro', 12, 'ar'));
    expect(much.text).not.toContain('شكرًا، هذا مفيد');
  });

  it('12: an introduction that states a budget and a security review raises no "too expensive" answer', async () => {
    const { text, tools } = await conversation().say(
      "Hi, I'm Priya Natarajan, Head of Operations at Lumen Health. We're 85 people, we need SSO with Okta and a security review before buying, budget is about $45k/year, we want to be live by end of Q1, and we're currently on Smartsheet.",
    );
    expect(text).not.toContain('That is a fair concern');
    expect(text).not.toContain('Does that address your concern?');
    expect(priced(tools)).toContain('business');
    expect(text).toContain("I'd suggest **Business**");
  });

  it('13: uptime above the SLA and custom integrations by a date are not promised', async () => {
    const de = conversation({ locale: 'de' });
    await de.say('wir sind 20');
    const uptime = await de.say('Bieten Sie eine Uptime-Garantie von 99,99 %?');
    expect(uptime.text).not.toContain('jährliche Abrechnung ist die wichtigste Ersparnis');
    expect(uptime.text).toContain('99,95 %, nur bei Enterprise');
    const sap = await de.say('Können Sie ein Feature für uns entwickeln, eine SAP-Integration bis März?');
    expect(sap.text).toContain('Eine individuell für Sie entwickelte Integration oder Funktion');

    const en = conversation();
    const promise = await en.say('can you promise 99.99% uptime in the contract?');
    expect(promise.text).toContain('An uptime guarantee above our published SLA (99.95%, on Enterprise only)');
    const build = await en.say('will you build a quickbooks integration for us by january?');
    expect(build.text).toContain('Building a custom integration or feature for you');
  });

  it('13: the annual total, "jaehrlich", "l\'enterprise", "business cheaper than pro" and New York time in French', async () => {
    const en = conversation();
    await en.say("we're 25 people");
    const annual = await en.say('and if we pay annually how much would that be in total per year?');
    expect(annual.text).toContain(annualTotal('pro', 25));
    expect(annual.text).not.toContain('billed per active seat');

    const de = conversation({ locale: 'de' });
    await de.say('wir sind 8 leute');
    await de.say('was kostet starter?');
    const yearly = await de.say('und wenn wir jaehrlich zahlen?');
    expect(yearly.text).toContain(annualTotal('starter', 8, 'de'));

    const fr = conversation({ locale: 'fr' });
    const enterprise = await fr.say("et pour l'enterprise ?");
    expect(enterprise.text).toContain('**Enterprise**');
    expect(enterprise.text).not.toContain('pas de réponse confirmée');

    const cheaper = await conversation().say("we're 9, is business cheaper than pro?");
    expect(cheaper.text).toContain('**Business**');
    expect(cheaper.text).toContain(`$${plan('business').pricePerSeatMonthly} per seat per month`);
    expect(cheaper.text).toContain(`$${plan('pro').pricePerSeatMonthly} per seat per month`);

    const time = conversation({ locale: 'fr', visitorTimeZone: 'Europe/Paris' });
    await time.say('demo jeudi 15h');
    await time.say('m@r.fr');
    const ny = await time.say('ca fait quelle heure a new york ?');
    expect(ny.text).toContain('09:00 (America/New_York)');
    expect(ny.text).not.toContain('Support prioritaire');
  });

  it('13: "can we continue in English? my colleague doesn\'t speak French" switches to English', async () => {
    const fr = conversation({ locale: 'fr' });
    await fr.say('bonjour');
    const { text } = await fr.say("can we continue in english? my colleague doesn't speak french");
    expect(text).toContain('we can continue in English');
    const ar = await conversation({ locale: 'ar' }).say('can you repeat that in english please');
    expect(ar.text).toContain('we can continue in English');
  });

  it('20: greetings, thanks and goodbyes in other words are answered as such', async () => {
    const hola = await conversation({ locale: 'es' }).say('que onda');
    expect(hola.text).toMatch(/^¡Hola!/u);
    const de = conversation({ locale: 'de' });
    await de.say('wir sind 8');
    const bye = await de.say('Danke, auf Wiederhören.');
    expect(bye.text).toContain('Danke für Ihre Zeit!');
    const tschuess = await conversation({ locale: 'de' }).say('danke, tschuess');
    expect(tschuess.text).toContain('Danke für Ihre Zeit!');
    const en = conversation();
    await en.say("we're 20 people");
    const thanks = await en.say('ok great thanks');
    expect(thanks.text).not.toContain('Thanks, that helps');
    expect(thanks.text).toContain("You're welcome!");
  });
});
