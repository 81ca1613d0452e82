/** @jest-environment node */
// Session 27 (prospects on the shared sales brain, lib/sales): a question about certifications finds the security
// answer in every language, "me and our CFO" is a decision shared with someone, and "أنا ومديري" is not a name.
import { booked, hold, lead, UNSURE } from '../support/offline-agent';
import type { SalesLocale } from '@/lib/sales/turn-state';

const field = (reply: Parameters<typeof lead>[0] | undefined, name: string) => (reply ? lead(reply)[name] : undefined);

describe('sales brain: session 27', () => {
  it('"what certifications do you have?" is answered from the security FAQ (SOC 2, ISO 27001), in five languages', async () => {
    for (const [locale, team, asked, soc] of [
      ['en', "we're 35 people", 'what certifications do you have?', 'SOC 2 Type II'],
      ['es', 'somos 35', '¿qué certificaciones tienen?', 'SOC 2 Tipo II'],
      ['fr', 'nous sommes 35', 'quelles certifications avez-vous ?', 'SOC 2 Type II'],
      ['de', 'wir sind 35', 'welche Zertifizierungen haben Sie?', 'SOC 2 Typ II'],
      ['ar', 'نحن 35', 'ما هي الشهادات التي لديكم؟', 'SOC 2'],
    ] as const) {
      const [, reply] = await hold(locale as SalesLocale, [team, asked]);
      expect({ locale, text: reply?.text }).toEqual({ locale, text: expect.stringContaining(soc) });
      expect(reply?.text).toContain('ISO 27001');
      expect(reply?.text).not.toMatch(UNSURE);
    }
    // "ISO certified?" is answered as the knowledge base says it ("aligned with"), never as a certificate it lacks.
    const [, , iso] = await hold('en', ["we're 35 people", 'what certifications do you have?', 'are you ISO certified?']);
    expect(iso?.text).toContain('aligned with ISO 27001');
    expect(iso?.text).not.toMatch(/ISO(?: 27001)? certified/i);
  });

  it('"who decides? me and our CFO" records a decision shared with someone, in five languages', async () => {
    for (const [locale, team, said] of [
      ['en', "we're 35 people", 'who decides? me and our CFO'],
      ['en', "we're 35 people", 'my boss and I will decide'],
      ['es', 'somos 35', 'mi jefe y yo decidimos'],
      ['fr', 'nous sommes 35', 'moi et mon DAF'],
      ['de', 'wir sind 35', 'ich und mein Chef entscheiden'],
      ['ar', 'نحن 35', 'أنا ومديري نقرر'],
    ] as const) {
      const [, reply] = await hold(locale as SalesLocale, [team, said]);
      expect({ said, authority: field(reply, 'authority') }).toEqual({ said, authority: 'needs approval' });
      expect(reply?.text).not.toMatch(UNSURE);
      // The other person is not taken for the prospect's name ("تشرّفت بمعرفتك يا ومديري").
      expect(field(reply, 'name')).toBeUndefined();
    }
    // Names that start with the letter "and" is written with still are names.
    for (const [said, name] of [
      ['أنا وليد', 'وليد'],
      ['أنا وفاء من شركة نور', 'وفاء'],
    ] as const) {
      const [reply] = await hold('ar', [said]);
      expect(field(reply, 'name')).toBe(name);
    }
  });

  it('"¿puedo cambiarla al martes a las 16h?" moves the demo to 16:00, not to Tuesday at the old hour; "24h" is no time', async () => {
    const [first, moved] = await hold('es', ['demo el lunes a las 10, ana@acme.es', '¿puedo cambiarla al martes a las 16h?'], 'Europe/Madrid');
    expect(booked(first)?.localLabel).toContain('10:00');
    expect(booked(moved)?.localLabel).toMatch(/^martes, .*, 16:00 \(Europe\/Madrid\)$/);
    expect(moved?.text).toContain('16:00');
    const [direct] = await hold('es', ['quiero una demo el martes 16h, ana@acme.es'], 'Europe/Madrid');
    expect(booked(direct)?.localLabel).toMatch(/^martes, .*, 16:00 /);
    // An hour count that is not a time of day books nothing.
    for (const [locale, said] of [
      ['es', '¿tienen soporte 24h?'],
      ['en', "what's your 4h response target about?"],
    ] as const) {
      const [reply] = await hold(locale, [said]);
      expect(reply?.session.state.bookings).toHaveLength(0);
      expect(reply?.tools.map((call) => call.toolName)).not.toContain('book_meeting');
    }
  });

  it('"Bonjour, Claire Dubois, responsable IT chez Atelier Bleu": the name is read after a greeting, in four languages', async () => {
    for (const [locale, said, name, company] of [
      ['fr', 'Bonjour, Claire Dubois, responsable IT chez Atelier Bleu', 'Claire Dubois', 'Atelier Bleu'],
      ['en', 'Hi, Jane Smith, head of IT at Acme', 'Jane Smith', 'Acme'],
      ['es', 'Hola, Pedro Ruiz, gerente de compras en Ferretería Ruiz', 'Pedro Ruiz', 'Ferretería Ruiz'],
      ['de', 'Hallo, Anna Schmidt, IT-Leiterin bei Müller AG', 'Anna Schmidt', 'Müller AG'],
    ] as const) {
      const [reply] = await hold(locale, [said]);
      expect({ said, name: field(reply, 'name'), company: field(reply, 'company') }).toEqual({ said, name, company });
    }
    // A greeting alone before a role names nobody.
    const [hello] = await hold('en', ['Hello, head of IT at Acme here']);
    expect(field(hello, 'name')).toBeUndefined();
  });

  it('a purchasing manager introducing themselves raises no objection; procurement that must approve still does', async () => {
    for (const [locale, said] of [
      ['es', 'Hola, Pedro Ruiz, gerente de compras en Ferretería Ruiz'],
      ['en', "I'm head of procurement at Acme"],
      ['en', "I'm the purchasing manager at Acme"],
      ['de', 'Ich bin Einkaufsleiterin bei Müller AG'],
    ] as const) {
      const [reply] = await hold(locale, [said]);
      expect({ said, stage: reply?.session.state.stage }).not.toEqual({ said, stage: 'objection_handling' });
    }
    for (const [locale, said] of [
      ['en', 'procurement has to approve it'],
      ['es', 'tengo que pasarlo por compras'],
    ] as const) {
      const [reply] = await hold(locale, [said]);
      expect({ said, stage: reply?.session.state.stage }).toEqual({ said, stage: 'objection_handling' });
    }
  });

  it('"we keep missing client deadlines" is the need the prospect came with, so it is not asked for again', async () => {
    for (const said of ['we keep missing client deadlines', "we're losing customer requests in email", 'we lost the sales leads']) {
      const [, reply] = await hold('en', ["we're a 15 person design studio", said]);
      expect({ said, need: field(reply, 'need') }).toEqual({ said, need: said });
      expect(reply?.text).not.toMatch(/hoping to solve|problem you'd like/);
    }
  });

  it('"Können Sie mir ein Angebot schicken?" and "هل يمكنكم إرسال عرض سعر؟" ask for a quote: handed to the sales team, not the discounts answer', async () => {
    for (const [locale, team, asked] of [
      ['de', 'Wir sind 9', 'Können Sie mir ein Angebot schicken?'],
      ['ar', 'نحن 9', 'هل يمكنكم إرسال عرض سعر؟'],
      ['en', 'we are 9', 'can you send me a quote?'],
      ['fr', 'nous sommes 9', "pouvez-vous m'envoyer un devis ?"],
    ] as const) {
      const [, reply] = await hold(locale, [team, asked]);
      expect({ asked, stage: reply?.session.state.stage }).toEqual({ asked, stage: 'handoff' });
      expect(reply?.text).not.toMatch(/Rabatt|خصم/);
      expect(reply?.text).not.toMatch(UNSURE);
    }
    // A special offer is still a discount question.
    const [, offer] = await hold('de', ['Wir sind 9', 'Gibt es ein Sonderangebot?']);
    expect(offer?.text).toContain('Rabatt');
  });

  it('"we\'re ~30 ppl, need sso, budget 2k/mo, want to start asap": each fact in its own field, the need without the budget', async () => {
    const [reply] = await hold('en', ["hi 👋 we're ~30 ppl, need sso, budget 2k/mo, want to start asap, i'm the cto. bob@x.io"]);
    expect(lead(reply!)).toMatchObject({ teamSize: 30, need: 'need sso', budget: '2k/mo', timeline: 'asap', email: 'bob@x.io', role: 'CTO' });
    const [es] = await hold('es', ['necesitamos SSO, presupuesto de 2000 dólares al mes']);
    expect(field(es, 'need')).toBe('necesitamos SSO');
  });
});
