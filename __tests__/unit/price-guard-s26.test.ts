/** @jest-environment node */
// The price guard on a configured model's reply (lib/llm/price-guard/), session 26: amounts in any script, style and
// in words; a prospect's number said back as a price of ours; totals worked out from the catalogue; and what the
// stream releases while an amount is still being decided.
import { amountCandidates, asciiDigits } from '@/lib/llm/price-guard';
import { guarded, guardFor, M } from '../support/price-guard';


describe('amounts written in any script or style', () => {
  it('reads the digits of every script as ASCII digits', () => {
    expect(asciiDigits('٢٩ ۲۹ २९ ２９ 𝟐𝟗 ๒๙')).toBe('29 29 29 29 29 29');
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('reads grouping and decimal separators the way they can be meant, and no other way', () => {
    expect(amountCandidates('2,880')).toEqual([288000]);
    expect(amountCandidates('2.880')).toEqual([288000]);
    expect(amountCandidates('2 880')).toEqual([288000]);
    expect(amountCandidates("2'880")).toEqual([288000]);
    expect(amountCandidates('٢٬٨٨٠')).toEqual([288000]);
    expect(amountCandidates('29,00')).toEqual([2900]);
    expect(amountCandidates('24.50')).toEqual([2450]);
    expect(amountCandidates('٢٤٫٥٠')).toEqual([2450]);
    expect(amountCandidates('2,880.50')).toEqual([288050]);
    expect(amountCandidates('2.880,50')).toEqual([288050]);
    expect(amountCandidates('1,23,456')).toEqual([12345600]);
    // "2.9" is two dollars ninety, never 29 (read that way, "$2.9" passed as Pro's price).
    expect(amountCandidates('2.9')).toEqual([290]);
    expect(amountCandidates('4,9', 'k')).toEqual([490000]);
    expect(amountCandidates('2', 'mil')).toEqual([200000, 200000000]);
    // Not a number anyone writes: no reading, so never vouched for.
    expect(amountCandidates('1,2345')).toEqual([]);
  });

  it('checks Arabic-Indic digits and locale formats like Western ones', () => {
    const { text, replaced } = guarded('Pro: ٢٩ $ · Business ٤٩ $ · ٣٩ $ · ٢٬٨٨٠ $ · 29,00 € · 2.880 $ · 2 880 $ · 2\u202f880 $ · $2.9 · USD 24,00.');
    // (Since session 27 a euro amount is not a price of a catalogue in dollars: "29,00 €" is replaced too.)
    expect(text).toBe(`Pro: ٢٩ $ · Business ٤٩ $ · ${M} · ${M} · ${M} · ${M} · ${M} · ${M} · ${M} · USD 24,00.`);
    expect(replaced).toEqual(['٣٩ $', '٢٬٨٨٠ $', '29,00 €', '2.880 $', '2 880 $', '2\u202f880 $', '$2.9']);
  });

  it('lets the same formats through when they are a total the conversation makes exact (Pro annual, 10 seats, a year)', () => {
    const reply = 'Für 10 Nutzer: 2.880 $ im Jahr, also ٢٬٨٨٠ $ oder 2 880 $.';
    expect(guarded(reply, { prospect: ['Wir sind 10 Leute.'] }).text).toBe(reply);
  });

  it('reads scales in words next to digits ("5 thousand dollars", "2 mil dólares")', () => {
    const { text } = guarded('Around 5 thousand dollars, or 2 mil dólares, or $4.9k; but $24 thousand is not ours.', { prospect: [] });
    expect(text).toBe(`Around ${M}, or ${M}, or ${M}; but ${M} is not ours.`);
  });
});

describe('amounts written in words', () => {
  it('lets the catalogue through in English, Spanish, French and German words', () => {
    const reply =
      'Pro is twenty-nine dollars, veintinueve dólares, vingt-neuf dollars or neunundzwanzig Dollar; billed annually twenty-four dollars, ' +
      'and a year of Pro billed annually per seat is two hundred and eighty-eight dollars (zweihundertachtundachtzig Dollar, doscientos ochenta y ocho dólares).';
    const result = guarded(reply);
    expect(result.text).toBe(reply);
    expect(result.replaced).toEqual([]);
  });

  it('replaces made-up amounts in words, whole, in every language', () => {
    const { text, replaced } = guarded(
      'Pro is thirty-one dollars; Business treinta y nueve dólares, quatre-vingt-dix-neuf dollars, dreiunddreißig Dollar, a hundred dollars, one million dollars.',
    );
    expect(text).toBe(`Pro is ${M}; Business ${M}, ${M}, ${M}, a ${M}, ${M}.`);
    expect(replaced).toEqual(['thirty-one dollars', 'treinta y nueve dólares', 'quatre-vingt-dix-neuf dollars', 'dreiunddreißig Dollar', 'hundred dollars', 'one million dollars']);
  });

  it('leaves ordinary words alone, number words included, when no currency follows', () => {
    const reply = 'I have one question and two more later; once a month we send ten examples. Neuf clients sur dix. Elf Teams. Dos equipos y un plan.';
    const result = guarded(reply);
    expect(result.text).toBe(reply);
    expect(result.replaced).toEqual([]);
  });

  it('never releases a number word before it knows whether a currency word follows', () => {
    const { text, outputs } = guarded('Business is forty-nine dollars, not thirty-nine dollars.');
    expect(text).toBe(`Business is forty-nine dollars, not ${M}.`);
    // No delta ever carried a piece of the made-up amount.
    expect(outputs.some((output) => /thirty|nine dollars\./.test(output) && !output.includes('forty'))).toBe(false);
    expect(outputs.join('')).not.toContain('thirty');
  });
});

describe('a number the prospect wrote', () => {
  it('is not a price of ours: "is it $7 per seat?" does not make "$7 per seat" sayable, in any language', () => {
    expect(guarded('Yes, Pro is $7 per seat.', { prospect: ['Is Pro $7 per seat?'] }).text).toBe(`Yes, Pro is ${M} per seat.`);
    expect(guarded('Sí, son 7 dólares por usuario al mes.', { prospect: ['¿Son 7 dólares por usuario?'] }).text).toBe(`Sí, son ${M} por usuario al mes.`);
    expect(guarded('Oui, 7 $ par utilisateur.', { prospect: ['7 $ par utilisateur ?'] }).text).toBe(`Oui, ${M} par utilisateur.`);
    expect(guarded('Ja, Pro kostet 7 $ pro Nutzer.', { prospect: ['Kostet Pro 7 $ pro Nutzer?'] }).text).toBe(`Ja, Pro kostet ${M} pro Nutzer.`);
    // Floated as a price, it is not confirmed in a clause with no price word either.
    expect(guarded('Yes, that would be $7.', { prospect: ['Is Pro $7 per seat?'] }).text).toBe(`Yes, that would be ${M}.`);
    // Written in words by the model, in digits by the prospect: the same.
    expect(guarded('Yes, seven dollars per seat.', { prospect: ['Is it $7 per seat?'] }).text).toBe(`Yes, ${M} per seat.`);
  });

  it('may be said back as their own figure: their budget, with or without the word, and a question back', () => {
    const prospect = ['Our budget is $600 per month.', 'Is $300 possible?'];
    for (const reply of [
      'With your budget of $600 per month, Pro fits.',
      'Pro fits your $600 monthly budget.',
      'You mentioned $600 a month.',
      'Would you pay 300 dollars?',
      'Noted: six hundred dollars is your budget.',
    ]) {
      expect(guarded(reply, { prospect }).text).toBe(reply);
    }
    // …but not as what a plan costs.
    expect(guarded('Pro is 300 dollars a month.', { prospect }).text).toBe(`Pro is ${M} a month.`);
    expect(guarded('Business costs $600 per month, within your budget.', { prospect }).text).toBe(`Business costs ${M} per month, within your budget.`);
  });

  it('reaching the model through the prompt’s memory or an earlier reply is still only the prospect’s', () => {
    const prompt = ['# Plans', '- Pro: $29 per seat/month', '- budget: $7 per seat (they said: "we can do $7 per seat")', '- Prospect said: we pay $450 a month for Jira'].join('\n');
    const earlier = 'Would you pay $7 per seat? And $450 — noted.';
    const setup = { vouched: [prompt, earlier], prospect: [] };
    expect(guarded('Pro is $7 per seat and Business $450 a month.', setup).text).toBe(`Pro is ${M} per seat and Business ${M} a month.`);
    expect(guarded('Your budget of $7 per seat is below Pro’s $29.', setup).text).toBe('Your budget of $7 per seat is below Pro’s $29.');
  });
});

describe('totals worked out from the catalogue without the tool', () => {
  const prospect = ['We are 15 people and want to commit for 2 years.'];

  it('lets through price × the team’s seats × months, annual savings and multi-year totals', () => {
    const reply =
      'Pro billed annually is $24 per seat per month: $24 × 15 seats × 12 = $4,320 a year ($360 a month), saving $900 a year against monthly billing; ' +
      'over 2 years that is $8,640. Starter holds only 10 seats.';
    const result = guarded(reply, { prospect });
    expect(result.text).toBe(reply);
    expect(result.replaced).toEqual([]);
  });

  it('takes the seats from the prompt’s memory when the message itself has left the history', () => {
    const prompt = '- team size: 15 (they said: "We are 15 people")';
    expect(guarded('For your team that is $4,320 a year on Pro.', { vouched: [prompt] }).text).toBe('For your team that is $4,320 a year on Pro.');
  });

  it('reads a quantity written after the amount in the same clause', () => {
    expect(guarded('Business is $410 a month for 10 seats.').text).toBe('Business is $410 a month for 10 seats.');
    expect(guarded('Business is $410 a month. That is a lot for 10 seats.').text).toBe(`Business is ${M} a month. That is a lot for 10 seats.`);
  });

  it('reads the seats and years written in words too', () => {
    expect(guarded('Twenty seats of Pro: $580 a month.').text).toBe('Twenty seats of Pro: $580 a month.');
    expect(guarded('Pro annual for 15 seats over two years: $8,640.').text).toBe('Pro annual for 15 seats over two years: $8,640.');
    expect(guarded('Pro annual for 15 seats over three years: $8,640.').text).toBe(`Pro annual for 15 seats over three years: ${M}.`);
  });

  it('replaces wrong arithmetic, seats nobody mentioned, and a discount the catalogue does not state', () => {
    expect(guarded('Pro for your 15 seats is $4,350 a year.', { prospect }).text).toBe(`Pro for your 15 seats is ${M} a year.`);
    expect(guarded('Pro comes to $4,320 a year.').text).toBe(`Pro comes to ${M} a year.`);
    // 15% off $4,320: the catalogue's maximum discount is the sales team's to grant, not the assistant's to quote.
    expect(guarded('With 15% off, Pro is $3,672 a year.', { prospect }).text).toBe(`With 15% off, Pro is ${M} a year.`);
  });
});

describe('what the stream releases while an amount is decided', () => {
  it('holds "$2" until "9" comes, and never releases a piece of a made-up amount', () => {
    const guard = guardFor();
    expect(guard.push('Pro is $2')).toBe('Pro is ');
    expect(guard.push('9 per seat, Business $3')).toBe('$29 per seat, Business ');
    expect(guard.push('9')).toBe('');
    expect(guard.push(' per seat.')).toBe(`${M} per seat.`);
    expect(guard.flush()).toBe('');
    expect(guard.replaced).toEqual(['$39']);
  });

  it('waits for the end of the clause only when the clause decides (a prospect’s number), not for a catalogue price', () => {
    const guard = guardFor({ prospect: ['Is it $7?'] });
    expect(guard.push('Pro is $29 and ')).toBe('Pro is $29 and ');
    expect(guard.push('Business $7')).toBe('Business ');
    expect(guard.push(' per')).toBe('');
    expect(guard.push(' seat')).toBe('');
    expect(guard.push('. Anything else?')).toBe(`${M} per seat. Anything else?`);
    expect(guard.flush()).toBe('');
  });

  it('decides what is still held when the text ends or a tool call comes', () => {
    const guard = guardFor({ prospect: ['Is it $7?'] });
    expect(guard.push('So $7')).toBe('So ');
    expect(guard.flush()).toBe('So $7'.slice(3));
    const words = guardFor();
    expect(words.push('It is twenty')).toBe('It is ');
    expect(words.flush()).toBe('twenty');
  });
});
