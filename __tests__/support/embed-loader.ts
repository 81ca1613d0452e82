/**
 * public/embed.js (built from embed/loader.js) run as a host page runs it, in jsdom: an inline <script> with data
 * attributes, and the shadow-root launcher and frame it mounts. Shared by the loader's tests; the real cross-origin
 * flow is in e2e/embed.spec.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const EMBED_SOURCE = readFileSync(path.join(process.cwd(), 'public', 'embed.js'), 'utf8');
export const APP = 'https://app.example';

export interface SalesAgentApi {
  version: number;
  open(): void;
  close(): void;
  toggle(): void;
  send(text: string): void;
  identify(who: unknown): Promise<{ ok: boolean; code?: string }>;
  on(event: string, fn: (detail: unknown) => void): void;
  off(event: string, fn: (detail: unknown) => void): void;
  q: { push(...calls: unknown[][]): void };
}

export type TestWindow = Window & { SalesAgent?: unknown; dataLayer?: unknown[] };
export const win = window as TestWindow;

/** Runs the loader as `<script data-app=… …attributes>`, after `window.SalesAgent = config` when given. */
export function load(attributes: Record<string, string> = {}, config?: Record<string, unknown>): SalesAgentApi {
  if (config) win.SalesAgent = config;
  const script = document.createElement('script');
  script.setAttribute('data-app', APP);
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.textContent = EMBED_SOURCE;
  document.head.appendChild(script);
  return win.SalesAgent as SalesAgentApi;
}

export const shadow = () => document.querySelector('[data-sales-agent]')?.shadowRoot ?? null;
export const launcher = () => shadow()?.querySelector('button.b') as HTMLButtonElement;
export const frame = () => (shadow() ?? document).querySelector('iframe');
export const frameQuery = () => new URL(frame()?.getAttribute('src') ?? '').searchParams;

/**
 * jsdom gives an iframe inside a shadow root no window: from now on each frame gets a stand-in that records what it is
 * sent (call it in beforeAll).
 */
export function standInFrameWindows(): void {
  const frameWindows = new WeakMap<HTMLIFrameElement, { postMessage: jest.Mock }>();
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      if (!frameWindows.has(this)) frameWindows.set(this, { postMessage: jest.fn() });
      return frameWindows.get(this);
    },
  });
}

/** A message as the embed would post it, from `source` (default: the loader's frame) and `origin` (default: the app). */
export function fromEmbed(data: Record<string, unknown>, { origin = APP, source }: { origin?: string; source?: Window | null } = {}) {
  window.dispatchEvent(new MessageEvent('message', { data: { sa: 'v1', ...data }, origin, source: source === undefined ? frame()?.contentWindow : source }));
}

/** What the loader posted to its frame (the frame's stand-in window, standInFrameWindows). */
export const postedToFrame = () => (frame()!.contentWindow as unknown as { postMessage: jest.Mock }).postMessage;

/** Undoes a loader run between tests: its global, the page it changed, its stored nudge state, timers and mocks. */
export function resetLoaderPage(): void {
  delete win.SalesAgent;
  delete win.dataLayer;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  sessionStorage.clear();
  jest.useRealTimers();
  jest.restoreAllMocks();
}
