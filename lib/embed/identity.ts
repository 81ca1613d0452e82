import 'server-only';
import type { EventSource } from '@/lib/events/schema';
import { kvHash, kvKey, type Kv } from '@/lib/store/kv';

/**
 * Verified identities from `SalesAgent.identify({ email, name, hash })`. The host's server computes
 * `hash = hex(HMAC-SHA-256(EMBED_IDENTITY_SECRET, email))` over the e-mail exactly as it passes it, so a visitor
 * cannot claim somebody else's address. A verified identity is kept per visitor, beside a pointer to the visitor's
 * latest conversation, and merged into that conversation's lead and every later one (lib/embed/identity-lead.ts,
 * docs/embed.md). Web Crypto only (edge-portable).
 */
const encoder = new TextEncoder();

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** The hex HMAC-SHA-256 a host's server sends for `email` (what docs/embed.md shows in Node). */
export async function identityHash(secret: string, email: string): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(email)));
  return Array.from(signature, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** True when `hash` (64 hex digits, any case) is the HMAC of `email`. Constant-time: crypto.subtle.verify. */
export async function verifyIdentityHash(secret: string, email: string, hash: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/i.test(hash)) return false;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hash.slice(i * 2, i * 2 + 2), 16);
  return crypto.subtle.verify('HMAC', await hmacKey(secret), bytes, encoder.encode(email));
}

export interface VerifiedIdentity {
  email: string;
  name?: string;
  /** Epoch ms. */
  verifiedAt: number;
}

/** The visitor's latest conversation, and where it runs (the source its lead events carry). */
export interface CurrentConversation {
  id: string;
  source?: EventSource;
}

const identityKey = (kv: Kv, visitorId: string) => kvKey(kv, 'embed', 'identity', visitorId);
/** Hash `id`, `source` (JSON): the conversation the visitor started last. */
const currentKey = (kv: Kv, visitorId: string) => kvKey(kv, 'embed', 'current', visitorId);

function parseIdentity(reply: unknown): VerifiedIdentity | null {
  const hash = kvHash(reply);
  if (!hash.email) return null;
  return { email: hash.email, ...(hash.name ? { name: hash.name } : {}), verifiedAt: Number(hash.verifiedAt) };
}

function parseCurrent(reply: unknown): CurrentConversation | null {
  const hash = kvHash(reply);
  if (!hash.id) return null;
  try {
    return { id: hash.id, ...(hash.source ? { source: JSON.parse(hash.source) as EventSource } : {}) };
  } catch {
    return { id: hash.id };
  }
}

/**
 * Keeps the visitor's verified identity (replacing an earlier one) for as long as their session can live, and answers
 * the conversation to merge it into now (null before their first message) in the same round trip.
 */
export async function recordIdentity(args: { kv: Kv; visitorId: string; identity: VerifiedIdentity; ttlSeconds: number }): Promise<CurrentConversation | null> {
  const key = identityKey(args.kv, args.visitorId);
  const { email, name, verifiedAt } = args.identity;
  const replies = await args.kv.atomic([
    ['DEL', key],
    ['HSET', key, 'email', email, 'verifiedAt', verifiedAt, ...(name ? ['name', name] : [])],
    ['EXPIRE', key, args.ttlSeconds],
    ['HGETALL', currentKey(args.kv, args.visitorId)],
  ]);
  return parseCurrent(replies[3]);
}

/**
 * Points the visitor at a conversation that just started and answers their verified identity (or null), in one
 * atomic round trip: an identify() racing the conversation's start sees the pointer, or this sees the identity.
 */
export async function rememberCurrentConversation(args: {
  kv: Kv;
  visitorId: string;
  conversation: CurrentConversation;
  ttlSeconds: number;
}): Promise<VerifiedIdentity | null> {
  const key = currentKey(args.kv, args.visitorId);
  const { id, source } = args.conversation;
  const replies = await args.kv.atomic([
    ['DEL', key],
    ['HSET', key, 'id', id, ...(source ? ['source', JSON.stringify(source)] : [])],
    ['EXPIRE', key, args.ttlSeconds],
    ['HGETALL', identityKey(args.kv, args.visitorId)],
  ]);
  return parseIdentity(replies[3]);
}

/** The visitor's verified identity, or null. */
export async function findIdentity(args: { kv: Kv; visitorId: string }): Promise<VerifiedIdentity | null> {
  const [reply] = await args.kv.exec([['HGETALL', identityKey(args.kv, args.visitorId)]]);
  return parseIdentity(reply);
}
