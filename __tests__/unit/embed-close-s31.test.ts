// Session 31: closing the chat from the host page (the launcher, Esc on the page, SalesAgent.close()) only hid the
// frame, and a hidden frame goes on running: a spoken reply went on talking and the microphone went on listening. The
// loader now tells the frame `{ type: 'hidden' }` on every close of the bubble; the frame's channel accepts it only
// from its host, and the chat silences itself on it, posting nothing back. (The chat's side: __tests__/components/embed-close-s31.test.tsx.)
import { EmbedBridge } from '@/components/embed/embed-bridge';
import { readHostCommand, type EmbedMessage } from '@/components/embed/host-channel';
import { APP, fromEmbed, launcher, load, postedToFrame, resetLoaderPage, shadow, standInFrameWindows } from '../support/embed-loader';

beforeAll(standInFrameWindows);
afterEach(resetLoaderPage);

const hiddenPosts = () => postedToFrame().mock.calls.filter(([message]) => (message as { type?: string }).type === 'hidden');
const escape = () => shadow()?.querySelector('.w')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

describe('the loader tells its frame when it hides it', () => {
  it('on the launcher, on Esc, on SalesAgent.close() and on the chat’s own close: one `hidden` each, to the app only', () => {
    const agent = load();
    agent.open();
    fromEmbed({ type: 'ready' });
    expect(hiddenPosts()).toEqual([]);

    launcher().click();
    expect(shadow()?.querySelector('.w')?.hasAttribute('hidden')).toBe(true);
    expect(hiddenPosts()).toEqual([[{ type: 'hidden', sa: 'v1' }, APP]]);

    agent.open();
    escape();
    expect(hiddenPosts()).toHaveLength(2);

    agent.open();
    agent.close();
    expect(hiddenPosts()).toHaveLength(3);
    // Closing what is already closed tells the frame nothing more.
    agent.close();
    escape();
    expect(hiddenPosts()).toHaveLength(3);

    agent.toggle();
    agent.toggle();
    expect(hiddenPosts()).toHaveLength(4);

    agent.open();
    fromEmbed({ type: 'close' });
    expect(hiddenPosts()).toHaveLength(5);
    // Opening again asks for the focus as before; nothing else is posted on a close (no send, no identify).
    const types = postedToFrame().mock.calls.map(([message]) => (message as { type: string }).type);
    expect(new Set(types)).toEqual(new Set(['focus', 'hidden']));
  });

  it('a close before the chat is ready reaches it once it is, after the focus, in order', () => {
    const agent = load();
    agent.open();
    agent.close();
    expect(postedToFrame()).not.toHaveBeenCalled();
    fromEmbed({ type: 'ready' });
    expect(postedToFrame().mock.calls).toEqual([
      [{ type: 'focus', sa: 'v1' }, APP],
      [{ type: 'hidden', sa: 'v1' }, APP],
    ]);
  });

  it('the popup is closed rather than told: closing the window ends its speech and microphone', () => {
    const popup = { closed: false, close: jest.fn(), postMessage: jest.fn() };
    jest.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const agent = load({ 'data-mode': 'popup' });
    agent.open();
    fromEmbed({ type: 'ready' }, { source: popup as unknown as Window });
    agent.close();
    expect(popup.close).toHaveBeenCalledTimes(1);
    expect(popup.postMessage.mock.calls.map(([message]) => (message as { type: string }).type)).toEqual(['focus']);
  });
});

describe('the frame’s host channel and bridge', () => {
  const host = 'https://partner.example';
  const parent = {};

  it('accept `hidden` only from the host window and origin, with the protocol mark', () => {
    const read = (data: unknown, origin = host, source: unknown = parent) => readHostCommand({ data, origin, source: source as Window }, { origin: host, source: parent });
    expect(read({ sa: 'v1', type: 'hidden' })).toEqual({ type: 'hidden' });
    // Extra fields are dropped, not passed on.
    expect(read({ sa: 'v1', type: 'hidden', text: 'Book a demo' })).toEqual({ type: 'hidden' });
    expect(read({ sa: 'v1', type: 'hidden' }, 'https://evil.example')).toBeNull();
    expect(read({ sa: 'v1', type: 'hidden' }, host, {})).toBeNull();
    expect(read({ type: 'hidden' })).toBeNull();
    expect(read({ sa: 'v2', type: 'hidden' })).toBeNull();
    expect(read({ sa: 'v1', type: 'Hidden' })).toBeNull();
    expect(read('hidden')).toBeNull();
    expect(read(null)).toBeNull();
  });

  it('on `hidden` the chat is silenced, nothing is sent and nothing is posted back (no `close` echo)', () => {
    const posted: EmbedMessage[] = [];
    const sent: string[] = [];
    let silenced = 0;
    const bridge = new EmbedBridge({ identifyUrl: '/api/v1/identify', focusComposer: () => undefined, focusEdge: () => undefined, maxChars: 4000 });
    bridge.attach({ post: (message) => posted.push(message), close: () => undefined });
    bridge.connect((text) => sent.push(text));
    posted.length = 0;
    const stop = bridge.onClose(() => (silenced += 1));
    bridge.handle({ type: 'hidden' });
    expect(silenced).toBe(1);
    expect(sent).toEqual([]);
    expect(posted).toEqual([]);
    // After the chat's cleanup a late `hidden` reaches no one and still posts nothing.
    stop();
    bridge.handle({ type: 'hidden' });
    expect(silenced).toBe(1);
    expect(posted).toEqual([]);
  });
});
