import { createSentenceSplitter, splitSentences, toSpeakableText } from '@/lib/voice/sentences';

/** Feeds `text` in pieces of `size` characters, as a token stream would. */
function streamed(text: string, size: number): string[] {
  const splitter = createSentenceSplitter();
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...splitter.push(text.slice(i, i + size)));
  return [...out, ...splitter.flush()];
}

const CASES: Array<[name: string, input: string, expected: string[]]> = [
  ['two plain sentences', 'Hello there. How can I help?', ['Hello there.', 'How can I help?']],
  ['exclamation and question', 'Great! Want a demo? Sure.', ['Great!', 'Want a demo?', 'Sure.']],
  ['price with cents', 'Pro costs $1,299.00 per year. It includes SSO.', ['Pro costs $1,299.00 per year.', 'It includes SSO.']],
  ['decimal', 'Uptime is 99.95% and latency is 3.5 seconds. Nice.', ['Uptime is 99.95% and latency is 3.5 seconds.', 'Nice.']],
  ['price at the end of a sentence', 'It costs $12. Then add seats.', ['It costs $12.', 'Then add seats.']],
  ['Mr. before a name', 'Mr. Smith will call you. Bye.', ['Mr. Smith will call you.', 'Bye.']],
  ['e.g. and i.e.', 'Tools, e.g. Slack, work. Annual, i.e. yearly, billing.', ['Tools, e.g. Slack, work.', 'Annual, i.e. yearly, billing.']],
  ['etc. mid-sentence', 'CRMs, calendars, etc. are supported. Ask away.', ['CRMs, calendars, etc. are supported.', 'Ask away.']],
  ['etc. ending a sentence', 'CRMs, calendars, etc. Then billing.', ['CRMs, calendars, etc.', 'Then billing.']],
  ['Inc. in a name', 'Acme Inc. is a customer. Yes.', ['Acme Inc. is a customer.', 'Yes.']],
  ['U.S. initialism', 'We host in the U.S. and the EU. Data stays there.', ['We host in the U.S. and the EU.', 'Data stays there.']],
  ['URL', 'See https://acme.com/pricing.html for details. Thanks.', ['See acme.com for details.', 'Thanks.']],
  ['URL at the end of a sentence', 'Visit https://acme.com. Then sign up.', ['Visit acme.com.', 'Then sign up.']],
  ['email', 'Write to sales@acme.co.uk today. We reply fast.', ['Write to sales@acme.co.uk today.', 'We reply fast.']],
  ['ellipsis is a pause', 'Well... let me check. Done.', ['Well... let me check.', 'Done.']],
  ['unicode ellipsis', 'Hmm… that depends. Ok.', ['Hmm… that depends.', 'Ok.']],
  ['bold and links', 'The **Pro** plan is [here](https://acme.com/pro). **Only $12.** Go.', ['The Pro plan is here.', 'Only $12.', 'Go.']],
  ['list items', 'Plans:\n\n- **Starter**: $0\n- Pro: $12\n1. Team: $20\n\nPick one.', ['Plans:', 'Starter: $0', 'Pro: $12', 'Team: $20', 'Pick one.']],
  ['paragraph break without punctuation', 'First part\n\nSecond part', ['First part', 'Second part']],
  ['heading', '## Pricing\nPro is $12. Ok.', ['Pricing', 'Pro is $12.', 'Ok.']],
  ['single newline inside a paragraph joins', 'This line\ncontinues here. End.', ['This line continues here.', 'End.']],
  ['Spanish questions and exclamations', '¿Cuántos usuarios son? ¡Perfecto! Te envío la propuesta.', ['¿Cuántos usuarios son?', '¡Perfecto!', 'Te envío la propuesta.']],
  ['Spanish abbreviation', 'El Sr. García le llamará. Gracias.', ['El Sr. García le llamará.', 'Gracias.']],
  ['quote closing the sentence', 'She said "Great!" Then left.', ['She said "Great!"', 'Then left.']],
  ['code fences are not spoken', 'Run this:\n\n```\nnpm i\n```\n\nDone.', ['Run this:', 'Done.']],
  ['no terminator at all', 'Thanks for asking', ['Thanks for asking']],
];

describe('sentence splitter', () => {
  it.each(CASES)('%s (whole text)', (_name, input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });

  it.each(CASES)('%s (streamed 1 char at a time)', (_name, input, expected) => {
    expect(streamed(input, 1)).toEqual(expected);
  });

  it.each(CASES)('%s (streamed 7 chars at a time)', (_name, input, expected) => {
    expect(streamed(input, 7)).toEqual(expected);
  });

  it('emits a sentence as soon as the next one starts, before the reply ends', () => {
    const splitter = createSentenceSplitter();
    expect(splitter.push('Pro costs $12')).toEqual([]);
    expect(splitter.push('.')).toEqual([]); // might still be "$12.50"
    expect(splitter.push(' ')).toEqual(['Pro costs $12.']);
    expect(splitter.push('Mr')).toEqual([]);
    expect(splitter.push('. ')).toEqual([]);
    expect(splitter.push('Smith agrees! And')).toEqual(['Mr. Smith agrees!']);
    expect(splitter.flush()).toEqual(['And']);
    expect(splitter.flush()).toEqual([]);
  });

  it('cuts a run-on sentence at a clause boundary after ~200 characters', () => {
    const clause = 'this clause keeps going on and on without end';
    const text = `${Array.from({ length: 8 }, () => clause).join(', ')}.`;
    const sentences = streamed(text, 5);
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.join(' ')).toBe(text);
    expect(sentences[0]!.length).toBeGreaterThanOrEqual(200);
    expect(sentences[0]!.length).toBeLessThan(260);
    expect(sentences[0]!.endsWith(',')).toBe(true);
  });

  it('cuts a sentence with no clause boundary at a space', () => {
    const text = Array.from({ length: 80 }, () => 'word').join(' ');
    const sentences = streamed(text, 9);
    expect(sentences.length).toBe(2);
    expect(sentences.join(' ')).toBe(text);
  });

  it('skips fragments with nothing to say', () => {
    expect(splitSentences('**\n\n---\n\nHi.')).toEqual(['Hi.']);
  });
});

describe('toSpeakableText', () => {
  it('strips markdown and keeps the words', () => {
    expect(toSpeakableText('- **Pro** _plan_ with `SSO` ~~old~~ [docs](https://x.io) ![img](a.png)')).toBe('Pro plan with SSO old docs');
  });
});
