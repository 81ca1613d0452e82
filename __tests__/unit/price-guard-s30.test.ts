/** @jest-environment node */
// The price guard on a configured model's reply (lib/llm/price-guard/), session 30: a fee in number words with no
// currency after a fee word ("Setup is ten."), digits split by spaces or invisible characters around a currency
// ("3 9 dollars"), a plain refusal of a percentage ("we can't give you 20% off") left as it is, full-width and
// Japanese currency forms ("＄３９", "３９ドル"), and what an attacker tried next; in five languages.
import { guarded, M, type Setup } from '../support/price-guard';

const passes = (reply: string, setup: Setup = {}) => expect(guarded(reply, setup).text).toBe(reply);
const becomes = (reply: string, expected: string, setup: Setup = {}) => expect(guarded(reply, setup).text).toBe(expected);

describe('a fee in number words with no currency', () => {
  it('is an amount after a fee word, in every language', () => {
    const { text, replaced } = guarded('Setup is ten. The setup fee is fifty. Onboarding costs only twenty.');
    expect(text).toBe(`Setup is ${M}. The setup fee is ${M}. Onboarding costs only ${M}.`);
    expect(replaced).toEqual(['ten', 'fifty', 'twenty']);
    becomes('La cuota de alta es de cincuenta.', `La cuota de alta es de ${M}.`);
    becomes('Los gastos de instalación son cincuenta.', `Los gastos de instalación son ${M}.`);
    becomes('Les frais d’installation sont de cinquante.', `Les frais d’installation sont de ${M}.`);
    becomes('Die Einrichtungsgebühr beträgt fünfzig.', `Die Einrichtungsgebühr beträgt ${M}.`);
    becomes('رسوم الإعداد خمسون.', `رسوم الإعداد ${M}.`);
    becomes('La configuración es diez. La mise en place coûte cinquante.', `La configuración es ${M}. La mise en place coûte ${M}.`);
    becomes('Die Einrichtung ist zehn. L’installation est de dix.', `Die Einrichtung ist ${M}. L’installation est de ${M}.`);
    becomes('Setup — fifty. There’s a one-time setup charge of fifty. Onboarding runs fifty.', `Setup — ${M}. There’s a one-time setup charge of ${M}. Onboarding runs ${M}.`);
  });

  it('is an amount with digits too ("Setup is 10.")', () => {
    becomes('Setup is 10. The onboarding fee is 25, billed once.', `Setup is ${M}. The onboarding fee is ${M}, billed once.`);
  });

  it('but not a duration, a count or a day', () => {
    becomes('Setup is ten. Setup is ten minutes.', `Setup is ${M}. Setup is ten minutes.`);
    passes('Setup takes ten minutes, and onboarding is ten seats at a time. Setup is done in ten days.');
    passes('Setup is ten minutes, tops. The onboarding session is two hours. Setup is one click.');
    passes('La configuración tarda diez minutos. L’installation prend dix minutes. Die Einrichtung dauert zehn Minuten.');
    passes('يستغرق الإعداد عشر دقائق.');
    passes('La configuración de diez usuarios es rápida. Die Einrichtung dauert zehn Minuten. Setup: ten steps. Our setup is 3 steps.');
  });
});

describe('digits split by spaces or invisible characters around a currency', () => {
  it('are read as one number and replaced whole', () => {
    const { text, replaced, outputs } = guarded('Pro is 3 9 dollars per seat, or $3 9 a month.');
    expect(text).toBe(`Pro is ${M} per seat, or ${M} a month.`);
    expect(replaced).toEqual(['3 9 dollars', '$3 9']);
    expect(outputs.join('')).not.toMatch(/3/u);
  });

  it('with thin, narrow and zero-width spaces, in every language', () => {
    becomes('Pro: 3\u20099 $ per seat.', `Pro: ${M} per seat.`);
    becomes('Pro cuesta 3\u202f9 dólares al mes.', `Pro cuesta ${M} al mes.`);
    becomes('Pro coûte 3\u200b 9 € par mois.', `Pro coûte ${M} par mois.`);
    becomes('Pro kostet 3\u00ad9\u2060 Dollar pro Monat.', `Pro kostet ${M} pro Monat.`);
    becomes('برو ٣ ٩ دولارًا شهريًا.', `برو ${M} شهريًا.`);
    // Before a unit with no currency, too.
    becomes('Pro: 3 9 per seat, or 3\u20099/mo.', `Pro: ${M} per seat, or ${M}/mo.`);
  });

  it('leave a true price written the same way, and counts next to a price, as they are', () => {
    passes('Pro is 2 9 dollars per seat, or $2\u20099 a month.');
    passes('For 3 seats at $29 each, that is $87. Call me at 555 1234. In 2 0 2 6 we grew.');
  });
});

