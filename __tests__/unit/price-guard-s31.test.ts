/** @jest-environment node */
// The price guard on a configured model's reply (lib/llm/price-guard/), session 31: a counter-offer after a refused
// discount ("We can't do 20% off, but we can do 15%.") is a discount though its clause names none, while the refusal
// passes; and an amount whose "U.S.D." ends its sentence leaves the full stop to the sentence, vouched or replaced,
// streamed one character at a time or whole.
import { guarded, guardFor, M } from '../support/price-guard';

const passes = (reply: string) => expect(guarded(reply).text).toBe(reply);
const becomes = (reply: string, expected: string) => expect(guarded(reply).text).toBe(expected);

describe('a counter-offer after a refused discount', () => {
  it('is replaced, and the refusal passes', () => {
    const { text, replaced } = guarded("We can't do 20% off, but we can do 15%.");
    expect(text).toBe(`We can't do 20% off, but we can do ${M}.`);
    expect(replaced).toEqual(['15%']);
    becomes('We cannot offer 20% off; what we can do is 15%.', `We cannot offer 20% off; what we can do is ${M}.`);
    becomes("We can't do 20% off, only 15%.", `We can't do 20% off, only ${M}.`);
  });

  it('in Spanish, French, German and Arabic', () => {
    becomes('No podemos hacer un 20 % de descuento, pero podemos hacer un 15 %.', `No podemos hacer un 20 % de descuento, pero podemos hacer un ${M}.`);
    becomes('No podemos ofrecer un 20 % de descuento; lo que sí podemos hacer es un 15 %.', `No podemos ofrecer un 20 % de descuento; lo que sí podemos hacer es un ${M}.`);
    becomes('Nous ne pouvons pas faire 20 % de remise, mais nous pouvons faire 15 %.', `Nous ne pouvons pas faire 20 % de remise, mais nous pouvons faire ${M}.`);
    becomes('Nous ne pouvons pas offrir 20 % de remise ; ce que nous pouvons faire, c’est 15 %.', `Nous ne pouvons pas offrir 20 % de remise ; ce que nous pouvons faire, c’est ${M}.`);
    becomes('Wir können keine 20 % Rabatt geben, aber wir können 15 % geben.', `Wir können keine 20 % Rabatt geben, aber wir können ${M} geben.`);
    becomes('Wir können keine 20 % Rabatt anbieten; was wir tun können, sind 15 %.', `Wir können keine 20 % Rabatt anbieten; was wir tun können, sind ${M}.`);
    becomes('لا يمكننا تقديم خصم 20٪، لكن يمكننا تقديم 15٪.', `لا يمكننا تقديم خصم 20٪، لكن يمكننا تقديم ${M}.`);
  });

  it('but not a percentage of something else in the sentence, nor what annual billing saves', () => {
    passes("We can't do 20% off, but 90% of teams stay with us.");
    passes('Annual billing saves 17%, and 80% of teams choose it.');
    passes("We can't do 20% off, but annual billing saves 17%.");
  });
});

describe('"U.S.D." at the end of a sentence', () => {
  it('keeps the full stop when the amount is made up', () => {
    const { text, replaced, outputs } = guarded('It costs 99 U.S.D.');
    expect(text).toBe(`It costs ${M}.`);
    expect(replaced).toEqual(['99 U.S.D']);
    expect(outputs.join('')).not.toMatch(/99/u);
    becomes('It costs 99 U.S.D. Pro is the plan for you.', `It costs ${M}. Pro is the plan for you.`);
    becomes('It costs 99 U.S.D.\nAsk me anything.', `It costs ${M}.\nAsk me anything.`);
    // Mid-sentence the dot is the currency's own, replaced with it.
    becomes('Pro is 39 U.S.D. per seat.', `Pro is ${M} per seat.`);
  });

  it('passes a catalogue price whole', () => {
    passes('It costs 29 U.S.D.');
    passes('Pro is 29 U.S.D. per seat.');
    passes('Pro is 29 U.S.D. Business is 49 U.S.D.');
  });

  it('streamed token by token, as a model writes it', () => {
    for (const [tokens, expected] of [
      [['It', ' costs', ' 99', ' U', '.S', '.D', '.'], `It costs ${M}.`],
      [['Pro', ' is', ' 39', ' U.S.D', '.', ' per', ' seat', '.'], `Pro is ${M} per seat.`],
      [['It', ' costs', ' 29', ' U.S.D.', ' Anything', ' else?'], 'It costs 29 U.S.D. Anything else?'],
    ] as const) {
      const guard = guardFor();
      const out = tokens.map((token) => guard.push(token)).join('') + guard.flush();
      expect(out).toBe(expected);
    }
  });
});
