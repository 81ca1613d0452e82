import type { SalesUIMessage } from '@/lib/chat/messages';
import { visitorHeaders } from '@/lib/client/visitor-session';
import type { ChatBridge } from '@/components/chat/conversation';
import type { EmbedMessage, HostChannel, HostCommand } from './host-channel';
import { replyEvents } from './reply-events';

/**
 * Joins the chat panel and the host page: the host's commands reach the conversation (a `send` waits until the engine
 * is ready), and each finished reply goes up as events. One per embed page.
 */
export class EmbedBridge implements ChatBridge {
  private channel: HostChannel | null = null;
  private send: ((text: string) => void) | null = null;
  private readonly queued: string[] = [];
  private closing: (() => void) | null = null;

  constructor(
    private readonly options: { identifyUrl: string; focusComposer: () => void; focusEdge: (to: 'first' | 'last') => void; maxChars?: number },
  ) {}

  /** The host channel is open (or closed again with null). */
  attach(channel: HostChannel | null): void {
    this.channel = channel;
    if (channel && this.send) channel.post({ type: 'ready' });
  }

  connect(send: (text: string) => void): () => void {
    this.send = send;
    for (const text of this.queued.splice(0)) send(text);
    this.post({ type: 'ready' });
    return () => {
      if (this.send === send) this.send = null;
    };
  }

  onClose(listener: () => void): () => void {
    this.closing = listener;
    return () => {
      if (this.closing === listener) this.closing = null;
    };
  }

  replyFinished(message: SalesUIMessage): void {
    for (const event of replyEvents(message)) this.post({ type: 'event', name: event.name, detail: event.detail });
  }

  readonly handle = (command: HostCommand): void => {
    if (command.type === 'send') {
      // Over the chat's limit it would only fail on the server (a 413 and a Retry that fails again): refused here, and
      // the host told why, as a visitor typing it would see the counter refuse it.
      // (Trimmed, as the composer sends what is typed.)
      const text = command.text.trim();
      const max = this.options.maxChars;
      if (max !== undefined && text.length > max) {
        this.post({ type: 'event', name: 'error', detail: { code: 'message_too_long', max, length: text.length } });
        return;
      }
      if (this.send) this.send(text);
      else this.queued.push(text);
    } else if (command.type === 'identify') {
      // The loader settles its identify() promises in order, one per verdict: a malformed one gets its own, unasked
      // (silence would hand the next call's verdict to this one).
      if ('malformed' in command) this.post({ type: 'identified', ok: false, code: 'bad_request:identify' });
      else void this.identify(command);
    } else if (command.type === 'hidden') {
      // The host hid the frame already: only silence the chat (its draft and conversation stay), no `close` back.
      this.closing?.();
    } else if (command.to) this.options.focusEdge(command.to);
    else this.options.focusComposer();
  };

  /**
   * Esc or the close button: the host hides the frame (or closes the popup) and returns focus to its launcher. The chat
   * stops speaking and listening first (a hidden frame would go on); the host's `hidden` that follows finds it silent.
   */
  readonly requestClose = (): void => {
    this.closing?.();
    this.post({ type: 'close' });
  };

  get connected(): boolean {
    return this.channel !== null;
  }

  private post(message: EmbedMessage): void {
    this.channel?.post(message);
  }

  private async identify({ email, name, hash }: Extract<HostCommand, { type: 'identify'; email: string }>): Promise<void> {
    try {
      const response = await fetch(this.options.identifyUrl, {
        method: 'POST',
        headers: { ...(await visitorHeaders()), 'content-type': 'application/json' },
        body: JSON.stringify({ email, hash, ...(name ? { name } : {}) }),
      });
      const code = response.ok ? undefined : ((await response.json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code;
      this.post({ type: 'identified', ok: response.ok, ...(code ? { code } : {}) });
    } catch {
      this.post({ type: 'identified', ok: false, code: 'network' });
    }
  }
}
