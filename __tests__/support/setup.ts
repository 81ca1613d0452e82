import '@testing-library/jest-dom';
import { settleBackground } from '@/lib/background';
import { en } from '@/lib/i18n/catalogues/en';
import { es } from '@/lib/i18n/catalogues/es';
import { registerFallbackMessages } from '@/lib/i18n/provider';

// The app's pages get their messages from the server; a component rendered on its own in a test reads these.
registerFallbackMessages({ en, es });

// A chat turn keeps relaying and storing after its client has gone; a test file must not end while one still runs
// (its retries would log after the file's environment is torn down, which fails the whole Jest run).
afterAll(() => settleBackground(), 15_000);

// Timers a test file's process singletons hold (the analytics idle sweeper, started with the event subscriber) are
// stopped when the file ends: a sweep that fired after its file had stopped its Redis bridge logged "fetch failed"
// after the environment was torn down, which fails the whole Jest run. Read from the registry without importing the
// modules (lib/process-singleton.ts), so a file that never started one loads nothing for it.
afterAll(() => {
  const registry = (globalThis as { [key: symbol]: Map<string, unknown> | undefined })[Symbol.for('ai-sales-agent.process-singletons')];
  for (const [name, value] of registry ?? []) {
    if (typeof value === 'object' && value !== null && 'hasRef' in value && 'refresh' in value) {
      clearInterval(value as ReturnType<typeof setInterval>);
      registry?.delete(name);
    }
  }
});
