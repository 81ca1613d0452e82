'use client';

import { useEffect, useState } from 'react';
import { ChatPanel, type ChatCustomization } from '@/components/chat/chat-panel';
import { useLocale, useT } from '@/lib/i18n/provider';
import { localeDirection } from '@/lib/i18n/locales';
import { brandStyle } from './brand';
import { EmbedBridge } from './embed-bridge';
import { allowedHost, openHostChannel } from './host-channel';

export interface EmbedChatProps {
  mode: 'bubble' | 'inline' | 'popup';
  /** The host page's origin as the loader announced it (not yet checked). */
  host: string | undefined;
  /** EMBED_ALLOWED_ORIGINS, from the server render. */
  allowedOrigins: readonly string[];
  color: string | undefined;
  customization: ChatCustomization;
  suggestedQuestions: readonly string[];
  maxChars: number;
  maxRecordingSeconds: number;
}

/** Focuses the message box once it is enabled (it is disabled while the conversation engine loads). */
function focusComposer(deadline = Date.now() + 5_000): void {
  const input = document.querySelector<HTMLTextAreaElement>('[data-testid="chat-panel"] textarea');
  if (input && !input.disabled) input.focus();
  else if (Date.now() < deadline) window.setTimeout(() => focusComposer(deadline), 100);
}

/**
 * Focuses the chat's first or last shown control (document order is its Tab order: no positive tabindex here). The
 * loader's focus guards (embed/loader.js) ask for it when Tab leaves either end of the chat while it fills a phone's
 * screen, so the focus wraps inside the chat.
 */
function focusEdge(to: 'first' | 'last'): void {
  const shown = (control: HTMLElement) => control.getClientRects().length > 0 && getComputedStyle(control).visibility !== 'hidden';
  const controls = [...document.querySelectorAll<HTMLElement>('a[href],button,input,select,textarea,[tabindex]')].filter(
    (control) => control.tabIndex >= 0 && !control.matches(':disabled') && shown(control),
  );
  const target = to === 'first' ? controls[0] : controls.at(-1);
  if (target) target.focus();
  else focusComposer();
}

/**
 * The chat panel alone, full height, talking to the host page that framed or opened it (docs/embed.md). The host
 * origin is trusted only when it is the app's own or on the allow-list; messages go to that origin only.
 */
export function EmbedChat({ mode, host, allowedOrigins, color, customization, suggestedQuestions, maxChars, maxRecordingSeconds }: EmbedChatProps) {
  const t = useT();
  const locale = useLocale();
  const [bridge] = useState(() => new EmbedBridge({ identifyUrl: '/api/v1/identify', focusComposer: () => focusComposer(), focusEdge, maxChars }));

  // The root layout sets <html lang dir> from the request (the proxy reads the embed's locale option); kept in step here
  // for a page whose locale was settled on the client.
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = localeDirection(locale);
  }, [locale]);

  useEffect(() => {
    const origin = allowedHost(host, allowedOrigins, window.location.origin);
    const target: Window | null = mode === 'popup' ? window.opener : window.parent !== window ? window.parent : null;
    if (!origin || !target) return;
    const channel = openHostChannel({ host: origin, target, onCommand: bridge.handle });
    bridge.attach(channel);
    return () => {
      bridge.attach(null);
      channel.close();
    };
  }, [bridge, host, allowedOrigins, mode]);

  // Esc closes the bubble or the popup, unless something inside used it first (stopping a reply, closing a menu).
  useEffect(() => {
    if (mode === 'inline') return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing) close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  function close() {
    if (bridge.connected) bridge.requestClose();
    else if (mode === 'popup') window.close();
  }

  const closeButton =
    mode === 'inline' ? null : (
      <button
        type="button"
        data-testid="embed-close"
        onClick={close}
        aria-label={t('embed.close')}
        title={t('embed.close')}
        className="inline-flex min-h-9 min-w-9 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    );

  return (
    <main style={brandStyle(color)} className="brand-scope h-dvh">
      <h1 className="sr-only">{customization.agentName ?? t('embed.frameTitle')}</h1>
      <ChatPanel
        suggestedQuestions={suggestedQuestions}
        maxChars={maxChars}
        maxRecordingSeconds={maxRecordingSeconds}
        customization={customization}
        bridge={bridge}
        eager
        headerActions={closeButton}
        headingLevel={2}
        className="h-full"
      />
    </main>
  );
}
