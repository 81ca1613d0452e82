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
