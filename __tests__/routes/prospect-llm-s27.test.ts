/** @jest-environment node */
// A prospect talking to the agent through the chat route with OpenAI configured — the OpenAI stand-in over real HTTP
// (scripts/standins/openai-server.mjs), which streams the model's reply word by word — session 27: what the price
// guard lets through of a reply that agrees to the prospect's offer, prices a plan beyond its seat cap, names another
// currency, a price with no currency sign, or amounts in Arabic words; what reaches the stored conversation.
import { unverifiedPriceMarker, unverifiedPriceNotice } from '@/lib/sales/prompts';
import { notices, openAIChatRoute, textOfStored } from '../support/openai-chat-route';
import { textOf, type UIChunk } from '../support/sse';
import { newConversationId } from '../support/visitor';

const llm = openAIChatRoute({ apiKey: 'sk-s27', messagePrefix: 's27' });
const { say, stored } = llm;
const deltas = (chunks: UIChunk[]) => chunks.filter((chunk) => chunk.type === 'text-delta').map((chunk) => chunk.delta ?? '');

describe('a reply agreeing to the prospect’s offer', () => {
  it('leaves out the agreed figure, keeps it where the reply says it was theirs, and stores what was streamed', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ replyText: 'Yes, that would be $7. You mentioned $7, noted; Pro is $29 per seat.' });
    const chunks = await say(id, 'Could you do $7?');
    const marker = unverifiedPriceMarker('en');
    const expected = `Yes, that would be ${marker}. You mentioned $7, noted; Pro is $29 per seat.`;
    expect(textOf(chunks)).toBe(expected);
    expect(notices(chunks)).toEqual([{ level: 'warning', code: 'unverified_price', message: unverifiedPriceNotice('en') }]);
    // No delta carried the agreed figure before the guard decided on it.
    expect(deltas(chunks).findIndex((delta) => delta.includes('$7'))).toBeGreaterThan(deltas(chunks).findIndex((delta) => delta.includes(marker)));
    const messages = await stored(id, 2);
    expect(textOfStored(messages[1])).toBe(expected);
  });
});

describe('a total beyond a plan’s seat cap', () => {
  it('leaves out Starter × 50 seats and keeps Pro × 50 seats', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ replyText: 'Starter for 50 seats would be $600 a month, but Starter stops at 10 seats; Pro for 50 seats is $1,450 a month.' });
    const chunks = await say(id, 'We are 50 people. What would Starter cost us?');
    expect(textOf(chunks)).toBe(`Starter for 50 seats would be ${unverifiedPriceMarker('en')} a month, but Starter stops at 10 seats; Pro for 50 seats is $1,450 a month.`);
    expect(deltas(chunks).join('')).not.toContain('$600');
    expect(notices(chunks).map((notice) => notice.code)).toEqual(['unverified_price']);
  });
});

describe('another currency, and a price without a currency sign', () => {
  it('leaves out "29 €" and "39 por usuario" in a Spanish reply, token by token', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ replyText: 'El plan Pro cuesta 29 $ por usuario (no 29 €), y Business cuesta 39 por usuario al mes.' });
    const chunks = await say(id, 'Hola, ¿cuánto cuesta el plan Pro y el Business?');
    const marker = unverifiedPriceMarker('es');
    expect(textOf(chunks)).toBe(`El plan Pro cuesta 29 $ por usuario (no ${marker}), y Business cuesta ${marker} por usuario al mes.`);
    const sent = deltas(chunks);
    expect(sent.length).toBeGreaterThan(5);
    expect(sent.join('')).not.toMatch(/€|39/);
    expect(notices(chunks).map((notice) => notice.message)).toEqual([unverifiedPriceNotice('es')]);
  });
});

describe('amounts in Arabic words', () => {
  it('keeps the catalogue price in words and leaves out a made-up one', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ replyText: 'سعر خطة Pro تسعة وعشرون دولارًا للمستخدم شهريًا، وليس تسعة وثلاثين دولارًا.' });
    const chunks = await say(id, 'مرحبا، كم سعر خطة Pro للمستخدم الواحد شهريا؟');
    const marker = unverifiedPriceMarker('ar');
    expect(textOf(chunks)).toBe(`سعر خطة Pro تسعة وعشرون دولارًا للمستخدم شهريًا، وليس ${marker}.`);
    expect(deltas(chunks).join('')).not.toContain('وثلاثين');
    expect(notices(chunks).map((notice) => notice.message)).toEqual([unverifiedPriceNotice('ar')]);
  });
});
