/** @jest-environment node */
// A prospect talking to the agent through the chat route with OpenAI configured — the OpenAI stand-in over real HTTP
// (scripts/standins/openai-server.mjs) — session 26: what the price guard lets through of the model's amounts (words,
// other scripts, the prospect's own figures, totals worked out from the catalogue) over a 15-turn conversation whose
// early turns have left the history, and what the stream carries while an amount is being decided.
import { unverifiedPriceMarker, unverifiedPriceNotice } from '@/lib/sales/prompts';
import { conversationOf, notices, openAIChatRoute, systemOf, textOfStored } from '../support/openai-chat-route';
import { textOf, type UIChunk } from '../support/sse';
import { newConversationId } from '../support/visitor';

const llm = openAIChatRoute({ apiKey: 'sk-s26', messagePrefix: 's26' });
const { say, stored, modelCalls } = llm;
const deltas = (chunks: UIChunk[]) => chunks.filter((chunk) => chunk.type === 'text-delta').map((chunk) => chunk.delta ?? '');

describe('a 15-turn conversation whose early turns leave the history', () => {
  it('keeps the prospect’s facts for the model and the guard: a total worked out from them passes, a price they floated does not', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({
      replyText:
        'Thanks, that helps. Here is a fairly long answer so that the history grows the way it does with a real assistant, which writes a few sentences on every question, with details, examples and a question back at the end.',
    });
    const lines = [
      "Hi, I'm Priya Raman from Lumen Analytics.",
      'We are a team of 15 people.',
      'Our budget is $500 per month.',
      'We currently use Asana and Slack.',
      'Tell me about your security and compliance, we care about SOC 2 and GDPR and where the data lives.',
      'What integrations do you support? We also use GitHub, Google Drive and Zendesk across teams.',
      'How does onboarding work and how long does it take a team like ours to move all projects over?',
      'What kind of support do you offer, and how fast do you answer?',
      'Do you have case studies from analytics companies of a similar size?',
      'What happens to our data if we leave? Can we export everything?',
      'Is there a free trial and what does it include?',
      'Do you have audit logs and single sign-on?',
    ];
    for (const line of lines) await say(id, line);

    // Turn 13: the prospect floats a price; the model agrees with it. That is not a price of ours.
    llm.standIn.setBehaviour({ replyText: 'Yes — Pro is $7 per seat for a team like yours.' });
    const floated = await say(id, 'Is Pro $7 per seat for us?');
    const marker = unverifiedPriceMarker('en');
    expect(textOf(floated)).toBe(`Yes — Pro is ${marker} per seat for a team like yours.`);
    expect(notices(floated)).toEqual([{ level: 'warning', code: 'unverified_price', message: unverifiedPriceNotice('en') }]);

    // Turn 14: the model says their budget back (with and without the word), a figure of theirs: it passes.
    llm.standIn.setBehaviour({ replyText: 'Noted: you mentioned $500 a month, so I will keep every option within your $500 budget.' });
    const budget = await say(id, 'Remember what we can spend.');
    expect(textOf(budget)).toBe('Noted: you mentioned $500 a month, so I will keep every option within your $500 budget.');
    expect(notices(budget)).toEqual([]);

    // Turn 15: the model works the total out itself, without the pricing tool, from the team size given at turn 2.
    const total = 'Pro billed annually is $24 per seat per month: $24 × 15 seats × 12 = $4,320 a year ($360 a month), saving $900 a year — within your $500 monthly budget.';
    llm.standIn.setBehaviour({ replyText: total });
    const worked = await say(id, 'So what would Pro come to for us, billed annually?');
    expect(textOf(worked)).toBe(total);
    expect(notices(worked)).toEqual([]);

    // The early turns had left the messages the model was sent; what the prospect told us was in its prompt instead.
    const last = modelCalls().at(-1);
    const conversation = conversationOf(last).map((message) => message.text);
    expect(conversation.some((text) => text.includes('team of 15'))).toBe(false);
    expect(conversation.some((text) => text.includes('budget is $500'))).toBe(false);
    expect(conversation.at(-1)).toContain('So what would Pro come to for us');
    const system = systemOf(last);
    for (const fact of ['Priya Raman', 'Lumen Analytics', '15', '$500 per month', 'uses Asana', 'uses Slack']) expect(system).toContain(fact);

    // What is stored (a reload, and the next turn's history) is what was streamed.
    const messages = await stored(id, 30);
    expect(messages).toHaveLength(30);
    expect(textOfStored(messages[25])).toBe(`Yes — Pro is ${marker} per seat for a team like yours.`);
    expect(textOfStored(messages[29])).toBe(total);
    const replies = messages.filter((message) => message.role === 'assistant').map((message) => textOfStored(message));
    expect(replies).toHaveLength(15);
    expect(replies.join('\n')).not.toContain('$7');
  });
});

describe('what the stream carries while an amount is decided', () => {
  it('never sends a piece of a made-up amount split across tokens ("2", " 873", " $"; "thirty-one", " dollars")', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ replyText: 'Pro coûte 29 $ par utilisateur et Business 2 873 $ par mois, soit thirty-one dollars de plus.' });
    const chunks = await say(id, 'Combien coûtent Pro et Business ?');
    const marker = unverifiedPriceMarker('fr');
    expect(textOf(chunks)).toBe(`Pro coûte 29 $ par utilisateur et Business ${marker} par mois, soit ${marker} de plus.`);
    // The stand-in sent the made-up amounts token by token; no delta carried a piece of them.
    const sent = deltas(chunks);
    expect(sent.length).toBeGreaterThan(5);
    for (const delta of sent) {
      expect(delta).not.toMatch(/873|thirty|one dollars|\b2 $/);
    }
    expect(sent.some((delta) => delta.includes('29 $'))).toBe(true);
    expect(notices(chunks).map((notice) => notice.message)).toEqual([unverifiedPriceNotice('fr')]);
  });

  it('checks Arabic-Indic digits and amounts in Spanish words in the reply', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ replyText: 'El plan Pro cuesta veintinueve dólares por usuario; Business, ٣٩ $ por usuario, o treinta y nueve dólares.' });
    const chunks = await say(id, 'Hola, ¿cuánto cuestan los planes Pro y Business?');
    const marker = unverifiedPriceMarker('es');
    expect(textOf(chunks)).toBe(`El plan Pro cuesta veintinueve dólares por usuario; Business, ${marker} por usuario, o ${marker}.`);
    expect(deltas(chunks).join('')).not.toMatch(/٣٩|treinta/);
    expect(notices(chunks).map((notice) => notice.code)).toEqual(['unverified_price']);
  });
});
