import { z } from 'zod';
import { isLocale, type Locale } from '@/lib/i18n';

/**
 * The query string public/embed.js puts on /embed. Each option is checked on its own: a bad or unknown value is
 * dropped (the default applies) rather than failing the page, since it comes from a host page's markup.
 */
const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

const origin = z
  .string()
  .optional()
  .transform((value) => {
    if (!value) return undefined;
    try {
      const url = new URL(value);
      // Only a bare origin: a path or query here would mean the loader did not write it.
      return /^https?:$/.test(url.protocol) && url.origin === value ? url.origin : undefined;
    } catch {
      return undefined;
    }
  })
  .catch(undefined);

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === '1' || value === 'true'))
  .catch(undefined);

/** Where a path is resolved to check that it stays on this app (never a real host). */
const SAME_ORIGIN = 'https://app.invalid';

/**
 * An https URL, or a path on this app (never javascript:, data: or http: from a host page). A path starts with a single
 * `/` not followed by `/` or `\` (browsers read both `//host` and `/\host` as another host), and must still resolve
 * on this app once the URL parser has dropped tabs and newlines (`/<tab>/host` is `//host`).
 */
const imageUrl = z
  .string()
  .max(500)
  .optional()
  .transform((value) => {
    if (!value) return undefined;
    if (value.startsWith('/')) {
      if (/^\/[/\\]/.test(value)) return undefined;
      try {
        return new URL(value, SAME_ORIGIN).origin === SAME_ORIGIN ? value : undefined;
      } catch {
        return undefined;
      }
    }
    try {
      return new URL(value).protocol === 'https:' ? value : undefined;
    } catch {
      return undefined;
    }
  })
  .catch(undefined);

export const embedQuerySchema = z.object({
  /** The host page's origin: the only window the embed talks to (checked against EMBED_ALLOWED_ORIGINS). */
  host: origin,
  mode: z.enum(['bubble', 'inline', 'popup']).catch('bubble'),
  locale: z
    .string()
    .optional()
    .transform((value): Locale | undefined => {
      const language = value?.trim().toLowerCase().split(/[-_]/)[0];
      return isLocale(language) ? language : undefined;
    })
    .catch(undefined),
  color: z
    .string()
    .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/)
    .optional()
    .catch(undefined),
  greeting: text(200),
  name: text(60),
  avatar: imageUrl,
  voice: flag,
  /** Theme and look for this embed (components/theme); unset: the app's (THEME_DEFAULT, THEME_RADIUS). */
  theme: z.enum(['light', 'dark', 'system']).optional().catch(undefined),
  radius: z.coerce.number().min(0).max(32).optional().catch(undefined),
  /** Suggested questions separated by "|" (at most 6, each up to 120 characters). */
  questions: z
    .string()
    .max(800)
    .optional()
    .transform((value) => {
      const list = value?.split('|').map((question) => question.trim()).filter((question) => question && question.length <= 120).slice(0, 6);
      return list?.length ? list : undefined;
    })
    .catch(undefined),
  placeholder: text(80),
  /** The legal notice under the composer ("off" hides it) and its privacy link (https or a path here). */
  notice: text(200),
  privacy: imageUrl,
});

export type EmbedOptions = z.output<typeof embedQuerySchema>;

/** The options that put the host's words or links on the page (lib/embed/origins.ts, hostWordingAllowed). */
export const HOST_WORDING = ['name', 'avatar', 'greeting', 'placeholder', 'questions', 'notice', 'privacy'] as const;

/** The options without the host's words and links, when the page may not show them (the app's own apply). */
export function withoutHostWording(options: EmbedOptions): EmbedOptions {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !(HOST_WORDING as readonly string[]).includes(key))) as EmbedOptions;
}

type SearchParams = Record<string, string | string[] | undefined>;

const firstValues = (params: SearchParams) => Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));

/** Next.js search params (a key may repeat) → the embed's options; the first value of a repeated key counts. */
export function parseEmbedOptions(params: SearchParams): EmbedOptions {
  return embedQuerySchema.parse(firstValues(params));
}

/** The tag's attribute behind each query option a host's markup sets (the loader writes `host` and `utm_*` itself). */
const ATTRIBUTES: Partial<Record<keyof EmbedOptions, string>> = {
  mode: 'data-mode',
  locale: 'data-locale',
  color: 'data-color',
  greeting: 'data-greeting',
  name: 'data-agent-name',
  avatar: 'data-avatar',
  voice: 'data-voice',
  theme: 'data-theme',
  radius: 'data-radius',
  questions: 'data-questions',
  placeholder: 'data-placeholder',
  notice: 'data-notice',
  privacy: 'data-privacy',
};

/**
 * The tag's attributes whose value /embed dropped (the default applies instead), for the console of the page that
 * pasted the tag: the loader checks only the options it uses itself and passes the others here unchecked.
 */
export function droppedEmbedOptions(params: SearchParams): string[] {
  const raw = firstValues(params);
  const options = parseEmbedOptions(params);
  return (Object.keys(ATTRIBUTES) as Array<keyof EmbedOptions>).filter((key) => {
    const given = raw[key]?.trim();
    if (!given) return false;
    return key === 'mode' ? options.mode !== given : options[key] === undefined;
  }).map((key) => ATTRIBUTES[key]!);
}

/** The console warning /embed writes for those attributes, as a script's source (JSON-encoded, `<` escaped). Null: none. */
export function droppedOptionsScript(attributes: readonly string[]): string | null {
  if (!attributes.length) return null;
  const warning = `SalesAgent: ${attributes.join(', ')} not valid; the default applies (docs/embed.md "Options")`;
  return `console.warn(${JSON.stringify(warning).replaceAll('<', '\\u003c')});`;
}
