import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { getServerConfig } from '@/lib/config';
import { getAdminConfig, type AdminConfig, type AdminRole } from '@/lib/config-admin';
import { clientAddress } from '@/lib/security/request';
import { getKv, type Kv } from '@/lib/store/kv';
import { authenticate, LoginRateLimitedError, oauthRole } from './accounts';
import { getAuthSecret, sessionFromClaims } from './session';
import { SIGN_IN_PATH } from './session-cookie';

/**
 * next-auth (Auth.js v5) for the admin side, mounted at /api/auth (app/api/auth/[...nextauth]/route.ts): e-mail and
 * password (fields `email` and `password`, so next-auth's own /api/auth/csrf and /api/auth/callback/credentials work
 * for scripts), GitHub and Google when their variables are set, JWT sessions carrying the role. The guard
 * (lib/admin/guard.ts) reads the same cookie without next-auth. Node-only (scrypt): never imported by middleware.
 */
/** A refused sign-in because of the brute-force limits: `code` reaches the sign-in page as `rate_limited_<minutes>`. */
class SignInRateLimited extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited_${Math.max(1, Math.ceil(retryAfterSeconds / 60))}`;
  }
}

const roleOf = (value: unknown): AdminRole | null => (value === 'admin' || value === 'viewer' ? value : null);

export function buildAuthConfig({ config, secret, kv, trustedProxies }: { config: AdminConfig; secret: string; kv: Kv; trustedProxies: number }): NextAuthConfig {
  const oauth = config.oauth.providers.map((provider) =>
    provider.id === 'github'
      ? GitHub({ clientId: provider.clientId, clientSecret: provider.clientSecret })
      : Google({ clientId: provider.clientId, clientSecret: provider.clientSecret }),
  );
  return {
    secret,
    basePath: '/api/auth',
    // The app is reached under its own host names; Auth.js checks redirect targets against the request's origin.
    trustHost: true,
    session: { strategy: 'jwt', maxAge: config.sessionMaxAgeSeconds },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      Credentials({
        id: 'credentials',
        credentials: { email: { type: 'email', label: 'E-mail' }, password: { type: 'password', label: 'Password' } },
        async authorize(credentials, request) {
          try {
            const account = await authenticate({
              email: credentials.email,
              password: credentials.password,
              ip: clientAddress(request, trustedProxies),
              config,
              kv,
            });
            return account ? { id: account.email, email: account.email, name: account.email, role: account.role } : null;
          } catch (error) {
            if (error instanceof LoginRateLimitedError) throw new SignInRateLimited(error.retryAfterSeconds);
            throw error;
          }
        },
      }),
      ...oauth,
    ],
    callbacks: {
      signIn({ account, user, profile }) {
        if (!account || account.provider === 'credentials') return true;
        // Google says whether it checked the address; GitHub gives only a verified primary address.
        if (profile && profile.email_verified === false) return false;
        return oauthRole(user.email, config) !== null;
      },
      jwt({ token, user, account }) {
        if (user && account) {
          const role = account.provider === 'credentials' ? roleOf((user as { role?: unknown }).role) : oauthRole(user.email, config);
          if (!role || !user.email) return null;
          return { sub: user.email.toLowerCase(), email: user.email.toLowerCase(), name: user.email.toLowerCase(), role, authAt: Math.floor(Date.now() / 1000) };
        }
        // Renewals keep the sign-in time: a session ends maxAge after the sign-in, not after the last visit.
        return sessionFromClaims(token, config.sessionMaxAgeSeconds, Math.floor(Date.now() / 1000)) ? token : null;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, email: String(token.email ?? ''), role: roleOf(token.role) } };
      },
    },
    logger: {
      // A wrong password is an expected outcome, not a server error: keep it out of the error log.
      error(error) {
        const type = (error as { type?: string }).type;
        if (type === 'CredentialsSignin' || type === 'AccessDenied') return;
        console.error('[auth]', error);
      },
      warn(code) {
        console.warn('[auth]', code);
      },
      debug() {},
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(async () =>
  buildAuthConfig({ config: getAdminConfig(), secret: await getAuthSecret(), kv: getKv(), trustedProxies: getServerConfig().security.trustedProxies }),
);

/** Which OAuth buttons the sign-in page shows. */
export function oauthProviderIds(config: AdminConfig = getAdminConfig()): Array<'github' | 'google'> {
  return config.oauth.providers.map((provider) => provider.id);
}
