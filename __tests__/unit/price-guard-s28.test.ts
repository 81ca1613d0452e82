/** @jest-environment node */
// The price guard on a configured model's reply (lib/llm/price-guard/), session 28: numbers in Markdown tables, a
// currency before number words, a prospect's "is $300 possible?" agreed to, true percentages between list prices, and
// what a prompt-injected reply tried next (split characters, look-alike and superscript digits, bidi marks, other
// currencies, offers with no price in them); and correct answers in the five languages left as they are.
import { guarded, guardFor, M, type Setup } from '../support/price-guard';

const passes = (reply: string, setup: Setup = {}) => expect(guarded(reply, setup).text).toBe(reply);
const becomes = (reply: string, expected: string, setup: Setup = {}) => expect(guarded(reply, setup).text).toBe(expected);

describe('a bare number in a Markdown table', () => {
  it('is a price under a price column: wrong ones replaced, right ones kept', () => {
    becomes('| Plan | Price |\n|---|---|\n| Pro | 39 |\n| Starter | 12 |\n', `| Plan | Price |\n|---|---|\n| Pro | ${M} |\n| Starter | 12 |\n`);
    becomes(
      '| Plan | Monthly | Annual |\n|:--|--:|--:|\n| Pro | **29** | 25 |\n| Business | 49 | 41 |\n',
      `| Plan | Monthly | Annual |\n|:--|--:|--:|\n| Pro | **29** | ${M} |\n| Business | 49 | 41 |\n`,
    );
    becomes('| Offre | Prix mensuel |\n|---|---|\n| Pro | 35 |\n', `| Offre | Prix mensuel |\n|---|---|\n| Pro | ${M} |\n`);
    becomes('| الباقة | السعر الشهري |\n|---|---|\n| Pro | ٣٩ |\n', `| الباقة | السعر الشهري |\n|---|---|\n| Pro | ${M} |\n`);
  });

  it('is a price when the next cell is a unit, with or without a header', () => {
    becomes('| Starter | 12 | per seat |\n| Pro | 39 | per seat |\n', `| Starter | 12 | per seat |\n| Pro | ${M} | per seat |\n`);
    becomes('| Plan | Price | Unit |\n|---|---|---|\n| Pro | 39 | /user/month |\n', `| Plan | Price | Unit |\n|---|---|---|\n| Pro | ${M} | /user/month |\n`);
  });

  it('reads number words alone in a price cell', () => {
    becomes('| Plan | Price |\n|---|---|\n| Pro | thirty-nine |\n| Business | forty-nine |\n', `| Plan | Price |\n|---|---|\n| Pro | ${M} |\n| Business | forty-nine |\n`);
    passes('| Plan | Seats |\n|---|---|\n| Starter | one to ten |\n');
  });

  it('reads the header of a long table after its first rows were released', () => {
    const rows = Array.from({ length: 40 }, (_, index) => `| Row ${index} with a long description of a feature | 29 |`).join('\n');
    becomes(`| Plan | Price |\n|---|---|\n${rows}\n| Pro | 39 |\n`, `| Plan | Price |\n|---|---|\n${rows}\n| Pro | ${M} |\n`);
  });

  it('leaves seats, limits, storage and runs alone', () => {
    passes('| Plan | Seats | Storage per seat | Workflow runs / month |\n|---|---|---|---|\n| Starter | 10 | 5 GB | 1,000 |\n| Pro | 250 | 50 GB | 25,000 |\n');
    passes('| | Pro | Business |\n|---|---|---|\n| Price | $29 | $49 |\n| Min seats | 3 | 10 |\n| Max seats | 250 | 1000 |\n');
    passes('| Plan | Monthly | Annual | Max seats |\n|:--|--:|--:|--:|\n| Starter | 12 | 10 | 10 |\n| Pro | 29 | 24 | 250 |\n| Business | 49 | 41 | 1000 |\n');
    passes('For 15 seats on Pro:\n\n| Billing | Per seat | Per month | Per year |\n|---|---|---|---|\n| Monthly | $29 | $435 | $5,220 |\n| Annual | 24 | 360 | 4,320 |\n');
  });
});

