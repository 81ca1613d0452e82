/** @jest-environment node */
// QA round 25: what the offline agent remembers about the prospect (bugs 6, 7, 8, 9, 16, 17), and reads back.
import { parseBudget } from '@/lib/sales/budget';
import { hold, lead, values } from '../support/offline-agent';

describe('offline agent memory: QA round 25', () => {
  it('6: lower-case introductions keep the name, the role and the company', async () => {
    expect(values('im sam, ops lead at brightwave logistics')).toMatchObject({ name: 'Sam', role: 'ops lead', company: 'Brightwave Logistics' });
    expect(values("ok i'm ravi, founder of seva foundation")).toMatchObject({ name: 'Ravi', company: 'Seva Foundation' });
    expect(values("i'm aoife, founder at lilt labs")).toMatchObject({ name: 'Aoife', company: 'Lilt Labs' });
    expect(values('je suis marc dupont, directeur financier chez ateliers rivoire')).toMatchObject({ name: 'Marc Dupont', company: 'Ateliers Rivoire' });
    expect(values("moi c'est julie tremblay, je suis la proprio de studio boreal")).toMatchObject({ name: 'Julie Tremblay', company: 'Studio Boreal' });
    expect(values('ich heisse jonas becker, bin cto bei kitefox')).toMatchObject({ name: 'Jonas Becker', role: 'CTO', company: 'Kitefox' });
    expect(values('ich bin lena, projektmanagerin bei alpenblick reisen')).toMatchObject({ name: 'Lena', company: 'Alpenblick Reisen' });
    expect(values('me llamo diego, soy gerente de operaciones en tacos el guero')).toMatchObject({ name: 'Diego', company: 'Tacos El Guero' });
    expect(values('Soy Carmen Ruiz, directora de operaciones de Logística Ibérica')).toMatchObject({ company: 'Logística Ibérica' });
    expect(values('انا مني، مديرة مشاريع في شركة صغيرة اسمها بيت التصميم')).toMatchObject({ name: 'مني', company: 'بيت التصميم' });
    // No clear frame, nothing stored.
    for (const text of ['im calling from work', "i'm good, thanks", "i'm lost", 'im in london', 'Im Moment, wir sind 20']) {
      expect([text, values(text).name, values(text).company]).toEqual([text, undefined, undefined]);
    }
    const [, recall] = await hold('en', ["i'm mike", "what's my name?"]);
    expect(recall?.text).toContain('**Mike**');
  });

  it('7: thanks is no company, and a title is no name', async () => {
    const [, , asked, thanks] = await hold('en', ["we're 25 people", 'x@y.co', 'ok', 'cool cheers']);
    expect(asked?.text).toContain('company');
    expect(thanks && lead(thanks).company).toBeUndefined();
    const [, , , gracias] = await hold('es', ['somos 25', 'x@y.es', 'ok', 'va, gracias carnal'], 'Europe/Madrid');
    expect(gracias && lead(gracias).company).toBeUndefined();
    const [german] = await hold('de', ['Guten Tag, mein Name ist Dr. Katharina Weiß, ich leite die IT bei der Huber & Söhne AG in Zürich.'], 'Europe/Zurich');
    expect(german && lead(german)).toMatchObject({ name: 'Katharina Weiß', role: 'Leitung IT', company: 'Huber & Söhne AG' });
    expect(german?.text).not.toContain('Dr.!');
    const [arabic] = await hold('ar', ['انا مني، مديرة مشاريع في شركة صغيرة اسمها بيت التصميم'], 'Africa/Cairo');
    expect(arabic?.text).not.toContain('صغيرة اسمها');
  });

  it('8: a budget keeps its scale, currency and period', async () => {
    expect(values("budget's around 6 grand a year").budget).toBe('around 6 grand a year');
    expect(parseBudget('around 6 grand a year', 'USD')).toEqual({ amount: 6000, per: 'year', perSeat: false });
    expect(values('نحن 55 شخصا وميزانيتنا 30 ألف دولار سنويا')).toMatchObject({ teamSize: 55, budget: '30 ألف دولار سنويا' });
    expect(parseBudget('30 ألف دولار سنويا', 'USD')).toEqual({ amount: 30000, per: 'year', perSeat: false });
    expect(values('ميزانيتنا حوالي ٨٠٠٠ دولار بالسنة').budget).toBe('حوالي 8000 دولار بالسنة');
    expect(parseBudget('300 دولار في الشهر', 'USD')?.per).toBe('month');
    expect(values('الميزانية بتاعتنا ٣٠٠ دولار في الشهر').budget).toBe('300 دولار في الشهر');
    expect(values('Unser Budget liegt bei 100.000 CHF pro Jahr.').budget).toBe('100.000 CHF pro Jahr');
    // Another currency than the catalogue's is not set beside its prices.
    expect(parseBudget('100.000 CHF pro Jahr', 'USD')).toBeUndefined();
    const [, over] = await hold('en', ["we're 40 people", "budget's around 6 grand a year"]);
    expect(over?.text).toContain('above the budget you mentioned');
  });

  it('9: recall questions in other words are answered from the conversation', async () => {
    const [, tool, , when, booking] = await hold('en', ["we use smartsheet and we're 12", 'what tool are we using today?', 'book a demo tomorrow 10am, a@b.co', "what's the date and time of my meeting?", 'what is my booking time now?']);
    expect(tool?.text).toContain('**Smartsheet**');
    expect(when?.text).toContain('Wed, Nov 25, 10:00 AM');
    expect(booking?.text).toContain('Wed, Nov 25, 10:00 AM');
    const [, outil, budget] = await hold('fr', ['on utilise Trello, on est 10, notre budget est de 3000 dollars par an', 'et on utilise quoi comme outil ?', "c'etait quoi deja notre budget ?"], 'Europe/Paris');
    expect(outil?.text).toContain('**Trello**');
    expect(budget?.text).toContain('**3000 dollars par an**');
    const [, herramientas, empresa] = await hold('es', ['usamos Asana, somos 8, trabajo en Acme', '¿Qué herramientas usamos ahora?', 'a que empresa pertenezco?'], 'Europe/Madrid');
    expect(herramientas?.text).toContain('**Asana**');
    expect(empresa?.text).toContain('**Acme**');
    const [, werkzeug, hoch, plan] = await hold('de', ['Wir nutzen Monday.com, wir sind 20, unser Budget liegt bei 5000 Dollar im Jahr', 'Und welches Tool nutzen wir aktuell?', 'Wie hoch war nochmal unser Budget?', 'und welchen plan hast du mir empfohlen?'], 'Europe/Berlin');
    expect(werkzeug?.text).toContain('**Monday.com**');
    expect(hoch?.text).toContain('**5000 Dollar im Jahr**');
    expect(plan?.text).toContain('**Pro**');
    const [, adah, kam, baqa, , mawid] = await hold('ar', ['نستخدم Jira ونحن 15 شخصا', 'وما الأداة التي نستخدمها حاليا؟', 'انا قلتلك احنا كام؟', 'وش الباقة اللي نصحتني فيها؟', 'احجز عرضا غدا الساعة 11 صباحا، بريدي k@x.sa', 'متى موعدي؟'], 'Asia/Riyadh');
    expect(adah?.text).toContain('**Jira**');
    expect(kam?.text).toContain('**15**');
    expect(baqa?.text).toContain('**الاحترافية**');
    expect(mawid?.text).toContain('25 نوفمبر، 11:00');
    const [, cheapest, again] = await hold('en', ["we're 6", 'whats the cheapest option for us per year?', 'what did you just say the price was?']);
    expect(cheapest?.text).toContain('Starter');
    expect(again?.text).toContain('Starter');
    expect(again?.text).not.toContain('**Pro**');
  });

  it('16: a question declined is dropped, not asked again', async () => {
    const replies = await hold('en', ["we're 25 people", 'book a demo tomorrow 10am, x@y.co', 'ok', "i'd rather not say", 'great', 'and what about security?']);
    const declinedAt = replies.findIndex((reply) => reply.text.includes('Which company are you with?'));
    expect(declinedAt).toBeGreaterThan(0);
    const after = replies.slice(declinedAt + 1);
    expect(after[0] && lead(after[0]).company).toBeUndefined();
    for (const reply of after) expect(reply.text).not.toMatch(/company are you with|which company|what company/i);
  });

  it('17: an unusable email address is pointed out', async () => {
    const [, , incomplete] = await hold('es', ['somos 10', 'demo mañana a las 10', 'diego@tacoselguero'], 'Europe/Madrid');
    expect(incomplete?.text).toContain('**diego@tacoselguero** parece incompleta');
    const [comma] = await hold('en', ['demo tomorrow 10am, my email is john@gmail,com']);
    expect(comma?.text).toContain('did you mean **john@gmail.com**?');
    const [fine] = await hold('en', ['my email is ana@acme.com']);
    expect(fine?.text).not.toMatch(/incomplete|mistyped/);
  });
});
