/** @jest-environment node */
// Session 32: "will I get a calendar invite?" before a booking is answered from the configuration the booking tool
// reads (invitesByEmail, passed to the offline agent with the turn's context), in the prospect's language, and the
// booking goes on; after the booking the answer is the one the tool gave.
import { booked, bookInput, conversation, inLanguage as otherLanguage, type Said } from '../support/offline-agent';
import { questionSentences } from '@/lib/sales/asked-questions';
import type { SalesLocale } from '@/lib/sales/turn-state';

interface Words {
  demo: string;
  slot: string;
  invite: string;
  /** The invite said to come by e-mail (invites on). */
  emailed: RegExp;
  /** The invite said not to come by e-mail: the card's .ics link (invites off). */
  notEmailed: RegExp;
}

const WORDS: Record<SalesLocale, Words> = {
  en: {
    demo: "I'd like a demo",
    slot: 'Thursday at 3pm',
    invite: 'will I get a calendar invite?',
    emailed: /(?:invite is e-mailed to the address you give me|goes to \*\*tom@acme\.io\*\* by e-mail)/,
    notEmailed: /(?:don’t|don't) send the invite by e-mail/,
  },
  es: {
    demo: 'quiero una demo',
    slot: 'el jueves a las 15h',
    invite: '¿me llegará una invitación?',
    emailed: /se envía por correo a (?:la dirección que me indique|\*\*tom@acme\.io\*\*)/,
    notEmailed: /No enviamos la invitación por correo|no enviamos la invitación por correo/,
  },
  fr: {
    demo: 'je voudrais une démo',
    slot: 'jeudi à 15h',
    invite: 'recevrai-je une invitation ?',
    emailed: /(?:envoyée par e-mail à l’adresse que vous m’indiquez|part par e-mail à \*\*tom@acme\.io\*\*)/,
    notEmailed: /n’envoyons pas l’invitation par e-mail/,
  },
  de: {
    demo: 'ich möchte eine Demo',
    slot: 'Donnerstag um 15 Uhr',
    invite: 'bekomme ich eine Einladung?',
    emailed: /(?:geht die Kalendereinladung per E-Mail an die Adresse|geht per E-Mail an \*\*tom@acme\.io\*\*)/,
    notEmailed: /verschicken wir nicht per E-Mail/,
  },
  ar: {
    demo: 'أريد عرضًا توضيحيًا',
    slot: 'الخميس الساعة ٣ عصرًا',
    invite: 'هل ستصلني دعوة؟',
    emailed: /تُرسل (?:دعوة التقويم|دعوة عرضك التوضيحي)[^.]*بالبريد الإلكتروني/,
    notEmailed: /لا نرسل الدعوة بالبريد الإلكتروني/,
  },
};

const LOCALES = Object.keys(WORDS) as SalesLocale[];
/** The reply in `locale` alone (support's check, for the four other languages; English: none of their words or script). */
const inLanguage = (locale: SalesLocale, text: string) => (locale === 'en' ? !/\p{Script=Arabic}|¿|(?<!\p{L})(?:usted|vous|Sie|Ihnen)(?!\p{L})/u.test(text) : otherLanguage(locale, text));
/** A question in the reply that asks for the e-mail. */
const asksEmail = (reply: Said) => questionSentences(reply.text).some((question) => /(?<!\p{L})(?:e-?mail|correo)|بريد/iu.test(question));
/** A question in the reply that asks for a day or a time. */
const asksWhen = (reply: Said) => questionSentences(reply.text).some((question) => /\bday\b|\bd[ií]a\b|\bjour\b|\bTag\b|اليوم/iu.test(question));

/** The true answer, and never its opposite. */
function saysInvite(reply: Said, words: Words, emailed: boolean) {
  expect(reply.text).toMatch(emailed ? words.emailed : words.notEmailed);
  expect(reply.text).not.toMatch(emailed ? words.notEmailed : words.emailed);
}

describe('offline agent, session 32: "will I get a calendar invite?" answered from the configuration', () => {
  for (const emailed of [true, false]) {
    describe(`invites ${emailed ? 'e-mailed' : 'not e-mailed'}`, () => {
      it.each(LOCALES)('%s: asked first, the answer in their language, and the booking asked for (a day, a time, the e-mail)', async (locale) => {
        const words = WORDS[locale];
        const chat = conversation({ locale, visitorTimeZone: 'Europe/London', invitesByEmail: emailed });
        const reply = await chat.say(words.invite);
        expect({ text: reply.text, language: inLanguage(locale, reply.text) }).toEqual({ text: reply.text, language: true });
        saysInvite(reply, words, emailed);
        expect(asksWhen(reply)).toBe(true);
        expect(asksEmail(reply)).toBe(true);
        expect(reply.tools).toEqual([]);
        expect(reply.text).not.toMatch(/confirmed answer|respuesta confirmada|réponse confirmée|bestätigte Antwort|إجابة مؤكدة/);
      });

      it.each(LOCALES)('%s: asked on the way to a booking, answered, and the meeting is still booked with the e-mail; after it, the tool’s answer', async (locale) => {
        const words = WORDS[locale];
        const chat = conversation({ locale, visitorTimeZone: 'Europe/London', invitesByEmail: emailed });
        await chat.say(words.demo);
        const during = await chat.say(words.invite);
        expect(inLanguage(locale, during.text)).toBe(true);
        saysInvite(during, words, emailed);
        // The booking goes on: still no e-mail, so nothing is booked and the missing part is asked.
        expect(during.tools.some((tool) => tool.toolName === 'book_meeting')).toBe(false);
        expect(asksEmail(during)).toBe(true);
        await chat.say(words.slot);
        const done = await chat.say('tom@acme.io');
        expect(bookInput(done)).toMatchObject({ email: 'tom@acme.io' });
        expect(booked(done)).toMatchObject({ email: 'tom@acme.io' });
        expect(booked(done)?.localLabel).toContain('26');
        // What the tool said of the invite…
        expect(done.outputs).toContainEqual(expect.objectContaining({ ok: true, emailed }));
        // …is what they are told when they ask about it afterwards.
        const after = await chat.say(words.invite);
        expect(inLanguage(locale, after.text)).toBe(true);
        saysInvite(after, words, emailed);
        expect(after.text).toContain('tom@acme.io');
        expect(after.tools).toEqual([]);
        expect(after.session.state.bookings).toHaveLength(1);
      });
    });
  }

  it('the same question in other words: "do you send an invite by email?", "¿me envían la invitación por correo?", "kommt die Einladung per Mail?"', async () => {
    for (const [locale, question] of [
      ['en', 'do you send an invite by email?'],
      ['es', '¿me envían la invitación por correo?'],
      ['fr', 'vous envoyez une invitation par e-mail ?'],
      ['de', 'kommt die Einladung per Mail?'],
      ['ar', 'هل سترسلون دعوة بالبريد؟'],
    ] as const) {
      for (const emailed of [true, false]) {
        const reply = await conversation({ locale, invitesByEmail: emailed }).say(question);
        saysInvite(reply, WORDS[locale], emailed);
      }
    }
  });

  it('asked while "which Thursday?" is in flight: answered, the question asked again, and nothing booked until it is answered', async () => {
    const chat = conversation({ visitorTimeZone: 'Europe/London', invitesByEmail: true });
    const which = await chat.say('demo next Thursday 3pm, tom@acme.io');
    expect(which.text).toContain('do you mean **Thursday, November 26** or **Thursday, December 3**?');
    const reply = await chat.say('will I get a calendar invite?');
    expect(reply.text).toMatch(WORDS.en.emailed);
    expect(reply.text).toContain('do you mean **Thursday, November 26** or **Thursday, December 3**?');
    expect(reply.session.state.bookings).toEqual([]);
    const done = await chat.say('December 3');
    expect(booked(done)).toMatchObject({ email: 'tom@acme.io', start: '2026-12-03T15:00:00.000Z' });
  });

  it('a colleague brought to the demo and "which email is the invite going to?" keep their own answers', async () => {
    const chat = conversation({ invitesByEmail: true });
    await chat.say('demo Monday 2pm please, jo@acme.com');
    const which = await chat.say('What email is the invite going to?');
    expect(which.text).toContain('is booked for **jo@acme.com**; the booking card above has its invite');
    const colleague = await chat.say('Can I forward the invite to my colleague?');
    expect(colleague.text).not.toMatch(WORDS.en.emailed);
  });

  it('the product’s own invitations are not the meeting’s: "can I send invitations to my team?", "¿los usuarios reciben una invitación por correo?"', async () => {
    for (const [locale, question] of [
      ['en', 'can I send invitations to my team?'],
      ['en', 'do new users get an invitation by email?'],
      ['es', '¿los usuarios reciben una invitación por correo?'],
      ['de', 'kann ich Einladungen an mein Team verschicken?'],
    ] as const) {
      for (const emailed of [true, false]) {
        const reply = await conversation({ locale, invitesByEmail: emailed }).say(question);
        expect({ question, text: reply.text }).not.toEqual({ question, text: expect.stringMatching(WORDS[locale].emailed) });
        expect({ question, text: reply.text }).not.toEqual({ question, text: expect.stringMatching(WORDS[locale].notEmailed) });
      }
    }
    // (The sales team sending it is the meeting's invite.)
    const reply = await conversation({ invitesByEmail: true }).say('will your sales team send me a calendar invite?');
    expect(reply.text).toMatch(WORDS.en.emailed);
  });
});
