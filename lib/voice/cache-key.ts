/**
 * What makes two speech requests "the same audio": provider, model, voice, speed, rate, language and the text after
 * normalisation. Web Crypto only, so it runs on either runtime.
 */
export interface SpeechCacheKeyParts {
  provider: string;
  variant: string;
  voice: string;
  speed: number;
  sampleRate: number;
  language: string;
  text: string;
}

/**
 * The text as it is spoken and cached: Unicode NFC, typographic quotes and spaces folded to plain ones, whitespace runs
 * collapsed, and direction marks and isolates (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069: a reply may
 * wrap an Arabic price or address in them) dropped: never said, and the same sentence is one cache entry with or
 * without them. Case and punctuation are kept: they change how a sentence is said ("US" vs "us", "?" vs ".").
 */
export function normaliseSpeechText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The parts as one string, text normalised: the in-process cache's key (no hashing before a memory hit). */
export function speechCacheMaterial(parts: SpeechCacheKeyParts): string {
  return JSON.stringify([
    'v1',
    parts.provider,
    parts.variant,
    parts.voice,
    Number(parts.speed.toFixed(3)),
    parts.sampleRate,
    parts.language.toLowerCase(),
    normaliseSpeechText(parts.text),
  ]);
}

/** SHA-256 hex of the parts, text normalised: short, fixed-length Redis keys that reveal nothing of the text. */
export async function speechCacheId(parts: SpeechCacheKeyParts | string): Promise<string> {
  const material = typeof parts === 'string' ? parts : speechCacheMaterial(parts);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(material));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
