// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Upstash bridge, stand-ins and bench live in scripts/ and are never bundled.
  outputFileTracingExcludes: { '*': ['scripts/**', '__tests__/**'] },
};

module.exports = nextConfig;
