import 'server-only';
import { kvKey, type Kv } from '@/lib/store/kv';

/**
 * A new secret (a webhook endpoint's, an API key's) made by a plain form post, kept for the page the post redirects
 * to: the redirect carries only an unguessable token, never the secret (addresses end up in history and logs). The
 * page takes it once: read and deleted in one transaction, and only by the admin who made it; a reload shows nothing.
 * The store holds it under the token's hash, encrypted with a key derived from the token, so neither the store nor a
 * backup taken meanwhile holds a usable API key (only its hash is kept otherwise: lib/admin/keys.ts).
 */

/** Long enough to follow the redirect, short enough that an unread secret does not linger. */
const KEEP_SECONDS = 5 * 60;
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

export interface OneTimeSecret {
  /** What the secret is for, as the page names it (the endpoint's URL, the key's name). */
  label: string;
  secret: string;
}

const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
const storeKey = async (kv: Kv, token: string) => kvKey(kv, 'admin', 'once', Buffer.from(await digest(`id:${token}`)).toString('hex'));
const cipherKey = async (token: string) => crypto.subtle.importKey('raw', await digest(`key:${token}`), 'AES-GCM', false, ['encrypt', 'decrypt']);

/** Keeps `value` for `owner` (the admin's e-mail); the token to put in the redirect. */
export async function keepSecretOnce({ kv, owner, value }: { kv: Kv; owner: string; value: OneTimeSecret }): Promise<string> {
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await cipherKey(token), new TextEncoder().encode(JSON.stringify({ owner, ...value })));
  const stored = JSON.stringify({ iv: Buffer.from(iv).toString('base64url'), data: Buffer.from(sealed).toString('base64url') });
  await kv.exec([['SET', await storeKey(kv, token), stored, 'EX', KEEP_SECONDS]]);
  return token;
}

/** The secret behind `token`, once, for its owner; null for anything else (a forged, read or expired token). */
export async function takeSecretOnce({ kv, owner, token }: { kv: Kv; owner: string; token: unknown }): Promise<OneTimeSecret | null> {
  if (typeof token !== 'string' || !TOKEN.test(token)) return null;
  const key = await storeKey(kv, token);
  const [stored] = await kv.atomic([
    ['GET', key],
    ['DEL', key],
  ]);
  if (typeof stored !== 'string') return null;
  try {
    const { iv, data } = JSON.parse(stored) as { iv: string; data: string };
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: Buffer.from(iv, 'base64url') }, await cipherKey(token), Buffer.from(data, 'base64url'));
    const parsed = JSON.parse(new TextDecoder().decode(opened)) as Partial<OneTimeSecret & { owner: string }>;
    // Someone else's token (a leaked address) is spent without being shown: its owner makes a new secret.
    if (parsed.owner !== owner || typeof parsed.label !== 'string' || typeof parsed.secret !== 'string') return null;
    return { label: parsed.label, secret: parsed.secret };
  } catch {
    return null;
  }
}
