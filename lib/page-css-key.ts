/**
 * Where the server keeps the home page's style sheets (lib/page-css.ts) for the one client component that renders
 * the critical one on the server (components/page/critical-style.tsx): a registered symbol on globalThis, the same in
 * every bundle of the process.
 */
export const PAGE_CSS_KEY: unique symbol = Symbol.for('ai-sales-agent.page-css');
