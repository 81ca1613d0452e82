import { defineConfig } from '@playwright/test';

// End to end in the system Chromium (Playwright's own browser download cannot work on these machines).
// The global setup starts redis-server + the Upstash bridge and `next start` on free ports.
export default defineConfig({
  testDir: './__tests__/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './__tests__/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  // npm test sets PLAYWRIGHT_RETRIES=1 (scripts/test-all.mjs names what passed only on its second try); 0 otherwise.
  retries: Number(process.env.PLAYWRIGHT_RETRIES ?? 0),
  timeout: 30_000,
  // The whole run (57 tests take 6–7 minutes on a slow 2-core host): a hang fails with the tests that did not run named.
  globalTimeout: 25 * 60_000,
  outputDir: '.tmp/playwright',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
    trace: 'retain-on-failure',
  },
});
