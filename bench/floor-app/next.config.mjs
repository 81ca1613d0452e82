// The Next.js floor of `npm run bench`: the least a Next.js 16 app can do to relay a chat stream, and a blank page for
// `npm run bench:page`. Built by scripts/bench/floor-app.mjs from a copy under .tmp/bench/ (never in place), with a
// hard-linked node_modules beside it: Turbopack's root must be this directory, or it takes the repository's
// package-lock.json as the workspace root and bundles the app's own middleware.ts and instrumentation.ts into the floor.
/** @type {import('next').NextConfig} */
const nextConfig = { poweredByHeader: false, turbopack: { root: import.meta.dirname } };

export default nextConfig;
