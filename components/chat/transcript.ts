import type { SalesUIMessage } from '@/lib/chat/messages';

/** The text a message shows (its text parts joined). */
export function messageText(message: SalesUIMessage): string {
  return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('').trim();
}

/** When the message was written or received, if known (outbox entries and stored messages carry createdAt). */
export function messageTime(message: SalesUIMessage): number | undefined {
  const metadata = message.metadata as { createdAt?: unknown } | undefined;
  return typeof metadata?.createdAt === 'number' ? metadata.createdAt : undefined;
}

/** The conversation as Markdown: a heading, then each message under its speaker's name (and time, when known). */
export function transcriptMarkdown({
  messages,
  heading,
  userName,
  agentName,
  formatTime,
}: {
  messages: readonly SalesUIMessage[];
  heading: string;
  userName: string;
  agentName: string;
  formatTime: (time: number) => string;
}): string {
  const blocks = messages
    .filter((message) => (message.role === 'user' || message.role === 'assistant') && messageText(message))
    .map((message) => {
      const time = messageTime(message);
      const who = message.role === 'user' ? userName : agentName;
      return `**${who}**${time ? ` · ${formatTime(time)}` : ''}\n\n${messageText(message)}`;
    });
  return `# ${heading}\n\n${blocks.join('\n\n---\n\n')}\n`;
}

/** Saves `text` as a file on the visitor's device (no server round trip). */
export function downloadText(filename: string, text: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
