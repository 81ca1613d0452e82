'use client';
import { PAGE_CSS_KEY } from '@/lib/page-css-key';

type Holder = { [PAGE_CSS_KEY]?: { critical: string } };

/**
 * The home page's critical style sheet, inline and hoisted into <head> (React's `precedence`). A client component so
 * that the ~20 KB of CSS is in the HTML only, not a second time in React's payload: on the server (the HTML) it
 * renders the text that app/page.tsx has just read (lib/page-css.ts); in the browser it renders none, and React
 * keeps the <style> the HTML brought (a hoisted style is found again by its href, its content is not compared).
 */
export function CriticalStyle() {
  const css = typeof window === 'undefined' ? ((globalThis as Holder)[PAGE_CSS_KEY]?.critical ?? '') : '';
  return <style href="page-critical" precedence="critical" dangerouslySetInnerHTML={{ __html: css }} />;
}
