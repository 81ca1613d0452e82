import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onlyPublicChunks, publicChunkNames } from '@/lib/pwa/public-chunks';

/**
 * What the service worker precaches (lib/pwa/public-chunks.ts), read from a build laid out as Next.js 16 lays it out:
 * the framework's chunks, the public pages' chunks and the lazy chunks they name, never an admin-only chunk. The real
 * build is checked in __tests__/e2e/offline.spec.ts (the chunks a prospect's visit loads are all precached; none that
 * only an admin page loads is).
 */
describe('the chunks the service worker precaches', () => {
  let dist: string;
  const chunk = (name: string, body: string) => writeFileSync(path.join(dist, 'static', 'chunks', name), body);
  const clientManifest = (page: string, chunks: string[]) => {
    const file = path.join(dist, 'server', 'app', `${page}_client-reference-manifest.js`);
    mkdirSync(path.dirname(file), { recursive: true });
    const modules = Object.fromEntries(chunks.map((name, i) => [`[project]/m${i}.tsx`, { id: i, chunks: [`/_next/static/chunks/${name}`] }]));
    writeFileSync(file, `globalThis.__RSC_MANIFEST["/${page}"] = ${JSON.stringify({ clientModules: modules })};`);
  };

  beforeEach(() => {
    dist = mkdtempSync(path.join(tmpdir(), 'public-chunks-'));
    mkdirSync(path.join(dist, 'static', 'chunks'), { recursive: true });
    writeFileSync(path.join(dist, 'build-manifest.json'), JSON.stringify({ polyfillFiles: ['static/chunks/polyfills.js'], rootMainFiles: ['static/chunks/framework.js', 'static/chunks/turbopack-runtime.js'] }));
    chunk('framework.js', 'react-dom');
    chunk('turbopack-runtime.js', 'runtime');
    chunk('polyfills.js', 'core-js');
    chunk('home.js', 'e.v(t=>Promise.all(["static/chunks/chat-loader.js","static/chunks/chat.css"].map(t=>e.l(t))))');
    chunk('chat-loader.js', 'e.v(t=>Promise.all(["static/chunks/markdown.js"].map(t=>e.l(t))))');
    chunk('chat.css', '.chat{}');
    chunk('markdown.js', 'markdown');
    chunk('embed.js', 'embed page; shares "static/chunks/chat-loader.js"');
    chunk('admin.js', 'e.v(t=>Promise.all(["static/chunks/charts.js"].map(t=>e.l(t))))');
    chunk('charts.js', 'recharts');
    clientManifest('page', ['home.js']);
    clientManifest('embed/page', ['embed.js']);
    clientManifest('admin/page', ['admin.js', 'home.js']);
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('reaches the framework, the public pages and every lazy chunk they name, and nothing only the admin uses', () => {
    const keep = publicChunkNames(dist);
    expect(keep && [...keep].sort()).toEqual(['chat-loader.js', 'chat.css', 'embed.js', 'framework.js', 'home.js', 'markdown.js', 'turbopack-runtime.js']);
  });

  it('filters only chunks: the icon, the build manifests and public files stay precached', () => {
    const keep = publicChunkNames(dist);
    const entries = [
      { url: '.next/static/chunks/home.js', revision: null },
      { url: '.next/static/chunks/charts.js', revision: null },
      { url: '.next/static/chunks/polyfills.js', revision: null },
      { url: '.next/static/chunks/chat.css', revision: null },
      { url: '.next/static/media/icon.3hc1.svg', revision: null },
      { url: '.next/static/BUILD/_buildManifest.js', revision: null },
      { url: 'public/_css/site.0a1b.css', revision: null },
      { url: '/icon.svg', revision: 'abc' },
    ];
    expect(onlyPublicChunks(entries, keep).map((entry) => entry.url)).toEqual([
      '.next/static/chunks/home.js',
      '.next/static/chunks/chat.css',
      '.next/static/media/icon.3hc1.svg',
      '.next/static/BUILD/_buildManifest.js',
      'public/_css/site.0a1b.css',
      '/icon.svg',
    ]);
  });

  it('keeps everything when the build cannot be read, rather than a worker that cannot open the page offline', () => {
    expect(publicChunkNames(path.join(dist, 'missing'))).toBeNull();
    rmSync(path.join(dist, 'server'), { recursive: true });
    expect(publicChunkNames(dist)).toBeNull();
    const entries = [{ url: '/_next/static/chunks/charts.js' }];
    expect(onlyPublicChunks(entries, null)).toEqual(entries);
  });
});
