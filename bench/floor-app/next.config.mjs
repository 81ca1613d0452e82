// The Next.js floor of `npm run bench`: the least a Next.js 16 app can do to relay a chat stream, and a blank page for
// `npm run bench:page`. Built by scripts/bench/floor-app.mjs from a copy under .tmp/bench/ (never in place).
/** @type {import('next').NextConfig} */
const nextConfig = { poweredByHeader: false };

export default nextConfig;
