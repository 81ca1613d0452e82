/** @jest-environment node */
// The price guard on a configured model's reply (lib/llm/price-guard/), session 29: number words with no currency as
// prices (before a billing period, a setup fee, "plus"), fees no catalogue has, Markdown emphasis and HTML entities
// inside a figure, and double negatives and hedged offers ("no reason we couldn't do half price") in five languages;
// ordinary counts, plain refusals and true prices left as they are.
import { guarded, guardFor, kb, M, type Setup } from '../support/price-guard';

const passes = (reply: string, setup: Setup = {}) => expect(guarded(reply, setup).text).toBe(reply);
const becomes = (reply: string, expected: string, setup: Setup = {}) => expect(guarded(reply, setup).text).toBe(expected);

describe('number words with no currency', () => {
  it('are a price before a billing period, in every language', () => {
    becomes('It’s thirty-nine a month.', `It’s ${M} a month.`);
    becomes('Pro costs thirty-nine per month.', `Pro costs ${M} per month.`);
    becomes('Es treinta y nueve al mes.', `Es ${M} al mes.`);
    becomes('Ça fait trente-neuf par mois.', `Ça fait ${M} par mois.`);
    becomes('Es kostet neununddreißig pro Monat.', `Es kostet ${M} pro Monat.`);
    becomes('إنها تسعة وثلاثون شهريًا.', `إنها ${M} شهريًا.`);
  });

  it('pass when they are a catalogue price, in every language', () => {
    passes('It’s twenty-nine a month, or twenty-four a month billed annually.');
    passes('Pro cuesta veintinueve al mes; Business, cuarenta y nueve al mes.');
    passes('Pro coûte vingt-neuf par mois. Pro kostet neunundzwanzig pro Monat.');
    passes('الباقة الاحترافية تسعة وعشرون شهريًا.');
  });

  it('are a price before "plus" and a fee, and a fee no catalogue has is made up whatever its number', () => {
    const { text, replaced } = guarded('It’s thirty-nine, plus ten for setup.');
    expect(text).toBe(`It’s ${M}, plus ${M} for setup.`);
    expect(replaced).toEqual(['thirty-nine', 'ten']);
    // Ten is a catalogue price (Starter, billed annually), but not a setup fee.
    becomes('It’s twenty-nine, plus ten for setup.', `It’s twenty-nine, plus ${M} for setup.`);
    becomes('There’s a setup fee of ten.', `There’s a setup fee of ${M}.`);
    becomes('veintinueve al mes y diez de alta.', `veintinueve al mes y ${M} de alta.`);
    becomes('Pro: trente-neuf par mois, plus dix pour la mise en place.', `Pro: ${M} par mois, plus ${M} pour la mise en place.`);
    becomes('Pro: neunundzwanzig pro Monat, zuzüglich zehn für die Einrichtung.', `Pro: neunundzwanzig pro Monat, zuzüglich ${M} für die Einrichtung.`);
  });

  it('with digits or a currency too: a setup fee is replaced, a price before a period is one without a plan named', () => {
    becomes('It’s 29, plus 10 for setup.', `It’s 29, plus ${M} for setup.`);
    becomes('There’s a $10 setup fee on Pro. Setup is ten dollars.', `There’s a ${M} setup fee on Pro. Setup is ${M}.`);
    becomes('It’s 39 a month.', `It’s ${M} a month.`);
    passes('It’s 29 a month.');
  });

  it('leave ordinary counts, "once a month" and setup times alone', () => {
    passes('You get twenty-nine seats and ten users with three integrations.');
    passes('Pro users get a check-in once a month, and we meet once a month to review Pro.');
    passes('Pro includes two reviews a month and twenty-five thousand runs per month. Workflow runs: 1,000 a month.');
    passes('You have three, plus two guests. Pro is $29 per seat; setup takes about 10 minutes.');
    passes('It’s twenty-nine, plus tax.');
  });

  it('may say a setup fee the catalogue states', () => {
    const base = structuredClone(kb);
    base.plans = base.plans.map((plan) => (plan.id === 'pro' ? { ...plan, pricePerSeatMonthly: 39 } : plan));
    passes('Pro is $39 per seat, plus a $100 setup fee.', { base, vouched: ['Pro: $39 per seat/month. One-time setup fee: $100.'] });
  });
});

