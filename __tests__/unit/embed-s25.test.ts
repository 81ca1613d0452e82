// Session 25, the embed as a marketer and as an attacker see it: public/embed.js (built from embed/loader.js) run as a
// host page runs it, in jsdom, plus the /embed side of two fixes (its console warning for a dropped option, and the
// answer to a malformed identify). Each test names what a user or an attacker saw before.
import { droppedEmbedOptions, droppedOptionsScript, parseEmbedOptions, withoutHostWording } from '@/app/embed/options';
import { EmbedBridge } from '@/components/embed/embed-bridge';
import type { EmbedMessage } from '@/components/embed/host-channel';
import { readHostCommand } from '@/components/embed/host-channel';
import { hostWordingAllowed } from '@/lib/embed/origins';
import { ar } from '@/lib/i18n/catalogues/ar';
import { en } from '@/lib/i18n/catalogues/en';
import { fr } from '@/lib/i18n/catalogues/fr';
import { APP, EMBED_SOURCE, frame, frameQuery, launcher, load, resetLoaderPage, shadow, standInFrameWindows, win, type SalesAgentApi } from '../support/embed-loader';

beforeAll(standInFrameWindows);

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(resetLoaderPage);
const warnings = () => warn.mock.calls.map(([message]) => String(message));

describe('a marketer’s wrong option values', () => {
  it('are each dropped with a console warning naming the data- attribute, and the defaults apply', () => {
    load({
      'data-color': 'red',
      'data-position': 'top-left',
      'data-mode': 'sideways',
      'data-voice': 'maybe',
      'data-open': 'soon',
      'data-agent-name': 'A'.repeat(61),
      'data-greeting': '<img src=x onerror=alert(1)>'.repeat(400),
    });
    expect(warnings()).toEqual(
      expect.arrayContaining([
        'SalesAgent: data-color="red" ignored',
        'SalesAgent: data-position="top-left" ignored',
        'SalesAgent: data-mode="sideways" ignored',
        'SalesAgent: data-voice="maybe" ignored',
        'SalesAgent: data-open="soon" ignored',
        `SalesAgent: data-agent-name="${'A'.repeat(40)}" ignored`,
        `SalesAgent: data-greeting="${'<img src=x onerror=alert(1)>'.repeat(2).slice(0, 40)}" ignored`,
      ]),
    );
    // Closed (a wrong data-open is not "open"), bottom-right, the default colour and name; voice stays on.
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    expect(shadow()?.querySelector('.left')).toBeNull();
    launcher().click();
    const query = frameQuery();
    expect([query.get('color'), query.get('mode'), query.get('name'), query.get('greeting'), query.get('voice')]).toEqual([null, 'bubble', null, null, '1']);
    expect(frame()?.title).toBe(en['embed.frameTitle']);
    // A huge value never makes a frame URL the app's server would refuse.
    expect(frame()!.getAttribute('src')!.length).toBeLessThan(1_000);
  });

  it('names the window.SalesAgent property’s attribute too, and keeps the good values beside a bad one', () => {
    load({ 'data-color': '#0a7' }, { position: 'middle', agentName: 'Ava' });
    expect(warnings()).toEqual(['SalesAgent: data-position="middle" ignored']);
    launcher().click();
    expect([frameQuery().get('color'), frameQuery().get('name')]).toEqual(['#0a7', 'Ava']);
  });

  it('an unknown data-locale is named and the launcher and chat both follow the browser language (not its first two letters)', () => {
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('fr-FR');
    // Before: "arabic" gave Arabic labels ("ar…") to an English chat, "german" English labels ("ge").
    load({ 'data-locale': 'arabic' });
    expect(warnings()).toEqual(['SalesAgent: data-locale="arabic" ignored']);
    expect(launcher().getAttribute('aria-label')).toBe(fr['embed.launcher.open']);
    launcher().click();
    expect(frameQuery().has('locale')).toBe(false);
  });

  it('a proactive delay too long for a timer (or negative) is named and the 10 s default applies, instead of firing at once', () => {
    jest.useFakeTimers();
    load({ 'data-proactive-message': 'Questions?', 'data-proactive-delay': '3000000' });
    expect(warnings()).toEqual(['SalesAgent: data-proactive-delay="3000000" ignored']);
    jest.advanceTimersByTime(9_000);
    expect(shadow()?.querySelector('.n')).toBeNull();
    jest.advanceTimersByTime(1_100);
    expect(shadow()?.querySelector('.n')?.textContent).toContain('Questions?');

    document.body.innerHTML = '';
    delete win.SalesAgent;
    warn.mockClear();
    load({ 'data-proactive-message': 'Questions?', 'data-proactive-delay': '-5' });
    expect(warnings()).toEqual(['SalesAgent: data-proactive-delay="-5" ignored']);
  });

  it('a proactive message over 200 characters is named, not cut mid-sentence', () => {
    jest.useFakeTimers();
    load({ 'data-proactive-message': 'x'.repeat(201), 'data-proactive-delay': '0' });
    jest.advanceTimersByTime(10);
    expect(shadow()?.querySelector('.n')).toBeNull();
    expect(warnings()).toEqual([`SalesAgent: data-proactive-message="${'x'.repeat(40)}" ignored`]);
  });

  it('the greeting’s HTML reaches /embed as text only (React renders it; nothing is parsed on the host page)', () => {
    load({ 'data-greeting': '<b onmouseover=alert(1)>Hi</b>' });
    launcher().click();
    expect(frameQuery().get('greeting')).toBe('<b onmouseover=alert(1)>Hi</b>');
    expect(document.querySelector('b')).toBeNull();
    expect(shadow()?.querySelector('b')).toBeNull();
  });
});

