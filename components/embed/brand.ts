import type { CSSProperties } from 'react';

/**
 * A host's brand colour as the chat's `--color-brand-*` theme variables. The chat puts white text on brand-600 and
 * brand-700 text on white, so the colour is darkened until white text on it reaches WCAG AA (4.5:1): any colour a
 * host picks stays readable.
 */
type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | null {
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

/** Contrast ratio of white text on `rgb`. */
export function contrastWithWhite(hex: string): number {
  const rgb = parseHex(hex);
  return rgb ? 1.05 / (luminance(rgb) + 0.05) : 0;
}

const mix = (rgb: Rgb, other: Rgb, weight: number): Rgb => rgb.map((c, i) => c * (1 - weight) + (other[i] ?? 0) * weight) as Rgb;
const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** The colour, darkened in small steps until white text on it has at least `ratio`:1 contrast. */
export function readableOnWhiteText(hex: string, ratio = 4.5): string | null {
  const rgb = parseHex(hex);
  if (!rgb) return null;
  let shade = rgb;
  for (let step = 0; step < 40 && 1.05 / (luminance(shade) + 0.05) < ratio; step++) shade = mix(shade, BLACK, 0.05);
  return toHex(shade);
}

/** Style overriding the theme's brand variables for everything inside; undefined for no or a malformed colour. */
export function brandStyle(hex: string | undefined): CSSProperties | undefined {
  const base = hex ? parseHex(hex) : null;
  const solid = hex ? readableOnWhiteText(hex) : null;
  const solidRgb = solid ? parseHex(solid) : null;
  if (!base || !solid || !solidRgb) return undefined;
  return {
    '--color-brand-50': toHex(mix(base, WHITE, 0.92)),
    '--color-brand-100': toHex(mix(base, WHITE, 0.84)),
    '--color-brand-500': toHex(base),
    '--color-brand-600': solid,
    '--color-brand-700': toHex(mix(solidRgb, BLACK, 0.2)),
  } as CSSProperties;
}
