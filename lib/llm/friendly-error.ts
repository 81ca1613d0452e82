import 'server-only';
import { APICallError } from 'ai';
import type { SalesLocale } from '@/lib/sales/turn-state';

/**
 * What a prospect reads when the model fails. Upstream messages can carry account details, request ids or stack
 * fragments, so none of their text is ever passed through: only the kind of failure picks the sentence.
 */
export type LlmFailureKind = 'busy' | 'unavailable' | 'timeout' | 'interrupted' | 'unknown';

export function classifyLlmError(error: unknown): LlmFailureKind {
  const apiError = findApiCallError(error);
  if (apiError) {
    const status = apiError.statusCode;
    if (/insufficient_quota/.test(apiError.responseBody ?? '')) return 'unavailable';
    if (status === 401 || status === 403 || status === 404) return 'unavailable';
    if (status === 429) return 'busy';
    if (status === 408) return 'timeout';
    // Other 4xx mean we sent something the API rejected; anything else (5xx, no status, a 200 whose body broke off) is the connection.
    if (status !== undefined && status >= 400 && status < 500) return 'unknown';
    return 'interrupted';
  }
  // By name, not instanceof: DOMException and errors from other realms (fetch, workers) fail instanceof Error checks.
  // A stall mid-stream (lib/llm/stall-timeout.ts) reaches here wrapped: the AI SDK's StreamProviderError keeps it as `data`.
  if (errorChain(error).some((link) => nameOf(link) === 'TimeoutError')) return 'timeout';
  if (error instanceof TypeError || /terminated|socket|ECONNRESET|ECONNREFUSED|fetch failed|network/i.test(String(error))) {
    return 'interrupted';
  }
  return 'unknown';
}

/** In the reply's language (the turn's locale): a Spanish prospect whose reply broke off is told so in Spanish. */
export function friendlyErrorText(error: unknown, contactEmail: string, locale: SalesLocale = 'en'): string {
  return FAILURE_TEXTS[locale][classifyLlmError(error)](contactEmail);
}

type FailureTexts = Record<LlmFailureKind, (contactEmail: string) => string>;

const FAILURE_TEXTS: Record<SalesLocale, FailureTexts> = {
  en: {
    busy: () => 'Our assistant is very busy right now. Please try again in a minute.',
    unavailable: (email) => `Our assistant is unavailable at the moment. Please try again later, or email us at ${email}.`,
    timeout: () => 'Our assistant took too long to answer. Please try again.',
    interrupted: () => 'Our assistant lost its connection while answering. Please try again.',
    unknown: (email) => `Sorry, something went wrong while answering. Please try again, or email us at ${email}.`,
  },
  es: {
    busy: () => 'Nuestro asistente está muy ocupado ahora mismo. Vuelva a intentarlo en un minuto.',
    unavailable: (email) => `Nuestro asistente no está disponible en este momento. Vuelva a intentarlo más tarde o escríbanos a ${email}.`,
    timeout: () => 'Nuestro asistente ha tardado demasiado en responder. Vuelva a intentarlo.',
    interrupted: () => 'Nuestro asistente perdió la conexión mientras respondía. Vuelva a intentarlo.',
    unknown: (email) => `Lo sentimos, algo ha fallado al responder. Vuelva a intentarlo o escríbanos a ${email}.`,
  },
  fr: {
    busy: () => 'Notre assistant est très sollicité en ce moment. Réessayez dans une minute.',
    unavailable: (email) => `Notre assistant est indisponible pour le moment. Réessayez plus tard ou écrivez-nous à ${email}.`,
    timeout: () => 'Notre assistant a mis trop de temps à répondre. Réessayez.',
    interrupted: () => 'Notre assistant a perdu la connexion pendant sa réponse. Réessayez.',
    unknown: (email) => `Désolé, un problème est survenu pendant la réponse. Réessayez ou écrivez-nous à ${email}.`,
  },
  de: {
    busy: () => 'Unser Assistent ist gerade sehr ausgelastet. Bitte versuchen Sie es in einer Minute erneut.',
    unavailable: (email) => `Unser Assistent ist im Moment nicht erreichbar. Bitte versuchen Sie es später erneut oder schreiben Sie uns an ${email}.`,
    timeout: () => 'Unser Assistent hat zu lange für die Antwort gebraucht. Bitte versuchen Sie es erneut.',
    interrupted: () => 'Unser Assistent hat beim Antworten die Verbindung verloren. Bitte versuchen Sie es erneut.',
    unknown: (email) => `Entschuldigung, beim Antworten ist etwas schiefgelaufen. Bitte versuchen Sie es erneut oder schreiben Sie uns an ${email}.`,
  },
  ar: {
    busy: () => 'مساعدنا مشغول جدًا الآن. يُرجى المحاولة مرة أخرى بعد دقيقة.',
    unavailable: (email) => `مساعدنا غير متاح في الوقت الحالي. يُرجى المحاولة لاحقًا، أو راسلنا على ${email}.`,
    timeout: () => 'استغرق مساعدنا وقتًا طويلًا للرد. يُرجى المحاولة مرة أخرى.',
    interrupted: () => 'فقد مساعدنا الاتصال أثناء الرد. يُرجى المحاولة مرة أخرى.',
    unknown: (email) => `عذرًا، حدث خطأ أثناء الرد. يُرجى المحاولة مرة أخرى، أو راسلنا على ${email}.`,
  },
};

/** The AI SDK wraps exhausted retries (RetryError) and stream failures; the HTTP error is somewhere in the chain. */
function findApiCallError(error: unknown): APICallError | undefined {
  return errorChain(error).find((link): link is APICallError => APICallError.isInstance(link));
}

/** The error and what it wraps: a retry's last error, a cause, a stream error's original (`data`), 5 deep at most. */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    chain.push(current);
    const link = current as { lastError?: unknown; cause?: unknown; data?: unknown };
    current = link.lastError ?? link.cause ?? (typeof link.data === 'object' && link.data !== null && 'name' in link.data ? link.data : undefined);
  }
  return chain;
}

function nameOf(value: unknown): string {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' ? (value as { name: string }).name : '';
}
