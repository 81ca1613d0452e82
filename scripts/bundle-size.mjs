// Prints the gzipped JavaScript the home page ships (every <script src> in its HTML, gzip level 9) and fails when
// it is over the budget. Runs after `next build` (npm run build) against the production server.
import { gzipSync } from 'node:zlib';
import { startNextServer } from './lib/next-server.mjs';

const BUDGET_KB = 120;
const server = await startNextServer({ env: { OPENAI_API_KEY: '' } });
try {
  const html = await (await fetch(`${server.url}/`)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]))];
  let raw = 0;
  let gzipped = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer());
    raw += body.length;
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log(`\nHome page JavaScript: ${sources.length} files, ${kb(raw)} KB raw, ${kb(gzipped)} KB gzipped (budget ${BUDGET_KB} KB)`);
  if (gzipped / 1024 > BUDGET_KB) {
    console.error(`Over budget by ${kb(gzipped - BUDGET_KB * 1024)} KB gzipped.`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
