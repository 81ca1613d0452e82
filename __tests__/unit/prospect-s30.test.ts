/** @jest-environment node */
// Session 30, prospects on the team's hours and the e-mail question: English hours with the meeting hours' clock
// ("9 AM to 6 PM"), es/fr/de on the 24-hour clock and no capital after a colon; the e-mail asked once in general,
// again only where needed and never two replies running, never after "no email please" (five languages); "who will
// contact me and when?" after a handoff answered in five languages.
import { hold, UNSURE, type Said } from '../support/offline-agent';
import { fieldsAskedIn, declinesEmail } from '@/lib/sales/asked-questions';
import { formatLocalHour } from '@/lib/sales/booking';
import { handoffHoursText } from '@/lib/sales/handoff-hours';
import { searchKnowledge } from '@/lib/sales/retrieval';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import type { SalesLocale } from '@/lib/sales/turn-state';

const asksEmail = (reply: Said | undefined) => fieldsAskedIn(reply?.text ?? '').includes('email');
const HUMAN: Record<SalesLocale, [string, string]> = {
  en: ['hi', 'can I talk to a person?'],
  es: ['hola', '¿puedo hablar con una persona?'],
  fr: ['bonjour', 'je voudrais parler à quelqu’un'],
  de: ['hallo', 'kann ich mit jemandem sprechen?'],
  ar: ['مرحبا', 'أريد التحدث مع شخص'],
};

