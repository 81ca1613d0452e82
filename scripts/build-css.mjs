// The home page's style sheets (docs/performance.md, "The home page paints before its scripts"), built by Tailwind from
// app/globals.css before `next build` (npm run build) and by `npm run dev` (which rebuilds them on every change):
//
//   public/_css/critical.<hash>.css  the rules of the classes used from <html> to the end of the hero (the sources in
//                                    CRITICAL_SOURCES) with Tailwind's theme and base layers: inlined by app/page.tsx
//                                    in a <style>, so the first paint needs no request;
//   public/_css/site.<hash>.css      the whole sheet (the same as Next.js builds from globals.css for the other pages),
//                                    linked by app/page.tsx in <body> after the hero: it blocks the rendering of what
//                                    follows it only, never the first paint.
//
// Next.js 16's App Router always links a layout's CSS import as a render-blocking <link> in <head> (and
// experimental.inlineCss puts the whole sheet in the document three times), hence this second path for `/` alone.
// Usage: node scripts/build-css.mjs [--watch -- <next dev args>]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tailwind from '@tailwindcss/postcss';
import postcss from 'postcss';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'app', 'globals.css');
const OUT_DIR = path.join(ROOT, 'public', '_css');
/** What renders before the full sheet's <link> on `/` (relative to app/, as Tailwind's @source reads them). */
export const CRITICAL_SOURCES = ['./layout.tsx', './page.tsx', '../components/i18n/locale-switcher.tsx'];

async function compile(css, { base }) {
  const result = await postcss([tailwind({ base, optimize: { minify: true } })]).process(css, { from: SOURCE });
  return result.css;
}

/** The critical sheet: globals.css with Tailwind's automatic source detection replaced by the above-the-fold sources. */
function criticalSource(globals) {
  const importLine = /@import\s+['"]tailwindcss['"]\s*;/;
  if (!importLine.test(globals)) throw new Error(`${path.relative(ROOT, SOURCE)} no longer has "@import 'tailwindcss';"`);
  const sources = CRITICAL_SOURCES.map((file) => `@source '${file}';`).join('\n');
  return globals.replace(importLine, `@import 'tailwindcss' source(none);\n${sources}`);
}

const hashOf = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Both sheets' text, minified. */
export async function compilePageCss() {
  const globals = readFileSync(SOURCE, 'utf8');
  const [site, critical] = await Promise.all([compile(globals, { base: ROOT }), compile(criticalSource(globals), { base: ROOT })]);
  return { critical, site };
}

export async function buildPageCss() {
  const { critical, site } = await compilePageCss();
  const files = { critical: `critical.${hashOf(critical)}.css`, site: `site.${hashOf(site)}.css` };
  mkdirSync(OUT_DIR, { recursive: true });
  const keep = new Set(Object.values(files));
  for (const name of readdirSync(OUT_DIR)) if (!keep.has(name)) rmSync(path.join(OUT_DIR, name));
  writeFileSync(path.join(OUT_DIR, files.critical), critical);
  writeFileSync(path.join(OUT_DIR, files.site), site);
  return { files, bytes: { critical: Buffer.byteLength(critical), site: Buffer.byteLength(site) } };
}

function report({ files, bytes }) {
  console.log(`\x1b[36m›\x1b[0m page CSS: public/_css/${files.critical} (${(bytes.critical / 1024).toFixed(1)} KB), public/_css/${files.site} (${(bytes.site / 1024).toFixed(1)} KB)`);
}

/** `npm run dev`: build, start `next dev`, rebuild when a source or the style sheet changes. */
async function watchAndServe(nextArgs) {
  report(await buildPageCss());
  let timer;
  let running = Promise.resolve();
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => buildPageCss().then(report, (error) => console.error('[css]', error)));
    }, 150);
  };
  for (const dir of ['app', 'components', 'lib']) {
    watch(path.join(ROOT, dir), { recursive: true }, (_event, file) => {
      if (file && /\.(tsx?|css)$/.test(String(file))) rebuild();
    });
  }
  const next = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'dev', ...nextArgs], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => next.kill(signal));
  next.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--watch')) await watchAndServe(args.slice(args.indexOf('--') + 1 || args.length));
  else report(await buildPageCss());
}
