// public/embed.js (built from embed/loader.js), run as a host page runs it (an inline <script> with data attributes, in
// jsdom): its options, the launcher's accessibility, the postMessage origin checks, the queue, events and dataLayer,
// the proactive message, its strings against the i18n catalogues, its mount (QA 23: host CSS, the phone's focus trap,
// tag mistakes), its size budget and its build. The real cross-origin flow is in e2e/embed.spec.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { en } from '@/lib/i18n/catalogues/en';
import { es } from '@/lib/i18n/catalogues/es';
import { fr } from '@/lib/i18n/catalogues/fr';
import { de } from '@/lib/i18n/catalogues/de';
import { ar } from '@/lib/i18n/catalogues/ar';
import { EMBED_BUDGET_BYTES, measureEmbedLoader } from '@/scripts/embed-size.mjs';
import { APP, EMBED_SOURCE, frame, frameQuery, fromEmbed, launcher, load, postedToFrame, resetLoaderPage, shadow, standInFrameWindows, win } from '../support/embed-loader';

beforeAll(standInFrameWindows);

afterEach(resetLoaderPage);

describe('the embed loader', () => {
  it('is under its 4 KB gzipped budget', () => {
    const size = measureEmbedLoader();
    expect(size.budget).toBe(4096);
    expect(size.gzipped).toBeLessThan(EMBED_BUDGET_BYTES);
    expect(size.ok).toBe(true);
  });

  it('is the current build of its source, embed/loader.js (node scripts/build-embed.mjs)', () => {
    // In a child process: esbuild's API does not run under jsdom.
    const check = spawnSync(process.execPath, [path.join(process.cwd(), 'scripts', 'build-embed.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('adds a launcher button with an accessible name and aria-expanded, and no frame until the chat is opened', () => {
    const agent = load();
    expect(agent.version).toBe(1);
    expect(launcher().getAttribute('aria-label')).toBe(en['embed.launcher.open']);
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    expect(frame()).toBeNull();

    launcher().click();
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(launcher().getAttribute('aria-label')).toBe(en['embed.launcher.close']);
    expect(frame()?.title).toBe(en['embed.frameTitle']);
    expect(new URL(frame()!.src).origin + new URL(frame()!.src).pathname).toBe(`${APP}/embed`);
    expect(frameQuery().get('host')).toBe(window.location.origin);
  });

  it('passes the theme and customization options through to /embed (which validates them)', () => {
    load({ 'data-theme': 'dark', 'data-radius': '4', 'data-questions': 'Price?|Trial?', 'data-placeholder': 'Ask me', 'data-notice': 'off' }, { privacy: '/privacy' });
    launcher().click();
    const query = frameQuery();
    expect(['theme', 'radius', 'questions', 'placeholder', 'notice', 'privacy'].map((key) => query.get(key))).toEqual(['dark', '4', 'Price?|Trial?', 'Ask me', 'off', '/privacy']);
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    delete win.SalesAgent;
  });

  it("passes the host page's campaign (utm_*) to /embed, and nothing when it has none", () => {
    window.history.replaceState(null, '', '/landing?utm_source=newsletter&utm_medium=email&utm_campaign=fall&ref=x');
    load();
    launcher().click();
    const query = frameQuery();
    expect([query.get('utm_source'), query.get('utm_medium'), query.get('utm_campaign'), query.get('ref')]).toEqual(['newsletter', 'email', 'fall', null]);
    expect(query.get('host')).toBe(window.location.origin);
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    delete win.SalesAgent;
    window.history.replaceState(null, '', '/');
    load();
    launcher().click();
    expect(frameQuery().has('utm_source')).toBe(false);
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    delete win.SalesAgent;
  });

  it('passes its options to /embed; window.SalesAgent wins over data attributes; malformed values are dropped', () => {
    load(
      { 'data-color': '#0a7', 'data-greeting': 'Hola', 'data-agent-name': 'Ana', 'data-locale': 'es', 'data-voice': 'off', 'data-position': 'bottom-left' },
      { greeting: 'Hi from config', avatar: 'https://cdn.example/ana.png' },
    );
    launcher().click();
    const query = frameQuery();
    expect(Object.fromEntries(query)).toEqual({
      host: window.location.origin,
      mode: 'bubble',
      locale: 'es',
      color: '#0a7',
      greeting: 'Hi from config',
      name: 'Ana',
      avatar: 'https://cdn.example/ana.png',
      voice: '0',
    });
    expect(frame()?.title).toBe('Ana');
    expect(frame()?.getAttribute('allow')).toBeNull();
    expect(shadow()?.querySelector('.left')).not.toBeNull();
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    delete win.SalesAgent;

    load({ 'data-color': 'red;background:url(x)', 'data-mode': 'sideways' });
    launcher().click();
    expect(frameQuery().get('color')).toBeNull();
    expect(frameQuery().get('mode')).toBe('bubble');
    expect(frameQuery().get('voice')).toBe('1');
    expect(frame()?.getAttribute('allow')).toBe('microphone; autoplay');
  });

  it('uses the Spanish strings of the catalogue for a Spanish locale', () => {
    load({ 'data-locale': 'es-MX', 'data-proactive-message': '¿Hablamos?', 'data-proactive-delay': '0' });
    jest.useFakeTimers();
    expect(launcher().getAttribute('aria-label')).toBe(es['embed.launcher.open']);
    launcher().click();
    expect(launcher().getAttribute('aria-label')).toBe(es['embed.launcher.close']);
    expect(frame()?.title).toBe(es['embed.frameTitle']);
  });

  // Every language the chat speaks: a French, German or Arabic host page got English names on the launcher before.
  it.each([
    ['fr', fr],
    ['de-AT', de],
    ['ar', ar],
  ] as const)('names its controls in the catalogue language of data-locale="%s", and passes the locale to the chat', (locale, catalogue) => {
    jest.useFakeTimers();
    load({ 'data-locale': locale, 'data-proactive-message': 'Hi', 'data-proactive-delay': '0' });
    expect(launcher().getAttribute('aria-label')).toBe(catalogue['embed.launcher.open']);
    jest.advanceTimersByTime(10);
    expect(shadow()?.querySelector('.n button.x')?.getAttribute('aria-label')).toBe(catalogue['embed.proactive.dismiss']);
    launcher().click();
    expect(launcher().getAttribute('aria-label')).toBe(catalogue['embed.launcher.close']);
    expect(frame()?.title).toBe(catalogue['embed.frameTitle']);
    expect(frameQuery().get('locale')).toBe(locale);
  });

  it("follows the visitor's browser language when the tag names none", () => {
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    load();
    expect(launcher().getAttribute('aria-label')).toBe(de['embed.launcher.open']);
  });

  it('shows the proactive message after its delay, opens the chat from it, and a dismissal lasts the session', () => {
    jest.useFakeTimers();
    load({ 'data-proactive-message': 'Questions about pricing?', 'data-proactive-delay': '5' });
    jest.advanceTimersByTime(4_900);
    expect(shadow()?.querySelector('.n')).toBeNull();
    jest.advanceTimersByTime(200);
    const nudge = shadow()?.querySelector('.n') as HTMLElement;
    expect(nudge.getAttribute('aria-live')).toBe('polite');
    expect(nudge.textContent).toContain('Questions about pricing?');
    const dismiss = nudge.querySelector('button.x') as HTMLButtonElement;
    expect(dismiss.getAttribute('aria-label')).toBe(en['embed.proactive.dismiss']);
    dismiss.click();
    expect(nudge.hidden).toBe(true);
    expect(shadow()?.activeElement).toBe(launcher());
    expect(frame()).toBeNull();

    // Another page of the same visit: no second nudge.
    document.body.innerHTML = '';
    delete win.SalesAgent;
    load({ 'data-proactive-message': 'Questions about pricing?', 'data-proactive-delay': '1' });
    jest.advanceTimersByTime(2_000);
    expect(shadow()?.querySelector('.n')).toBeNull();

    sessionStorage.clear();
    document.body.innerHTML = '';
    delete win.SalesAgent;
    load({ 'data-proactive-message': 'Questions about pricing?', 'data-proactive-delay': '1' });
    jest.advanceTimersByTime(1_000);
    (shadow()?.querySelector('.n button') as HTMLButtonElement).click();
    expect(frame()).not.toBeNull();
    expect((shadow()?.querySelector('.n') as HTMLElement).hidden).toBe(true);
  });

  it('closes on Esc with the focus back on the launcher, and tells listeners and the dataLayer (names only)', () => {
    win.dataLayer = [];
    const agent = load();
    const seen: string[] = [];
    const onOpen = () => seen.push('open');
    agent.on('open', onOpen);
    agent.on('close', () => seen.push('close'));
    agent.open();
    expect(shadow()?.querySelector('.w')?.hasAttribute('hidden')).toBe(false);
    shadow()?.querySelector('.w')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(shadow()?.querySelector('.w')?.hasAttribute('hidden')).toBe(true);
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    expect(shadow()?.activeElement).toBe(launcher());
    agent.off('open', onOpen);
    agent.toggle();
    agent.toggle();
    expect(seen).toEqual(['open', 'close', 'close']);
    expect(win.dataLayer).toEqual([{ event: 'sales_agent_open' }, { event: 'sales_agent_close' }, { event: 'sales_agent_open' }, { event: 'sales_agent_close' }]);
  });

  it("a host listener that throws is reported and does not stop the other listeners", () => {
    const agent = load();
    const seen: string[] = [];
    const report = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = new Error('host bug');
    agent.on('open', () => {
      throw broken;
    });
    agent.on('open', () => seen.push('second'));
    agent.open();
    expect(seen).toEqual(['second']);
    expect(report).toHaveBeenCalledWith(broken);
    report.mockRestore();
  });

  it('accepts messages only from its own frame on the app origin, queues commands until ready, and relays known events', () => {
    const agent = load();
    const events: Array<[string, unknown]> = [];
    for (const name of ['ready', 'message', 'lead', 'meeting', 'handoff', 'secret']) agent.on(name, (detail) => events.push([name, detail]));
    agent.send('What does Pro cost?');
    const posted = postedToFrame();

    fromEmbed({ type: 'ready' }, { origin: 'https://evil.example' });
    fromEmbed({ type: 'ready' }, { source: window });
    fromEmbed({ type: 'ready' }, { source: null });
    fromEmbed({ type: 'ready', sa: 'v0' });
    expect(events).toEqual([]);
    expect(posted).not.toHaveBeenCalled();

    fromEmbed({ type: 'ready' });
    expect(events).toEqual([['ready', {}]]);
    expect(posted.mock.calls).toEqual([
      [{ type: 'focus', sa: 'v1' }, APP],
      [{ type: 'send', text: 'What does Pro cost?', sa: 'v1' }, APP],
    ]);

    agent.send('   ');
    agent.send('And Team?');
    expect(posted.mock.calls.at(-1)).toEqual([{ type: 'send', text: 'And Team?', sa: 'v1' }, APP]);
    expect(posted).toHaveBeenCalledTimes(3);

    fromEmbed({ type: 'event', name: 'lead', detail: { email: 'ann@acme.test', score: 40 } });
    fromEmbed({ type: 'event', name: 'secret', detail: {} });
    fromEmbed({ type: 'event', name: 'lead', detail: { email: 'forged@evil.test' } }, { origin: 'https://evil.example' });
    expect(events.slice(1)).toEqual([['lead', { email: 'ann@acme.test', score: 40 }]]);

    fromEmbed({ type: 'close' }, { origin: 'https://evil.example' });
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    fromEmbed({ type: 'close' });
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
  });

  it('identify() waits for the chat, then resolves with the server’s verdict', async () => {
    const agent = load();
    const answer = agent.identify({ email: 'ann@acme.test', name: 'Ann', hash: 'ab'.repeat(32) });
    agent.open();
    const posted = postedToFrame();
    fromEmbed({ type: 'ready' });
    expect(posted.mock.calls.map(([message]) => (message as { type: string }).type)).toEqual(['identify', 'focus']);
    expect(posted.mock.calls[0]).toEqual([{ type: 'identify', email: 'ann@acme.test', name: 'Ann', hash: 'ab'.repeat(32), sa: 'v1' }, APP]);
    fromEmbed({ type: 'identified', ok: false, code: 'forbidden:identify' });
    await expect(answer).resolves.toEqual({ ok: false, code: 'forbidden:identify' });
  });

  it('renders inline into data-target once it nears the viewport, without a launcher', () => {
    const observed: Element[] = [];
    class ImmediateObserver {
      constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean }>, observer: ImmediateObserver) => void) {}
      observe(element: Element) {
        observed.push(element);
        this.callback([{ isIntersecting: true }], this);
      }
      disconnect() {}
    }
    Object.defineProperty(window, 'IntersectionObserver', { value: ImmediateObserver, configurable: true });
    document.body.innerHTML = '<div id="chat-here"></div>';
    load({ 'data-mode': 'inline', 'data-target': '#chat-here' });
    const inline = document.querySelector('#chat-here iframe') as HTMLIFrameElement;
    expect(inline).not.toBeNull();
    expect(new URL(inline.src).searchParams.get('mode')).toBe('inline');
    expect(document.querySelector('#chat-here [data-sales-agent]')?.shadowRoot).toBeNull();
    expect(observed).toHaveLength(1);
  });

  it('warns and adds nothing when data-target matches no element', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    load({ 'data-mode': 'inline', 'data-target': '#nowhere' });
    expect(document.querySelector('[data-sales-agent]')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('data-target'));
  });

  it('opens a popup in popup mode, talks only to it, and falls back to the bubble when popups are blocked', () => {
    const popup = { closed: false, close: jest.fn(), postMessage: jest.fn() };
    const openWindow = jest.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const agent = load({ 'data-mode': 'popup' });
    agent.open();
    expect(openWindow).toHaveBeenCalledWith(expect.stringContaining(`${APP}/embed?`), 'sales-agent-chat', expect.stringContaining('popup'));
    expect(new URL(String(openWindow.mock.calls[0]?.[0])).searchParams.get('mode')).toBe('popup');
    expect(frame()).toBeNull();
    fromEmbed({ type: 'ready' }, { source: popup as unknown as Window });
    expect(popup.postMessage).toHaveBeenCalledWith({ type: 'focus', sa: 'v1' }, APP);
    agent.close();
    expect(popup.close).toHaveBeenCalled();

    document.body.innerHTML = '';
    delete win.SalesAgent;
    openWindow.mockReturnValue(null);
    load({ 'data-mode': 'popup' }).open();
    expect(frameQuery().get('mode')).toBe('bubble');
  });

  // QA 23, bug 3: host CSS such as `div{display:block;transform:translateZ(0)}` made the mount the containing block of
  // the fixed launcher and panel (the chat opened off-screen). The mount is a custom element reset inline with priority.
  it('mounts into a custom element whose reset is inline and !important, so no host rule reaches it', () => {
    load();
    const host = document.querySelector('[data-sales-agent]') as HTMLElement;
    expect(host.localName).toBe('sales-agent-embed');
    expect(host.getAttribute('data-sales-agent')).toBe('bubble');
    expect(host.style.getPropertyValue('display')).toBe('contents');
    expect(host.style.getPropertyPriority('display')).toBe('important');
    // `all: initial` resets transform, filter, contain, position, border, padding…: inline !important beats host rules,
    // !important ones included; then no box of its own, so never a containing block.
    expect([host.style.getPropertyValue('all'), host.style.getPropertyPriority('all')]).toEqual(['initial', 'important']);
    expect(host.style.cssText).toBe('all: initial !important; display: contents !important;');
    document.body.innerHTML = '';
    delete win.SalesAgent;

    Object.defineProperty(window, 'IntersectionObserver', { value: class { observe() {} disconnect() {} }, configurable: true });
    document.body.innerHTML = '<div id="chat-here"></div>';
    load({ 'data-mode': 'inline', 'data-target': '#chat-here' });
    const inline = document.querySelector('#chat-here > sales-agent-embed') as HTMLElement;
    expect([inline.style.getPropertyValue('display'), inline.style.getPropertyPriority('display')]).toEqual(['block', 'important']);
    expect([inline.style.getPropertyValue('height'), inline.style.getPropertyPriority('height')]).toEqual(['100%', 'important']);
  });

  // QA 23, bug 4: on a phone the open chat fills the screen; Tab used to leave it for the hidden host page.
  describe('on a phone (≤ 480 px), where the open chat fills the screen', () => {
    const media = (matches: boolean) => {
      const query = { matches, media: '(max-width:480px)', onchange: null as null | (() => void) };
      Object.defineProperty(window, 'matchMedia', { value: jest.fn(() => query), configurable: true, writable: true });
      return query;
    };
    afterEach(() => {
      delete (window as { matchMedia?: unknown }).matchMedia;
    });
    const panel = () => shadow()?.querySelector('.w') as HTMLElement;
    const guards = () => [...panel().querySelectorAll<HTMLElement>('.s')];
    const css = () => {
      const root = shadow()!;
      return root.adoptedStyleSheets?.length ? [...root.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText).join('') : (root.querySelector('style')?.textContent ?? '');
    };

    it('is a modal dialog whose focus guards around the frame wrap the focus to the chat’s other end', () => {
      const query = media(true);
      load();
      launcher().click();
      expect(window.matchMedia).toHaveBeenCalledWith('(max-width:480px)');
      expect(panel().getAttribute('role')).toBe('dialog');
      expect(panel().getAttribute('aria-label')).toBe(en['embed.frameTitle']);
      expect(panel().getAttribute('aria-modal')).toBe('true');
      // Guard, frame, guard: Tab past the chat's last control lands on the second, Shift+Tab before its first on the first.
      expect([...panel().children].map((child) => child.localName + (child.className ? `.${child.className}` : ''))).toEqual(['div.s', 'iframe', 'div.s']);
      expect(guards().map((guard) => guard.tabIndex)).toEqual([0, 0]);
      fromEmbed({ type: 'ready' });
      const posted = postedToFrame();
      posted.mockClear();

      guards()[1]!.focus();
      expect(shadow()?.activeElement).toBe(frame());
      expect(posted.mock.calls).toEqual([[{ type: 'focus', to: 'first', sa: 'v1' }, APP]]);
      guards()[0]!.focus();
      expect(shadow()?.activeElement).toBe(frame());
      expect(posted.mock.calls.at(-1)).toEqual([{ type: 'focus', to: 'last', sa: 'v1' }, APP]);

      // Turned to a wider screen: no longer modal.
      query.matches = false;
      query.onchange?.();
      expect(panel().getAttribute('aria-modal')).toBe('false');

      // Esc (and the chat's close) still close it with the focus on the launcher.
      query.matches = true;
      panel().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      expect(panel().hidden).toBe(true);
      expect(shadow()?.activeElement).toBe(launcher());
      launcher().click();
      fromEmbed({ type: 'close' });
      expect(shadow()?.activeElement).toBe(launcher());
    });

    it('the guards take part only at phone width (desktop keeps its Tab order), and only inside the shown panel', () => {
      media(false);
      load();
      launcher().click();
      expect(panel().getAttribute('aria-modal')).toBe('false');
      const rules = css().replace(/\s+/g, '');
      // Hidden outside the phone query, shown inside it; the panel itself is hidden while closed.
      expect(rules).toMatch(/\[hidden\],\.s\{display:none;?\}/);
      expect(rules).toMatch(/@media\(max-width:480px\)\{[^@]*\.s\{display:block;?\}/);
    });
  });

  // QA 23, bug 7: tag mistakes used to fail silently.
  it('warns when embed.js is on the page twice, and keeps the first tag’s chat', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = load({ 'data-agent-name': 'First' });
    const script = document.createElement('script');
    script.setAttribute('data-app', APP);
    script.setAttribute('data-agent-name', 'Second');
    script.textContent = EMBED_SOURCE;
    document.head.appendChild(script);
    expect(warn).toHaveBeenCalledWith('SalesAgent: embed.js is on this page twice; only the first tag counts');
    expect(win.SalesAgent).toBe(first);
    expect(document.querySelectorAll('[data-sales-agent]')).toHaveLength(1);
    first.open();
    expect(frame()?.title).toBe('First');
  });

  it('warns and shows the bubble when the inline mode has no data-target', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    load({ 'data-mode': 'inline' });
    expect(warn).toHaveBeenCalledWith('SalesAgent: data-mode="inline" needs data-target; showing the bubble');
    expect(document.querySelector('[data-sales-agent]')?.getAttribute('data-sales-agent')).toBe('bubble');
    launcher().click();
    expect(frameQuery().get('mode')).toBe('bubble');
  });

  it('opens on load with data-open', () => {
    load({ 'data-open': 'true' });
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(frame()).not.toBeNull();
  });
});
