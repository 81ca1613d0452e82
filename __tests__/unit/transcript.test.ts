import { transcriptMarkdown } from '@/components/chat/transcript';
import type { SalesUIMessage } from '@/lib/chat/messages';

test('the transcript is Markdown: a heading, then each message with its author and time, tool parts left out', () => {
  const messages: SalesUIMessage[] = [
    { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'How much is Pro?' }], metadata: { createdAt: 1_700_000_000_000 } },
    { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Pro is **$12** per seat.' }] },
    { id: 'a2', role: 'assistant', parts: [] },
  ];
  const markdown = transcriptMarkdown({ messages, heading: 'Conversation with Ava', userName: 'You', agentName: 'Ava', formatTime: () => '10:13' });
  expect(markdown).toBe('# Conversation with Ava\n\n**You** · 10:13\n\nHow much is Pro?\n\n---\n\n**Ava**\n\nPro is **$12** per seat.\n');
});
