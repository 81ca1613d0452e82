/** @jest-environment node */
// Session 31, prospects on price and e-mail: "that's too expensive" from a team of 25 is never told to start on "a
// smaller plan" no plan below Pro can hold (five languages), and is told of the cheaper plan that does hold them when
// there is one; a demo asked for after "no email please" never asks for the invite's address: one ask for a phone
// number instead, and the request handed to the sales team with the time and the number (five languages).
import { allowedAmounts, amounts, hold, type Said } from '../support/offline-agent';
import { fieldsAskedIn } from '@/lib/sales/asked-questions';
import type { SalesLocale } from '@/lib/sales/turn-state';

const LOCALES = ['en', 'es', 'fr', 'de', 'ar'] as const;
/** The knowledge base's "start on a smaller plan", as each language's objection text says it. */
const SMALLER = /smaller plan|plan más pequeño|offre plus petite|kleineren Tarif|باقة أصغر/u;
const invented = (reply: Said | undefined) => amounts(reply?.text ?? '').filter((amount) => !allowedAmounts(reply?.outputs ?? []).has(amount.replace(/,$/, '')));

const TOO_EXPENSIVE: Record<SalesLocale, [string, string, string]> = {
  en: ['hi', 'we are 25 people', "that's too expensive"],
  es: ['hola', 'somos 25 personas', 'es demasiado caro'],
  fr: ['bonjour', 'nous sommes 25 personnes', "c'est trop cher"],
  de: ['hallo', 'wir sind 25 Personen', 'das ist zu teuer'],
  ar: ['مرحبا', 'نحن 25 شخصًا', 'هذا غالي جدا'],
};
/** "Pro is already our lowest-priced plan for a team of 25", in each language. */
const LOWEST: Record<SalesLocale, string> = {
  en: '**Pro** is already our lowest-priced plan for a team of 25.',
  es: '**Pro** ya es nuestro plan más económico para un equipo de 25.',
  fr: '**Pro** est déjà notre offre la moins chère pour une équipe de 25 personnes.',
  de: '**Pro** ist bereits unser günstigster Tarif für ein Team von 25 Personen.',
  ar: 'باقة **الاحترافية** هي بالفعل أرخص باقاتنا لفريق من 25 شخصًا.',
};
/** What keeps the first bill small instead: annual billing, starting with the team that needs it most. */
const START_SMALL: Record<SalesLocale, RegExp> = {
  en: /annual billing, or starting with the team that feels the pain most/u,
  es: /facturación anual, o empezar con el equipo que más sufre el problema/u,
  fr: /facturation annuelle, ou commencer par l’équipe qui en a le plus besoin/u,
  de: /jährlicher Abrechnung oder wenn Sie mit dem Team beginnen/u,
  ar: /الفوترة السنوية، أو البدء بالفريق الأكثر حاجة/u,
};

