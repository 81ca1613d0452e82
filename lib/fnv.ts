/**
 * FNV-1a over a string's UTF-16 code units, as 8 hex digits: a stable, fast, non-cryptographic fingerprint (ids that
 * must come out the same for the same input). Runs anywhere (no node:crypto). Two seeds give 64 bits.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function fnv1a(text: string, seed = FNV_OFFSET): string {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** 64 bits as 16 hex digits (two seeds). */
export function fnv1a64(text: string): string {
  return fnv1a(text, FNV_OFFSET) + fnv1a(text, FNV_PRIME);
}