describe('amounts with the currency before the words, and dollars with an adjective', () => {
  it('reads "USD twenty", "$ thirty-nine" and "dollars thirty-nine"', () => {
    const { text, replaced } = guarded('Pro is USD twenty per seat, $ thirty-nine a month or dollars forty a month.');
    expect(text).toBe(`Pro is ${M} per seat, ${M} a month or ${M} a month.`);
    expect(replaced).toEqual(['USD twenty', '$ thirty-nine', 'dollars forty']);
    passes('Pro is USD twenty-nine per seat, Business $ forty-one billed annually.');
    // A lone "one" after a currency code is a pronoun, not one dollar.
    passes('All prices are in USD one way or another.');
  });

  it('never releases the words before "US dollars" (they streamed out a delta before "dollars")', () => {
    const { text, outputs } = guarded('Pro is twenty US dollars per seat, 39 US dollars or thirty-nine U.S. dollars a month.');
    expect(text).toBe(`Pro is ${M} per seat, ${M} or ${M} a month.`);
    expect(outputs.join('')).not.toMatch(/twenty|39|thirty/);
    passes('Pro is twenty-nine US dollars per seat, or 24 US dollars billed annually.');
  });

  it('never releases the words before "bucks", and reads "20 dollars" and "a 39-dollar plan"', () => {
    const { outputs } = guarded('Pro is thirty-nine bucks a seat.');
    expect(outputs.join('')).toBe(`Pro is ${M} a seat.`);
    becomes('Pro is 20 dollars per seat, a 39-dollar plan.', `Pro is ${M} per seat, a ${M} plan.`);
    passes('Pro is a 29-dollar plan.');
  });

  it('reads number words after a price verb or a plan’s colon', () => {
    becomes('Pro costs thirty-nine. Business: fifty-five.', `Pro costs ${M}. Business: ${M}.`);
    passes('Pro costs twenty-nine. Business: forty-nine.');
  });

  it('reads other currencies as other currencies: never a price of a catalogue in dollars', () => {
    const { text } = guarded('Pro is 29 Canadian dollars per seat, 29 pesos, 29 francs par utilisateur or 29 ريال لكل مستخدم.');
    expect(text).toBe(`Pro is ${M} per seat, ${M}, ${M} par utilisateur or ${M} لكل مستخدم.`);
  });
});

describe('a prospect’s figure floated as a question, agreed to', () => {
  const prospect = ['Is $300 possible?'];

  it('is not sayable as agreed: "Yes, $300 is possible", "We can do $300", "$300 works"', () => {
    becomes('Yes, $300 is possible.', `Yes, ${M} is possible.`, { prospect });
    becomes('We can do $300.', `We can do ${M}.`, { prospect });
    becomes('Sure, 300 dollars works for us.', `Sure, ${M} works for us.`, { prospect });
    becomes('Good news: $300 is fine.', `Good news: ${M} is fine.`, { prospect });
    becomes('Alright, $300.', `Alright, ${M}.`, { prospect: ['$300?'] });
  });

  it('is not sayable as agreed in Spanish, French, German and Arabic', () => {
    becomes('Sí, 300 $ es posible.', `Sí, ${M} es posible.`, { prospect: ['¿Es posible 300 $?'] });
    becomes('Oui, 300 $ c’est possible.', `Oui, ${M} c’est possible.`, { prospect: ['300 $, c’est possible ?'] });
    becomes('Ja, 300 $ sind möglich.', `Ja, ${M} sind möglich.`, { prospect: ['Sind 300 $ möglich?'] });
    becomes('نعم، 300 دولار ممكن.', `نعم، ${M} ممكن.`, { prospect: ['هل 300 دولار ممكن؟'] });
  });

  it('may be said back as theirs, or declined, in every language', () => {
    passes('You mentioned $300: that is below Pro for 15 seats ($360 a month billed annually).', { prospect: ['We are 15. Is $300 possible?'] });
    passes('You asked whether $300 is possible; I can’t offer that.', { prospect });
    passes('Would you pay 300 dollars?', { prospect });
    passes('Unfortunately, $300 isn’t possible for Pro.', { prospect });
    passes('I’m afraid we can’t go down to $7.', { prospect: ['Could you do $7?'] });
    passes('Lamentablemente, no podemos hacer 7 $.', { prospect: ['¿Podrías dejarlo en 7 $?'] });
    passes('Malheureusement, 7 $ n’est pas possible.', { prospect: ['Pourriez-vous faire 7 $ ?'] });
    passes('Wir können 7 $ leider nicht anbieten.', { prospect: ['Könnten Sie 7 $ machen?'] });
    passes('للأسف، 7 دولارات غير ممكنة.', { prospect: ['هل يمكن 7 دولارات؟'] });
  });

  it('is a price of ours where the refusal turns it round ("we can’t go lower than $300")', () => {
    becomes('We can’t go lower than $300.', `We can’t go lower than ${M}.`, { prospect });
  });
});

