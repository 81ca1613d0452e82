import 'server-only';
import { AppError } from '@/lib/errors';

/**
 * Who may call an admin route: a signed-in admin or viewer (next-auth session), or a server holding an API key with
 * the right scope. STUB until the sign-in work lands: refuses everyone with the typed 401.
 */
export type AdminRole = 'admin' | 'viewer';
export const API_KEY_SCOPES = ['export', 'leads:read', 'webhooks'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export type AdminActor =
  | { kind: 'user'; email: string; role: AdminRole }
  | { kind: 'key'; keyId: string; scopes: ApiKeyScope[] };

export interface AdminRequirement {
  /** A key must hold this scope; without it only a signed-in user passes. */
  scope?: ApiKeyScope;
  /** The route changes something: viewers get a 403. */
  write?: boolean;
}

/** Resolves the caller or throws AppError `unauthorized:admin` (401) / `forbidden:admin` (403). */
export async function requireAdmin(request: Request, requirement: AdminRequirement = {}): Promise<AdminActor> {
  void request;
  void requirement;
  throw new AppError('unauthorized:admin', 'Sign in as an admin, or send an API key with the right scope.');
}
