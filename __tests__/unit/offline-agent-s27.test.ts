/** @jest-environment node */
// Session 27 (prospects in en, es, fr, de and ar): their own stack answered from the catalogue ("we use QuickBooks and
// Gmail", "and Gmail?", "we use Okta" after SSO), a plan asked about twice, two questions in one message, a team size
// past the plan quoted, and a what-if on fewer seats.
import { allowedAmounts, amounts, hold, kb, monthly, plan, questionsIn, toolsOnRecord, UNSURE, type Said } from '../support/offline-agent';

const priced = (reply: Said | undefined) => (reply?.tools ?? []).filter((call) => call.toolName === 'get_pricing').map((call) => call.input);
/** Every amount in a reply is one a tool returned this turn (never an invented price). */
const grounded = (reply: Said | undefined) => amounts(reply?.text ?? '').every((amount) => allowedAmounts(reply?.outputs ?? []).has(amount));

describe('offline agent: session 27', () => {
  it('1: "and gmail?" after the integrations came up: Gmail is part of Google Workspace, on every plan from Starter, the rest for the team (en, de, es)', async () => {
    const starter = plan('starter').name;
    for (const [locale, turns, start] of [
      ['en', ["hi we're 8", 'what tools do you integrate with?', 'and gmail?'], `Gmail is part of Google Workspace, which every plan connects to, from **${starter}** up.`],
      ['de', ['Welche Integrationen habt ihr?', 'und Gmail?'], `Gmail gehört zu Google Workspace, das in allen Tarifen angebunden ist, ab **${starter}**.`],
      ['es', ['¿con qué herramientas se integran?', 'y gmail?'], `Gmail forma parte de Google Workspace, que se conecta en todos los planes, desde **${starter}**.`],
    ] as const) {
      const replies = await hold(locale, turns);
      const reply = replies.at(-1);
      expect({ locale, start: reply?.text.startsWith(start) }).toEqual({ locale, start: true });
      // What it does inside Gmail is not in the catalogue: the team confirms it; never "no confirmed answer".
      expect(reply?.text).toContain(kb.company.salesEmail);
      expect(reply?.text).not.toMatch(UNSURE);
    }
  });

  it('2: "we use quickbooks and gmail": Gmail through Google Workspace, QuickBooks not among the integrations we list (never "thanks, that helps")', async () => {
    const [, reply] = await hold('en', ['hi', 'we use quickbooks and gmail']);
    expect(reply?.text).not.toContain('Thanks, that helps');
    expect(reply?.text).toContain('Gmail is part of Google Workspace');
    expect(reply?.text).toContain("**Quickbooks** isn't among the integrations we list, and I'd rather not guess");
    // Not a yes for QuickBooks, nor a plan that includes it.
    expect(reply?.text).not.toMatch(/Quickbooks (?:comes|is included)|connects with Quickbooks/i);
    // A tool we list and one we do not: each said for what it is.
    const [notion] = await hold('en', ['we use Slack and Notion']);
    expect(notion?.text).toContain('connects with Slack');
    expect(notion?.text).toContain("**Notion** isn't among the integrations we list");
    // Only tools we list: the tools reply as before, nothing said to be unlisted.
    const [listed] = await hold('en', ['we use slack and jira daily']);
    expect(listed?.text).toContain('connects with Slack and Jira');
    expect(listed?.text).not.toMatch(/isn't among/);
    // In French, the same.
    const [fr] = await hold('fr', ['on utilise quickbooks et gmail']);
    expect(fr?.text).toContain('Gmail fait partie de Google Workspace');
    expect(fr?.text).toContain('**Quickbooks** ne fait pas partie des intégrations que nous proposons');
  });

  it('3: "y el pro?" asked twice: the second answer is not the first said again (their team priced, or the price in short)', async () => {
    const [, first, second] = await hold('es', ['hola somos 8', 'y el pro?', 'y el pro?']);
    expect(first?.text).toContain('**Pro** — ');
    expect(second?.text).not.toContain('Como le comentaba');
    expect(second?.text).not.toBe(first?.text);
    // For the team of 8 on record: Pro for 8, from the pricing tool.
    expect(priced(second)).toEqual(expect.arrayContaining([expect.objectContaining({ plan: 'pro', seats: 8 })]));
    expect(second?.text).toContain(`**Pro** para 8 usuarios con facturación mensual: **29\u00a0US$ por usuario al mes**, es decir **${monthly('pro', 8, 'es')} al mes**`);
    expect(grounded(second)).toBe(true);
    // With no team size: the price in short, not the feature list again.
    const [, page, again] = await hold('es', ['hola', 'y el pro?', 'y el pro?']);
    expect(page?.text).toContain('- Todo lo de Starter');
    expect(again?.text.startsWith('**Pro**, en resumen: **29\u00a0US$ por usuario al mes**')).toBe(true);
    expect(again?.text).not.toContain('- Todo lo de Starter');
    // English had the list's first line and "As I mentioned" glued together: no more.
    const [, , en] = await hold('en', ["hi we're 8", 'and pro?', 'and pro?']);
    expect(en?.text).not.toMatch(/^- Everything in Starter/);
    expect(en?.text).toContain(`**${monthly('pro', 8)} a month**`);
  });

  it('4: German "hat Pro Salesforce?" reads as German: "Ja, **Pro** enthält …", never "Ja – **Pro** enthält: …"', async () => {
    const [, reply] = await hold('de', ['hallo wir sind 8', 'hat Pro Salesforce?']);
    expect(reply?.text.startsWith('Ja, **Pro** enthält alle über 60 Integrationen, darunter Salesforce, HubSpot und Jira.')).toBe(true);
    expect(reply?.text).not.toMatch(/Ja – |enthält:/);
    const [, jira] = await hold('de', ['welche Integrationen habt ihr?', 'und jira?']);
    expect(jira?.text).toMatch(/Ja, \*\*Pro\*\* enthält Jira\./);
  });

  it('5: "we use okta" after the SSO answer: Okta is one of the providers the SSO answer names, and the plan SSO starts on (no "Yes." recap)', async () => {
    const business = plan('business').name;
    const [sso, okta] = await hold('en', ['do you support sso?', 'we use okta']);
    expect(sso?.text).toContain('SAML single sign-on with Okta');
    expect(okta?.text.startsWith(`Okta is one of the identity providers our SAML single sign-on names, so it fits: SSO comes with **${business}** and above.`)).toBe(true);
    expect(okta?.text).not.toMatch(/^Yes\.|As I mentioned/);
    // Spanish and German too.
    const [, es] = await hold('es', ['¿tienen SSO?', 'usamos okta']);
    expect(es?.text.startsWith('Okta es uno de los proveedores de identidad que nombra nuestro inicio de sesión único (SAML)')).toBe(true);
    const [, de] = await hold('de', ['habt ihr SSO?', 'wir nutzen Okta']);
    expect(de?.text.startsWith('Okta gehört zu den Identitätsanbietern, die unser Single Sign-on (SAML) nennt')).toBe(true);
    // A provider the SSO answer does not name is not said to be one of them.
    const [, other] = await hold('en', ['do you support sso?', 'we use onelogin']);
    expect(other?.text).not.toContain('OneLogin is one of the identity providers');
  });

  it('6: "is my data safe? where is it stored": both answered, the security answer and where data lives', async () => {
    const [reply] = await hold('en', ['is my data safe? where is it stored']);
    const security = kb.faqs.find((faq) => faq.id === 'security')?.answer ?? '';
    const residency = kb.faqs.find((faq) => faq.id === 'data-residency')?.answer ?? '';
    expect(reply?.text).toContain(security.slice(0, 60));
    expect(reply?.text).toContain(residency.slice(0, 60));
    // In the order asked.
    expect(reply?.text.indexOf(security.slice(0, 30))).toBeLessThan(reply?.text.indexOf(residency.slice(0, 30)) ?? -1);
  });

  it('7: "et pour 12 ?" after Starter for 5: Starter stops at 10, so Pro for 12, priced — not Starter\'s line again (fr, en, es, de)', async () => {
    for (const [locale, turns, start] of [
      ['fr', ['bonjour on est 5', 'combien pour starter ?', 'et pour 12 ?'], '**Starter** s’arrête à 10 utilisateurs ; pour 12, c’est **Pro**.'],
      ['en', ["hi we're 5", 'how much for starter?', 'and for 12?'], '**Starter** goes up to 10 seats, so for 12 the plan is **Pro**.'],
      ['es', ['hola somos 5', 'cuanto cuesta starter?', 'y para 12?'], '**Starter** llega hasta 10 usuarios, así que para 12 corresponde **Pro**.'],
      ['de', ['hallo wir sind 5', 'was kostet starter?', 'und für 12?'], '**Starter** endet bei 10 Nutzern; für 12 passt **Pro**.'],
    ] as const) {
      const [, , reply] = await hold(locale, turns);
      expect({ locale, start: reply?.text.startsWith(start) }).toEqual({ locale, start: true });
      expect(priced(reply)).toEqual([expect.objectContaining({ plan: 'pro', seats: 12 }), expect.objectContaining({ plan: 'pro', seats: 12 })]);
      expect(reply?.text).toContain(monthly('pro', 12, locale));
      expect(grounded(reply)).toBe(true);
      // Starter's own per-seat line is not said again.
      expect(reply?.text).not.toMatch(/\*\*Starter\*\* (?:is|coûte|cuesta|kostet) \*\*\$12/);
    }
    // Within Starter's range, "and for 8?" stays on Starter.
    const [, , eight] = await hold('en', ["hi we're 5", 'how much for starter?', 'and for 8?']);
    expect(priced(eight)).toEqual(expect.arrayContaining([expect.objectContaining({ plan: 'starter', seats: 8 })]));
    expect(eight?.text).not.toContain('goes up to');
  });

  it('8: "what if we only put 10 people on it" after Pro for 25: Pro repriced for 10 (en, es, fr, de), never "no confirmed answer"', async () => {
    const [, , reply] = await hold('en', ['we are 25', 'how much is pro?', 'what if we only put 10 people on it']);
    expect(reply?.text).not.toMatch(UNSURE);
    expect(priced(reply)).toEqual(expect.arrayContaining([expect.objectContaining({ plan: 'pro', seats: 10 })]));
    expect(reply?.text).toContain(`**Pro** for 10 seats, billed monthly: **$29 per seat per month**, so **${monthly('pro', 10)} a month**`);
    expect(grounded(reply)).toBe(true);
    // The team on record stays 25.
    expect(reply?.session.state.lead.fields.teamSize?.value).toBe(25);
    for (const [locale, turns] of [
      ['es', ['somos 25', 'cuanto cuesta pro?', 'y si solo somos 10?']],
      ['fr', ['on est 25', 'combien coûte pro ?', 'et si on n’en prend que 10 ?']],
      ['de', ['wir sind 25', 'was kostet pro?', 'und wenn nur 10?']],
    ] as const) {
      const [, , what] = await hold(locale, turns);
      expect({ locale, unsure: UNSURE.test(what?.text ?? '') }).toEqual({ locale, unsure: false });
      expect({ locale, priced: priced(what).some((input) => (input as { seats?: number }).seats === 10) }).toEqual({ locale, priced: true });
      expect(grounded(what)).toBe(true);
      expect(questionsIn(what?.text ?? '').length).toBeLessThanOrEqual(1);
    }
  });

  // Found holding 10–15-turn conversations as a prospect in the five languages.

  it('9: "actually we use pipedrive not hubspot": the correction noted, Pipedrive said to be unlisted (never the integrations list recapped)', async () => {
    const [, reply] = await hold('en', ['do you integrate with hubspot?', 'actually we use pipedrive not hubspot']);
    expect(reply?.text.startsWith("Got it: Pipedrive, not HubSpot. **Pipedrive** isn't among the integrations we list")).toBe(true);
    expect(reply?.text).not.toMatch(/As I mentioned|Over 60 integrations/i);
    // HubSpot is no longer on record as theirs.
    expect(toolsOnRecord(reply)).not.toContain('HubSpot');
    const [es] = await hold('es', ['usamos pipedrive, no hubspot']);
    expect(es?.text.startsWith('Entendido: Pipedrive, no HubSpot. **Pipedrive** no figura entre las integraciones que ofrecemos')).toBe(true);
  });

  it('10: "y con quickbooks?" just after a yes for Slack: QuickBooks not among the integrations we list, never "no confirmed answer"', async () => {
    const [, , reply] = await hold('es', ['hola somos 6', 'tienen integracion con slack?', 'y con quickbooks?']);
    expect(reply?.text).toContain('**Quickbooks** no figura entre las integraciones que ofrecemos');
    expect(reply?.text).not.toMatch(UNSURE);
  });

  it('11: Arabic "وماذا عن جيميل؟" after the Slack answer: Gmail is part of Google Workspace, from Starter', async () => {
    const [, reply] = await hold('ar', ['هل يتكامل مع سلاك؟', 'وماذا عن جيميل؟']);
    expect(reply?.text.startsWith('Gmail جزء من Google Workspace، المتوفر في كل الباقات بدءًا من باقة **المبتدئة**.')).toBe(true);
    expect(reply?.text).not.toMatch(UNSURE);
  });

  it('12: French "pouvez-vous me rappeler ?" with a number: handed to the team, who call that number; "me rappeler quel plan" is no call', async () => {
    const [, reply] = await hold('fr', ['bonjour', 'pouvez-vous me rappeler ? 06 12 34 56 78']);
    expect(reply?.tools.map((call) => call.toolName)).toContain('request_human');
    expect(reply?.text).toContain('de vous appeler au **06 12 34 56 78**');
    const [, remind] = await hold('fr', ['bonjour on est 8', 'pouvez-vous me rappeler quel plan vous conseillez ?']);
    expect(remind?.tools.map((call) => call.toolName)).not.toContain('request_human');
    expect(remind?.text).toContain('je vous conseille **Starter**');
  });

  it('13: "whats the pricng?" (a typo) gets the plans and their prices — or the plan for the team on record — never "no confirmed answer"', async () => {
    const [reply] = await hold('en', ['hi, whats the pricng?']);
    expect(reply?.text).not.toMatch(UNSURE);
    for (const entry of kb.plans.filter((item) => item.pricePerSeatMonthly !== null)) expect(reply?.text).toContain(`**${entry.name}**`);
    expect(grounded(reply)).toBe(true);
    const [, sized] = await hold('en', ["we're 12", 'whats the pricng?']);
    expect(sized?.text).toContain(`**${monthly('pro', 12)} a month**`);
    // A word one edit from "price" that is spelt right stays what it was ("prices" is no typo).
    const [plain] = await hold('en', ['what are your prices?']);
    expect(plain?.text).not.toMatch(UNSURE);
  });

  it('14: "vous faites quoi exactement ?", "ustedes que hacen?": what the company does, never "no confirmed answer"', async () => {
    const [fr] = await hold('fr', ['Salut, vous faites quoi exactement ?']);
    expect(fr?.text.startsWith('Northwind Cloud réunit projets, workflows et reporting au même endroit.')).toBe(true);
    const [es] = await hold('es', ['ustedes que hacen?']);
    expect(es?.text.startsWith('Northwind Cloud reúne proyectos, flujos de trabajo e informes en un solo lugar.')).toBe(true);
    for (const reply of [fr, es]) expect(reply?.text).not.toMatch(UNSURE);
  });

  it('15: German "und SAP?" after "hat Pro Jira?": SAP is not among the integrations we offer (never "keine bestätigte Antwort")', async () => {
    const [, , reply] = await hold('de', ['wir sind 8', 'hat Pro Jira?', 'und SAP?']);
    expect(reply?.text).toContain('**SAP** gehört nicht zu den Integrationen, die wir anbieten');
    expect(reply?.text).not.toMatch(UNSURE);
  });

  it('16: "was wenn wir nur 5 sind?" repriced for 5; Arabic "وللسنة؟" after a quote: that quote billed annually', async () => {
    const [, , five] = await hold('de', ['wir sind 8', 'was kostet starter?', 'was wenn wir nur 5 sind?']);
    expect(priced(five)).toEqual(expect.arrayContaining([expect.objectContaining({ plan: 'starter', seats: 5 })]));
    expect(five?.text).not.toMatch(UNSURE);
    expect(five?.session.state.lead.fields.teamSize?.value).toBe(8);
    const [, , year] = await hold('ar', ['نحن 25 شخص', 'كم سعر باقة الأعمال؟', 'وللسنة؟']);
    expect(priced(year)).toEqual([expect.objectContaining({ plan: 'business', seats: 25, billing: 'annual' })]);
    expect(year?.text).toContain('12,300\u00a0US$');
    expect(year?.text).not.toMatch(UNSURE);
  });

  it('17: "brauchen wir enterprise?", "do we need business?" (no need named): what that plan adds over the one below it, from the catalogue', async () => {
    const [, de] = await hold('de', ['hi, wir sind ein team von 60', 'brauchen wir enterprise?']);
    expect(de?.text.startsWith('Im Vergleich zu **Enterprise** fehlt in **Business**: Benutzerbereitstellung per SCIM')).toBe(true);
    const [, en] = await hold('en', ["we're 20", 'do we need business?']);
    expect(en?.text.startsWith("Compared with **Business**, **Pro** doesn't include: SAML single sign-on")).toBe(true);
    for (const reply of [de, en]) expect(reply?.text).not.toMatch(UNSURE);
    // A need named is answered by its FAQ, as before ("do we need business for sso?": yes).
    const [sso] = await hold('en', ['do we need business for sso?']);
    expect(sso?.text.startsWith('Yes. SAML single sign-on')).toBe(true);
  });
});
