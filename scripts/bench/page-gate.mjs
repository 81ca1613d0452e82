// The page figures' arithmetic, apart from the browser runs so that Jest can test it (__tests__/unit/page-gate.test.ts):
// the median run, the CI gate's verdict (issue 12: `/` within 2 points of a blank Next.js page measured in the same
// run, first-load JavaScript within 10 KB of that page's and under the build's 145 KB guard, 100 for accessibility,
// best practices and SEO), the first-load scripts of a page, and the host page the embed bubble is measured on.
// Used by scripts/bench/page.mjs (`npm run bench:page`, and `--gate` in `npm test`). No top-level await: Jest loads
// this file as CommonJS.
import { gzipSync } from 'node:zlib';

export const PAGE_LIMITS = {
  /** Points `/` may trail the blank page by (Lighthouse mobile performance, median of the runs). */
  points: 2,
  /** Total blocking time above the blank page's: the goal, printed beside the verdict (too noisy to gate). */
  tbtMs: 100,
  /** First-load JavaScript above the blank page's, gzipped. */
  firstLoadOverBlankKB: 10,
  /** The build's own guard on the home page's first-load JavaScript (scripts/bundle-size.mjs). */
  firstLoadGuardKB: 145,
  /** Accessibility, best practices and SEO of `/`. */
  categories: 100,
  /**
   * The host check: a blank Next.js page whose own median total blocking time is over this (about twice its 79 ms on
   * the host where the gate was calibrated, session 6's CI) was measured on a host that does not reproduce Lighthouse's
   * reference conditions
   * (a loaded or slow 2-core machine: task times there are wall-clock, and the 4× CPU multiplier turns its 15–25 ms
   * tasks into blocking time far faster than the host slows). On such a host the 2-point verdict says more about the
   * host than the page (docs/performance.md, "the page gate on a slow host"): it is printed, and `/` fails only when
   * it is more than `slowHostPoints` behind. The JavaScript budget and the 100s are enforced everywhere.
   */
  hostBlankTbtMs: 150,
  slowHostPoints: 25,
};

/** Whether the blank page's figures say this host cannot judge the 2-point criterion (see PAGE_LIMITS.hostBlankTbtMs). */
export function isSlowHost(blank, limits = PAGE_LIMITS) {
  return Number.isFinite(blank['TBT ms']) && blank['TBT ms'] > limits.hostBlankTbtMs;
}

/**
 * Whether `/` trails the blank page by more than this host's limit: 2 points, or `slowHostPoints` where the blank
 * page's own blocking time says the host cannot judge 2 (median runs of both).
 */
export function performanceBehind(blank, home, limits = PAGE_LIMITS) {
  const behind = blank.performance - home.performance;
  return !(behind <= (isSlowHost(blank, limits) ? limits.slowHostPoints : limits.points));
}

/**
 * The run whose performance score is the median (the lower middle one for an even count); among runs of the same
 * score, the worse blocking time then the later LCP count as lower, so that ties pick the same run every time.
 */
export function medianRun(runs) {
  if (runs.length === 0) throw new Error('no Lighthouse run to take the median of');
  const worse = (a, b, key) => (b[key] ?? 0) - (a[key] ?? 0);
  const sorted = [...runs].sort((a, b) => a.performance - b.performance || worse(a, b, 'TBT ms') || worse(a, b, 'LCP ms'));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Every `<script src>` a modern browser runs on load, in order, once each (noModule polyfills left out). */
export function firstLoadScriptSources(html) {
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter((match) => !/\bnomodule\b/i.test(match[0]));
  return [...new Set(tags.map((match) => match[1].replaceAll('&amp;', '&')))];
}

/** The first-load JavaScript of the page at `url`, gzipped (level 9) file by file, in bytes. */
export async function measureFirstLoad(url) {
  const html = await (await fetch(url)).text();
  let bytes = 0;
  const sources = firstLoadScriptSources(html);
  for (const src of sources) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer()), { level: 9 }).length;
  return { files: sources.length, bytes };
}

/**
 * Why `/` fails the gate ([] when it passes).
 * @param {{ blank: { performance: number, 'TBT ms'?: number }, home: { performance: number, accessibility: number, 'best practices': number, seo: number }, firstLoad: { blank: number, home: number } }} figures
 *   median runs of the blank page and of `/`, and both pages' first-load JavaScript in bytes
 */
export function gateFailures({ blank, home, firstLoad }, limits = PAGE_LIMITS) {
  const failures = [];
  const behind = blank.performance - home.performance;
  if (performanceBehind(blank, home, limits)) {
    failures.push(
      isSlowHost(blank, limits)
        ? `performance ${home.performance} is ${behind} points behind the blank page's ${blank.performance} (at most ${limits.slowHostPoints} on a host where the blank page itself blocks ${blank['TBT ms'].toFixed(0)} ms)`
        : `performance ${home.performance} is ${behind} points behind the blank page's ${blank.performance} (at most ${limits.points})`,
    );
  }
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const over = firstLoad.home - firstLoad.blank;
  if (!(over <= limits.firstLoadOverBlankKB * 1024)) {
    failures.push(`first-load JavaScript ${kb(firstLoad.home)} KB is ${kb(over)} KB above the blank page's ${kb(firstLoad.blank)} KB (at most ${limits.firstLoadOverBlankKB} KB)`);
  }
  if (!(firstLoad.home <= limits.firstLoadGuardKB * 1024)) failures.push(`first-load JavaScript ${kb(firstLoad.home)} KB is over the ${limits.firstLoadGuardKB} KB guard`);
  for (const category of ['accessibility', 'best practices', 'seo']) {
    if (!(home[category] >= limits.categories)) failures.push(`${category} ${home[category]} (needs ${limits.categories})`);
  }
  return failures;
}

/** The figures of one page beside the blank page's, as one line. */
export function describeAgainstBlank(row, blank, limits = PAGE_LIMITS) {
  const points = row.performance - blank.performance;
  const tbt = row['TBT ms'] - blank['TBT ms'];
  return (
    `${row.page}: performance ${row.performance} vs ${blank.performance} (${points >= 0 ? '+' : ''}${points}; goal ≥ −${limits.points}), ` +
    `TBT ${row['TBT ms'].toFixed(0)} vs ${blank['TBT ms'].toFixed(0)} ms (${tbt >= 0 ? '+' : ''}${tbt.toFixed(0)} ms; goal ≤ +${limits.tbtMs} ms)`
  );
}

const LOADER_TAG = /\s*<script\b[^>]*\bsrc="[^"]*\/embed\.js"[^>]*><\/script>/;

/**
 * examples/bubble.html as served for the bench from another origin: the app's origin in place of
 * http://localhost:3000 (the script tag and the page's CSP), with the loader's script tag, or without it.
 */
export function hostPage(html, appOrigin, { bubble }) {
  if (!LOADER_TAG.test(html)) throw new Error('the host page has no <script src=".../embed.js"> tag');
  const page = html.replaceAll('http://localhost:3000', appOrigin);
  return bubble ? page : page.replace(LOADER_TAG, '');
}
