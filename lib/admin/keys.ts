import 'server-only';
import { AppError } from '@/lib/errors';
import { kvHash, kvKey, kvOne, type Kv } from '@/lib/store/kv';

/**
 * API keys for server-to-server calls to /api/v1/admin/* (docs/admin.md). The secret (`sk_live_` + 256 random bits)
 * is shown once and only its SHA-256 is kept: a slow hash buys nothing against a secret that cannot be guessed, and a
 * check must cost one Redis command. Two hashes under the app prefix, no TTL (they are settings, and a backup carries
 * them): `admin:apikeys` (SHA-256 → the key's record as JSON) and `admin:apikeys:used` (id → last use, epoch ms).
 * Web Crypto only: the guard that calls this runs in route handlers.
 */
export const API_KEY_SCOPES = ['export', 'leads:read', 'webhooks'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKey {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  /** The first characters of the secret, to tell keys apart (`sk_live_AbCd…`). */
  preview: string;
  createdAt: number;
  createdBy: string;
  lastUsedAt: number | null;
}

const SECRET_PREFIX = 'sk_live_';
const SECRET_PATTERN = /^sk_live_[A-Za-z0-9_-]{43}$/;
export const MAX_API_KEYS = 100;
/** A key's last use is written at most this often per process: a busy key must not cost a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const recordsKey = (kv: Kv) => kvKey(kv, 'admin', 'apikeys');
const usedKey = (kv: Kv) => kvKey(kv, 'admin', 'apikeys', 'used');

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether a bearer token is shaped like one of our keys (anything else is not looked up). */
export function isApiKeySecret(token: string): boolean {
  return SECRET_PATTERN.test(token);
}

type StoredKey = Omit<ApiKey, 'lastUsedAt'>;

function parseRecord(json: unknown): StoredKey | null {
  if (typeof json !== 'string') return null;
  try {
    const value = JSON.parse(json) as Partial<StoredKey>;
    if (typeof value.id !== 'string' || typeof value.name !== 'string' || !Array.isArray(value.scopes)) return null;
    const scopes = value.scopes.filter((scope): scope is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(scope));
    return {
      id: value.id,
      name: value.name,
      scopes,
      preview: String(value.preview ?? ''),
      createdAt: Number(value.createdAt) || 0,
      createdBy: String(value.createdBy ?? ''),
    };
  } catch {
    return null;
  }
}

/** Creates a key. The returned secret exists nowhere else: the caller shows it once. */
export async function createApiKey(args: {
  kv: Kv;
  name: string;
  scopes: readonly ApiKeyScope[];
  createdBy: string;
  now?: number;
}): Promise<{ key: ApiKey; secret: string }> {
  const count = await kvOne<number>(args.kv, ['HLEN', recordsKey(args.kv)]);
  if (count >= MAX_API_KEYS) throw new AppError('conflict:admin', `There are already ${MAX_API_KEYS} API keys: revoke one you no longer use first.`);
  const secret = SECRET_PREFIX + base64url(crypto.getRandomValues(new Uint8Array(32)));
  const record: StoredKey = {
    id: `key_${base64url(crypto.getRandomValues(new Uint8Array(9)))}`,
    name: args.name,
    scopes: API_KEY_SCOPES.filter((scope) => args.scopes.includes(scope)),
    preview: `${secret.slice(0, SECRET_PREFIX.length + 4)}…`,
    createdAt: args.now ?? Date.now(),
    createdBy: args.createdBy,
  };
  await kvOne(args.kv, ['HSET', recordsKey(args.kv), await sha256Hex(secret), JSON.stringify(record)]);
  return { key: { ...record, lastUsedAt: null }, secret };
}

/** Every key, newest first, with its last use. One round trip. */
export async function listApiKeys({ kv }: { kv: Kv }): Promise<ApiKey[]> {
  const [records, used] = await kv.exec([
    ['HGETALL', recordsKey(kv)],
    ['HGETALL', usedKey(kv)],
  ]);
  const lastUsed = kvHash(used);
  return Object.values(kvHash(records))
    .map(parseRecord)
    .filter((record): record is StoredKey => record !== null)
    .map((record) => ({ ...record, lastUsedAt: lastUsed[record.id] ? Number(lastUsed[record.id]) : null }))
    .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
}

/** Revokes a key at once, on every instance (nothing caches a key). False when there is no such key. */
export async function revokeApiKey({ kv, id }: { kv: Kv; id: string }): Promise<boolean> {
  const records = kvHash(await kvOne(kv, ['HGETALL', recordsKey(kv)]));
  const hash = Object.keys(records).find((field) => parseRecord(records[field])?.id === id);
  if (!hash) return false;
  const [removed] = await kv.atomic([
    ['HDEL', recordsKey(kv), hash],
    ['HDEL', usedKey(kv), id],
  ]);
  return removed === 1;
}

/**
 * The key a secret proves, or null (unknown, revoked or malformed). One Redis command; the last-use time is written
 * afterwards, batched, at most once a minute per key and process, never delaying the caller.
 */
export async function verifyApiKey({ kv, secret, now = Date.now() }: { kv: Kv; secret: string; now?: number }): Promise<StoredKey | null> {
  if (!isApiKeySecret(secret)) return null;
  const record = parseRecord(await kvOne(kv, ['HGET', recordsKey(kv), await sha256Hex(secret)]));
  if (record) noteUse(kv, record.id, now);
  return record;
}

interface Touches {
  written: Map<string, number>;
  pending: Map<string, number>;
  flushing: Promise<void> | null;
}
const touchesByKv = new WeakMap<Kv, Touches>();

function noteUse(kv: Kv, id: string, now: number): void {
  let touches = touchesByKv.get(kv);
  if (!touches) {
    touches = { written: new Map(), pending: new Map(), flushing: null };
    touchesByKv.set(kv, touches);
  }
  if (now - (touches.written.get(id) ?? -Infinity) < LAST_USED_RESOLUTION_MS) return;
  touches.written.set(id, now);
  touches.pending.set(id, now);
  if (!touches.flushing) touches.flushing = flushUses(kv, touches);
}

async function flushUses(kv: Kv, touches: Touches): Promise<void> {
  // After the current task: uses noted by requests running side by side go out in one command.
  await new Promise((resolve) => setTimeout(resolve, 0));
  try {
    while (touches.pending.size > 0) {
      const batch = [...touches.pending].flatMap(([id, at]) => [id, at]);
      touches.pending.clear();
      // A key revoked meanwhile may get a `used` field back: harmless, listApiKeys reads the records only.
      await kvOne(kv, ['HSET', usedKey(kv), ...batch]);
    }
  } catch (error) {
    touches.pending.clear();
    console.warn('[admin] could not record API key use:', error instanceof Error ? error.message : error);
  } finally {
    touches.flushing = null;
  }
}

/** Resolves when the last-use writes queued so far are in the store (tests). */
export async function settleApiKeyUses(kv: Kv): Promise<void> {
  await touchesByKv.get(kv)?.flushing;
}