describe('right to left in Arabic', () => {
  it('lays the launcher’s own elements out right to left for data-locale="ar", whatever the host page’s direction', () => {
    jest.useFakeTimers();
    load({ 'data-locale': 'ar', 'data-proactive-message': 'هل لديك أسئلة؟', 'data-proactive-delay': '0' });
    jest.advanceTimersByTime(10);
    const box = shadow()?.querySelector('div:not(.w):not(.n):not(.s)') as HTMLElement;
    expect(box.contains(launcher())).toBe(true);
    expect(box.dir).toBe('rtl');
    expect(launcher().getAttribute('aria-label')).toBe(ar['embed.launcher.open']);
    expect(shadow()?.querySelector('.n button.x')?.getAttribute('aria-label')).toBe(ar['embed.proactive.dismiss']);

    document.body.innerHTML = '';
    delete win.SalesAgent;
    load({ 'data-locale': 'en' });
    expect((shadow()?.querySelector('div') as HTMLElement).dir).toBe('');
  });
});

describe('the JavaScript API before the loader has run', () => {
  it('runs calls queued in window.SalesAgent.q, in order; SalesAgent.q.push runs them at once afterwards', () => {
    const seen: string[] = [];
    const agent = load({}, { q: [['on', 'open', () => seen.push('open')], ['open'], ['explode']] });
    expect(seen).toEqual(['open']);
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(warnings()).toEqual(['SalesAgent: no such call: explode']);
    // The same line, `(SalesAgent.q = SalesAgent.q || []).push([...])`, after the loader.
    const api = win.SalesAgent as SalesAgentApi;
    expect(api).toBe(agent);
    (api.q = api.q || []).push(['close'], ['on', 'close', () => seen.push('close')]);
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    api.q.push(['open'], ['close']);
    expect(seen).toEqual(['open', 'open', 'close']);
  });

  it('open() called right after the tag in <head>, before <body> exists, opens once the page has a body', () => {
    const body = document.body;
    document.documentElement.removeChild(body);
    try {
      const agent = load();
      agent.open();
      expect(warnings()).toEqual([]); // before: "data-target matches no element", and the chat never came
      expect(document.querySelector('[data-sales-agent]')).toBeNull();
    } finally {
      document.documentElement.appendChild(body);
    }
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(document.querySelectorAll('[data-sales-agent]')).toHaveLength(1);
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(frame()).not.toBeNull();
  });

  it('a listener that is not a function is not registered (it used to throw on every event)', () => {
    const report = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const agent = load();
    // (What a host page's mistake passes: no function.)
    agent.on('open', 'not a function' as unknown as (detail: unknown) => void);
    agent.open();
    expect(report).not.toHaveBeenCalled();
  });
});

describe('an attacker on the host page', () => {
  it('cannot pick the chat’s origin with markup named "SalesAgent" (DOM clobbering of window.SalesAgent)', () => {
    // Markup a visitor may post (a comment) where a sanitizer keeps id and name: window.SalesAgent is then the
    // collection, and its `app` the link; the chat used to load from the attacker's site, trusted by the loader.
    document.body.innerHTML = '<a id="SalesAgent"></a><a id="SalesAgent" name="app" href="https://evil.example/x"></a><a id="SalesAgent" name="open" href="https://evil.example/true"></a>';
    load();
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    launcher().click();
    expect(new URL(frame()!.src).origin).toBe(APP);
  });

  it('cannot stand in for document.currentScript with an element of its own (its data-app ignored)', () => {
    const decoy = document.createElement('img');
    decoy.setAttribute('data-app', 'https://evil.example');
    decoy.setAttribute('src', 'https://evil.example/pixel.png');
    Object.defineProperty(document, 'currentScript', { value: decoy, configurable: true });
    try {
      const script = document.createElement('script');
      script.textContent = EMBED_SOURCE;
      document.head.appendChild(script);
      // No trustworthy tag, no app origin: nothing is added, nothing is framed from the attacker's origin.
      expect(win.SalesAgent).toBeUndefined();
      expect(document.querySelector('[data-sales-agent]')).toBeNull();
      // With the app named by the page's own configuration it works as usual.
      win.SalesAgent = { app: APP };
      const again = document.createElement('script');
      again.textContent = EMBED_SOURCE;
      document.head.appendChild(again);
      launcher().click();
      expect(new URL(frame()!.src).origin).toBe(APP);
    } finally {
      delete (document as unknown as { currentScript?: unknown }).currentScript;
    }
  });
});

