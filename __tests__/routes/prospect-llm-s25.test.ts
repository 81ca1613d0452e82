/** @jest-environment node */
// A prospect talking to the agent through the chat route with OpenAI configured — the OpenAI stand-in over real HTTP
// (scripts/standins/openai-server.mjs): what the app sends the model over a long conversation, and what of the model's
// answer reaches the prospect (prices, tools, faults, language).
import { createSalesAgent } from '@/lib/llm';
import { createPriceGuard } from '@/lib/llm/price-guard';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { getConversationStore } from '@/lib/store';
import { unverifiedPriceMarker, unverifiedPriceNotice } from '@/lib/sales/prompts';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import { conversationOf, notices, openAIChatRoute, systemOf, textOfStored } from '../support/openai-chat-route';
import { testSession } from '../support/session';
import { textOf, type UIChunk } from '../support/sse';
import { newConversationId } from '../support/visitor';

const llm = openAIChatRoute({ apiKey: 'sk-s25', messagePrefix: 's25' });
const { say, stored, modelCalls } = llm;
/**
 * The tool parts of a stored reply, as the admin's transcript reads them (once the history holds `count` messages): the
 * visitor's stream and history carry none (lib/chat/visitor-view.ts).
 */
async function toolsStored(id: string, count: number) {
  await stored(id, count);
  const message = (await getConversationStore().getConversation({ id }))?.messages[count - 1];
  return (message?.parts ?? []).flatMap((part) => (part.type.startsWith('tool-') ? [part as { type: string; toolCallId: string; state: string; output?: unknown; errorText?: string }] : []));
}

describe('a long conversation with the configured model', () => {
  it('still tells the model at turn 16 what the prospect said at turns 1–6, after those turns have left the history', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({
      replyText:
        'Thanks, that helps. Here is a fairly long answer so that the history grows the way it does with a real assistant, which writes a few sentences on every question, with details, examples and a question back at the end.',
    });
    const lines = [
      "Hi, I'm Dana Whitfield from Corvid Labs.",
      'We are a team of 27 people.',
      'We currently use Jira and Slack.',
      'Our budget is about $600 per month.',
      'We want to roll out by next quarter.',
      'My email is dana@corvidlabs.io',
      'Tell me about your security and compliance, we care a lot about SOC 2 and GDPR and where the data lives.',
      'What integrations do you support? We also use GitHub, Google Drive and Zendesk across teams.',
      'How does onboarding work and how long does it take a team like ours to move all projects over?',
      'What kind of support do you offer, and how fast do you answer?',
      'Do you have case studies from software companies of a similar size?',
      'What happens to our data if we leave? Can we export everything?',
      'Is there a free trial and what does it include?',
      'Do you have audit logs and single sign-on?',
      'OK, which plan would you recommend for us then?',
      'And what would that come to for us?',
    ];
    for (const line of lines) await say(id, line);

    const last = modelCalls().at(-1);
    const conversation = conversationOf(last);
    // The history was trimmed for the context window: the opening turns are no longer sent as messages…
    expect(conversation.some((message) => message.text.includes('Dana Whitfield'))).toBe(false);
    expect(conversation.some((message) => message.text.includes('budget is about'))).toBe(false);
    expect(conversation.at(-1)?.text).toContain('And what would that come to for us?');
    // …but what the prospect told us is still in what the model reads.
    const system = systemOf(last);
    for (const fact of ['Dana Whitfield', 'Corvid Labs', 'dana@corvidlabs.io', '27', 'uses Jira', 'uses Slack', '$600 per month', 'next quarter']) {
      expect(system).toContain(fact);
    }
    // It is told what not to ask again, and is not pointed at anything it already knows.
    expect(system).toContain('Never ask for something in your memory above');
    // From the turn after the last of those facts, no request points the model at one of them as the next question.
    const asks = modelCalls().slice(6).map((body) => /^(?:Next thing worth asking.*|Nothing more to ask right now\.)$/m.exec(systemOf(body))?.[0]);
    expect(asks).toHaveLength(10);
    for (const line of asks) {
      expect(line).toBeDefined();
      expect(line).not.toMatch(/how many|team size|people|e-?mail|budget|timeline|when .*(?:start|roll|live)|your name|who am i|which tools|what do you use/i);
    }
  });
});

