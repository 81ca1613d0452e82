import { useLocale, useT } from '@/lib/i18n/provider';
import type { Translate } from '@/lib/i18n';
import { formatWait } from '@/lib/intl-formats';

interface ServerError {
  code?: string;
  message: string;
  retryAfterSeconds?: number;
  reason?: string;
}

/** The server's `{ error: { code, message, details } }`, if `text` is such a body. */
function serverError(text: string | undefined): ServerError | null {
  if (!text) return null;
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body) {
      const inner = (body as { error: unknown }).error;
      if (typeof inner === 'string') return { message: inner };
      if (inner && typeof inner === 'object' && 'message' in inner && typeof inner.message === 'string') {
        const { code, details } = inner as { code?: unknown; details?: { retryAfterSeconds?: unknown; reason?: unknown } };
        return {
          code: typeof code === 'string' ? code : undefined,
          message: inner.message,
          retryAfterSeconds: typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined,
          reason: typeof details?.reason === 'string' ? details.reason : undefined,
        };
      }
    }
  } catch {
    // Not JSON: decided by the caller.
  }
  return null;
}

/** Limits and capacity, said in the prospect's language with when they can continue. */
function describeLimit(error: ServerError, t: Translate, locale: string): string | null {
  if (!error.code) return null;
  const wait = error.retryAfterSeconds ? formatWait(error.retryAfterSeconds, locale) : null;
  if (error.reason === 'turns_per_conversation') return t('error.conversationFull');
  if (error.code.startsWith('rate_limited:') && wait) {
    if (error.reason === 'address_token_budget' || error.reason === 'address_conversations_per_day') return t('error.networkDailyLimit', { wait });
    return error.code === 'rate_limited:budget' || error.reason === 'conversations_per_day'
      ? t('error.dailyLimit', { wait })
      : t('error.rateLimited', { wait });
  }
  if (error.code.startsWith('overloaded:')) return t('error.busy');
  return null;
}

/**
 * What to tell the user about a failed turn. Our API's error bodies carry a message written for users, so show it;
 * anything else (an HTML 502 page from a proxy, a parser error) gets a generic sentence instead of leaking internals.
 */
export function describeChatError(error: Error, t: Translate, locale = 'en'): string {
  // fetch rejects with a TypeError when the network is down or the request was blocked.
  if (error.name === 'TypeError') return t('error.network');
  // The transport's APICallError keeps the HTTP body both as `responseBody` and as the message.
  const body = 'responseBody' in error && typeof error.responseBody === 'string' ? error.responseBody : error.message;
  const fromServer = serverError(body);
  if (fromServer) return describeLimit(fromServer, t, locale) ?? fromServer.message;
  // An `error` frame mid-stream arrives as a plain Error whose message is the server's errorText.
  const isApiError = 'statusCode' in error;
  const plain = error.message.trim();
  if (!isApiError && plain && plain.length <= 300 && !plain.startsWith('<')) return plain;
  return t('error.generic');
}

export interface ChatErrorProps {
  error: Error;
  onRetry: () => void;
}

/** The banner shown when a turn failed, with a Retry that regenerates the last reply. */
export function ChatError({ error, onRetry }: ChatErrorProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div
      data-testid="chat-error"
      role="alert"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-red-700">
        <path
          fillRule="evenodd"
          d="M8.5 2.6a1.75 1.75 0 0 1 3 0l6.3 11.1a1.75 1.75 0 0 1-1.5 2.6H3.7a1.75 1.75 0 0 1-1.5-2.6L8.5 2.6ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
          clipRule="evenodd"
        />
      </svg>
      <p className="min-w-0 flex-1">
        <span className="font-semibold">{t('error.title')}</span> {describeChatError(error, t, locale)}
      </p>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-md border border-red-300 bg-white px-3 py-1 font-medium text-red-800 hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
      >
        {t('error.retry')}
      </button>
    </div>
  );
}