describe('prospects: session 30', () => {
  it('1: English hours of the sales team read "9 AM to 6 PM", as the meeting hours do; es, fr and de keep the 24-hour clock', async () => {
    const english = `Monday to Friday, ${formatLocalHour(9)} to ${formatLocalHour(18)} in your time zone`;
    expect(english).toBe('Monday to Friday, 9 AM to 6 PM in your time zone');
    const [, handoff] = await hold('en', HUMAN.en);
    expect(handoff?.text).toContain(`They work ${english}`);
    expect(handoff?.text).not.toMatch(/\d:00/);
    // The knowledge passage the model reads, and the tool's answer to it, in the same words.
    const passage = searchKnowledge('can I talk to a human on the sales team?', { limit: 8 }).find((entry) => entry.id === 'policy:handoff');
    expect(passage?.text).toBe(`The sales team answers at sales@northwind.example, ${english} (US and EU teams).`);
    expect(handoff?.outputs).toContainEqual(expect.objectContaining({ message: expect.stringContaining(`(${english} (US and EU teams))`) }));
    for (const [locale, hours] of [['es', 'de 9:00 a 18:00'], ['fr', 'de 9 h à 18 h'], ['de', '9:00–18:00 Uhr']] as const) {
      const [, reply] = await hold(locale, HUMAN[locale]);
      expect({ locale, text: reply?.text }).toEqual({ locale, text: expect.stringContaining(hours) });
    }
    expect(handoffHoursText('Mon–Fri, 8:00-20:00; Sat 10:00', 'en')).toBe('Mon–Fri, 8 AM to 8 PM; Sat 10 AM');
  });

  it('2: no capital after a colon or a comma in Spanish and French ("Su horario: de lunes a viernes"); German nouns and Arabic as written', async () => {
    const [, es] = await hold('es', HUMAN.es);
    expect(es?.text).toContain('Su horario: de lunes a viernes, de 9:00 a 18:00');
    const [, fr] = await hold('fr', HUMAN.fr);
    expect(fr?.text).toContain('Horaires de l’équipe : du lundi au vendredi');
    const [, de] = await hold('de', HUMAN.de);
    expect(de?.text).toContain('Erreichbarkeit des Teams: Montag bis Freitag');
    for (const [locale, reply] of [['es', es], ['fr', fr]] as const) expect({ locale, text: reply?.text }).not.toEqual({ locale, text: expect.stringMatching(/[:,]\s+(?:De|Du) /u) });
    // The knowledge passage too: "El equipo comercial responde en …, de lunes a viernes".
    expect(searchKnowledge('hablar con una persona del equipo comercial', { limit: 8, kb: getLocalizedKnowledgeBase('es') }).find((entry) => entry.id === 'policy:handoff')?.text).toContain('sales@northwind.example, de lunes a viernes');
    expect(handoffHoursText('EE. UU. y la UE, de 9:00 a 18:00', 'es')).toBe('EE. UU. y la UE, de 9:00 a 18:00');
    expect(handoffHoursText('من الاثنين إلى الجمعة، 9:00–18:00', 'ar')).toBe('من الاثنين إلى الجمعة، 9:00–18:00');
  });

  it('3: a prospect who ignores the e-mail question is asked once in general, then only for the booking, never two replies running', async () => {
    const replies = await hold('en', [
      'hi',
      'we need a better way to track projects',
      'we are 12 people',
      'how much is pro?',
      'what integrations do you have?',
      'is it secure?',
      'do you have a discount for annual?',
      'how does onboarding work?',
      'can we book a demo thursday at 11?',
      'ok',
      'thanks',
    ]);
    const asked = replies.flatMap((reply, turn) => (asksEmail(reply) ? [turn] : []));
    // Once in general before the booking, and the booking's own ask for the invite's address.
    expect(asked.filter((turn) => turn < 8)).toHaveLength(1);
    expect(asked).toContain(8);
    expect(replies[8]?.text).toContain("What's the best email for the invite?");
    expect(asked.some((turn, index) => asked[index + 1] === turn + 1)).toBe(false);
  });

  it('4: "no email please" in five languages: not asked for it again, in that reply or after', async () => {
    for (const [locale, turns, agreed] of [
      ['en', ['hi', 'we need a better way to track projects', 'we are 12 people', 'no email please', 'how much is pro?', 'what integrations do you have?', 'is it secure?', 'how does onboarding work?'], "Of course — no email needed, and I won't ask for it again."],
      ['es', ['hola', 'necesitamos organizar mejor los proyectos', 'somos 12', 'sin correo, por favor', '¿cuánto cuesta pro?', '¿qué integraciones tienen?', '¿es seguro?', '¿cómo es la incorporación?'], 'Por supuesto: no hace falta ningún correo y no volveré a pedírselo.'],
      ['fr', ['bonjour', 'nous voulons mieux suivre nos projets', 'nous sommes 12', 'pas d’e-mail, merci', 'combien coûte pro ?', 'quelles intégrations avez-vous ?', 'c’est sécurisé ?', 'comment se passe l’onboarding ?'], 'Bien sûr : pas besoin d’e-mail, et je ne vous le redemanderai pas.'],
      ['de', ['hallo', 'wir wollen unsere Projekte besser verfolgen', 'wir sind 12', 'keine E-Mail bitte', 'was kostet Pro?', 'welche Integrationen gibt es?', 'ist das sicher?', 'wie läuft das Onboarding?'], 'Natürlich – eine E-Mail-Adresse ist nicht nötig, und ich frage nicht mehr danach.'],
      ['ar', ['مرحبا', 'نريد متابعة مشاريعنا بشكل أفضل', 'نحن فريق من 12 شخصًا', 'بدون بريد إلكتروني من فضلك', 'كم سعر الباقة الاحترافية؟', 'ما هي التكاملات المتاحة؟', 'هل البيانات آمنة؟', 'كيف يتم التهيئة؟'], 'بالطبع، لا حاجة إلى بريد إلكتروني ولن أطلبه منك مرة أخرى.'],
    ] as const satisfies readonly (readonly [SalesLocale, readonly string[], string])[]) {
      expect({ locale, declines: declinesEmail(turns[3]) }).toEqual({ locale, declines: true });
      const replies = await hold(locale, turns);
      expect({ locale, text: replies[3]?.text }).toEqual({ locale, text: expect.stringContaining(agreed) });
      expect({ locale, noEmail: replies[3]?.session.state.noEmail }).toEqual({ locale, noEmail: true });
      const after = replies.slice(3).flatMap((reply, index) => (asksEmail(reply) ? [turns[index + 3]] : []));
      expect({ locale, askedAfterDeclining: after }).toEqual({ locale, askedAfterDeclining: [] });
    }
    // A message that says nothing of the kind is no refusal.
    for (const text of ['my email is ana@example.com', 'email me the details', 'no, email is fine', '¿me lo mandan por correo?', 'envoyez-moi un e-mail']) expect({ text, declines: declinesEmail(text) }).toEqual({ text, declines: false });
  });

  it('4b: after "no email please", a request for a person is handed over without asking for the e-mail', async () => {
    const [, , , handoff] = await hold('en', ['hi', 'we are 12 people', 'no email please', 'can I talk to a person?']);
    expect(handoff?.tools.map((call) => call.toolName)).toContain('request_human');
    expect(asksEmail(handoff)).toBe(false);
  });

  it('5: "who will contact me and when?" after a handoff is answered in five languages, the e-mail not asked again right away', async () => {
    for (const [locale, asked, answer] of [
      ['en', 'who will contact me and when?', 'A member of our sales team will get in touch; they work Monday to Friday, 9 AM to 6 PM'],
      ['es', '¿quién me contactará y cuándo?', 'Una persona de nuestro equipo comercial se pondrá en contacto con usted; horario del equipo: de lunes a viernes'],
      ['fr', 'qui va me contacter et quand ?', 'Un membre de notre équipe commerciale vous contactera ; horaires de l’équipe : du lundi au vendredi'],
      ['de', 'wer meldet sich und wann?', 'Jemand aus unserem Vertriebsteam meldet sich bei Ihnen; Erreichbarkeit des Teams: Montag bis Freitag'],
      ['ar', 'من سيتواصل معي ومتى؟', 'سيتواصل معك أحد أعضاء فريق المبيعات، وساعات عمل الفريق: من الاثنين إلى الجمعة'],
    ] as const satisfies readonly (readonly [SalesLocale, string, string])[]) {
      const [, handoff, who] = await hold(locale, [...HUMAN[locale], asked]);
      expect({ locale, text: who?.text }).toEqual({ locale, text: expect.stringContaining(answer) });
      expect({ locale, text: who?.text }).not.toEqual({ locale, text: expect.stringMatching(UNSURE) });
      // The handoff's reply asked for the address: the next one does not ask again.
      expect({ locale, handoffAsked: asksEmail(handoff), whoAsked: asksEmail(who) }).toEqual({ locale, handoffAsked: true, whoAsked: false });
    }
  });
});