describe('prices reaching the prospect', () => {
  it('leaves out a price the model made up, keeps the ones the pricing tool gave, and says so under the reply', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({
      turns: [
        { toolCalls: [{ id: 'call_quote', name: 'get_pricing', arguments: { plan: 'Pro', seats: 20, billing: 'monthly' } }] },
        { text: 'Pro for 20 seats is $580 a month ($6,960 a year), list price $29 per seat. With our loyalty deal it is only $19 per seat, so $380 a month.' },
      ],
    });
    const chunks = await say(id, 'We are 20 people. What does Pro cost?');
    const marker = unverifiedPriceMarker('en');
    const text = textOf(chunks);
    expect(text).toBe(`Pro for 20 seats is $580 a month ($6,960 a year), list price $29 per seat. With our loyalty deal it is only ${marker} per seat, so ${marker} a month.`);
    expect(notices(chunks)).toEqual([{ level: 'warning', code: 'unverified_price', message: unverifiedPriceNotice('en') }]);

    // The stored reply (what a reload shows, and what the model reads next turn) has no made-up price either.
    const messages = await stored(id, 2);
    const reply = textOfStored(messages[1]);
    expect(reply).toBe(text);
    expect(reply).not.toContain('$19');
    expect(reply).not.toContain('$380');

    // Next turn: a price from an earlier reply may be repeated; a new invention still may not.
    llm.standIn.setBehaviour({ replyText: 'As I said, $580 a month for 20 seats. Business would be $1,234 a month.' });
    const next = textOf(await say(id, 'Can you remind me?'));
    expect(next).toBe(`As I said, $580 a month for 20 seats. Business would be ${marker} a month.`);
  });

  it('lets through the catalogue, the budget on record and the prospect’s own figures, with no notice', async () => {
    const id = newConversationId();
    await say(id, 'Our budget is $450 a month.');
    llm.standIn.setBehaviour({ replyText: 'Starter is $12 per seat monthly or $10 billed annually ($120 per seat per year); your $450 budget — noted. Would you pay 300 dollars?' });
    const chunks = await say(id, 'Is $300 possible?');
    expect(textOf(chunks)).toBe('Starter is $12 per seat monthly or $10 billed annually ($120 per seat per year); your $450 budget — noted. Would you pay 300 dollars?');
    expect(notices(chunks)).toEqual([]);
  });

  it('checks amounts split across streamed tokens, before or after the number, in the prospect’s language', async () => {
    const kb = getKnowledgeBase();
    const guard = createPriceGuard({ kb, vouched: [], prospect: [] }, '[?]');
    const reply = 'Pro coûte 29 $ par utilisateur, soit 2 673 $ par mois ; Business $49, ou $4,9k.';
    // One character per delta: the worst a model's tokenizer can do.
    const out = [...reply].map((char) => guard.push(char)).join('') + guard.flush();
    expect(out).toBe('Pro coûte 29 $ par utilisateur, soit [?] par mois ; Business $49, ou [?].');
    expect(guard.replaced).toEqual(['2 673 $', '$4,9k']);

    // A quote the tool answered this turn (German formatting of its total) is let through.
    const quoted = createPriceGuard({ kb, vouched: [], prospect: [] }, '[?]');
    quoted.allowTool({ ok: true, monthlyTotal: 2673 });
    expect(quoted.push('Das sind 2.673 $ im Monat.') + quoted.flush()).toBe('Das sind 2.673 $ im Monat.');
  });

  it('writes the marker and the notice in the prospect’s language', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ replyText: 'El plan Pro cuesta 99 $ por usuario al mes.' });
    const chunks = await say(id, 'Hola, ¿cuánto cuesta el plan Pro para nuestro equipo?');
    expect(systemOf(modelCalls().at(-1))).toMatch(/Spanish/);
    expect(textOf(chunks)).toBe(`El plan Pro cuesta ${unverifiedPriceMarker('es')} por usuario al mes.`);
    expect(notices(chunks).map((notice) => notice.message)).toEqual([unverifiedPriceNotice('es')]);
    expect(unverifiedPriceMarker('es')).not.toBe(unverifiedPriceMarker('en'));
  });
});

