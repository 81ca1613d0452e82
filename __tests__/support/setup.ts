import '@testing-library/jest-dom';
import { settleBackground } from '@/lib/background';

// A chat turn keeps relaying and storing after its client has gone; a test file must not end while one still runs
// (its retries would log after the file's environment is torn down, which fails the whole Jest run).
afterAll(() => settleBackground(), 15_000);