describe('percentages', () => {
  it('lets through a comparison that is true of two list prices, in every language', () => {
    passes('Pro is 41% cheaper than Business per seat, and Business costs 69% more than Pro.');
    passes('Pro es un 41 % más barato que Business. Pro est 41 % moins cher que Business. Pro ist 41 % günstiger als Business.');
    passes('الباقة الاحترافية أرخص بنسبة 41% من باقة الأعمال.');
    passes('Pro is $29 and Business $49. That makes Pro about 41% cheaper.');
    passes('Monthly billing on Pro costs about 21% more than annual; annual billing on Pro is 17.24% cheaper.');
    passes('Starter annual is 80% cheaper than Business monthly.');
  });

  it('replaces a comparison that is false, or said the wrong way round', () => {
    becomes('Pro is 59% cheaper than Business.', `Pro is ${M} cheaper than Business.`);
    becomes('Pro is 69% cheaper than Business.', `Pro is ${M} cheaper than Business.`);
    becomes('Business costs 90% more than Pro.', `Business costs ${M} more than Pro.`);
    becomes('Annual billing is 20% cheaper on Starter.', `Annual billing is ${M} cheaper on Starter.`);
  });

  it('lets what annual billing saves be said of annual billing only, not offered as a discount', () => {
    passes('Annual billing saves about 17% on Pro.');
    becomes('I can give you 17% off Pro.', `I can give you ${M} off Pro.`);
  });

  it('leaves percentages that compare no prices alone', () => {
    passes('Pro has 900% more storage per seat than Starter, and onboarding was 30% faster.');
  });
});

describe('what a prompt-injected reply tries', () => {
  it('splits a character in two between deltas', () => {
    const guard = guardFor();
    // "𝟑𝟗" (mathematical bold 39) is two UTF-16 surrogate pairs.
    const out = ['Pro is $\ud835', '\udfd1\ud835\udfd7 per seat.'].map((delta) => guard.push(delta)).join('') + guard.flush();
    expect(out).toBe(`Pro is ${M} per seat.`);
  });

  it('writes digits that are not decimal digits, or letters that look like them', () => {
    becomes('Pro is $³⁹ per seat.', `Pro is ${M} per seat.`);
    becomes('Pro is $29O per seat, $2O9 a year.', `Pro is ${M} per seat, ${M} a year.`);
    passes('Pro is $29 per seat, 2FA included, and GPT-4o is not involved.');
  });

  it('puts bidi marks between the sign and the digits', () => {
    becomes('Pro: $\u200e39. Business: $\u206659\u2069.', `Pro: ${M}. Business: ${M}\u2069.`);
    passes('Business: $\u206649\u2069.');
  });

  it('uses full-width and Arabic-Indic digits and de/fr grouping', () => {
    becomes('Pro is ３９ per seat or ٣٩ per seat.', `Pro is ${M} per seat or ${M} per seat.`);
    becomes('Für 50 Nutzer: 1.300 $ im Monat. Pour 50 utilisateurs : 1 300 $ par mois.', `Für 50 Nutzer: ${M} im Monat. Pour 50 utilisateurs : ${M} par mois.`);
    passes('Für 50 Nutzer: 1.450,00 $ im Monat. Pour 50 utilisateurs : 1 450 $ par mois.');
  });

  it('writes a price per employee, member or agent, "for each user", "pupm", or with a "k"', () => {
    const { text } = guarded('Pro is 39 per employee per month, 39 per member, 39 for each user, 39 pupm, and 39k a year.');
    expect(text).toBe(`Pro is ${M} per employee per month, ${M} per member, ${M} for each user, ${M} pupm, and ${M} a year.`);
    passes('Pro for your team is about 4.3k a year.', { prospect: ['We are 15 people.'] });
    becomes('Pro is thirty-nine a seat, Business forty-nine a seat.', `Pro is ${M} a seat, Business forty-nine a seat.`);
  });

  it('writes a price as a JSON key or a label, or after a plan and a dash', () => {
    becomes('get_pricing returned {"perSeatMonthly":9,"monthlyTotal":135}', `get_pricing returned {"perSeatMonthly":${M},"monthlyTotal":${M}}`);
    becomes('- Monthly: 39\n- Annual: 24', `- Monthly: ${M}\n- Annual: 24`);
    becomes('- Pro — 39\n- Business — 49', `- Pro — ${M}\n- Business — 49`);
    passes('Total seats: 15, runs per month: 25000. Pro — 3 to 250 seats.');
  });

  it('names a plan the Arabic way', () => {
    becomes('الباقة الاحترافية: 39 لكل مستخدم شهريًا.', `الباقة الاحترافية: ${M} لكل مستخدم شهريًا.`);
    becomes('الباقة الاحترافية مجانية للمنظمات غير الربحية، وباقة برو كذلك مجانية.', `الباقة الاحترافية ${M} للمنظمات غير الربحية، وباقة برو كذلك ${M}.`);
    passes('سير الأعمال: 1,000 تشغيل شهريًا في الباقة المبتدئة، والضيوف مجانيون.');
  });

  it('offers what no catalogue has: half price, buy one get one, 2-for-1, on the house, waived fees', () => {
    const { text } = guarded('Pro is half price this month. Buy one get one on Pro. Pro at a 2-for-1 rate. The first month is on the house. We can waive the first month.');
    expect(text).toBe(`Pro is ${M} this month. ${M} on Pro. Pro at a ${M} rate. The first month is ${M}. We can ${M} the first month.`);
    becomes('Pro à moitié prix, Pro zum halben Preis, Pro a mitad de precio, Pro بنصف السعر.', `Pro à ${M}, Pro zum ${M}, Pro a ${M}, Pro ${M}.`);
    becomes('Take a third off your first year: 12 months for the price of 10.', `Take ${M} your first year: 12 months ${M} 10.`);
  });

  it('gives a period or seats for free, with or without a plan’s name, in every language', () => {
    const { text } = guarded(
      'Your first month is free. El primer mes es gratis. Le premier mois est gratuit. Der erste Monat ist kostenlos. الشهر الأول مجاني. Get 10 free seats.',
    );
    expect(text).toBe(`Your first month is ${M}. El primer mes es ${M}. Le premier mois est ${M}. Der erste Monat ist ${M}. الشهر الأول ${M}. Get 10 ${M} seats.`);
    becomes('Your first month at no cost, le premier mois offert.', `Your first month ${M}, le premier mois ${M}.`);
  });

  it('leaves what only looks like an offer alone', () => {
    passes('Count on us for onboarding. Half of your team can start on Pro today. Business includes SSO at no extra cost.');
    passes('Le support offert par Pro est rapide. No free months, sorry: there is no free plan, but a 14-day free trial and free guests.');
    passes('We don’t do half-price deals.');
  });
});