describe('tools over several turns', () => {
  it('handles parallel calls, a tool error, a malformed argument, a booking and a handoff, and keeps the conversation whole', async () => {
    const id = newConversationId();
    // Turn 1: two calls at once, one of them for a plan that does not exist, one capturing an e-mail never given.
    llm.standIn.setBehaviour({
      turns: [
        {
          toolCalls: [
            { id: 'call_ultra', name: 'get_pricing', arguments: { plan: 'Ultra', seats: 12 } },
            { id: 'call_lead', name: 'capture_lead', arguments: { name: 'Lena Ortiz', teamSize: 12, email: 'boss@example.com' } },
          ],
        },
        { text: 'We have no Ultra plan — our plans are Starter, Pro, Business and Enterprise.' },
      ],
    });
    const first = await say(id, "I'm Lena Ortiz, we're 12 people. How much is your Ultra plan?");
    expect(first.some((chunk) => chunk.type.startsWith('tool-'))).toBe(false);
    const outputs = (await toolsStored(id, 2)).filter((part) => part.state === 'output-available');
    expect(outputs.map((part) => part.toolCallId)).toEqual(['call_ultra', 'call_lead']);
    expect(outputs[0]?.output).toMatchObject({ ok: false, code: 'unknown_plan' });
    expect(outputs[1]?.output).toMatchObject({ rejected: [{ field: 'email' }] });
    // Both results went back to the model in its second request.
    const afterTools = JSON.stringify(modelCalls()[1]?.messages.slice(-2));
    expect(afterTools).toContain('unknown_plan');
    expect(afterTools).toContain('ask them instead of assuming');

    // Turn 2: the model sends arguments that are not JSON; it is told why, and answers.
    llm.standIn.reset();
    llm.standIn.setBehaviour({ turns: [{ toolCalls: [{ id: 'call_bad', name: 'get_pricing', arguments: '{"plan":"Pro","seats":' }] }, { text: 'Let me get that price for you.' }] });
    const second = await say(id, 'And Pro?');
    expect((await toolsStored(id, 4)).some((part) => part.toolCallId === 'call_bad' && part.state === 'output-error')).toBe(true);
    expect(JSON.stringify(modelCalls()[1]?.messages.at(-1))).toMatch(/Invalid input for tool get_pricing/);
    expect(textOf(second)).toBe('Let me get that price for you.');

    // Turn 3: a demo booked; turn 4: a person asked for.
    llm.standIn.reset();
    llm.standIn.setBehaviour({
      turns: [
        { toolCalls: [{ id: 'call_book', name: 'book_meeting', arguments: { email: 'lena@ortiz.io', preferredTimes: ['next Thursday 10am'], timezone: 'Europe/Madrid' } }] },
        { text: 'Booked — the card above has the invite.' },
        { toolCalls: [{ id: 'call_human', name: 'request_human', arguments: { reason: 'wants to talk to a person about the contract' } }] },
        { text: 'A colleague will write to you at lena@ortiz.io.' },
      ],
    });
    const third = await say(id, 'Book a demo next Thursday at 10am Madrid time, my email is lena@ortiz.io');
    expect(third.some((chunk) => chunk.type === 'data-booking')).toBe(true);
    expect(first.some((chunk) => chunk.type === 'data-lead')).toBe(true);
    const fourth = await say(id, 'Can I talk to a person about the contract?');
    expect(fourth.find((chunk) => chunk.type === 'data-handoff')?.data).toMatchObject({ email: 'lena@ortiz.io' });

    const messages = await stored(id, 8);
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect(textOfStored(messages[7])).toBe('A colleague will write to you at lena@ortiz.io.');
    // What the model reads next: the prospect's turns and the replies' text, alternating, no orphan tool calls.
    llm.standIn.reset();
    await say(id, 'Thanks!');
    const roles = conversationOf(modelCalls()[0]).map((message) => message.role);
    expect(roles.at(-1)).toBe('user');
    expect(roles.every((role, index) => role === (index % 2 === 0 ? 'user' : 'assistant'))).toBe(true);
  });

  it('a model that calls the same tool in a loop is made to stop, and the prospect still gets an answer', async () => {
    const id = newConversationId();
    // Whatever it is asked, this model calls get_pricing again with the same input.
    llm.standIn.setBehaviour({ reply: () => ({ toolCalls: [{ name: 'get_pricing', arguments: { plan: 'Pro', seats: 20, billing: 'monthly' } }] }) });
    const chunks = await say(id, 'We are 20 people, Pro monthly please.');
    const calls = modelCalls();
    // Once the call repeats itself the model is offered no tools (a real model then writes its reply).
    expect(calls.map((body) => body.tool_choice)).toEqual(['auto', 'auto', 'none']);
    // This one keeps calling anyway: the reply is not left empty.
    const text = textOf(chunks);
    expect(text).toContain('$580');
    expect(notices(chunks).map((notice) => notice.code)).toEqual(['fallback_agent']);
    const messages = await stored(id, 2);
    expect(textOfStored(messages[1]).trim()).not.toBe('');
  });
});

