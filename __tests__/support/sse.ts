/** Reads an AI SDK UI message stream (SSE) response into its chunks. */
export interface UIChunk {
  type: string;
  delta?: string;
  errorText?: string;
  [key: string]: unknown;
}

export async function readUIChunks(response: Response, { onChunk }: { onChunk?: (chunk: UIChunk, at: number) => void } = {}): Promise<UIChunk[]> {
  if (!response.body) throw new Error('response has no body');
  const chunks: UIChunk[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const frame = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      for (const line of frame.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const data = line.slice(6);
        if (data === '[DONE]') continue;
        const chunk = JSON.parse(data) as UIChunk;
        chunks.push(chunk);
        onChunk?.(chunk, Date.now());
      }
      boundary = buffer.indexOf('\n\n');
    }
  }
  return chunks;
}

export function textOf(chunks: UIChunk[]): string {
  return chunks
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => chunk.delta ?? '')
    .join('');
}

export interface UIEvent {
  id: number | undefined;
  chunk: UIChunk;
}

/**
 * Reads SSE events with their ids (eventsource-parser), optionally stopping after `limit` events: the connection is
 * then cancelled, as a dropped network would leave it.
 */
export async function readUIEvents(response: Response, { limit, onEvent }: { limit?: number; onEvent?: (event: UIEvent) => void } = {}): Promise<UIEvent[]> {
  const { createParser } = await import('eventsource-parser');
  if (!response.body) throw new Error('response has no body');
  const events: UIEvent[] = [];
  let enough = false;
  const parser = createParser({
    onEvent(message) {
      if (enough || message.data === '[DONE]') return;
      const event = { id: message.id === undefined ? undefined : Number(message.id), chunk: JSON.parse(message.data) as UIChunk };
      events.push(event);
      onEvent?.(event);
      if (limit !== undefined && events.length >= limit) enough = true;
    },
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  while (!enough) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  if (enough) await reader.cancel();
  return events;
}
