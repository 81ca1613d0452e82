// Jest runs unit, component, route-handler and integration tests. Integration suites start their own servers
// (redis-server + the Upstash bridge, the stand-ins, `next start`) on free ports; e2e runs under Playwright.
const nextJest = require('next/jest.js');

// The suites run in UTC whatever the host's zone: component tests render times in the process's zone (as a browser
// does), and five of them failed on a host in Los Angeles. Tests about other zones name theirs (Intl's `timeZone`).
process.env.TZ = 'UTC';

const createJestConfig = nextJest({ dir: './' });

// ESM-only packages that must be transformed (next/jest puts /node_modules/ first; we replace the list below).
const esm = ['ai', '@ai-sdk', 'zod', 'next-auth', '@auth', 'jose', 'oauth4webapi', '@panva', 'swr', 'eventsource-parser', '@upstash', '@workflow', '@standard-schema', '@vercel'];

/** @type {import('jest').Config} */
const config = {
  testEnvironment: '<rootDir>/__tests__/support/jsdom-env.js',
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup.ts'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1', '^server-only$': '<rootDir>/__tests__/support/empty.js' },
  testMatch: ['<rootDir>/__tests__/**/*.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/e2e/'],
  testTimeout: 20_000,
};

module.exports = async () => {
  const built = await createJestConfig(config)();
  built.transformIgnorePatterns = [`/node_modules/(?!(${esm.join('|')})/)`, '^.+\\.module\\.(css|sass|scss)$'];
  return built;
};
