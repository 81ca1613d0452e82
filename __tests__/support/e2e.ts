/** The app under test, started by __tests__/e2e/global-setup.ts (playwright.config.ts). */
export function baseURL(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts (npm test)');
  return url;
}
