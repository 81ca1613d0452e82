// A signed-in admin for route tests that call the admin handlers in-process: the in-memory store, a test AUTH_SECRET,
// and the session cookie a signed-in browser would send.
import { encode } from 'next-auth/jwt';
import { resetProcessSingletons } from '@/lib/process-singleton';

const COOKIE = 'authjs.session-token';

/** Registers the suite's setup; `cookie()` is the session cookie (read it inside a test). */
export function adminApiSession(secret: string, email = 'ana@northwind.example', role: 'admin' | 'viewer' = 'admin') {
  let cookie = '';
  beforeAll(async () => {
    for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN']) delete process.env[name];
    process.env.AUTH_SECRET = secret;
    cookie = `${COOKIE}=${await encode({ token: { email, role, authAt: Math.floor(Date.now() / 1000) }, secret, salt: COOKIE })}`;
  });
  beforeEach(() => resetProcessSingletons());
  afterAll(() => {
    delete process.env.AUTH_SECRET;
    resetProcessSingletons();
  });
  return { cookie: () => cookie };
}
