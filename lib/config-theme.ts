import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/**
 * The look of the public page and the embed, and the chat's wording (docs/embed.md, "Themes and customization").
 * All of it is public (it is painted on the page): getPublicConfig() copies it whole. Each value can be overridden per
 * embed by the loader's options (app/embed/options.ts). Validated once per process; listed in .env.example.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const text = (max: number) => z.preprocess(emptyToUndefined, z.string().trim().min(1).max(max).optional());

export const THEMES = ['light', 'dark', 'system'] as const;
export type ThemeChoice = (typeof THEMES)[number];

/** An https URL, or a path on this app: nothing that could run code or mix http content into the page. */
const imageOrPageUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .max(500)
    .refine((value) => /^\/(?!\/)/.test(value) || /^https:\/\/[^\s]+$/.test(value), 'an https URL or a path starting with /')
    .optional(),
);

export const themeEnvSchema = z.object({
  /** The brand colour (#rgb or #rrggbb); its shades for both themes are computed for 4.5:1 contrast. */
  BRAND_COLOR: z.preprocess(emptyToUndefined, z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'a hex colour such as #2f6fed').default('#2f6fed')),
  /** The theme a first visit gets; visitors can switch (remembered in a cookie). */
  THEME_DEFAULT: z.preprocess(emptyToUndefined, z.enum(THEMES).default('system')),
  /** A CSS font-family list of fonts the visitor's device has (nothing is downloaded). */
  THEME_FONT: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9 ,'"-]+$/, 'a font-family list: letters, digits, spaces, commas, quotes and hyphens')
      .optional(),
  ),
  /** The corner radius of cards and the chat panel, in px (0 for square); every other corner scales with it. */
  THEME_RADIUS: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(32).default(16)),
  AGENT_NAME: text(60),
  AGENT_AVATAR_URL: imageOrPageUrl,
  CHAT_GREETING: text(200),
  /** Suggested questions separated by "|", replacing the knowledge base's (not translated: one language). */
  CHAT_SUGGESTED_QUESTIONS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((value) => value.split('|').map((question) => question.trim()).filter(Boolean))
      .pipe(z.array(z.string().max(120)).max(6))
      .optional(),
  ),
  CHAT_PLACEHOLDER: text(80),
  /** Replaces the "AI can make mistakes" line under the composer; "off" hides it. */
  CHAT_LEGAL_NOTICE: text(200),
  /** The privacy policy the legal notice links to (none when unset). */
  PRIVACY_URL: imageOrPageUrl,
});

export interface ThemeConfig {
  brandColor: string;
  defaultTheme: ThemeChoice;
  fontFamily: string | undefined;
  radiusPx: number;
}

/** The chat's wording and face; undefined fields fall back to the translated defaults. */
export interface ChatTexts {
  agentName?: string;
  avatarUrl?: string;
  greeting?: string;
  suggestedQuestions?: string[];
  placeholder?: string;
  /** null: no notice at all ("off"). */
  legalNotice?: string | null;
  privacyUrl?: string;
}

export interface LookConfig {
  theme: ThemeConfig;
  chat: ChatTexts;
}

export function parseLookConfig(source: Record<string, string | undefined>): LookConfig {
  const parsed = themeEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const env = parsed.data;
  const chat: ChatTexts = {
    agentName: env.AGENT_NAME,
    avatarUrl: env.AGENT_AVATAR_URL,
    greeting: env.CHAT_GREETING,
    suggestedQuestions: env.CHAT_SUGGESTED_QUESTIONS?.length ? env.CHAT_SUGGESTED_QUESTIONS : undefined,
    placeholder: env.CHAT_PLACEHOLDER,
    legalNotice: env.CHAT_LEGAL_NOTICE && /^off$/i.test(env.CHAT_LEGAL_NOTICE) ? null : env.CHAT_LEGAL_NOTICE,
    privacyUrl: env.PRIVACY_URL,
  };
  return {
    theme: { brandColor: env.BRAND_COLOR, defaultTheme: env.THEME_DEFAULT, fontFamily: env.THEME_FONT, radiusPx: env.THEME_RADIUS },
    // Unset fields are left out, so `{ ...config, ...embedOptions }` merges cleanly.
    chat: Object.fromEntries(Object.entries(chat).filter(([, value]) => value !== undefined)) as ChatTexts,
  };
}

/** The process's look and chat wording, read from the environment once. */
export function getLookConfig(): LookConfig {
  return processSingleton('look-config', () => parseLookConfig(process.env));
}
