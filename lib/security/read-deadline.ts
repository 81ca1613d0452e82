import { AppError, type ErrorCode } from '@/lib/errors';

/**
 * A deadline for a request body to arrive whole: a body trickled a byte at a time (slowloris) would otherwise hold
 * whatever its request holds — an upload slot, a chat turn's admission, a connection — until Node's requestTimeout
 * (300 s). Set when reading starts; `read` is the reader's next chunk, or the typed 408 once the deadline has passed.
 * On a failed read the reader is cancelled, and the 408 says `Connection: close`: the client is told, and the rest of
 * its body is not waited for (the socket closes once the answer is written; a cancel alone left it open).
 */
export interface ReadDeadline {
  read<T>(reader: ReadableStreamDefaultReader<T>): Promise<ReadableStreamReadResult<T>>;
  clear(): void;
}

export function readDeadline(timeoutMs: number | undefined, { code, message }: { code: ErrorCode; message: string }): ReadDeadline {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // No deadline without a time (handlers called without one): a promise that never settles.
  const expired = new Promise<never>((_, reject) => {
    if (timeoutMs) timer = setTimeout(() => reject(new AppError(code, message, { headers: { connection: 'close' } })), timeoutMs);
  });
  // Nobody may be listening when it fires after the read won: never an unhandled rejection.
  expired.catch(() => undefined);
  return {
    read: (reader) =>
      Promise.race([reader.read(), expired]).catch(async (error: unknown) => {
        await reader.cancel().catch(() => undefined);
        throw error;
      }),
    clear: () => clearTimeout(timer),
  };
}

/**
 * Reads a request body to its end under a deadline (`readDeadline`) and a byte cap: each chunk goes to `onChunk` with
 * the bytes received so far; past `maxBytes` the reader is cancelled and `tooLarge()` is thrown, and so is whatever
 * `onChunk` throws (a body that is not UTF-8, not audio) once the reader is cancelled. Returns the bytes received.
 * The JSON bodies' reader (lib/http.ts) and the recordings' (lib/voice/upload.ts) are this loop.
 */
export async function readCapped(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  { maxBytes, deadline, tooLarge, onChunk }: { maxBytes: number; deadline: ReadDeadline; tooLarge: () => Error; onChunk: (chunk: Uint8Array, received: number) => void },
): Promise<number> {
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await deadline.read(reader);
      if (done) return received;
      received += value.byteLength;
      try {
        if (received > maxBytes) throw tooLarge();
        onChunk(value, received);
      } catch (error) {
        await reader.cancel().catch(() => undefined);
        throw error;
      }
    }
  } finally {
    deadline.clear();
  }
}
