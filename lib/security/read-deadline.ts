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
