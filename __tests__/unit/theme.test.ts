import { parseEmbedOptions } from '@/app/embed/options';
import { brandPalettes, brandStyle, contrastRatio, DARK_RAISED, DARK_SURFACE } from '@/components/theme/brand';
import { THEME_SCRIPT, themeAttributes, themeOverrideScript, themeStyle } from '@/components/theme/theme';
import { ConfigError } from '@/lib/config';
import { parseLookConfig } from '@/lib/config-theme';

jest.mock('server-only', () => ({}));

describe('brand colours for both themes', () => {
  const colours = ['#2f6fed', '#ffeb3b', '#7fdbff', '#ffffff', '#000000', '#0a7', '#e11d48', '#111827'];

  it.each(colours)('%s keeps 4.5:1 for every text pairing, light and dark', (colour) => {
    const palettes = brandPalettes(colour)!;
    // Light: white text on the solid colour, brand-700 text on white and on the brand-50 tint.
    expect(contrastRatio(palettes.light['600'], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(palettes.light['700'], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(palettes.light['700'], palettes.light['50'])).toBeGreaterThanOrEqual(4.5);
    // Dark: the dark surface colour as text on the solid colour, brand-700 text on the dark surfaces and its tint.
    expect(contrastRatio(palettes.dark['600'], DARK_SURFACE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(palettes.dark['700'], DARK_SURFACE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(palettes.dark['700'], DARK_RAISED)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(palettes.dark['700'], palettes.dark['50'])).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps a colour that is already readable, and refuses a malformed one', () => {
    expect(brandPalettes('#2f6fed')!.light['600']).toBe('#2f6fed');
    expect(brandPalettes('#ffeb3b')!.dark['600']).toBe('#ffeb3b');
    expect(brandPalettes('blue')).toBeNull();
    expect(brandStyle('#12')).toBeUndefined();
  });

  it('becomes CSS variables with the font and the corner scale', () => {
    const style = themeStyle({ brandColor: '#e11d48', fontFamily: 'Inter, sans-serif', radiusPx: 8 }) as Record<string, string>;
    expect(style['--brand-light-500']).toBe('#e11d48');
    expect(style['--brand-dark-500']).toBe('#e11d48');
    expect(style['--font-sans']).toBe('Inter, sans-serif');
    expect(style['--radius-scale']).toBe('0.5');
    expect(themeStyle({})).toEqual({});
  });
});

describe('the theme before the first paint', () => {
  function run(script: string, prefersDark: boolean) {
    const listeners: (() => void)[] = [];
    const media = { matches: prefersDark, addEventListener: (_: string, fn: () => void) => listeners.push(fn) };
    window.matchMedia = jest.fn(() => media) as unknown as typeof window.matchMedia;
    new Function(script)();
    return { media, listeners };
  }

  it('renders explicit choices on the server and resolves "system" from the media query, following its changes', () => {
    expect(themeAttributes('dark')).toEqual({ 'data-theme': 'dark', 'data-theme-choice': 'dark' });
    expect(themeAttributes('system')).toEqual({ 'data-theme': 'light', 'data-theme-choice': 'system' });
    const root = document.documentElement;
    root.setAttribute('data-theme-choice', 'system');
    root.setAttribute('data-theme', 'light');
    const { media, listeners } = run(THEME_SCRIPT, true);
    expect(root.getAttribute('data-theme')).toBe('dark');
    media.matches = false;
    listeners.forEach((listener) => listener());
    expect(root.getAttribute('data-theme')).toBe('light');
    // An explicit choice is left alone.
    root.setAttribute('data-theme-choice', 'light');
    run(THEME_SCRIPT, true);
    expect(root.getAttribute('data-theme')).toBe('light');
  });

  it("applies an embed's theme option", () => {
    run(themeOverrideScript('dark'), false);
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    run(themeOverrideScript('system'), false);
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
    expect(document.documentElement.getAttribute('data-theme-choice')).toBe('system');
  });
});

describe('the look and chat wording from config', () => {
  it('has defaults, and leaves unset wording out so embed options merge over it', () => {
    expect(parseLookConfig({})).toEqual({ theme: { brandColor: '#2f6fed', defaultTheme: 'system', fontFamily: undefined, radiusPx: 16 }, chat: {} });
    const look = parseLookConfig({
      BRAND_COLOR: '#e11d48',
      THEME_DEFAULT: 'dark',
      THEME_FONT: "'IBM Plex Sans', sans-serif",
      THEME_RADIUS: '4',
      AGENT_NAME: 'Ava',
      AGENT_AVATAR_URL: '/icon.svg',
      CHAT_SUGGESTED_QUESTIONS: 'What does Pro cost? | Do you have SSO?|',
      CHAT_LEGAL_NOTICE: 'off',
      PRIVACY_URL: 'https://example.com/privacy',
    });
    expect(look.theme).toEqual({ brandColor: '#e11d48', defaultTheme: 'dark', fontFamily: "'IBM Plex Sans', sans-serif", radiusPx: 4 });
    expect(look.chat).toEqual({
      agentName: 'Ava',
      avatarUrl: '/icon.svg',
      suggestedQuestions: ['What does Pro cost?', 'Do you have SSO?'],
      legalNotice: null,
      privacyUrl: 'https://example.com/privacy',
    });
  });

  it.each([
    [{ BRAND_COLOR: 'red' }, 'BRAND_COLOR'],
    [{ THEME_DEFAULT: 'sepia' }, 'THEME_DEFAULT'],
    [{ THEME_FONT: 'x; background: url(evil)' }, 'THEME_FONT'],
    [{ THEME_RADIUS: '99' }, 'THEME_RADIUS'],
    [{ AGENT_AVATAR_URL: 'javascript:alert(1)' }, 'AGENT_AVATAR_URL'],
    [{ PRIVACY_URL: 'http://example.com' }, 'PRIVACY_URL'],
  ])('refuses %j naming the variable', (env, variable) => {
    expect(() => parseLookConfig(env)).toThrow(ConfigError);
    expect(() => parseLookConfig(env)).toThrow(new RegExp(`${variable}:`));
  });
});

describe('per-embed look and wording', () => {
  it('reads theme, radius, questions, placeholder, notice and privacy link, dropping bad values', () => {
    expect(
      parseEmbedOptions({ theme: 'dark', radius: '8', questions: 'One?|Two?| |', placeholder: 'Ask Ava', notice: 'off', privacy: 'https://h.example/p' }),
    ).toMatchObject({ theme: 'dark', radius: 8, questions: ['One?', 'Two?'], placeholder: 'Ask Ava', notice: 'off', privacy: 'https://h.example/p' });
    const bad = parseEmbedOptions({ theme: 'neon', radius: '500', questions: '', privacy: 'javascript:alert(1)' });
    expect([bad.theme, bad.radius, bad.questions, bad.privacy]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
