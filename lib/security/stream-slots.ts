import 'server-only';
import { AppError, type Surface } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';

/**
 * Open long-lived streams per visitor and per address on this instance (GET /api/v1/chat/{id}/stream): each resume
 * stream polls the store while it is open, so a visitor opening many would multiply the store's load without bound,
 * and so would an address opening them with many visitors (a session costs nothing). A visitor's own tabs need a few
 * at most (one per reply being followed). Per instance: across N instances a visitor can hold N × the cap, each still
 * under the read limit (RATE_LIMIT_READ) for opening them.
 */
export interface StreamSlots {
  /** Takes a slot for `key`, or throws a typed 429 with Retry-After when it holds `max` already. Release once when done. */
  take(key: string, max: number, surface: Surface, message?: (max: number) => string): () => void;
  /** A slot for the visitor and one for their address, or the 429 of the first that is full. Release once when done. */
  takeFor(who: { visitorId: string; ip: string }, max: { perVisitor: number; perAddress: number }, surface: Surface): () => void;
  held(key: string): number;
}

const perVisitorMessage = (max: number) => `Too many replies are being followed at once (${max}). Close another tab and try again.`;
const perAddressMessage = () => 'Too many replies are being followed from your network at once; try again in a moment.';

export function createStreamSlots(): StreamSlots {
  const open = new Map<string, number>();
  const take: StreamSlots['take'] = (key, max, surface, message = perVisitorMessage) => {
    const count = open.get(key) ?? 0;
    if (count >= max) {
      throw new AppError(`rate_limited:${surface}`, message(max), {
        headers: { 'retry-after': '5' },
        details: { retryAfterSeconds: 5, limit: `${max} open streams` },
      });
    }
    open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    };
  };
  return {
    take,
    takeFor({ visitorId, ip }, { perVisitor, perAddress }, surface) {
      const visitor = take(visitorId, perVisitor, surface);
      try {
        // Visitor ids are base64url: no ":", so an address key is never one.
        const address = take(`ip:${ip}`, perAddress, surface, perAddressMessage);
        return () => {
          visitor();
          address();
        };
      } catch (error) {
        visitor();
        throw error;
      }
    },
    held: (key) => open.get(key) ?? 0,
  };
}

export function getStreamSlots(): StreamSlots {
  return processSingleton('resume-stream-slots', createStreamSlots);
}

/** `stream`, releasing `release` once it ends, fails or is cancelled (the client went away). */
export function releasingWhenDone<T>(stream: ReadableStream<T>, release: () => void): ReadableStream<T> {
  const reader = stream.getReader();
  return new ReadableStream<T>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          release();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}