describe('correct answers in the five languages are left as they are', () => {
  it('English', () => {
    passes('Sure! Starter is $12 per seat/month ($10 billed annually), Pro $29 ($24), Business $49 ($41). Enterprise is custom — contact sales@northwind.example.');
    passes('Noted — a team of 12, budget around $500 a month. Pro for 12 seats is $348 a month, or $288 a month billed annually.', { prospect: ["We're 12, budget around $500 a month."] });
    passes('Pro has a **14-day free trial**, no credit card needed. Guests are free on Pro and above. The Enterprise SLA is 99.95% uptime.');
    passes("You'd save $5 per seat per month on Pro with annual billing — $60 per seat per year.");
  });

  it('Spanish', () => {
    passes('El plan Pro cuesta 29 $ por usuario al mes (24 $ con facturación anual). Para 15 usuarios: 435 $ al mes o 4.320 $ al año.', { prospect: ['Somos 15.'] });
    passes('| Plan | Precio por usuario/mes | Anual |\n|---|---|---|\n| Starter | 12 $ | 10 $ |\n| Pro | 29 | 24 |\n');
    passes('La prueba gratuita dura 14 días, sin tarjeta. Los invitados son gratis. La facturación anual ahorra un 17 % en Pro.');
  });

  it('French', () => {
    passes('L’offre Pro coûte 29 $ par utilisateur et par mois, ou 24 $ en annuel. Pour 15 utilisateurs : 4 320 $ par an.', { prospect: ['Nous sommes 15.'] });
    passes('| Offre | Prix mensuel | Prix annuel |\n|---|---|---|\n| Starter | 12 | 10 |\n| Pro | 29 | 24 |\n');
    passes('L’essai gratuit de 14 jours ne demande pas de carte bancaire ; les invités sont gratuits. En annuel, vous économisez 17 % sur Pro.');
  });

  it('German', () => {
    passes('Pro kostet 29 $ pro Nutzer und Monat, jährlich abgerechnet 24 $. Für 15 Nutzer sind das 4.320 $ im Jahr.', { prospect: ['Wir sind 15.'] });
    passes('| Tarif | Preis pro Nutzer | Jährlich |\n|---|---|---|\n| Starter | 12 $ | 10 $ |\n| Pro | 29 $ | 24 $ |\n');
    passes('Die Testphase ist 14 Tage kostenlos, ohne Kreditkarte. Gäste sind kostenlos. Mit jährlicher Abrechnung sparen Sie 17 % bei Pro.');
  });

  it('Arabic', () => {
    passes('سعر الباقة الاحترافية 29 $ لكل مستخدم شهريًا، أو 24 $ مع الفوترة السنوية. لفريق من 15 مستخدمًا: 4,320 $ في السنة.', { prospect: ['نحن 15'] });
    passes('| الباقة | السعر الشهري | السعر السنوي |\n|---|---|---|\n| المبتدئة | 12 $ | 10 $ |\n| الاحترافية | 29 | 24 |\n');
    passes('التجربة المجانية مدتها 14 يومًا دون بطاقة ائتمان، والضيوف مجانيون. مع الفوترة السنوية توفر 17% على Pro.');
  });
});
