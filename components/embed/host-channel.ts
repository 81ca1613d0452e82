/**
 * The embed's side of the postMessage channel with the host page's loader (public/embed.js, which mirrors these
 * shapes; docs/embed.md describes both). Every message carries `sa: "v1"`. The embed accepts a message only from the
 * window that opened or framed it, from the host origin the loader announced, and only when that origin is the app's
 * own or in EMBED_ALLOWED_ORIGINS; it posts only to that origin, never to "*".
 */
export const PROTOCOL = 'v1';

/** What the host may ask. */
export type HostCommand =
  | { type: 'send'; text: string }
  | { type: 'identify'; email: string; name?: string; hash: string }
  /** An identify whose e-mail or hash is missing or too long: answered at once (each identify() gets one verdict). */
  | { type: 'identify'; malformed: true }
  /** Focus the message box; `to`: the chat's first or last control (the loader's focus trap on a phone wraps there). */
  | { type: 'focus'; to?: 'first' | 'last' }
  /** The host hid the chat (its launcher, Esc on its page, SalesAgent.close()): stop speaking and listening. */
  | { type: 'hidden' };

/** What the embed tells the host. */
export type EmbedMessage =
  | { type: 'ready' }
  | { type: 'event'; name: string; detail: unknown }
  | { type: 'close' }
  | { type: 'identified'; ok: boolean; code?: string };

/** The host origin to talk to, if it may be talked to: the app's own origin or one on the allow-list. */
export function allowedHost(host: string | undefined, allowed: readonly string[], self: string): string | null {
  if (!host) return null;
  return host === self || allowed.includes(host) ? host : null;
}

const MAX_TEXT = 10_000;
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= max;

/** The command in a message event, or null when it is not one from the expected window and origin, or malformed. */
export function readHostCommand(event: Pick<MessageEvent, 'origin' | 'source' | 'data'>, expected: { origin: string; source: unknown }): HostCommand | null {
  if (event.origin !== expected.origin || event.source !== expected.source || expected.source === null) return null;
  const data = event.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || data.sa !== PROTOCOL) return null;
  switch (data.type) {
    case 'send':
      return isText(data.text, MAX_TEXT) ? { type: 'send', text: data.text } : null;
    case 'identify':
      if (!isText(data.email, 254) || !isText(data.hash, 128)) return { type: 'identify', malformed: true };
      return { type: 'identify', email: data.email, hash: data.hash, ...(isText(data.name, 120) ? { name: data.name } : {}) };
    case 'focus':
      return data.to === 'first' || data.to === 'last' ? { type: 'focus', to: data.to } : { type: 'focus' };
    case 'hidden':
      return { type: 'hidden' };
    default:
      return null;
  }
}

export interface HostChannel {
  post(message: EmbedMessage): void;
  close(): void;
}

/** Listens for the host's commands and posts to it; `target` is the parent frame or the popup's opener. */
export function openHostChannel({ host, target, onCommand }: { host: string; target: Window; onCommand: (command: HostCommand) => void }): HostChannel {
  const listener = (event: MessageEvent) => {
    const command = readHostCommand(event, { origin: host, source: target });
    if (command) onCommand(command);
  };
  window.addEventListener('message', listener);
  return {
    post: (message) => target.postMessage({ sa: PROTOCOL, ...message }, host),
    close: () => window.removeEventListener('message', listener),
  };
}
