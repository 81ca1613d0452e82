// The embed loader's budget (issue 11): public/embed.js (minified from embed/loader.js by scripts/build-embed.mjs) is
// what every host page downloads, so it must stay under 4 KB gzipped. Run by `npm run build` (scripts/bundle-size.mjs), by `npm test` (__tests__/unit/embed-loader.test.ts) and
// on its own: `node scripts/embed-size.mjs` exits 1 over budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const EMBED_BUDGET_BYTES = 4 * 1024;

/** Raw and gzipped (level 9) size of the loader, and whether it is within budget. */
export function measureEmbedLoader(file = path.join(process.cwd(), 'public', 'embed.js')) {
  const source = readFileSync(file);
  const gzipped = gzipSync(source, { level: 9 }).length;
  return { raw: source.length, gzipped, budget: EMBED_BUDGET_BYTES, ok: gzipped < EMBED_BUDGET_BYTES };
}

/** Prints the loader's size; sets a failing exit code over budget. */
export function reportEmbedLoader() {
  const size = measureEmbedLoader();
  console.log(`\nEmbed loader (public/embed.js): ${(size.gzipped / 1024).toFixed(2)} KB gzipped (${size.raw} bytes raw), budget ${size.budget / 1024} KB`);
  if (!size.ok) {
    console.error(`The embed loader is ${size.gzipped - size.budget + 1} bytes over its budget.`);
    process.exitCode = 1;
  }
  return size;
}

// Not import.meta: Jest loads this file as CommonJS.
if (process.argv[1]?.endsWith('embed-size.mjs')) reportEmbedLoader();
