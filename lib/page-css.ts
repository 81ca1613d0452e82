import 'server-only';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PAGE_CSS_KEY } from '@/lib/page-css-key';

/**
 * The home page's two style sheets, built from app/globals.css by scripts/build-css.mjs (npm run build, npm run dev):
 * the critical one's text, inlined so that the first paint waits for no request, and the whole sheet's URL, linked
 * after the hero (docs/performance.md, "The home page paints before its scripts").
 */
export type PageCss = { critical: string; href: string };

const DIR = path.join(process.cwd(), 'public', '_css');
// One read per process, shared by every bundle that renders the page (components/page/critical-style.tsx reads the
// critical sheet from here during server rendering); re-read in development, where the files change.
type Holder = { [PAGE_CSS_KEY]?: PageCss };

function read(): PageCss {
  let names: string[];
  try {
    names = readdirSync(DIR);
  } catch {
    names = [];
  }
  const critical = names.find((name) => /^critical\.[0-9a-f]+\.css$/.test(name));
  const site = names.find((name) => /^site\.[0-9a-f]+\.css$/.test(name));
  if (!critical || !site) {
    throw new Error('The home page\'s style sheets are missing from public/_css: run `node scripts/build-css.mjs` (npm run build and npm run dev do).');
  }
  return { critical: readFileSync(path.join(DIR, critical), 'utf8'), href: `/_css/${site}` };
}

export function getPageCss(): PageCss {
  const holder = globalThis as Holder;
  if (process.env.NODE_ENV === 'development') return (holder[PAGE_CSS_KEY] = read());
  return (holder[PAGE_CSS_KEY] ??= read());
}
