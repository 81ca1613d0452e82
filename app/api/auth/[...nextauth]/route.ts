import { handlers } from '@/lib/admin/auth';

// next-auth's endpoints (sign-in, callback, sign-out, session, csrf, providers) for the admin side; docs/admin.md.
// Node-only: the credentials check hashes with scrypt (lib/admin/password.ts).
export const dynamic = 'force-dynamic';
export const { GET, POST } = handlers;
