// @ts-check

// Security headers for every response: pages, API routes, /_next/static, public files and the not-found page.
// They are set here, not in middleware: the edge middleware costs ~5 ms per request, which the chat's time to first
// token should not pay. Middleware adds only what must be computed per page request (the CSP nonce, a request id).
const SECURITY_HEADERS = [
  { key: 'x-content-type-options', value: 'nosniff' },
  { key: 'referrer-policy', value: 'strict-origin-when-cross-origin' },
  { key: 'x-frame-options', value: 'DENY' },
  { key: 'permissions-policy', value: 'microphone=(self), camera=(), geolocation=(), payment=(), usb=()' },
  { key: 'cross-origin-opener-policy', value: 'same-origin' },
  // same-origin: no other site may load these responses. The embed loader (/embed.js) will need its own
  // `cross-origin` entry below this one when it lands, or host pages will not be able to load it.
  { key: 'cross-origin-resource-policy', value: 'same-origin' },
];

// Only over https: a browser ignores HSTS sent over http, and sending it from a plain-http dev server would pin
// localhost to https. Behind a proxy the first X-Forwarded-Proto entry is the client's scheme; on direct TLS the
// HTTP server hook (lib/security/http-hooks.ts) adds the same header.
const HSTS = { key: 'strict-transport-security', value: 'max-age=63072000; includeSubDomains' };
const OVER_HTTPS = /** @type {const} */ ({ type: 'header', key: 'x-forwarded-proto', value: '[Hh][Tt][Tt][Pp][Ss](?:\\s*,.*)?' });

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds live side by side (parallel development checkouts); `next start` reads the same variable.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The Upstash bridge, stand-ins and bench live in scripts/ and are never bundled.
  outputFileTracingExcludes: { '*': ['scripts/**', '__tests__/**'] },
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/:path*', has: [OVER_HTTPS], headers: [HSTS] },
    ];
  },
  async rewrites() {
    // Unversioned API paths are aliases of the current version: /api/chat → /api/v1/chat.
    return { beforeFiles: [{ source: '/api/:path((?!v\\d+/|v\\d+$|auth/).*)', destination: '/api/v1/:path' }] };
  },
};

module.exports = nextConfig;
