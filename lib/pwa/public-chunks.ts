import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the service worker precaches for a prospect: the scripts and style sheets the public pages can ever load, not
 * every file of the build. Without this filter a prospect's first visit (and a marketer's embed, once opened) downloaded
 * the admin's chunks too (its charts library alone is ~120 KB gzipped) and the legacy polyfills no browser that runs a
 * service worker needs: ~480 KB gzipped instead of ~200. The admin pages still load theirs on demand, online, and the
 * worker's runtime cache keeps them once seen (app/sw.ts). docs/offline.md.
 *
 * Read from the build at `next build` time (app/serwist/[path]/route.ts): the framework's own chunks
 * (`build-manifest.json`'s rootMainFiles), every chunk named by the client reference manifests of the public pages,
 * and, transitively, every chunk those chunks name (Turbopack's lazy loaders list the chunks of a dynamic import as
 * `static/chunks/<file>` strings).
 */
export const PUBLIC_PAGES = ['page', 'embed/page', '_not-found/page', '_global-error/page'] as const;

const CHUNK = /static\/chunks\/[\w.-]+\.(?:js|css)/g;

/** The build's chunk files (their names, e.g. `0ybv8mj2f-1lj.js`) that the given pages reach; null when the build's
 *  manifests cannot be read (then nothing should be filtered out). */
export function publicChunkNames(distDir: string, pages: readonly string[] = PUBLIC_PAGES): Set<string> | null {
  const buildManifest = path.join(distDir, 'build-manifest.json');
  if (!existsSync(buildManifest)) return null;
  const queue: string[] = [];
  const { rootMainFiles = [] } = JSON.parse(readFileSync(buildManifest, 'utf8')) as { rootMainFiles?: string[] };
  queue.push(...rootMainFiles);
  let pagesFound = 0;
  for (const page of pages) {
    const manifest = path.join(distDir, 'server', 'app', `${page}_client-reference-manifest.js`);
    if (!existsSync(manifest)) continue;
    pagesFound += 1;
    queue.push(...namedChunks(readFileSync(manifest, 'utf8')));
  }
  if (pagesFound === 0) return null;

  const reached = new Set<string>();
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const name = path.posix.basename(file);
    if (reached.has(name)) continue;
    reached.add(name);
    const onDisk = path.join(distDir, 'static', 'chunks', name);
    if (existsSync(onDisk)) queue.push(...namedChunks(readFileSync(onDisk, 'utf8')));
  }
  return reached;
}

function namedChunks(text: string): string[] {
  return Array.from(text.matchAll(CHUNK), (match) => match[0]);
}

/** Keeps every precache entry that is not a chunk, and the chunks in `keep`. */
export function onlyPublicChunks<Entry extends { url: string }>(entries: Entry[], keep: Set<string> | null): Entry[] {
  if (keep === null) return entries;
  return entries.filter((entry) => {
    const chunk = /\/static\/chunks\/([\w.-]+\.(?:js|css))$/.exec(entry.url.split('?')[0] ?? '');
    return chunk?.[1] === undefined || keep.has(chunk[1]);
  });
}