describe('/embed, for the options the loader passes on unchecked', () => {
  it('names each dropped attribute in a console warning of the frame (which the host page’s console shows)', () => {
    const params = { host: 'https://www.example.com', theme: 'neon', radius: '99', questions: 'x'.repeat(900), color: '#0a7', name: 'Ann', privacy: '//evil.example', notice: 'off', mode: 'bubble', utm_source: 'x'.repeat(500) };
    expect(parseEmbedOptions(params)).toMatchObject({ color: '#0a7', name: 'Ann', notice: 'off' });
    expect(droppedEmbedOptions(params)).toEqual(['data-theme', 'data-radius', 'data-questions', 'data-privacy']);
    expect(droppedOptionsScript(droppedEmbedOptions(params))).toBe(
      'console.warn("SalesAgent: data-theme, data-radius, data-questions, data-privacy not valid; the default applies (docs/embed.md \\"Options\\")");',
    );
    expect(droppedEmbedOptions({ host: 'https://www.example.com', mode: 'inline', locale: 'es-MX', name: 'Ann' })).toEqual([]);
    expect(droppedOptionsScript([])).toBeNull();
    expect(droppedEmbedOptions({ mode: 'sideways', name: 'A'.repeat(61), greeting: '   ' })).toEqual(['data-mode', 'data-agent-name']);
  });
});

describe('identify() with a malformed call', () => {
  it('gets its own refusal from the frame, so the next call’s verdict is not handed to it', () => {
    const host = 'https://www.example.com';
    const parent = { name: 'parent' };
    const read = (data: unknown) => readHostCommand({ data, origin: host, source: parent as unknown as Window }, { origin: host, source: parent });
    const posted: EmbedMessage[] = [];
    const bridge = new EmbedBridge({ identifyUrl: '/api/v1/identify', focusComposer: () => undefined, focusEdge: () => undefined });
    bridge.attach({ post: (message) => posted.push(message), close: () => undefined });
    const fetchSpy = jest.spyOn(globalThis, 'fetch' as never);
    for (const data of [
      { sa: 'v1', type: 'identify', email: 'ann@acme.test' },
      { sa: 'v1', type: 'identify', email: '', hash: 'ab' },
      { sa: 'v1', type: 'identify', email: 'ann@acme.test', hash: 'a'.repeat(129) },
    ]) {
      const command = read(data);
      expect(command).toEqual({ type: 'identify', malformed: true });
      bridge.handle(command!);
    }
    expect(posted).toEqual(Array(3).fill({ type: 'identified', ok: false, code: 'bad_request:identify' }));
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('a hostile site opening /embed as a page or popup of its own', () => {
  const ALLOWED = ['https://partner.example'];
  const spoof = {
    host: 'https://partner.example',
    mode: 'popup',
    name: 'Security team',
    greeting: 'Your account is locked. Verify it below.',
    notice: 'Verify your account here',
    privacy: 'https://evil.example/login',
    avatar: 'https://evil.example/bank.png',
    placeholder: 'Your password',
    questions: 'Unlock my account',
    color: '#0a7',
    theme: 'dark',
  };

  it('cannot put its words and links on the app’s origin: only the allowed host that opened it (its Referer) can', () => {
    const opened = (referer: string | null, site = 'cross-site', dest = 'document') => hostWordingAllowed({ host: spoof.host, dest, site, referer }, ALLOWED);
    // Before, every one of these showed "Security team", the greeting and the link on the app's own origin.
    expect(opened('https://evil.example/page')).toBe(false);
    expect(opened(null)).toBe(false); // rel=noreferrer, or typed in
    expect(opened(null, 'none')).toBe(false);
    expect(hostWordingAllowed({ host: 'https://evil.example', dest: 'document', site: 'cross-site', referer: 'https://evil.example/' }, ALLOWED)).toBe(false);
    // The loader's popup on the allowed site, the app's own pages, and frames (the CSP limits those to the allow-list).
    expect(opened('https://partner.example/pricing?x=1')).toBe(true);
    expect(opened(null, 'same-origin')).toBe(true);
    expect(opened(null, 'cross-site', 'iframe')).toBe(true);
    expect(hostWordingAllowed({ host: spoof.host, dest: null, site: null, referer: null }, ALLOWED)).toBe(true); // no Sec-Fetch-* at all

    const options = withoutHostWording(parseEmbedOptions(spoof));
    expect(options).toEqual({ host: 'https://partner.example', mode: 'popup', color: '#0a7', theme: 'dark' });
  });
});
