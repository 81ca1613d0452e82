/// <reference lib="webworker" />
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from 'serwist';

// The service worker, bundled by @serwist/turbopack at build time (app/serwist/[path]/route.ts) and served at
// /serwist/sw.js with scope `/`. What it caches and why: docs/offline.md.

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const PAGES = 'pages';
const APP_SHELL = '/';

// Chunk URLs are content-hashed, so any copy of one is the right one: a page cached by one worker version may ask for
// chunks that another version precached. Looking in every cache keeps such a page working offline across an update.
const anyCache: SerwistPlugin = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) => cachedResponse ?? (await caches.match(request)),
};

// A page that was never visited (another query string, say) still opens offline: as the app shell, cached at install.
const appShellFallback: SerwistPlugin = {
  handlerDidError: async () => (await caches.match(APP_SHELL, { cacheName: PAGES })) ?? Response.error(),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // Next adds a query string to some static URLs (the icon's content hash): the precached copy is the same file.
  precacheOptions: { cleanupOutdatedCaches: true, ignoreURLParametersMatching: [/.*/] },
  // A new version waits until the page asks it to take over (the reload prompt), so a page is never run by a worker
  // from another version behind its back. The first install has nothing to wait for and claims the open page, so the
  // first visit is enough to work offline.
  skipWaiting: false,
  clientsClaim: true,
  runtimeCaching: [
    {
      // Pages: always the newest from the network (with its own CSP nonce); the last copy only when offline. The cached
      // Response keeps its headers, so its CSP nonce still matches the nonce in its HTML.
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === 'navigate' && !url.pathname.startsWith('/api/'),
      handler: new NetworkFirst({
        cacheName: PAGES,
        networkTimeoutSeconds: 5,
        plugins: [new ExpirationPlugin({ maxEntries: 16 }), appShellFallback],
      }),
    },
    {
      // Static assets of builds other than this worker's (a deploy after it was installed).
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({
        cacheName: 'next-static',
        plugins: [anyCache, new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 60 * 60 * 24 * 30 })],
      }),
    },
    // Nothing else is intercepted: /api/* (per-visitor answers; the chat caches its own history), POSTs and the
    // Next.js RSC requests go straight to the network.
  ],
});

// The app shell for offline opening: the page the prospect is on was loaded before this worker existed.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(PAGES).then((cache) => cache.add(new Request(APP_SHELL, { credentials: 'same-origin' }))));
});

serwist.addEventListeners();
