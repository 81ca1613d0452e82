import 'server-only';
import { wrapLanguageModel, type LanguageModel, type LanguageModelMiddleware } from 'ai';

/**
 * Sends a model's request at once but hands its stream on only when `hold` resolves: a chat turn started before the
 * store has answered (lib/chat/turn.ts) gets its upstream request under way while nothing the model says — text, and
 * above all tool calls, which book meetings and capture leads — reaches the turn until the store has confirmed what the
 * turn was started from. When `hold` rejects, the response is cancelled and the call fails with its reason.
 * No stage is added per chunk: the stream is returned as it is once the hold is lifted.
 */
export function holdMiddleware(hold: Promise<void>): LanguageModelMiddleware {
  return {
    specificationVersion: 'v4',
    wrapStream: async ({ doStream }) => {
      const result = await doStream();
      try {
        await hold;
      } catch (error) {
        await result.stream.cancel(error).catch(() => undefined);
        throw error;
      }
      return result;
    },
  };
}

/** `model` behind holdMiddleware(hold); a model given by id (a gateway string) is returned as it is. */
export function heldModel(model: LanguageModel, hold: Promise<void> | undefined): LanguageModel {
  if (!hold || typeof model === 'string') return model;
  return wrapLanguageModel({ model, middleware: holdMiddleware(hold) });
}
