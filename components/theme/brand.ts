import type { CSSProperties } from 'react';

/**
 * A brand colour as theme variables for both colour schemes, readable whatever colour an operator or a host picks.
 *
 * Light: white text sits on brand-600 and brand-700 text on white, so brand-600 is the colour darkened until white text
 * on it reaches WCAG AA (4.5:1). Dark: the neutral scale is reversed (app/globals.css), so "white" text becomes the
 * dark surface colour; brand-600 is the colour lightened until that dark text on it reaches 4.5:1, and brand-700 (text
 * on dark surfaces and tints) lightened until it reads at 4.5:1 on the lightest dark surface.
 *
 * The result is `--brand-light-*` and `--brand-dark-*` variables; globals.css picks one set per theme into the
 * `--color-brand-*` variables Tailwind's utilities use. Pure: runs on the server (the layout) and in the embed.
 */
type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (0 when either is malformed). */
export function contrastRatio(a: string, b: string): number {
  const first = parseHex(a);
  const second = parseHex(b);
  if (!first || !second) return 0;
  const [light, dark] = [luminance(first), luminance(second)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Contrast ratio of white text on `hex`. */
export function contrastWithWhite(hex: string): number {
  return contrastRatio(hex, '#ffffff');
}

const mix = (rgb: Rgb, other: Rgb, weight: number): Rgb => rgb.map((c, i) => c * (1 - weight) + (other[i] ?? 0) * weight) as Rgb;
const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** The dark theme's card surface ("white" there: Tailwind's slate-900) and its lightest surface (slate-800). */
export const DARK_SURFACE = '#0f172b';
export const DARK_RAISED = '#1d293d';

/** Moves `rgb` towards `target` in 5 % steps until `ok` holds (at most 40 steps). */
function shadeUntil(rgb: Rgb, target: Rgb, ok: (hex: string) => boolean): Rgb {
  let shade = rgb;
  for (let step = 0; step < 40 && !ok(toHex(shade)); step++) shade = mix(shade, target, 0.05);
  return shade;
}

/** The colour, darkened in small steps until white text on it has at least `ratio`:1 contrast. */
export function readableOnWhiteText(hex: string, ratio = 4.5): string | null {
  const rgb = parseHex(hex);
  return rgb ? toHex(shadeUntil(rgb, BLACK, (shade) => contrastWithWhite(shade) >= ratio)) : null;
}

/** The colour, lightened in small steps until `text` on it (the dark theme's surface colour) has `ratio`:1 contrast. */
export function readableUnderDarkText(hex: string, text = DARK_SURFACE, ratio = 4.5): string | null {
  const rgb = parseHex(hex);
  return rgb ? toHex(shadeUntil(rgb, WHITE, (shade) => contrastRatio(shade, text) >= ratio)) : null;
}

export type BrandShade = '50' | '100' | '500' | '600' | '700';
export type BrandPalette = Record<BrandShade, string>;

/** Both themes' brand shades for `hex`, or null for a malformed colour. */
export function brandPalettes(hex: string): { light: BrandPalette; dark: BrandPalette } | null {
  const base = parseHex(hex);
  const solid = readableOnWhiteText(hex);
  const solidRgb = solid ? parseHex(solid) : null;
  const darkSurface = parseHex(DARK_SURFACE)!;
  const darkSolid = readableUnderDarkText(hex);
  const darkText = readableUnderDarkText(hex, DARK_RAISED);
  if (!base || !solid || !solidRgb || !darkSolid || !darkText) return null;
  return {
    light: {
      '50': toHex(mix(base, WHITE, 0.92)),
      '100': toHex(mix(base, WHITE, 0.84)),
      '500': toHex(base),
      '600': solid,
      '700': toHex(mix(solidRgb, BLACK, 0.2)),
    },
    dark: {
      '50': toHex(mix(base, darkSurface, 0.84)),
      '100': toHex(mix(base, darkSurface, 0.7)),
      '500': toHex(base),
      '600': darkSolid,
      // Text on dark tints and hover of solid buttons: at least as light as the solid colour.
      '700': toHex(shadeUntil(parseHex(darkText)!, WHITE, (shade) => contrastRatio(shade, DARK_SURFACE) >= contrastRatio(darkSolid, DARK_SURFACE))),
    },
  };
}

/**
 * Style giving everything inside the brand variables of both themes (globals.css chooses per theme); undefined for no
 * or a malformed colour, so the app's own brand applies.
 */
export function brandStyle(hex: string | undefined): CSSProperties | undefined {
  const palettes = hex ? brandPalettes(hex) : null;
  if (!palettes) return undefined;
  const entries = (['light', 'dark'] as const).flatMap((scheme) =>
    (Object.entries(palettes[scheme]) as [BrandShade, string][]).map(([shade, value]) => [`--brand-${scheme}-${shade}`, value]),
  );
  return Object.fromEntries(entries) as CSSProperties;
}
