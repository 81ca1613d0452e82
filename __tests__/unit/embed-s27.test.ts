// Session 27 (a marketer's page calling the loader's API): SalesAgent.send() with a text over the chat's limit is not
// sent (it could only fail on the server, as "The reply failed" with a Retry that fails again); the host gets an
// `error` event saying why, and a text at the limit still goes, trimmed as the composer sends it.
import { EmbedBridge } from '@/components/embed/embed-bridge';
import type { EmbedMessage } from '@/components/embed/host-channel';
import { fromEmbed, load, postedToFrame, resetLoaderPage, standInFrameWindows } from '../support/embed-loader';

beforeAll(standInFrameWindows);
afterEach(resetLoaderPage);

function bridgeWith(maxChars: number) {
  const posted: EmbedMessage[] = [];
  const sent: string[] = [];
  const bridge = new EmbedBridge({ identifyUrl: '/api/v1/identify', focusComposer: () => undefined, focusEdge: () => undefined, maxChars });
  bridge.attach({ post: (message) => posted.push(message), close: () => undefined });
  return { bridge, posted, sent };
}

describe('send() over the chat’s limit', () => {
  it('is refused in the frame with an error event for the host; at the limit it is sent (also when queued before ready)', () => {
    const { bridge, posted, sent } = bridgeWith(20);
    // Before the engine is ready: the long one is refused at once, the short one waits.
    bridge.handle({ type: 'send', text: 'x'.repeat(21) });
    bridge.handle({ type: 'send', text: `  ${'y'.repeat(20)}  ` });
    expect(posted).toEqual([{ type: 'event', name: 'error', detail: { code: 'message_too_long', max: 20, length: 21 } }]);
    bridge.connect((text) => sent.push(text));
    expect(sent).toEqual(['y'.repeat(20)]);
    bridge.handle({ type: 'send', text: 'Tell me about pricing. '.repeat(3) });
    expect(sent).toHaveLength(1);
    expect(posted.at(-1)).toEqual({ type: 'event', name: 'error', detail: { code: 'message_too_long', max: 20, length: 68 } });
  });

  it('reaches the host page’s SalesAgent.on("error") listener; unknown event names still do not', () => {
    const agent = load();
    const errors: unknown[] = [];
    agent.on('error', (detail) => errors.push(detail));
    agent.on('secret', (detail) => errors.push(detail));
    agent.open();
    fromEmbed({ type: 'ready' });
    agent.send('word '.repeat(2000));
    // The loader passes the text on (the frame knows the configured limit); the frame answers with the event.
    expect(postedToFrame().mock.calls.at(-1)?.[0]).toMatchObject({ type: 'send' });
    fromEmbed({ type: 'event', name: 'error', detail: { code: 'message_too_long', max: 4000, length: 9999 } });
    fromEmbed({ type: 'event', name: 'secret', detail: {} });
    expect(errors).toEqual([{ code: 'message_too_long', max: 4000, length: 9999 }]);
  });
});
