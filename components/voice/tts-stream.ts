/**
 * Reads the SSE body of POST /api/v1/tts: `format` → `audio` × n → `done`, or `error`. A small parser of our own:
 * the stream is ours, has four event names and no ids/retries, and the chat engine's parser is not a public dependency.
 */

export interface TtsFormat {
  encoding: string;
  sampleRate: number;
  channels: number;
  provider?: string;
}

export type TtsEvent =
  | { type: 'format'; format: TtsFormat }
  | { type: 'audio'; seq: number; audio: string }
  | { type: 'done'; chunks: number; bytes: number }
  | { type: 'error'; code: string; message: string };

function toEvent(name: string, data: string): TtsEvent | null {
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return { type: 'error', code: 'bad_response:voice', message: 'Undecodable speech event' };
  }
  switch (name) {
    case 'format':
      return {
        type: 'format',
        format: {
          encoding: String(payload.encoding ?? ''),
          sampleRate: Number(payload.sampleRate),
          channels: Number(payload.channels ?? 1),
          provider: typeof payload.provider === 'string' ? payload.provider : undefined,
        },
      };
    case 'audio':
      return { type: 'audio', seq: Number(payload.seq ?? 0), audio: String(payload.audio ?? '') };
    case 'done':
      return { type: 'done', chunks: Number(payload.chunks ?? 0), bytes: Number(payload.bytes ?? 0) };
    case 'error':
      return { type: 'error', code: String(payload.code ?? 'upstream_error:voice'), message: String(payload.message ?? '') };
    default:
      return null; // Unknown events are ignored, so the server may add some (e.g. keep-alives) without breaking clients.
  }
}

/** Calls `onEvent` for each event of the stream, in order, as soon as its frame is complete. */
export async function readTtsEvents(body: ReadableStream<Uint8Array>, onEvent: (event: TtsEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let pendingCr = '';
  const dispatch = (frame: string) => {
    let name = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length === 0) return;
    const event = toEvent(name, data.join('\n'));
    if (event) onEvent(event);
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pendingCr += decoder.decode(value, { stream: true });
      // A CRLF pair can be cut between two reads: hold a trailing CR back, or it would count as a line end of its own.
      const complete = pendingCr.endsWith('\r') ? pendingCr.slice(0, -1) : pendingCr;
      pendingCr = pendingCr.slice(complete.length);
      buffer += complete.replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
    buffer += pendingCr.replace(/\r/g, '\n');
    if (buffer.trim()) dispatch(buffer);
  } finally {
    reader.releaseLock();
  }
}