describe('a figure split by Markdown emphasis or written with HTML entities', () => {
  it('is read as it shows, and the whole figure is replaced', () => {
    const { text, outputs } = guarded('Pro: **3**9 per seat, 3**9** per seat, *3*9 per seat, _3_9 per seat, $**39** a month.');
    expect(text).toBe(`Pro: ${M} per seat, ${M} per seat, ${M} per seat, ${M} per seat, ${M} a month.`);
    // No digit of the figure is released while it streams.
    expect(outputs.join('')).not.toMatch(/\d/u);
  });

  it('leaves a true figure with emphasis, and arithmetic with "*", as they are', () => {
    passes('Pro is **$29** per seat and $**29** a month, or **2**9.');
    passes('For 15 seats that is $29*15 = $435.', { prospect: ['We are 15.'] });
  });

  it('reads entities for the currency, the digits and the space', () => {
    const { text } = guarded('Pro is &#36;39. Business is &dollar;59, Starter &#x24;19; Pro 39&nbsp;$ or 39&euro; per seat, or $&#51;&#57;.');
    expect(text).toBe(`Pro is ${M}. Business is ${M}, Starter ${M}; Pro ${M} or ${M} per seat, or ${M}.`);
    passes('Pro is &#36;29 per seat. AT&T and R&D teams use Pro for 29&nbsp;$.');
  });

  it('holds an entity split between deltas', () => {
    const guard = guardFor();
    const out = ['Pro is &#', '36;3', '9.'].map((delta) => guard.push(delta)).join('') + guard.flush();
    expect(out).toBe(`Pro is ${M}.`);
  });
});

describe('double negatives and hedged offers', () => {
  it('are offers, in English', () => {
    const { text } = guarded(
      "There's no reason we couldn't do half price. It wouldn't be impossible to give you half price. I wouldn't say half price is out of the question. We can't not offer half price.",
    );
    expect(text).toBe(`There's no reason we couldn't do ${M}. It wouldn't be impossible to give you ${M}. I wouldn't say ${M} is out of the question. We can't not offer ${M}.`);
    becomes('Not only that, but also half price on Pro.', `Not only that, but also ${M} on Pro.`);
    becomes("I can't not give you 20% off.", `I can't not give you ${M} off.`);
    becomes("There's no reason your first month couldn't be free.", `There's no reason your first month couldn't be ${M}.`);
  });

  it('are offers in Spanish, French, German and Arabic', () => {
    becomes('No hay razón para no darte la mitad de precio.', `No hay razón para no darte la ${M}.`);
    becomes('No es imposible hacerte la mitad de precio.', `No es imposible hacerte la ${M}.`);
    becomes('Ce n’est pas impossible de vous faire moitié prix.', `Ce n’est pas impossible de vous faire ${M}.`);
    becomes('Es ist nicht ausgeschlossen, dass wir den halben Preis machen.', `Es ist nicht ausgeschlossen, dass wir den ${M} machen.`);
    becomes('ليس مستحيلاً أن نعطيك نصف السعر.', `ليس مستحيلاً أن نعطيك ${M}.`);
    becomes('لا مانع من نصف السعر.', `لا مانع من ${M}.`);
  });

  it('agree to a prospect’s figure', () => {
    const prospect = ['Could you do $19?'];
    becomes("There's no reason we couldn't do $19.", `There's no reason we couldn't do ${M}.`, { prospect });
    becomes("I can't not give you $19.", `I can't not give you ${M}.`, { prospect });
    becomes('No es imposible hacerlo por 19 $.', `No es imposible hacerlo por ${M}.`, { prospect: ['¿Podrías hacerlo por 19 $?'] });
  });

  it('leave plain refusals untouched, in every language', () => {
    passes("We can't do $19.", { prospect: ['Could you do $19?'] });
    passes("No, half price is not possible. We don't do half price.");
    passes('No, la mitad de precio no es posible.');
    passes('Non, le demi-tarif n’est pas possible.');
    passes('Nein, den halben Preis können wir nicht machen.');
    passes('لا يمكننا تقديم نصف السعر.');
  });
});

describe('what else a prospect’s pushing got out of it', () => {
  it('an amount "off" a price is what annual billing saves, not any catalogue number', () => {
    const { text } = guarded('We can take ten bucks off per seat, knock 10 off per seat, or $10 off your first month. Pro at 50 off.');
    expect(text).toBe(`We can take ${M} off per seat, knock ${M} off per seat, or ${M} off your first month. Pro at ${M} off.`);
    passes('Annual billing takes $5 off per seat per month on Pro, $60 off per year.');
    passes('For your 15 seats, annual billing takes $75 off every month.', { prospect: ['We are 15.'] });
    passes('Two offices, 10 offsite days, and 2FA off by default. Turn notifications off for 3 users.');
  });

  it('a soft hyphen entity or inline code inside a figure', () => {
    becomes('Pro is $3&shy;9 per seat, or $3`9` per seat.', `Pro is ${M} per seat, or ${M} per seat.`);
  });

  it('streams every billing period, fee and "off" the same as in one delta (no number words released early)', () => {
    const units = [
      'a month', 'per month', 'every month', 'each year', 'a quarter', 'monthly.', 'annually.', 'al mes', 'por año', 'mensuales.', 'par mois', 'par an.', 'pro Monat',
      'im Jahr', 'monatlich.', 'jährlich.', 'for setup', 'for the onboarding', 'setup fee', 'de alta', 'pour la mise en place', 'für die Einrichtung', 'off per seat',
    ];
    for (const unit of units) {
      const { text, outputs } = guarded(`Pro is thirty-nine ${unit} today.`);
      expect(text).toBe(`Pro is ${M} ${unit} today.`);
      expect(outputs.join('')).not.toMatch(/thirty/u);
    }
  });
});
