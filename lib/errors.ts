/**
 * One error type for the whole app. A code is `type:surface`; the type decides the HTTP status, the surface says
 * where it happened. Clients only ever see `{ error: { code, message } }`; causes and stacks stay in the server log.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  /** The client took too long to send its request (answered by the HTTP server hook, before routing). */
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** The request line or headers are over Node's limit (answered by the HTTP server hook, before routing). */
  headers_too_large: 431,
  internal: 500,
  upstream_unavailable: 503,
  /** This instance is at its cap of concurrent upstream calls (a documented 503 with Retry-After). */
  overloaded: 503,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;
export type Surface =
  | 'api'
  | 'chat'
  | 'history'
  | 'session'
  | 'origin'
  | 'budget'
  | 'store'
  | 'llm'
  | 'voice'
  | 'transcribe'
  | 'config'
  | 'admin'
  | 'identify';
export type ErrorCode = `${ErrorType}:${Surface}`;

/** Messages a client may see when the thrower gave none (or gave one for the log only). */
const DEFAULT_MESSAGES: Record<ErrorType, string> = {
  bad_request: 'The request could not be understood. Check its body and try again.',
  unauthorized: 'You need to sign in first.',
  forbidden: 'You do not have access to this.',
  not_found: 'Nothing was found here.',
  method_not_allowed: 'This method is not allowed here.',
  request_timeout: 'The request took too long to arrive.',
  conflict: 'This conflicts with a request in progress. Try again in a moment.',
  payload_too_large: 'The request is too large.',
  unsupported_media_type: 'Send the body as application/json.',
  rate_limited: 'Too many requests. Wait a moment and try again.',
  headers_too_large: 'The request URL or headers are too large.',
  internal: 'Something went wrong on our side. Please try again.',
  upstream_unavailable: 'A service we depend on is not answering. Please try again shortly.',
  overloaded: 'We are busier than usual right now. Please try again in a few seconds.',
};

/**
 * Marks AppErrors across copies of this module: the bundler may give a route and a shared chunk each their own copy
 * of this class, and then `instanceof` is false for an AppError thrown by the other copy (it turned a typed 503 into
 * an internal 500). The registered symbol is the same in every copy.
 */
const APP_ERROR = Symbol.for('ai-sales-agent.AppError');

export class AppError extends Error {
  readonly [APP_ERROR] = true;
  readonly code: ErrorCode;
  readonly type: ErrorType;
  readonly status: number;
  /** Extra fields for the client (validation issues, retry hints). Never secrets. */
  readonly details?: Record<string, unknown>;
  /** Response headers that belong to the error: `Retry-After`, the rate-limit headers, `Allow`. */
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: { cause?: unknown; details?: Record<string, unknown>; headers?: Record<string, string> },
  ) {
    const type = code.split(':')[0] as ErrorType;
    super(message ?? DEFAULT_MESSAGES[type], options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.type = type;
    this.status = ERROR_STATUS[type];
    this.details = options?.details;
    this.headers = options?.headers;
  }

  /** Internal and upstream failures get the generic message: their details are for the log. */
  get publicMessage(): string {
    return this.type === 'internal' ? DEFAULT_MESSAGES.internal : this.message;
  }

  toJSON(message = this.publicMessage) {
    return { error: { code: this.code, message, ...(this.details ? { details: this.details } : {}) } };
  }

  /** The typed JSON response; `message` replaces the public one (the same words in the request's language). */
  toResponse(headers?: Record<string, string>, message?: string): Response {
    return Response.json(this.toJSON(message), {
      status: this.status,
      headers: { 'cache-control': 'no-store', ...this.headers, ...headers },
    });
  }
}

export function isAppError(value: unknown): value is AppError {
  return typeof value === 'object' && value !== null && (value as { [APP_ERROR]?: unknown })[APP_ERROR] === true;
}

/** Any thrown value → AppError. Unknown errors become `internal:<surface>` and are logged with their cause. */
export function toAppError(error: unknown, surface: Surface = 'api'): AppError {
  if (isAppError(error)) return error;
  console.error(`[${surface}] unexpected error`, error);
  return new AppError(`internal:${surface}`, undefined, { cause: error });
}