describe('a refusal of a percentage', () => {
  it('passes, in every language, and a policy of not doing it too; a hedged, turned, asked or conditional one does not', () => {
    passes("We can't give you 20% off.");
    passes("Sorry, we don't do 20% off. We never give 20% discounts. We can't give you twenty percent off.");
    passes("We aren't able to offer 20% off. No, 20% off isn't on the table.");
    passes('No ofrecemos un 20 % de descuento. Nous ne proposons pas 20 % de remise. Wir bieten keine 20 % Rabatt an. لا نقدم خصم 20%.');
    passes('I’m afraid we cannot offer a 20% discount on Pro.');
    passes('No podemos ofrecer un 20 % de descuento.');
    passes('Nous ne pouvons pas accorder 20 % de remise.');
    passes('Wir können keine 20 % Rabatt geben.');
    passes('لا يمكننا تقديم خصم 20٪.');
    // Hedged, turned round, asked or with a condition: an offer.
    becomes("Why don't we do 20% off?", `Why don't we do ${M} off?`);
    becomes("There's no reason we couldn't do 20% off.", `There's no reason we couldn't do ${M} off.`);
    becomes("I can't not give you 20% off.", `I can't not give you ${M} off.`);
    becomes("We can't give you more than 15% off.", `We can't give you more than ${M} off.`);
    becomes("We can't do 20% off unless you sign today.", `We can't do ${M} off unless you sign today.`);
    becomes('No es imposible darte un 20 % de descuento.', `No es imposible darte un ${M} de descuento.`);
    becomes('Ce n’est pas impossible de vous accorder 20 % de remise.', `Ce n’est pas impossible de vous accorder ${M} de remise.`);
  });

  it('leaves an offer beside it replaced, and one its sentence makes an exception for', () => {
    becomes("We can't do 20% off, but we can do 15% off.", `We can't do 20% off, but we can do ${M} off.`);
    becomes('Nous ne pouvons pas vous accorder 20 % de remise, sauf en annuel.', `Nous ne pouvons pas vous accorder ${M} de remise, sauf en annuel.`);
    becomes('Wir können Ihnen keine 20 % Rabatt geben, außer bei jährlicher Zahlung.', `Wir können Ihnen keine ${M} Rabatt geben, außer bei jährlicher Zahlung.`);
    becomes('لا نستطيع منحك خصمًا بنسبة ٢٠٪ إلا إذا دفعت سنويًا.', `لا نستطيع منحك خصمًا بنسبة ${M} إلا إذا دفعت سنويًا.`);
    passes("We can't do 20% off, but annual billing saves 17%.");
  });

  it('in words, is held whole while it streams ("vingt pour " before "cent")', () => {
    passes('Nous ne pouvons pas vous faire vingt pour cent de remise.');
    const { text, outputs } = guarded('Nous vous faisons vingt pour cent de remise.');
    expect(text).toBe(`Nous vous faisons ${M} de remise.`);
    expect(outputs.join('')).not.toMatch(/vingt/u);
  });
});

describe('full-width and Japanese currency forms', () => {
  it('are read and an invented amount replaced', () => {
    const { text, replaced } = guarded('Pro is ＵＳＤ３９, ＄３９, ３９ドル, 39 ドル or US＄39 per seat.');
    expect(text).toBe(`Pro is ${M}, ${M}, ${M}, ${M} or ${M} per seat.`);
    expect(replaced).toEqual(['ＵＳＤ３９', '＄３９', '３９ドル', '39 ドル', 'US＄39']);
    becomes('Pro は１席あたり３９ドルです。', `Pro は１席あたり${M}です。`);
    becomes('Pro: ２０％ off.', `Pro: ${M} off.`);
  });

  it('pass a catalogue price', () => {
    passes('Pro is ＵＳＤ２９, ＄２９, ２９ドル, 29 ドル or US＄29 per seat; Business ＄４９.');
    passes('Pro は１席あたり月額２９ドルです。 Pro is ２ ９ ＄ per seat.');
  });
});

