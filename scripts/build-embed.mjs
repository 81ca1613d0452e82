// Builds the embed loader: embed/loader.js (the readable source, with its comments) → public/embed.js (minified by
// esbuild, what host pages download; its budget is 4 KB gzipped, scripts/embed-size.mjs). Run by `npm run build`;
// after editing the source run `node scripts/build-embed.mjs`. `--check` builds in memory and exits 1 when
// public/embed.js is not the build of the current source (the loader's unit test runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LOADER_SOURCE = path.join(ROOT, 'embed', 'loader.js');
export const LOADER_OUTPUT = path.join(ROOT, 'public', 'embed.js');

/** The minified loader. ES2019: optional catch bindings stay, and no `??` or `?.` is introduced for older browsers. */
export function buildEmbedLoader(source = readFileSync(LOADER_SOURCE, 'utf8')) {
  return transformSync(source, { minify: true, target: 'es2019', legalComments: 'inline', charset: 'utf8' }).code;
}

if (process.argv[1]?.endsWith('build-embed.mjs')) {
  const built = buildEmbedLoader();
  if (process.argv.includes('--check')) {
    if (readFileSync(LOADER_OUTPUT, 'utf8') !== built) {
      console.error('public/embed.js is not the build of embed/loader.js: run `node scripts/build-embed.mjs`.');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(LOADER_OUTPUT, built);
    console.log(`public/embed.js: ${built.length} bytes from embed/loader.js`);
  }
}
