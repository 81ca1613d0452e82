'use client';

import dynamic from 'next/dynamic';
import type { ChatPanelProps } from './chat-panel-view';

export type { ChatCustomization, ChatPanelProps } from './chat-panel-view';

/**
 * The chat panel, hydrated on its own: the server renders it whole (nothing shifts, the message box takes typing at
 * once), and its code is a chunk of its own that the page preloads (a <link rel=preload> from the server render) and
 * React hydrates as soon as it arrives, after the rest of the page; a click on the panel before then is replayed once
 * it has hydrated. That keeps the panel's ~6 KB off the page's first-load JavaScript (within 10 KB of a blank
 * Next.js page, scripts/bundle-size.mjs); its engine (conversation.tsx) is a later chunk still.
 */
export const ChatPanel = dynamic<ChatPanelProps>(() => import('./chat-panel-view').then((module) => module.ChatPanel));