describe('prospects: session 31', () => {
  it('1: "too expensive" from a team of 25 suggests no smaller plan (Starter stops at 10), in five languages', async () => {
    for (const locale of LOCALES) {
      const replies = await hold(locale, TOO_EXPENSIVE[locale]);
      const reply = replies.at(-1);
      const text = reply?.text ?? '';
      expect({ locale, smaller: SMALLER.test(text) }).toEqual({ locale, smaller: false });
      expect({ locale, text }).toEqual({ locale, text: expect.stringContaining(LOWEST[locale]) });
      expect({ locale, text }).toEqual({ locale, text: expect.stringMatching(START_SMALL[locale]) });
      // Anything beyond annual billing is the sales team's call, never a discount of ours.
      expect({ locale, text }).toEqual({ locale, text: expect.stringContaining('sales@northwind.example') });
      expect({ locale, invented: invented(reply) }).toEqual({ locale, invented: [] });
      expect(text).not.toMatch(/\d+\s?%/u);
    }
  });

  it('2: a team a cheaper plan holds is told which one; a team of 8 on Starter, that Starter is the lowest', async () => {
    const [, , , en] = await hold('en', ['hi', 'we are 25 people', 'how much is business?', "that's too expensive"]);
    expect(en?.text).toContain('If budget is tight, **Pro** also holds a team of 25, for less than **Business**.');
    expect(en?.text).not.toMatch(SMALLER);
    const [, , , es] = await hold('es', ['hola', 'somos 25 personas', '¿cuánto cuesta business?', 'es demasiado caro']);
    expect(es?.text).toContain('Si el presupuesto es ajustado, **Pro** también sirve para un equipo de 25, por menos que **Business**.');
    expect(invented(es)).toEqual([]);
    const [, , small] = await hold('en', ['hi', 'we are 8 people', "that's too expensive"]);
    expect(small?.text).toContain('**Starter** is already our lowest-priced plan for a team of 8.');
    expect(small?.text).not.toMatch(SMALLER);
    // With no team size the knowledge base's words stand (nothing to size a plan for).
    const [, unsized] = await hold('en', ['hi', "that's too expensive"]);
    expect(unsized?.text).toContain('starting on a smaller plan');
  });

  const DEMO: Record<SalesLocale, { turns: [string, string, string, string, string, string]; phone: RegExp }> = {
    en: { turns: ['hi', 'we are 12 people', 'no email please', 'can we book a demo thursday at 11?', 'ok', '+44 20 7946 0958'], phone: /leave a phone number/u },
    es: { turns: ['hola', 'somos 12', 'sin correo, por favor', '¿podemos reservar una demo el jueves a las 11?', 'vale', '+44 20 7946 0958'], phone: /déjeme un número de teléfono/u },
    fr: { turns: ['bonjour', 'nous sommes 12', "pas d'e-mail, s'il vous plaît", 'on peut réserver une démo jeudi à 11h ?', 'ok', '+44 20 7946 0958'], phone: /laissez-moi un numéro de téléphone/u },
    de: { turns: ['hallo', 'wir sind 12', 'keine E-Mail bitte', 'können wir eine Demo am Donnerstag um 11 Uhr buchen?', 'ok', '+44 20 7946 0958'], phone: /Hinterlassen Sie mir eine Telefonnummer/u },
    ar: { turns: ['مرحبا', 'نحن 12 شخصًا', 'بدون بريد إلكتروني من فضلك', 'هل يمكننا حجز عرض توضيحي يوم الخميس الساعة 11؟', 'حسنا', '+44 20 7946 0958'], phone: /اترك لي رقم هاتف/u },
  };

  it('3: a demo after "no email please" asks once for a phone, never the e-mail, and hands the request over with it (five languages)', async () => {
    for (const locale of LOCALES) {
      const { turns, phone } = DEMO[locale];
      const replies = await hold(locale, turns);
      const [, , , demo, , handed] = replies;
      // No reply after the decline asks for the e-mail, nor books a meeting without one.
      for (const [turn, reply] of replies.slice(2).entries()) {
        expect({ locale, turn, email: fieldsAskedIn(reply.text).includes('email') }).toEqual({ locale, turn, email: false });
        expect(reply.tools.some((call) => call.toolName === 'book_meeting')).toBe(false);
      }
      expect({ locale, text: demo?.text }).toEqual({ locale, text: expect.stringMatching(phone) });
      // Asked once: not again in the reply after.
      expect({ locale, again: phone.test(replies[4]?.text ?? '') }).toEqual({ locale, again: false });
      // The number given: the sales team gets the time and the number, and the reply says they will call.
      const handoff = handed?.tools.find((call) => call.toolName === 'request_human')?.input as { reason?: string } | undefined;
      expect({ locale, reason: handoff?.reason }).toEqual({ locale, reason: expect.stringMatching(/^Wants a demo at .*11.*call \+44 20 7946 0958 to confirm\.$/u) });
      expect({ locale, text: handed?.text }).toEqual({ locale, text: expect.stringContaining('**+44 20 7946 0958**') });
      expect(handed?.session.state.handoff).toBeDefined();
    }
  });

  it('4: with a phone on record before the demo is asked for, the request goes to the sales team at once', async () => {
    const [, , , , demo] = await hold('en', ['hi', 'we are 12 people', 'no email please', 'my phone is +44 20 7946 0958', 'can we book a demo thursday at 11?']);
    expect(demo?.text).toContain("No email needed: I've passed your request for a demo on **Thursday at 11** to our sales team, and they'll call you at **+44 20 7946 0958** to confirm it.");
    expect(demo?.tools.map((call) => call.toolName)).toEqual(['request_human']);
    expect(fieldsAskedIn(demo?.text ?? '')).not.toContain('email');
  });

  it('5: a time outside meeting hours after the decline: the nearest slot, and the phone asked instead of the e-mail', async () => {
    const [, , demo] = await hold('en', ['hi', 'no email please', 'can we book a demo on saturday at 10?']);
    expect(demo?.text).toContain('outside our meeting hours');
    expect(demo?.text).toContain('leave a phone number and our sales team will call you to confirm a time.');
    expect(fieldsAskedIn(demo?.text ?? '')).not.toContain('email');
  });
});
