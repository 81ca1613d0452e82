/** @jest-environment node */
// Session 28 (prospects in en, es, fr, de and ar, long conversations): a client portal asked about after a customer
// story, "how does pricing work?" with the team known, every tool of a stack said twice, goodbyes, a reply in one
// language, Arabic "عرض" read by context, a name corrected, a team size settled, a smaller group priced, off-topic
// questions and a hello that asks for information.
import { allowedAmounts, amounts, ask, conversation, hold, inLanguage, kb, lead, monthly, plan, questionsIn, UNSURE, type Said } from '../support/offline-agent';
import type { SalesLocale } from '@/lib/sales/turn-state';

const priced = (reply: Said | undefined) => (reply?.tools ?? []).filter((call) => call.toolName === 'get_pricing').map((call) => call.input);
/** Every amount in a reply is a catalogue price or one a tool returned this turn (never an invented price). */
const grounded = (reply: Said | undefined) => amounts(reply?.text ?? '').every((amount) => allowedAmounts(reply?.outputs ?? []).has(amount));
const pro = plan('pro').name;

describe('offline agent: session 28', () => {
  it('1: "can clients see progress? like a client portal" two turns after the agency story: guest access (Pro and above, free view-only guests), no portal promised, not the story again', async () => {
    const [, story, , portal] = await hold('en', ["hi, we're an agency of 20", 'any customer stories?', 'ok cool', 'can clients see progress? like a client portal']);
    expect(story?.text).toContain('BrightPath');
    expect(portal?.text.startsWith(`Yes — your clients can follow progress as guests: guest access comes with **${pro}** and above, and guests (view-only collaborators) are free.`)).toBe(true);
    // The story is named in one clause, not told again; a portal is not promised.
    expect(portal?.text).not.toMatch(/Results:|As I mentioned/);
    expect(portal?.text).toContain("A separate, branded client portal isn't something our catalogue lists, so I won't promise one");
    expect(portal?.text).toContain(kb.company.salesEmail);
    // The same in the other languages, from their knowledge bases; a team on Starter hears that it lacks it.
    for (const [locale, turns, start] of [
      ['es', ['hola, somos 12', '¿pueden nuestros clientes ver el avance? tipo un portal de clientes'], 'Sí: sus clientes pueden seguir el avance como invitados. El acceso de invitados viene con **Pro** y superiores'],
      ['fr', ['bonjour, on est 5', 'est-ce que nos clients peuvent suivre l’avancement ? un portail client ?'], 'Oui : vos clients peuvent suivre l’avancement en tant qu’invités. L’accès invités est inclus dans **Pro** et au-delà'],
      ['de', ['hallo, wir sind 40', 'Können unsere Kunden den Fortschritt sehen? Gibt es ein Kundenportal?'], 'Ja: Ihre Kunden können den Fortschritt als Gäste verfolgen. Gastzugang gibt es ab **Pro**'],
      ['ar', ['مرحبا نحن 8', 'هل يمكن لعملائنا متابعة التقدم؟ مثل بوابة العملاء'], 'نعم، يمكن لعملائك متابعة التقدم كضيوف: وصول الضيوف متاح في باقة **الاحترافية** وما فوقها'],
    ] as const) {
      const reply = (await hold(locale, turns)).at(-1);
      expect({ locale, start: reply?.text.startsWith(start) }).toEqual({ locale, start: true });
      expect({ locale, one: inLanguage(locale, reply?.text ?? '') }).toEqual({ locale, one: true });
      expect(reply?.text).not.toMatch(UNSURE);
    }
    const [, starter] = await hold('fr', ['bonjour, on est 5', 'nos clients peuvent-ils voir l’avancement ?']);
    expect(starter?.text).toContain('(**Starter** ne l’inclut pas.)');
    // "Do guests cost anything?" stays the billing FAQ's answer.
    const [guests] = await hold('en', ['do guests cost anything?']);
    expect(guests?.text).toContain(kb.faqs.find((faq) => faq.id === 'billing')?.answer.slice(0, 40));
  });

  it('2: "how does pricing work?" with the team known: the model (per seat, monthly or annually, each plan) and what it comes to for them — not the last quote again', async () => {
    const [, quote, model] = await hold('en', ["hi we're 15", 'how much is pro?', 'how does pricing work?']);
    expect(model?.text).not.toBe(quote?.text);
    expect(model?.text).not.toMatch(/As I mentioned/);
    expect(model?.text.startsWith('Pricing is per seat: you pay for each person who uses it, every month — billed monthly, or annually at a lower per-seat price. The plans:')).toBe(true);
    for (const entry of kb.plans) expect(model?.text).toContain(`**${entry.name}** (`);
    expect(model?.text).toContain('- **Starter** (1–10 seats): **$12** per seat a month, or **$10** billed annually');
    expect(model?.text).toContain('- **Enterprise** (from 50 seats): custom pricing, quoted by our sales team');
    expect(model?.text).toContain(`For your team of 15, that's **Pro**: **${monthly('pro', 15)} a month** billed monthly, or **$4,320 a year** billed annually.`);
    expect(priced(model)).toEqual([expect.objectContaining({ plan: 'pro', seats: 15, billing: 'monthly' }), expect.objectContaining({ plan: 'pro', seats: 15, billing: 'annual' })]);
    expect(grounded(model)).toBe(true);
    // Without a team size: the model, then the team size asked (no tool, no total).
    const [, bare] = await hold('en', ['hi', 'how do you charge?']);
    expect(bare?.text).toContain('Pricing is per seat');
    expect(priced(bare)).toEqual([]);
    expect(questionsIn(bare?.text ?? '')).toEqual(['How many people on your team would be using it?']);
    // In the other languages, with their team.
    for (const [locale, turns, team] of [
      ['es', ['hola, somos una agencia de 12', '¿cómo funcionan los precios?'], 'Para su equipo de 12, corresponde **Pro**: **348\u00a0US$ al mes**'],
      ['fr', ['bonjour, on est 5', 'comment fonctionne la tarification ?'], 'Pour votre équipe de 5 personnes, c’est **Starter** : **60\u00a0$US par mois**'],
      ['de', ['hallo, wir sind 40', 'wie funktioniert die Preisgestaltung?'], 'Für Ihr Team von 40 Personen ist das **Pro**: **1.160\u00a0$ im Monat**'],
      ['ar', ['مرحبا نحن 8', 'كيف يعمل التسعير؟'], 'لفريقك المكوّن من 8 أشخاص، الباقة المناسبة هي **المبتدئة**: **96\u00a0US$ شهريًا**'],
    ] as const) {
      const reply = (await hold(locale, turns)).at(-1);
      expect({ locale, team: reply?.text.includes(team) }).toEqual({ locale, team: true });
      expect({ locale, grounded: grounded(reply), one: inLanguage(locale, reply?.text ?? '') }).toEqual({ locale, grounded: true, one: true });
    }
    // "How does pricing work for nonprofits?" is the discount question, and "… for 50 people?" a price.
    const [, nonprofit] = await hold('en', ['hi', 'how does pricing work for nonprofits?']);
    expect(nonprofit?.text).not.toContain('Pricing is per seat');
  });

  it('3: a stack said twice is answered tool by tool both times; "our stack is …", "we\'re on Asana + Slack + Gmail", "nous travaillons avec …" and Arabic read as a stack', async () => {
    const [, , first, again] = await hold('en', ['hi, we are a design studio of 12', 'ok', 'We use Figma, Slack and Google Drive daily', 'we use figma, slack and google drive']);
    expect(first?.text).toContain('Google Drive is part of Google Workspace');
    expect(again?.text.startsWith("As I said, Slack and Google Drive connect with Northwind Cloud, and **Figma** isn't among the integrations we list.")).toBe(true);
    for (const [locale, said, start] of [
      ['es', 'usamos figma, slack y google drive', 'Como le decía, Slack y Google Drive se conectan con Northwind Cloud, y **Figma** no figura'],
      ['fr', 'on utilise figma, slack et google drive', 'Comme je vous le disais, Slack et Google Drive se connectent à Northwind Cloud, et **Figma** ne fait pas partie'],
      ['de', 'wir nutzen Figma, Slack und Google Drive', 'Wie gesagt: Slack und Google Drive lassen sich mit Northwind Cloud verbinden, **Figma** gehört nicht'],
      ['ar', 'نستخدم Figma و Slack و Google Drive', 'كما ذكرت، يتكامل Northwind Cloud مع Slack وGoogle Drive، أما **Figma** فليس ضمن التكاملات'],
    ] as const) {
      const [, once, twice] = await hold(locale, ['hi', said, said]);
      expect({ locale, start: twice?.text.startsWith(start) }).toEqual({ locale, start: true });
      // Their tools are no need of theirs, nor noted apart ("Slack: سجّلت ذلك").
      expect({ locale, need: lead(once as Said).need }).toEqual({ locale, need: undefined });
      expect(once?.text).not.toMatch(/سجّلت ذلك|— noted/);
    }
    const [stack] = await hold('en', ['our stack is Notion, Slack, HubSpot and Figma']);
    expect(stack?.text).toContain("**Notion and Figma** aren't among the integrations we list");
    expect(lead(stack as Said).need).toBeUndefined();
    const [asana] = await hold('en', ["we're on Asana + Slack + Gmail"]);
    expect(asana?.text).toContain('coming from Asana, our importers bring your projects over');
    expect(asana?.text).toContain('Gmail is part of Google Workspace');
    const [french] = await hold('fr', ['nous travaillons avec Notion, Slack et HubSpot']);
    expect(french?.text).toContain('**Notion** ne fait pas partie des intégrations');
    // "we're on a budget" is no stack.
    const [budget] = await hold('en', ["we're on a budget"]);
    expect(budget?.text).not.toContain("isn't among the integrations");
  });

  it('4: goodbyes in every language get a goodbye, never "anything else?"', async () => {
    for (const [locale, first, bye] of [
      ['fr', 'combien coûte pro ?', 'Merci, à bientôt'],
      ['fr', 'combien coûte pro ?', 'Merci beaucoup, bonne soirée !'],
      ['fr', 'combien coûte pro ?', 'merci, à la prochaine'],
      ['fr', 'combien coûte pro ?', "c'est tout, merci"],
      ['en', 'how much is pro?', 'thanks, bye'],
      ['es', '¿cuánto cuesta pro?', 'gracias, hasta luego'],
      ['es', '¿cuánto cuesta pro?', 'perfecto, gracias. Un saludo'],
      ['es', '¿cuánto cuesta pro?', 'eso es todo, gracias'],
      ['de', 'was kostet pro?', 'danke, tschüss'],
      ['de', 'was kostet pro?', 'Danke, das wars'],
      ['de', 'was kostet pro?', 'Danke, bis später'],
      ['ar', 'كم سعر برو؟', 'شكرا، مع السلامة'],
      ['ar', 'كم سعر برو؟', 'شكرًا، وداعًا'],
      ['ar', 'كم سعر برو؟', 'تمام شكرا، سلام'],
      ['ar', 'كم سعر برو؟', 'شكرا، يوم سعيد'],
    ] as const) {
      const [, , reply] = await hold(locale, ['hi', first, bye]);
      expect({ bye, goodbye: reply?.text.includes(kb.company.salesEmail), asks: /[?؟]/.test(reply?.text ?? '') }).toEqual({ bye, goodbye: true, asks: false });
    }
    // "Buenas tardes", "سلام" and "Saludos" alone open a conversation: a greeting, not a goodbye.
    for (const [locale, hello] of [['es', 'buenas tardes'], ['es', 'Saludos'], ['ar', 'سلام']] as const) {
      const [reply] = await hold(locale, [hello]);
      expect({ hello, greets: reply?.text.includes('Northwind Cloud') && /[?؟]/.test(reply?.text ?? '') }).toEqual({ hello, greets: true });
    }
  });

  it('5: Spanish on the French page: the whole reply in Spanish, the lead note too (worded by the server, with its language); French again after it', async () => {
    const chat = conversation({ locale: 'fr' });
    await chat.say('bonjour, nous sommes 12');
    const spanish = await chat.say('hola, me llamo Carlos y trabajo en Acme');
    expect(inLanguage('es', spanish.text)).toBe(true);
    const note = spanish.chunks.find((chunk) => chunk.type === 'data-lead') as { data?: { note?: string; lang?: string } } | undefined;
    expect(note?.data).toEqual(expect.objectContaining({ note: 'Anotado: Carlos, Acme.', lang: 'es' }));
    const french = await chat.say('on utilise Notion et Slack');
    expect(inLanguage('fr', french.text)).toBe(true);
    expect(french.text).toContain('**Notion** ne fait pas partie des intégrations');
    // On its own page, the note is in the page's language; a team size is worded with its plural.
    const arabic = await ask('مرحبا نحن 12', { locale: 'ar' });
    expect((arabic.chunks.find((chunk) => chunk.type === 'data-lead') as { data?: { note?: string } } | undefined)?.data?.note).toBe('تم التدوين: فريق من 12 شخصًا.');
  });

  it('6: a call asked for with a number, in every language and wording: the number captured and the team asked to call it', async () => {
    for (const [locale, said, phone, call] of [
      ['de', 'können Sie mich zurückrufen? 0171 2345678', '0171 2345678', 'Sie unter **0171 2345678** anzurufen'],
      ['de', 'Rufen Sie mich an unter 0171/2345678', '0171/2345678', 'Sie unter **0171/2345678** anzurufen'],
      ['de', 'Bitte um Rückruf: +49 171 2345678', '+49 171 2345678', 'Sie unter **+49 171 2345678** anzurufen'],
      ['de', 'ruft mich bitte an, 030 12345678', '030 12345678', 'Sie unter **030 12345678** anzurufen'],
      ['en', 'can someone phone me? 07700900123', '07700900123', 'call you at **07700900123**'],
      ['en', "I'd like a callback: +1 (415) 555-0134", '+1 (415) 555-0134', 'call you at **+1 (415) 555-0134**'],
      ['es', 'llámenme al +34 612 34 56 78', '+34 612 34 56 78', 'le llame al **+34 612 34 56 78**'],
      ['es', '¿me devuelven la llamada? 55 1234 5678', '55 1234 5678', 'le llame al **55 1234 5678**'],
      ['fr', 'appelez-moi svp : +33 6 12 34 56 78', '+33 6 12 34 56 78', 'vous appeler au **+33 6 12 34 56 78**'],
      ['fr', "j'aimerais être rappelé, mon numéro est le 0612345678", '0612345678', 'vous appeler au **0612345678**'],
      ['ar', 'هل يمكنكم الاتصال بي؟ 0501234567', '0501234567', 'الاتصال بك على **0501234567**'],
      ['ar', 'ممكن تتصلون علي؟ رقمي 0501234567', '0501234567', 'الاتصال بك على **0501234567**'],
      ['ar', 'كلموني على ٠٥٠١٢٣٤٥٦٧', '0501234567', 'الاتصال بك على **0501234567**'],
      ['ar', 'أريد مكالمة، رقمي +966 50 123 4567', '+966 50 123 4567', 'الاتصال بك على **+966 50 123 4567**'],
    ] as const) {
      const [, reply] = await hold(locale, ['hi', said]);
      expect({ said, phone: lead(reply as Said).phone, handoff: reply?.tools.some((call) => call.toolName === 'request_human'), call: reply?.text.includes(call) }).toEqual({ said, phone, handoff: true, call: true });
    }
    // A date is no phone number, nor a German day and month.
    const [, date] = await hold('en', ['hi', 'we want to start on 12/05/2025, call me maybe']);
    expect(lead(date as Said).phone).toBeUndefined();
  });

  it('8: Arabic "عرض" read by the words beside it and the conversation, asked about when nothing tells', async () => {
    const last = async (turns: string[]) => (await hold('ar', turns)).at(-1);
    // A price quote: the price for their team (the plan asked about), never a demo.
    const quote = await last(['مرحبا نحن 10', 'كم سعر برو؟', 'أريد عرض سعر']);
    expect(priced(quote)).toEqual(expect.arrayContaining([expect.objectContaining({ plan: 'pro', seats: 10 })]));
    expect(quote?.text).not.toContain('يسعدني ترتيب عرض توضيحي');
    // Alone, after a price: which one, asked; the answer decides.
    const which = await last(['مرحبا نحن 10', 'كم سعر برو؟', 'أريد عرض']);
    expect(which?.text).toBe('هل تقصد عرضًا توضيحيًا للمنصة (30 دقيقة مع فريقنا)، أم عرض سعر لفريقك؟');
    expect(lead(which as Said).company).toBeUndefined();
    const demo = await last(['مرحبا نحن 10', 'كم سعر برو؟', 'أريد عرض', 'توضيحي']);
    expect(demo?.text).toContain('يسعدني ترتيب عرض توضيحي');
    const answered = await last(['مرحبا نحن 10', 'كم سعر برو؟', 'أريد عرض', 'عرض سعر']);
    expect(priced(answered)).toEqual(expect.arrayContaining([expect.objectContaining({ plan: 'pro', seats: 10 })]));
    expect(lead(answered as Said).company).toBeUndefined();
    // Deals are the discounts answer; a demo, a booking; "send me an offer", the sales team.
    for (const turns of [['مرحبا', 'هل عندكم عروض؟'], ['مرحبا نحن 10', 'كم سعر برو؟', 'ممكن عرض أفضل؟']]) {
      const reply = await last(turns);
      expect(reply?.text).toContain('الفوترة السنوية هي أكبر توفير');
    }
    for (const turns of [['مرحبا', 'أريد عرض توضيحي'], ['مرحبا', 'هل يمكنني رؤية عرض للمنصة؟'], ['مرحبا', 'أريد عرض للمنتج']]) {
      expect((await last(turns))?.text).toContain('يسعدني ترتيب عرض توضيحي');
    }
    expect((await last(['مرحبا نحن 10', 'أرسلوا لي عرض']))?.tools.map((call) => call.toolName)).toEqual(['request_human']);
    // "أريد عرض سعر" is no need of theirs.
    expect(lead((await last(['مرحبا', 'أريد عرض سعر'])) as Said).need).toBeUndefined();
  });

  it('9: a name corrected ("sorry, it\'s Joan, not Jon") is the name from then on, with an apology, in five languages', async () => {
    for (const [locale, turns, name, says] of [
      ['en', ['hi', 'my name is Jon', 'sorry, it is Joan, not Jon'], 'Joan', "Sorry about that, Joan — I've corrected it."],
      ['es', ['hola', 'me llamo Lucia Gómez', 'perdón, es Lucía, no Lucia'], 'Lucía Gómez', 'Disculpe, Lucía: ya lo he corregido.'],
      ['fr', ['bonjour', 'je m’appelle Mark', 'pardon, c’est Marc, pas Mark'], 'Marc', 'Pardon, Marc — c’est corrigé.'],
      ['de', ['hallo', 'ich heiße Jane', 'nein, Jana, nicht Jane'], 'Jana', 'Entschuldigung, Jana – ist korrigiert.'],
      ['ar', ['مرحبا', 'اسمي ليلا', 'عفوا، اسمي ليلى وليس ليلا'], 'ليلى', 'عذرًا يا ليلى، صحّحت ذلك.'],
    ] as const) {
      const replies = await hold(locale, turns);
      const reply = replies.at(-1);
      expect({ locale, name: lead(reply as Said).name, need: lead(reply as Said).need, says: reply?.text.startsWith(says) }).toEqual({ locale, name, need: undefined, says: true });
    }
    // And the goodbye uses it.
    const replies = await hold('en', ['hi', 'my name is Jon', 'sorry, it is Joan, not Jon', 'thanks, bye']);
    expect(replies.at(-1)?.text).toContain('Thanks for your time, Joan!');
  });

  it('10: the team size settled ("finalement on sera 25"), a smaller group priced without changing the team, "combien de personnes j\'ai dit ?"', async () => {
    const [, settled, recall] = await hold('fr', ['bonjour on est 30', 'finalement on sera 25', 'combien de personnes j’ai dit ?']);
    expect(lead(settled as Said).teamSize).toBe(25);
    expect(settled?.text).not.toContain('c’est noté, j’en tiendrai compte');
    expect(recall?.text).toContain('**25**');
    const [, inTheEnd] = await hold('en', ['hi we are 30', 'in the end we will be 25']);
    expect(lead(inTheEnd as Said).teamSize).toBe(25);
    const [, nine, count] = await hold('en', ["hi we're 15", 'what about just the 9 full-timers?', 'how many are we?']);
    expect(priced(nine)).toEqual(expect.arrayContaining([expect.objectContaining({ plan: 'starter', seats: 9 })]));
    expect(nine?.text).not.toMatch(UNSURE);
    expect(lead(nine as Said).teamSize).toBe(15);
    expect(count?.text).toContain('**15**');
    for (const [locale, asked] of [['es', '¿cuántas personas te dije?'], ['de', 'wie viele Leute hatte ich gesagt?'], ['ar', 'كم شخص قلت لك إننا؟']] as const) {
      const [, reply] = await hold(locale, ['hi we are 30', asked]);
      expect({ locale, recalls: reply?.text.includes('**30**') }).toEqual({ locale, recalls: true });
    }
  });

  it('11: off-topic questions in every language are declined as off-topic, never "no confirmed answer"', async () => {
    for (const [locale, asked] of [
      ['es', '¿qué tal el clima por allá?'],
      ['fr', 'quel temps fait-il chez vous ?'],
      ['de', 'Wer hat das Fußballspiel gestern gewonnen?'],
      ['ar', 'كيف الجو عندك اليوم؟'],
    ] as const) {
      const [, reply] = await hold(locale, ['hi', asked]);
      expect({ asked, unsure: UNSURE.test(reply?.text ?? ''), product: reply?.text.includes('Northwind Cloud') }).toEqual({ asked, unsure: false, product: true });
    }
  });

  it('12: a hello that asks for information is greeted with what the agent can help with, no need recorded', async () => {
    for (const [locale, said] of [
      ['en', 'hi, I would like some info'],
      ['es', 'buenas, quería info'],
      ['fr', 'bonjour, je voudrais des infos'],
      ['de', 'Hallo, ich hätte gern Infos'],
      ['ar', 'مرحبا، أريد معلومات'],
    ] as const) {
      const [reply] = await hold(locale, [said]);
      expect({ said, greets: reply?.text.includes('Northwind Cloud'), need: lead(reply as Said).need }).toEqual({ said, greets: true, need: undefined });
    }
  });

  it('13: "we need something to track client projects" is answered with what the product does; "نستخدم Slack و HubSpot" on Starter: Slack connects, HubSpot needs Pro', async () => {
    const [, need] = await hold('en', ['hi', 'we need something to track client projects']);
    expect(need?.text).toContain('track it on shared boards and dashboards');
    const [, , raised] = await hold('ar', ['مرحبا نحن 8', 'ok', 'نستخدم Slack و HubSpot']);
    expect(raised?.text.startsWith('تتكامل Northwind Cloud مع Slack، فيواصل فريقك العمل فيها.\n\nيتطلب HubSpot باقة **الاحترافية**.')).toBe(true);
  });

  it('14: long conversations in five languages: no invented price, no question asked again, what they said remembered', async () => {
    const conversations: [SalesLocale, string[], Record<string, unknown>][] = [
      ['en', ['hey there', "we're a marketing agency, about 12 people", 'actually we are closer to 18 now, we just hired', "my name's Jon", 'sorry, it is Joan, not Jon', 'can clients see progress? like a client portal', 'how does pricing work?', 'whats the weather like where you are?', 'we use figma, slack and google drive', 'how much would it be per year?', 'my email is joan@brightlabs.io, I am the COO', 'can you call me back? +1 415 555 0134', 'thanks, bye'], { name: 'Joan', teamSize: 18, email: 'joan@brightlabs.io', role: 'COO', phone: '+1 415 555 0134' }],
      ['es', ['hola', '¿cuánto cuesta?', 'somos 25, pero quizás bajamos a 20', 'me llamo Lucía, soy la directora de operaciones en Grupo Norte', '¿cómo funcionan los precios?', '¿qué tal el clima por allá?', '¿tienen SSO?', 'perdón, somos 30 al final', 'usamos figma, slack y google drive', '¿pueden nuestros clientes ver el avance?', 'mi correo es lucia@gruponorte.es', 'gracias, hasta luego'], { name: 'Lucía', company: 'Grupo Norte', role: 'directora de operaciones', teamSize: 30, email: 'lucia@gruponorte.es' }],
      ['fr', ['bonjour', 'je m’appelle Marc, DAF chez Atelier Bleu', 'nous sommes 8', 'combien coûte pro ?', 'non en fait on est 14', 'et la sécurité ?', 'comment fonctionne la tarification ?', 'on utilise Notion et Slack', 'est-ce que nos clients peuvent suivre l’avancement ?', 'pouvez-vous me rappeler ? 06 12 34 56 78', 'Merci, à bientôt'], { name: 'Marc', company: 'Atelier Bleu', role: 'DAF', teamSize: 14, phone: '06 12 34 56 78' }],
      ['de', ['Hallo', 'Wir sind eine Agentur mit 9 Leuten', 'was kostet das?', 'ich heiße Jana Schmidt, ich bin die Geschäftsführerin', 'Korrektur: wir sind 11', 'wie funktioniert die Preisgestaltung?', 'Können unsere Kunden den Fortschritt sehen?', 'Wer hat das Fußballspiel gestern gewonnen?', 'wir nutzen Figma, Slack und Google Drive', 'können Sie mich zurückrufen? 0171 2345678', 'danke, tschüss'], { name: 'Jana Schmidt', role: 'Geschäftsführerin', teamSize: 11, phone: '0171 2345678' }],
      ['ar', ['مرحبا', 'نحن شركة لوجستية من 40 موظف', 'كم السعر؟', 'اسمي ليلى وأنا المديرة المالية', 'عفوا، نحن 60 وليس 40', 'كيف يعمل التسعير؟', 'أريد عرض', 'عرض سعر', 'هل يمكن لعملائنا متابعة التقدم؟', 'نستخدم Slack و Jira و Figma', 'هل يمكنكم الاتصال بي؟ 0501234567', 'شكرا، مع السلامة'], { name: 'ليلى', role: 'المديرة المالية', teamSize: 60, phone: '0501234567' }],
    ];
    for (const [locale, turns, facts] of conversations) {
      const replies = await hold(locale, turns);
      const asked = new Set<string>();
      replies.forEach((reply, index) => {
        const turn = turns[index];
        expect({ locale, turn, grounded: grounded(reply), unsure: UNSURE.test(reply.text), one: locale === 'en' || inLanguage(locale, reply.text) }).toEqual({ locale, turn, grounded: true, unsure: false, one: true });
        for (const question of questionsIn(reply.text)) {
          expect({ locale, turn, repeated: asked.has(question) ? question : undefined }).toEqual({ locale, turn, repeated: undefined });
          asked.add(question);
        }
      });
      expect({ locale, facts: lead(replies.at(-1) as Said) }).toEqual({ locale, facts: expect.objectContaining(facts) });
      // The goodbye is one, with their name when known.
      expect(replies.at(-1)?.text).toContain(kb.company.salesEmail);
      expect(/[?؟]/.test(replies.at(-1)?.text ?? '')).toBe(false);
    }
  });
});
