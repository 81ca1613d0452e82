/** Server-sent events parsing and writing with Web APIs only (used on both sides of the relay). */

export interface SseFrame {
  event: string;
  data: string;
}

/** Yields each complete frame of an SSE body; tolerates \r\n line endings and frames split across chunks. */
export async function* readSseFrames(body: ReadableStream<Uint8Array>): AsyncGenerator<SseFrame> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      buffer = buffer.replace(/\r\n?/g, '\n');
      let boundary = buffer.indexOf('\n\n');
      while (boundary !== -1) {
        const frame = parseFrame(buffer.slice(0, boundary));
        buffer = buffer.slice(boundary + 2);
        if (frame) yield frame;
        boundary = buffer.indexOf('\n\n');
      }
      if (done) {
        const last = parseFrame(buffer);
        if (last) yield last;
        return;
      }
    }
  } finally {
    // Stopping early (abort, error, consumer gone) must close the upstream connection, not leave it streaming.
    await reader.cancel().catch(() => undefined);
  }
}

function parseFrame(text: string): SseFrame | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

const encoder = new TextEncoder();

export function encodeSseFrame(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
