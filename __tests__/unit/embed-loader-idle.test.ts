// public/embed.js costs the host page nothing on load (issue 11: the host page's Lighthouse score with the bubble
// closed equals the score without it, measured by `npm run bench:page`): it adds its launcher only once the browser is
// idle, loads nothing (no frame, no request) until the visitor opens the chat, and an API call or `data-open` made
// before idle still works. Browsers without requestIdleCallback (and jsdom, where embed-loader.test.ts runs) get the
// launcher at once.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE = readFileSync(path.join(process.cwd(), 'public', 'embed.js'), 'utf8');

// jsdom has no requestIdleCallback: each test gives the window one that queues its callbacks (or none).
const win = window as unknown as { SalesAgent?: { open(): void; send(text: string): void }; requestIdleCallback?: (callback: () => void, options: unknown) => void };

let idle: Array<{ callback: () => void; options: unknown }> = [];

function load(attributes: Record<string, string> = {}) {
  const script = document.createElement('script');
  script.setAttribute('data-app', 'https://app.example');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.textContent = SOURCE;
  document.head.appendChild(script);
  return win.SalesAgent!;
}
const host = () => document.querySelector('[data-sales-agent]');
const launcher = () => host()?.shadowRoot?.querySelector('button.b') ?? null;
const frame = () => host()?.shadowRoot?.querySelector('iframe') ?? null;
const runIdle = () => idle.splice(0).forEach(({ callback }) => callback());

beforeEach(() => {
  idle = [];
  win.requestIdleCallback = (callback: () => void, options: unknown) => idle.push({ callback, options });
});

afterEach(() => {
  delete win.SalesAgent;
  delete win.requestIdleCallback;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('the embed loader on the host page’s load', () => {
  it('adds nothing to the page until the browser is idle (at the latest after 3 s), then only the launcher', () => {
    const appended = jest.spyOn(document.body, 'appendChild');
    load();
    expect(host()).toBeNull();
    expect(appended).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    expect(idle[0]!.options).toEqual({ timeout: 3000 });

    runIdle();
    expect(launcher()?.getAttribute('aria-expanded')).toBe('false');
    expect(frame()).toBeNull(); // nothing loaded until opened
    expect(document.querySelectorAll('[data-sales-agent]')).toHaveLength(1);
    appended.mockRestore();
  });

  it('mounts once: a late idle callback after an early open() adds no second launcher', () => {
    const agent = load();
    agent.open();
    expect(launcher()?.getAttribute('aria-expanded')).toBe('true');
    expect(frame()).not.toBeNull();
    runIdle();
    expect(document.querySelectorAll('[data-sales-agent]')).toHaveLength(1);
    expect(launcher()?.getAttribute('aria-expanded')).toBe('true');
  });

  it('send() before idle opens the chat with the message queued for the frame', () => {
    load().send('Do you have a free trial?');
    expect(frame()?.getAttribute('src')).toMatch(/^https:\/\/app\.example\/embed\?/);
    expect(launcher()?.getAttribute('aria-expanded')).toBe('true');
  });

  it('opens at once, without waiting for idle, when told to open on load', () => {
    load({ 'data-open': 'true' });
    expect(idle).toHaveLength(0);
    expect(launcher()?.getAttribute('aria-expanded')).toBe('true');
    expect(frame()).not.toBeNull();
  });

  it('mounts at once where requestIdleCallback does not exist', () => {
    delete win.requestIdleCallback;
    load();
    expect(launcher()).not.toBeNull();
    expect(frame()).toBeNull();
  });
});
