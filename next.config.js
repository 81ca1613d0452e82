// @ts-check

// Headers for API responses are set here, not in middleware: the edge middleware costs ~5 ms per request, which
// the chat's time to first token should not pay. Pages get theirs (with a per-request CSP nonce) from middleware.ts.
const API_SECURITY_HEADERS = [
  { key: 'x-content-type-options', value: 'nosniff' },
  { key: 'referrer-policy', value: 'strict-origin-when-cross-origin' },
  { key: 'x-frame-options', value: 'DENY' },
  { key: 'permissions-policy', value: 'microphone=(self), camera=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds live side by side (parallel development checkouts); `next start` reads the same variable.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The Upstash bridge, stand-ins and bench live in scripts/ and are never bundled.
  outputFileTracingExcludes: { '*': ['scripts/**', '__tests__/**'] },
  async headers() {
    return [{ source: '/api/:path*', headers: API_SECURITY_HEADERS }];
  },
  async rewrites() {
    // Unversioned API paths are aliases of the current version: /api/chat → /api/v1/chat.
    return { beforeFiles: [{ source: '/api/:path((?!v\\d+/|v\\d+$|auth/).*)', destination: '/api/v1/:path' }] };
  },
};

module.exports = nextConfig;
