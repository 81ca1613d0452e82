import type { CSSProperties } from 'react';
import { brandStyle } from './brand';

/** Shared by the server (layout, embed page) and the theme control: names and the pre-paint script. */
export const THEME_COOKIE = 'sa-theme';
export const THEME_CHOICES = ['light', 'dark', 'system'] as const;
export type ThemeChoiceName = (typeof THEME_CHOICES)[number];

export function isThemeChoice(value: unknown): value is ThemeChoiceName {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/**
 * Runs before the first paint (inline, with the CSP nonce): a "system" choice becomes data-theme light or dark from
 * prefers-color-scheme, and follows it while the page is open. Explicit choices are rendered by the server already.
 */
export const THEME_SCRIPT = `(function(){var d=document.documentElement,m=window.matchMedia&&matchMedia('(prefers-color-scheme: dark)');function a(){if(d.getAttribute('data-theme-choice')==='system')d.setAttribute('data-theme',m&&m.matches?'dark':'light')}a();m&&m.addEventListener&&m.addEventListener('change',a)})();`;

/** Sets a choice on <html> before the first paint (the embed's `theme` option), resolved like THEME_SCRIPT. */
export function themeOverrideScript(choice: ThemeChoiceName): string {
  return `(function(){var d=document.documentElement;d.setAttribute('data-theme-choice',${JSON.stringify(choice)});d.setAttribute('data-theme',${JSON.stringify(choice)}==='dark'||(${JSON.stringify(choice)}==='system'&&window.matchMedia&&matchMedia('(prefers-color-scheme: dark)').matches)?'dark':'light')})();`;
}

/** The <html> attributes for a choice: "system" is resolved by THEME_SCRIPT (light until then, and without script). */
export function themeAttributes(choice: ThemeChoiceName): { 'data-theme': 'light' | 'dark'; 'data-theme-choice': ThemeChoiceName } {
  return { 'data-theme': choice === 'dark' ? 'dark' : 'light', 'data-theme-choice': choice };
}

/** Brand shades of both themes, the font and the corner scale as CSS variables (on <html>, or the embed's root). */
export function themeStyle({ brandColor, fontFamily, radiusPx }: { brandColor?: string; fontFamily?: string; radiusPx?: number }): CSSProperties {
  return {
    ...brandStyle(brandColor),
    ...(fontFamily ? { '--font-sans': fontFamily } : {}),
    ...(radiusPx !== undefined ? { '--radius-scale': String(Math.round((radiusPx / 16) * 1000) / 1000) } : {}),
  } as CSSProperties;
}
