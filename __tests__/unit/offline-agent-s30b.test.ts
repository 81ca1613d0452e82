/** @jest-environment node */
// Session 30b, the offline agent: "send me the pricing by email" asks for the address once (or, declined, offers the
// chat and sales@; known, says where the team sends it) in five languages; two long conversations, English and German,
// with pricing, a change of plan, objections, SSO, a competitor, the e-mail declined then given, a booking moved and
// cancelled, a handoff and recall questions: facts kept, no question twice running, one ask a reply, no invented price.
import { allowedAmounts, amounts, hold, type Said } from '../support/offline-agent';
import { fieldsAskedIn } from '@/lib/sales/asked-questions';
import { questionSentences } from '@/lib/sales/asked-questions';
import type { SalesLocale } from '@/lib/sales/turn-state';

const emailAsks = (reply: Said | undefined) => (reply?.text ?? '').split(/(?<=[.?!؟])\s+/u).filter((sentence) => fieldsAskedIn(sentence).includes('email')).length;

describe('offline agent: session 30b', () => {
  it('3: "send me the pricing by email" with no e-mail known asks for it once, in the reply itself (five languages)', async () => {
    const cases: [SalesLocale, string[], string][] = [
      ['en', ['hi', 'we are 12 people', 'send me the pricing by email'], "I can't send email from this chat myself, but our sales team can send it to you."],
      ['es', ['hola', 'somos 12', 'envíeme los precios por correo'], 'Yo no puedo enviar correos desde este chat'],
      ['fr', ['bonjour', 'nous sommes 12', 'envoyez-moi les tarifs par e-mail'], 'Je ne peux pas envoyer d’e-mail depuis ce chat, mais'],
      ['de', ['hallo', 'wir sind 12', 'schicken Sie mir die Preise per E-Mail'], 'Aus diesem Chat kann ich selbst keine E-Mails senden, aber'],
      ['ar', ['مرحبا', 'نحن 12 شخصا', 'أرسل لي الأسعار على البريد'], 'لا أستطيع إرسال رسائل بريد إلكتروني من هذه المحادثة'],
    ];
    for (const [locale, turns, said] of cases) {
      const reply = (await hold(locale, turns)).at(-1);
      expect({ locale, text: reply?.text }).toEqual({ locale, text: expect.stringContaining(said) });
      expect({ locale, asks: emailAsks(reply) }).toEqual({ locale, asks: 1 });
      expect(reply?.text).not.toMatch(/^Thanks, that helps\./u);
    }
  });

  it('3b: declined first, the same request offers the chat and sales@ (never the e-mail); known, says where it goes', async () => {
    const [, , declined] = await hold('en', ['hi', 'no email please', 'send me this by email']);
    expect(declined?.text).toContain('you can write to sales@northwind.example');
    expect(emailAsks(declined)).toBe(0);
    const [, , , fr] = await hold('fr', ['bonjour', 'nous sommes 12', 'pas d’e-mail', 'envoyez-moi les tarifs par e-mail']);
    expect(fr?.text).toContain('vous pouvez écrire à sales@northwind.example');
    expect(emailAsks(fr)).toBe(0);
    const known = (await hold('de', ['hallo', 'wir sind 12', 'meine E-Mail ist dana@acme.example', 'schicken Sie mir die Preise per E-Mail'])).at(-1);
    expect(known?.text).toContain('schickt das Team es an **dana@acme.example**');
  });

  const longConversation = async (locale: SalesLocale, turns: readonly string[]) => {
    const replies = await hold(locale, turns);
    replies.forEach((reply, turn) => {
      // One ask a reply at most, and never the same field asked in two replies running.
      expect({ turn, questions: questionSentences(reply.text).length <= 1 }).toEqual({ turn, questions: true });
      const before = replies[turn - 1];
      const repeated = fieldsAskedIn(reply.text).filter((field) => before && fieldsAskedIn(before.text).includes(field));
      expect({ turn, repeated }).toEqual({ turn, repeated: [] });
      // Every amount from the catalogue or the reply's own quotes.
      const allowed = allowedAmounts(reply.outputs);
      expect({ turn, invented: amounts(reply.text).filter((amount) => !allowed.has(amount)) }).toEqual({ turn, invented: [] });
    });
    return replies;
  };

  it('a long English conversation keeps every fact and asks nothing twice', async () => {
    const replies = await longConversation('en', [
      'hi',
      'we are 25 people and we need to manage projects better',
      'how much is pro?',
      'that is too expensive',
      'what about business?',
      'actually let us go with pro',
      'do you have SSO?',
      'we already use Asana',
      'how do you compare to monday.com?',
      'no email please',
      'send me the pricing by email',
      'can we book a demo thursday at 11?',
      'ok my email is dana@acme.example',
      'can we move it to friday at 2pm?',
      'actually cancel the demo',
      'can I talk to a human?',
      'how many seats did I say?',
    ]);
    expect(replies[9]?.session.state.noEmail).toBe(true);
    expect(replies[10]?.text).toContain('sales@northwind.example');
    expect(emailAsks(replies[10])).toBe(0);
    expect(replies[13]?.text).toContain('to **Fri, Nov 27, 2:00 PM (Europe/London)**');
    expect(replies[14]?.tools.map((tool) => tool.toolName)).toEqual(['cancel_meeting']);
    expect(replies[15]?.text).toContain("They'll reply to **dana@acme.example**");
    expect(replies[16]?.text).toContain('**25**');
    expect(replies.at(-1)?.session.state.lead.fields.teamSize?.value).toBe(25);
  });

  it('a long German conversation stays in German, keeps every fact and asks nothing twice', async () => {
    const replies = await longConversation('de', [
      'hallo',
      'wir sind 25 Leute und brauchen ein besseres Projektmanagement',
      'was kostet Pro?',
      'das ist zu teuer',
      'und Business?',
      'doch lieber Pro',
      'habt ihr SSO?',
      'wir nutzen schon Asana',
      'wie schneidet ihr gegen monday.com ab?',
      'bitte keine E-Mail',
      'schicken Sie mir die Preise per E-Mail',
      'können wir eine Demo am Donnerstag um 11 buchen?',
      'meine E-Mail ist dana@acme.example',
      'können wir sie auf Freitag 14 Uhr verschieben?',
      'sagen Sie die Demo bitte ab',
      'kann ich mit jemandem sprechen?',
      'wie viele Nutzer hatte ich gesagt?',
      'schicken Sie mir die Preise per E-Mail',
    ]);
    for (const [turn, reply] of replies.entries()) expect({ turn, english: /\b(?:the|and|you|your|with)\b/.test(reply.text.replace(/\*\*[^*]+\*\*|\([^)]*\)/g, '')) }).toEqual({ turn, english: false });
    expect(replies[10]?.text).toContain('Sie können jederzeit an sales@northwind.example schreiben');
    expect(replies[13]?.text).toContain('auf **Freitag, 27. November, 14:00 (Europe/London)**');
    expect(replies[14]?.tools.map((tool) => tool.toolName)).toEqual(['cancel_meeting']);
    expect(replies[15]?.text).toContain('Die Antwort kommt an **dana@acme.example**');
    expect(replies[16]?.text).toContain('**25**');
    expect(replies[17]?.text).toContain('schickt das Team es an **dana@acme.example**');
  });
});