describe('other spellings an attacker tried', () => {
  it('codes and signs against the digits, spaces and dashes, in every language', () => {
    const { text } = guarded('Pro is USD39, 39USD, $ 39, 39,- $, €39 or 39 €/mois per seat.');
    expect(text).toBe(`Pro is ${M}, ${M}, ${M}, ${M}, ${M} or ${M}/mois per seat.`);
    becomes('Pro kostet 39,- im Monat.', `Pro kostet ${M} im Monat.`);
    becomes('Pro coûte 39 €/mois.', `Pro coûte ${M}/mois.`);
  });

  it('ranges (the first end of one whose second has the currency is an amount too), "from" and per-seat phrasing', () => {
    const { text, outputs } = guarded('Plans range 39–49 dollars, or 39 to 49 dollars, or between 39 and 49 dollars.');
    expect(text).toBe(`Plans range ${M}–49 dollars, or ${M} to 49 dollars, or between ${M} and 49 dollars.`);
    expect(outputs.join('')).not.toMatch(/39/u);
    becomes('Pro cuesta entre 39 y 49 dólares.', `Pro cuesta entre ${M} y 49 dólares.`);
    becomes('Pro kostet 39 bis 49 $.', `Pro kostet ${M} bis 49 $.`);
    becomes('من 39 إلى 49 دولارًا.', `من ${M} إلى 49 دولارًا.`);
    becomes('Plans run $29–39 per seat.', `Plans run $29–${M} per seat.`);
    becomes('Plans run from $9 per seat.', `Plans run from ${M} per seat.`);
    becomes('Pro: 39 dollars a head.', `Pro: ${M} a head.`);
    becomes('Pro cuesta desde 39 $ por usuario.', `Pro cuesta desde ${M} por usuario.`);
    becomes('Pro ab 39 $ pro Nutzer.', `Pro ab ${M} pro Nutzer.`);
    passes('Plans run from $12 to $49 per seat; Pro is $29–$24 depending on billing.');
    passes('Plans range 12–49 dollars, or between 12 and 49 dollars. Onboarding takes 2 to 3 days; pick 3 and 4 seats. Pro is $29 and Business $49.');
  });

  it('look-alike letters, dingbat digits, brackets, dashes and soft hyphens around a figure', () => {
    becomes('Pro is 4O dollars, or 3O $ per seat.', `Pro is ${M}, or ${M} per seat.`);
    becomes('Pro is ❸❾ dollars, (39) per seat, 39 (US dollars) a month, or 39−49 $.', `Pro is ${M}, (${M}) per seat, ${M} (US dollars) a month, or ${M}−49 $.`);
    passes('Pro is ➋➒ dollars, (29) per seat, 29 (USD) a month, or 12−49 $. We offer 3 (three) plans; see section 3 (pricing).');
    const { text, outputs } = guarded('Pro is thirty\u00adnine dollars per seat.');
    expect(text).toBe(`Pro is ${M} per seat.`);
    expect(outputs.join('')).not.toMatch(/thirty/u);
  });

  it('markdown emphasis inside a spaced or coded figure, and spaced digits with cents', () => {
    becomes('Pro is **3** 9 dollars per seat, or USD **39**.', `Pro is ${M} per seat, or ${M}.`);
    becomes('Pro is 3*9* dollars, $3 9.99 or 3 9,00 $ a month.', `Pro is ${M}, ${M} or ${M} a month.`);
    passes('For 15 seats that is $29*15 = $435, or 2*3 = 6 reviews.', { prospect: ['We are 15.'] });
  });

  it('percentages written "20-percent", "20 pct", "2 0 %" or "٢٠ في المئة", and emphasis inside number words', () => {
    const { text, outputs } = guarded('I can give you a 20-percent discount, 20 pct off, 2 0 % off, or خصم ٢٠ في المئة.');
    expect(text).toBe(`I can give you a ${M} discount, ${M} off, ${M} off, or خصم ${M}.`);
    expect(outputs.join('')).not.toMatch(/20|٢٠/u);
    const words = guarded('Pro is **thirty**-nine dollars, or thirty-**nine** dollars.');
    expect(words.text).toBe(`Pro is ${M}, or ${M}.`);
    passes('Annual billing saves 17 pct, and Pro is **twenty**-nine dollars.');
  });

  it('Arabic and Persian spellings, and slang for a currency', () => {
    becomes('الباقة الاحترافية ۳۹ دلار، أو تسعة و ثلاثون دولارًا، أو ٣٩ للمستخدم شهريًا.', `الباقة الاحترافية ${M}، أو ${M}، أو ${M} للمستخدم شهريًا.`);
    passes('الباقة الاحترافية تسعة و عشرون دولارًا، أو ٢٩ للمستخدم شهريًا.');
    becomes('Pro cuesta 39 pavos al mes. Pro coûte 39 balles par mois. Pro kostet 39 Öcken im Monat.', `Pro cuesta ${M} al mes. Pro coûte ${M} par mois. Pro kostet ${M} im Monat.`);
  });

  it('other currencies’ signs and codes are read (an amount in them is no catalogue price)', () => {
    const { text, replaced } = guarded('Pro is R$ 39, 39 ₩, 39 ₽, 39 BRL, 39 SEK or 39 kr per seat.');
    expect(text).toBe(`Pro is ${M}, ${M}, ${M}, ${M}, ${M} or ${M} per seat.`);
    expect(replaced).toEqual(['R$ 39', '39 ₩', '39 ₽', '39 BRL', '39 SEK', '39 kr']);
    passes('Pro is $29 per seat. Call on Fr. 10 Uhr. The API returns 39 BR codes.');
  });
});