describe('a model that ends its turn without a word', () => {
  it('after a booking or a handoff: the card stands, and nothing is booked or handed over a second time', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({
      turns: [
        { toolCalls: [{ id: 'call_book', name: 'book_meeting', arguments: { email: 'kim@lee.io', preferredTimes: ['Thursday 10am'], timezone: 'Europe/Madrid' } }] },
        { text: '' },
      ],
    });
    const booked = await say(id, 'Book me a demo Thursday 10am Madrid time, kim@lee.io');
    expect(booked.filter((chunk) => chunk.type === 'data-booking')).toHaveLength(1);
    expect((await toolsStored(id, 2)).map((part) => part.type)).toEqual(['tool-book_meeting']);
    expect(notices(booked)).toEqual([]);

    llm.standIn.reset();
    llm.standIn.setBehaviour({ turns: [{ toolCalls: [{ id: 'call_human', name: 'request_human', arguments: { reason: 'asked for a person' } }] }, { text: '' }] });
    const handed = await say(id, 'Can I talk to a person?');
    expect(handed.filter((chunk) => chunk.type === 'data-handoff')).toHaveLength(1);
    expect(notices(handed)).toEqual([]);
  });

  it('after only looking things up: the fallback agent answers instead of an empty reply', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ turns: [{ toolCalls: [{ id: 'call_search', name: 'search_knowledge', arguments: { query: 'free trial' } }] }, { text: '' }] });
    const chunks = await say(id, 'Is there a free trial?');
    expect(textOf(chunks).trim()).not.toBe('');
    expect(notices(chunks).map((notice) => notice.code)).toEqual(['fallback_agent']);
  });
});

