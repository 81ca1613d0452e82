/** @jest-environment node */
// Session 30, long conversations in French and Arabic with the offline agent: team size, budget, stack, prices, a
// change of mind on the team size, small talk, a booking, "what time is the demo?", recall questions and goodbye.
// Every fact kept, every amount from the catalogue or the turn's own quote, no qualifying question asked word for
// word twice nor after its answer, the prospect's language throughout (holdInLanguage checks each reply).
import { hold, holdInLanguage, lead, questionsIn, toolsOnRecord, type Said } from '../support/offline-agent';
import type { SalesLocale } from '@/lib/sales/turn-state';

const priced = (reply: Said | undefined) => (reply?.tools ?? []).filter((call) => call.toolName === 'get_pricing').map((call) => call.input as { plan: string; seats: number });

/** No question asked word for word twice in the conversation. */
function noQuestionTwice(replies: Said[]) {
  const asked = new Set<string>();
  replies.forEach((reply, turn) => {
    for (const question of questionsIn(reply.text)) {
      expect({ turn, repeated: asked.has(question) ? question : undefined }).toEqual({ turn, repeated: undefined });
      asked.add(question);
    }
  });
}

describe('offline agent: session 30', () => {
  it('long conversation in French (15 turns): facts kept through a correction, prices grounded, the demo\'s time recalled, French throughout', async () => {
    const replies = await holdInLanguage('fr', 'Europe/Paris', [
      'Bonjour, je suis Camille Martin de Atelier Lumière',
      'nous sommes 15 personnes',
      'notre budget est de 500 dollars par mois',
      'on utilise Slack, HubSpot et Notion',
      'combien coûte Pro pour nous ?',
      'c’est sécurisé ? RGPD ?',
      'y a-t-il une réduction annuelle ?',
      'en fait nous sommes 20, pas 15',
      'et Business, ça coûte combien ?',
      'il fait beau à Lyon aujourd’hui',
      'on peut réserver une démo jeudi à 11 h ? mon e-mail est camille@atelier-lumiere.fr',
      'à quelle heure est la démo ?',
      'combien de personnes je vous ai dit ?',
      'quel est notre budget déjà ?',
      'merci, au revoir',
    ]);
    noQuestionTwice(replies);
    const end = replies.at(-1) as Said;
    expect(lead(end)).toEqual(expect.objectContaining({ name: 'Camille Martin', company: 'Atelier Lumière', teamSize: 20, budget: '500 dollars par mois', email: 'camille@atelier-lumiere.fr' }));
    expect(lead(end).timeline).toBeUndefined();
    expect(toolsOnRecord(end)).toEqual(['Slack', 'HubSpot']);
    expect(replies[3]?.text).toContain('**Notion** ne fait pas partie des intégrations');
    expect(priced(replies[7])).toContainEqual(expect.objectContaining({ plan: 'pro', seats: 20 }));
    expect(priced(replies[8])).toContainEqual({ plan: 'business', seats: 20, billing: 'monthly' });
    expect(replies[8]?.text).toContain('Cela dépasse le budget que vous avez indiqué (**500 dollars par mois**)');
    expect(end.session.state.bookings).toHaveLength(1);
    expect(replies[11]?.text).toContain('Votre démo est prévue le **jeudi 26 novembre, 11:00 (Europe/Paris)**');
    expect(replies[12]?.text).toContain('**20**');
    expect(replies[13]?.text).toContain('**500 dollars par mois**');
    expect(end.text).toContain('Camille');
  });

  it('long conversation in Arabic (15 turns): small talk about today is no timeline, the demo\'s time answered, facts recalled, Arabic throughout', async () => {
    const replies = await holdInLanguage('ar', 'Asia/Riyadh', [
      'مرحبا، أنا أحمد من شركة النخبة',
      'نحن فريق من 12 شخصًا',
      'ميزانيتنا 400 دولار شهريًا',
      'نستخدم Slack و Jira',
      'كم سعر الباقة الاحترافية لنا؟',
      'هل البيانات آمنة؟',
      'هل يوجد خصم سنوي؟',
      'عفوًا، نحن في الحقيقة 16 شخصًا',
      'وكم سعر باقة الأعمال؟',
      'الطقس جميل اليوم',
      'هل يمكننا حجز عرض توضيحي يوم الخميس الساعة 11؟ بريدي ahmad@nukhba.sa',
      'في أي ساعة الموعد؟',
      'كم شخصًا قلت لك؟',
      'ما هي ميزانيتنا؟',
      'شكرًا، مع السلامة',
    ]);
    noQuestionTwice(replies);
    const end = replies.at(-1) as Said;
    expect(lead(end)).toEqual(expect.objectContaining({ name: 'أحمد', company: 'النخبة', teamSize: 16, budget: '400 دولار شهريًا', email: 'ahmad@nukhba.sa' }));
    // "The weather is nice today" after "is there a date you need it by?" says no date.
    expect(lead(end).timeline).toBeUndefined();
    expect(replies[9]?.text).not.toContain('سجّلت ذلك');
    expect(toolsOnRecord(end)).toEqual(['Slack', 'Jira']);
    expect(priced(replies[7])).toContainEqual(expect.objectContaining({ plan: 'pro', seats: 16 }));
    expect(priced(replies[8])).toContainEqual({ plan: 'business', seats: 16, billing: 'monthly' });
    expect(replies[8]?.text).toContain('هذا أعلى من الميزانية التي ذكرتها (**400 دولار شهريًا**)');
    expect(end.session.state.bookings).toHaveLength(1);
    expect(replies[11]?.text).toContain('عرضك التوضيحي في **الخميس، 26 نوفمبر، 11:00 ص (Asia/Riyadh)**');
    expect(replies[12]?.text).toContain('**16**');
    expect(replies[13]?.text).toContain('**400 دولار شهريًا**');
    expect(end.text).toContain('أحمد');
  });

  it('a change of mind on the team size ("finalement on sera 12", "غيرت رأيي، سنبدأ بـ 20 فقط") replaces the size on record: priced and recalled so', async () => {
    for (const [locale, turns, size, recalled] of [
      ['fr', ['Salut', 'on est une équipe de 8', 'combien pour Starter ?', 'finalement on sera 12 dès le départ', 'rappelez-moi combien nous sommes'], 12, 'Vous m’avez dit que vous étiez **12** dans l’équipe.'],
      ['ar', ['السلام عليكم', 'عددنا 25 موظف', 'كم تكلفة باقة الأعمال؟', 'غيرت رأيي، سنبدأ بـ 20 فقط', 'كم عدد فريقنا حسب ما قلت؟'], 20, 'ذكرت لي أن فريقكم يضم **20** شخصًا.'],
      ['en', ['hi', "we're a team of 8", 'how much is starter?', "I changed my mind, we'll be 12 from the start", 'how many people did I say we are?'], 12, '**12**'],
      ['es', ['hola', 'somos un equipo de 8', '¿cuánto cuesta starter?', 'cambié de opinión, al principio seremos 12', '¿cuántas personas le dije que somos?'], 12, '**12**'],
    ] as const satisfies readonly (readonly [SalesLocale, readonly string[], number, string])[]) {
      const replies = await hold(locale, turns);
      expect({ locale, team: lead(replies[3] as Said).teamSize }).toEqual({ locale, team: size });
      expect({ locale, seats: priced(replies[3]).map((call) => call.seats) }).toEqual({ locale, seats: expect.arrayContaining([size]) });
      expect({ locale, recall: replies[4]?.text }).toEqual({ locale, recall: expect.stringContaining(recalled) });
    }
  });

  it('"does that change the price?" after a new team size: the quote for the team on record, not the FAQ on changing plans (en, fr)', async () => {
    for (const [locale, turns, quote, faq] of [
      ['en', ["we're a team of 8", 'how much is starter?', "actually we're 12", 'does that change the price?'], '**Pro** for 12 seats', 'prorated'],
      ['fr', ['on est une équipe de 8', 'combien pour Starter ?', 'en fait on est 12', 'ça change le prix ?'], '**Pro** pour 12 utilisateurs', 'au prorata'],
    ] as const satisfies readonly (readonly [SalesLocale, readonly string[], string, string])[]) {
      const reply = (await hold(locale, turns)).at(-1);
      expect({ locale, text: reply?.text }).toEqual({ locale, text: expect.stringContaining(quote) });
      expect({ locale, text: reply?.text }).not.toEqual({ locale, text: expect.stringContaining(faq) });
    }
  });
});
