import type { DeliveryLogEntry } from '@/lib/webhooks/delivery';
import type { PublicWebhookEndpoint } from '@/lib/webhooks/endpoints';

/** The webhook admin API as the page calls it (app/api/v1/admin/webhooks/**). */
export const WEBHOOKS_API = '/api/v1/admin/webhooks';

export type { DeliveryLogEntry, PublicWebhookEndpoint };
export interface EndpointList {
  endpoints: PublicWebhookEndpoint[];
  eventTypes: string[];
}
export interface EndpointDetail {
  endpoint: PublicWebhookEndpoint;
  deliveries: DeliveryLogEntry[];
}
export interface TestResult {
  jobId: string;
  delivery: DeliveryLogEntry | null;
}

/**
 * A refused or failed call, carrying the API's own message when it sent one (English: for logs), and its code and
 * details, from which the page says what went wrong in its own language.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** `ifMatch`: the endpoint's version the page read (its `etag`); the API refuses a change to any other with a 409. */
export async function callApi<T>(url: string, init: { method?: string; body?: unknown; ifMatch?: string } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.ifMatch === undefined ? {} : { 'if-match': init.ifMatch }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status === 204) return undefined as T;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not our JSON (a proxy's error page): the status says enough.
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    const message = error?.message;
    throw new ApiError(response.status, typeof message === 'string' ? message : `HTTP ${response.status}`, typeof error?.code === 'string' ? error.code : undefined, error?.details);
  }
  return body as T;
}

export const fetchJson = <T>(url: string) => callApi<T>(url);

/** The current version a 409 carries when the endpoint changed after the page read it, else null. */
export function staleVersionOf(caught: unknown): string | null {
  if (!(caught instanceof ApiError) || caught.status !== 409) return null;
  const etag = (caught.details as { etag?: unknown } | null | undefined)?.etag;
  return typeof etag === 'string' ? etag : null;
}