describe('a reply broken by the network or stalled', () => {
  it('broken mid-stream or stalled: the stored conversation stays whole and the next turn works', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ faults: [{ kind: 'broken_stream', afterTokens: 4 }], replyText: 'Pro is a great fit for teams like yours, with automation and reporting.' });
    const broken = await say(id, 'Tell me about the Pro plan');
    expect(textOf(broken).trim()).not.toBe('');
    expect(broken.at(-1)?.type).toBe('finish');

    llm.standIn.reset();
    llm.standIn.setBehaviour({ ttftMs: 3_000 });
    const stalled = await say(id, 'Does it include dashboards?');
    expect(textOf(stalled).trim()).not.toBe('');

    llm.standIn.reset();
    llm.standIn.setBehaviour({ replyText: 'Yes, I am here.' });
    const after = await say(id, 'Still there?');
    expect(textOf(after)).toBe('Yes, I am here.');
    const messages = await stored(id, 6);
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect(messages.every((message) => message.role === 'user' || textOfStored(message).trim() !== '')).toBe(true);
    const roles = conversationOf(modelCalls()[0]).map((message) => message.role);
    expect(roles).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
  });
});

describe('a reply that stalls after its first words, in Spanish', () => {
  it('tells the prospect in their language, stores the reply as cut short, and the next turn works', async () => {
    const id = newConversationId();
    llm.standIn.setBehaviour({ replyText: 'Claro, con gusto le ayudo.' });
    await say(id, 'Hola, somos una agencia de 14 personas en Madrid.');
    llm.standIn.reset();
    // The first word comes at once, the next after longer than OPENAI_TIMEOUT_MS (1.5 s).
    llm.standIn.setBehaviour({ tokenIntervalMs: 2_500, replyText: 'El plan Pro encaja muy bien con equipos como el suyo.' });
    const cut = await say(id, '¿Qué me recomienda?');
    expect(textOf(cut)).toBe('El');
    const failure = cut.find((chunk) => chunk.type === 'error');
    expect(failure?.errorText).toBe('Nuestro asistente ha tardado demasiado en responder. Vuelva a intentarlo.');

    llm.standIn.reset();
    llm.standIn.setBehaviour({ replyText: 'Le recomiendo el plan Pro.' });
    expect(textOf(await say(id, '¿Sigue ahí?'))).toBe('Le recomiendo el plan Pro.');
    const messages = await stored(id, 6);
    expect(messages[3]?.metadata?.status).toBe('incomplete');
    expect(textOfStored(messages[3])).toBe('El');
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
  });
});

describe('over the Responses API (the default OPENAI_API_MODE)', () => {
  it('leaves out a made-up price and stops a tool loop there too', async () => {
    const agent = createSalesAgent(
      { provider: 'openai', apiKey: 'sk-s25', baseURL: llm.standIn.url, model: 'gpt-4.1-mini', apiMode: 'responses', timeoutMs: 5_000, maxRetries: 0, contextTokens: 6_000, wordDelayMs: 0 },
      { logError: () => undefined },
    );
    const run = async (text: string) => {
      const userMessage: SalesUIMessage = { id: `r-${text.length}`, role: 'user', parts: [{ type: 'text', text }] };
      const session = testSession({ userMessages: [{ id: userMessage.id, text }] });
      const chunks: UIChunk[] = [];
      for await (const chunk of agent.streamReply({ conversationId: 'responses-s25', history: [], userMessage, ...session.input })) chunks.push(chunk as UIChunk);
      return chunks;
    };
    llm.standIn.setBehaviour({ replyText: 'Business is $39 per seat per month.' });
    const made = await run('How much is Business?');
    expect(textOf(made)).toBe(`Business is ${unverifiedPriceMarker('en')} per seat per month.`);
    expect(notices(made).map((notice) => notice.code)).toEqual(['unverified_price']);

    llm.standIn.reset();
    llm.standIn.setBehaviour({ reply: () => ({ toolCalls: [{ name: 'search_knowledge', arguments: { query: 'single sign-on' } }] }) });
    const looped = await run('Do you have SSO?');
    const bodies = llm.standIn.requests.filter((request) => request.path === '/v1/responses').map((request) => (request.body as { tool_choice?: unknown }).tool_choice);
    expect(bodies).toEqual(['auto', 'auto', 'none']);
    expect(textOf(looped).trim()).not.toBe('');
  });
});
