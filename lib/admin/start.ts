import 'server-only';
import { getAdminConfig } from '@/lib/config-admin';
import { getKv } from '@/lib/store/kv';
import { ensureGeneratedAdmin } from './accounts';
import { getAuthSecret } from './session';

/**
 * Start-up of the admin sign-in: validate its settings (a bad one throws ConfigError, which stops the server), then,
 * with no ADMIN_EMAIL, make sure the generated admin exists, in the background so start-up does not wait for the store.
 */
export function startAdminSignIn(): void {
  const config = getAdminConfig();
  // Tried until the store answers, with backoff (a slow store at start-up used to leave sign-in broken until a restart).
  void ensureGeneratedAdmin({ config, kv: getKv(), attempts: Number.POSITIVE_INFINITY }).catch((error: unknown) =>
    console.error('[admin] could not prepare the generated admin:', error instanceof Error ? error.message : error),
  );
  // The session key too, at start-up rather than on the first admin request (no write on a read-only visit).
  void getAuthSecret().catch(() => undefined); // retried on first use: getAuthSecret forgets a failed read
}
