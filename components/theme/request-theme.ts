import 'server-only';
import { cookies } from 'next/headers';
import { getLookConfig } from '@/lib/config-theme';
import { THEME_COOKIE, isThemeChoice, type ThemeChoiceName } from './theme';

/** The visitor's remembered theme choice (its cookie), else THEME_DEFAULT: what <html data-theme-choice> says. */
export async function getRequestThemeChoice(): Promise<ThemeChoiceName> {
  const remembered = (await cookies()).get(THEME_COOKIE)?.value;
  return isThemeChoice(remembered) ? remembered : getLookConfig().theme.defaultTheme;
}
