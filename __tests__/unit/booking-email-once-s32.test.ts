/** @jest-environment node */
// Session 32: booking a demo step by step ("I'd like a demo", a day, a time, the e-mail), the e-mail is asked with the
// first ask and again only once the slot is whole — never appended to every step — and the meeting is still booked
// only with an e-mail. Checked in the five languages.
import { booked, bookInput, conversation, inLanguage as otherLanguage, type Said } from '../support/offline-agent';
import { questionSentences } from '@/lib/sales/asked-questions';
import type { SalesLocale } from '@/lib/sales/turn-state';

const STEPS: Record<SalesLocale, { demo: string; day: string; time: string; slot: string }> = {
  en: { demo: "I'd like a demo", day: 'Thursday', time: 'at 3pm', slot: 'Thursday at 3pm' },
  es: { demo: 'quiero una demo', day: 'el jueves', time: 'a las 15h', slot: 'el jueves a las 15h' },
  fr: { demo: 'je voudrais une démo', day: 'jeudi', time: 'à 15h', slot: 'jeudi à 15h' },
  de: { demo: 'ich möchte eine Demo', day: 'Donnerstag', time: 'um 15 Uhr', slot: 'Donnerstag um 15 Uhr' },
  ar: { demo: 'أريد عرضًا توضيحيًا', day: 'الخميس', time: 'الساعة ٣ عصرًا', slot: 'الخميس الساعة ٣ عصرًا' },
};
const LOCALES = Object.keys(STEPS) as SalesLocale[];
/** The reply in `locale` alone (support's check, for the four other languages; English: none of their words or script). */
const inLanguage = (locale: SalesLocale, text: string) => (locale === 'en' ? !/\p{Script=Arabic}|¿|(?<!\p{L})(?:usted|vous|Sie|Ihnen)(?!\p{L})/u.test(text) : otherLanguage(locale, text));

/** A question in the reply that asks for the e-mail ("email", "correo", "adresse e-mail", "E-Mail-Adresse", "بريد"). */
const asksEmail = (reply: Said) => questionSentences(reply.text).some((question) => /(?<!\p{L})(?:e-?mail|correo)|بريد/iu.test(question));
/** A question in the reply that asks for the hour ("what time", "qué hora", "quelle heure", "Uhrzeit", "الوقت"). */
const asksTime = (reply: Said) => questionSentences(reply.text).some((question) => /\btime\b|\bhora\b|\bheure\b|Uhrzeit|الوقت/iu.test(question));
const bookedHere = (reply: Said) => reply.tools.some((tool) => tool.toolName === 'book_meeting');

async function run(locale: SalesLocale, turns: readonly string[]): Promise<Said[]> {
  const chat = conversation({ locale, visitorTimeZone: 'Europe/London' });
  const replies: Said[] = [];
  for (const turn of turns) {
    const reply = await chat.say(turn);
    expect({ turn, text: reply.text, language: inLanguage(locale, reply.text) }).toEqual({ turn, text: reply.text, language: true });
    replies.push(reply);
  }
  return replies;
}

describe('offline agent, session 32: the e-mail asked once per question in flight while a demo is booked', () => {
  it.each(LOCALES)('%s: "I\'d like a demo", a day, a time, the e-mail: two replies ask for it, not three, and the meeting is booked for it', async (locale) => {
    const steps = STEPS[locale];
    const replies = await run(locale, [steps.demo, steps.day, steps.time, 'tom@acme.io']);
    const [first, day, time, done] = replies as [Said, Said, Said, Said];
    // The first ask names everything missing: a day, a time and the e-mail.
    expect(asksEmail(first)).toBe(true);
    // The day answered: the hour asked, the e-mail not asked again yet…
    expect(asksEmail(day)).toBe(false);
    expect(asksTime(day)).toBe(true);
    // …and once the slot is whole, the one thing still missing.
    expect(asksEmail(time)).toBe(true);
    expect(replies.slice(0, 3).filter(asksEmail)).toHaveLength(2);
    // Never booked before the e-mail; booked with it.
    expect(replies.slice(0, 3).some(bookedHere)).toBe(false);
    expect(time.session.state.bookings).toEqual([]);
    expect(bookInput(done)).toMatchObject({ email: 'tom@acme.io' });
    expect(booked(done)).toMatchObject({ email: 'tom@acme.io' });
    expect(booked(done)?.localLabel).toContain('26');
    expect(booked(done)?.start).toBe('2026-11-26T15:00:00.000Z');
    expect(asksEmail(done)).toBe(false);
  });

  it.each(LOCALES)('%s: the day and time given together without the e-mail: asked for it next (only it is missing), then booked', async (locale) => {
    const steps = STEPS[locale];
    const replies = await run(locale, [steps.demo, steps.slot, 'tom@acme.io']);
    expect(replies.map(asksEmail)).toEqual([true, true, false]);
    expect(replies.map(bookedHere)).toEqual([false, false, true]);
    expect(booked(replies[2])).toMatchObject({ email: 'tom@acme.io', start: '2026-11-26T15:00:00.000Z' });
  });

  it('the e-mail declined: a day then a time are never followed by an e-mail ask, nothing is booked, and a phone is asked instead', async () => {
    const replies = await run('en', ["I'd like a demo", "I'd rather not give my email", 'Thursday at 3pm']);
    expect(replies.slice(1).map(asksEmail)).toEqual([false, false]);
    expect(replies.some(bookedHere)).toBe(false);
    expect(replies[2]?.text).toMatch(/phone number/);
  });
});
