// @ts-check

// Security headers for every response: pages, API routes, /_next/static, public files and the not-found page. The
// table is shared with the HTTP server hook (lib/security/http-hooks.ts), which also puts it on the answers Next.js
// makes before these rules apply (redirects, unparseable requests). Not in middleware: the edge middleware costs ~5 ms
// per request, which the chat's time to first token should not pay; middleware adds only the per-request CSP nonce.
const { always, overHttps, embed } = require('./lib/security/security-headers.json');
/** @param {Record<string, string>} table */
const asHeaders = (table) => Object.entries(table).map(([key, value]) => ({ key, value }));

// Only over https: a browser ignores HSTS sent over http, and sending it from a plain-http dev server would pin
// localhost to https. Behind a proxy the first X-Forwarded-Proto entry is the client's scheme; on direct TLS the
// HTTP server hook adds the same header (Strict-Transport-Security).
const OVER_HTTPS = /** @type {const} */ ({ type: 'header', key: 'x-forwarded-proto', value: '[Hh][Tt][Tt][Pp][Ss](?:\\s*,.*)?' });

// ---- /embed (docs/embed.md) -----------------------------------------------------------------------------------------
// Other sites load the loader (/embed.js: cross-origin CORP, or a host's <script> is refused) and frame one page
// (/embed: no X-Frame-Options, its CSP's frame-ancestors lists EMBED_ALLOWED_ORIGINS, set in middleware.ts; COOP
// unsafe-none so that the popup mode keeps its window.opener to talk to the host). The HTTP server hook applies the
// same table (lib/security/http-hooks.ts). Every other path keeps X-Frame-Options: DENY.
/** @param {Record<string, string>} table @param {string[]} names @param {boolean} keep */
const only = (table, names, keep) => Object.fromEntries(Object.entries(table).filter(([name]) => names.includes(name) === keep));
const EMBED_HEADERS = [
  { source: '/:path*', headers: asHeaders(only(always, embed.pageOmits, false)) },
  { source: '/:path((?!embed/?$).*)', headers: asHeaders(only(always, embed.pageOmits, true)) },
  { source: '/embed', headers: asHeaders(embed.page) },
  // Short-lived cache: a new loader reaches host pages within five minutes.
  { source: '/embed.js', headers: [...asHeaders(embed.loader), { key: 'cache-control', value: 'public, max-age=300' }] },
];
// ---- end /embed -----------------------------------------------------------------------------------------------------

// ---- API versioning (docs/api.md "API versioning") -------------------------------------------------------------------
// Unversioned paths are aliases of the current version (/api/chat → /api/v1/chat), deprecated: every answer through
// the alias says so (RFC 9745 Deprecation: since when, as @epoch-seconds; RFC 8594 Sunset: when it stops answering) and
// links the versioned path (RFC 8288 successor-version). /api/auth/* (sign-in) is not an alias and stays unversioned.
const UNVERSIONED_API = '/api/:path((?!v\\d+/|v\\d+$|auth/).*)';
const API_DEPRECATION = { deprecatedAt: '2026-11-24T00:00:00Z', sunset: 'Tue, 01 Jun 2027 00:00:00 GMT' };
const API_DEPRECATION_HEADERS = [
  { key: 'deprecation', value: `@${Date.parse(API_DEPRECATION.deprecatedAt) / 1000}` },
  { key: 'sunset', value: API_DEPRECATION.sunset },
  { key: 'link', value: '</api/v1/:path>; rel="successor-version"' },
];
// ---- end API versioning ---------------------------------------------------------------------------------------------

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds live side by side (parallel development checkouts); `next start` reads the same variable.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The Upstash bridge, stand-ins and bench live in scripts/ and are never bundled.
  outputFileTracingExcludes: { '*': ['scripts/**', '__tests__/**'] },
  // The home page reads its style sheets from public/_css at run time (lib/page-css.ts, built by scripts/build-css.mjs):
  // traced with it, so that a function (Vercel) or a standalone server has them beside it.
  outputFileTracingIncludes: { '/': ['./public/_css/*.css'] },
  async headers() {
    return [
      ...EMBED_HEADERS,
      { source: '/:path*', has: [OVER_HTTPS], headers: asHeaders(overHttps) },
      // The service worker script: browsers must ask for it each time so that a new version is found on the next visit.
      { source: '/serwist/:file*', headers: [{ key: 'cache-control', value: 'no-cache' }] },
      // The home page's style sheets (scripts/build-css.mjs): named by their content's hash, so never stale.
      { source: '/_css/:file*', headers: [{ key: 'cache-control', value: 'public, max-age=31536000, immutable' }] },
      { source: UNVERSIONED_API, headers: API_DEPRECATION_HEADERS },
    ];
  },
  async rewrites() {
    return { beforeFiles: [{ source: UNVERSIONED_API, destination: '/api/v1/:path' }] };
  },
};

module.exports = nextConfig;
