import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

/**
 * The home page's style sheets (scripts/build-css.mjs): the critical one is inlined in every home page, twice (the
 * HTML and React's payload), so it must stay small; it must carry what the first paint needs (the theme variables of
 * both themes, Tailwind's base layer, the header's and hero's utilities) and nothing the whole sheet does not also have.
 * Behaviour (the first paint styled, nothing moving when the sheet arrives) is checked in __tests__/e2e/page-css.spec.ts.
 */
function compile(): { critical: string; site: string } {
  const script = "import { compilePageCss } from './scripts/build-css.mjs'; process.stdout.write(JSON.stringify(await compilePageCss()));";
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`build-css failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { critical: string; site: string };
}

/** Class selectors of a minified sheet (Tailwind's escapes kept as written). */
const classSelectors = (css: string) => new Set(css.match(/\.(?:[A-Za-z_-]|\\.)(?:[\w-]|\\.)*/g) ?? []);

describe('the home page style sheets', () => {
  const { critical, site } = compile();

  it('keeps the inline sheet within 7 KB gzipped, well under the whole sheet', () => {
    const criticalGzip = gzipSync(critical, { level: 9 }).length;
    expect(criticalGzip).toBeLessThanOrEqual(7 * 1024);
    expect(criticalGzip).toBeLessThan(gzipSync(site, { level: 9 }).length * 0.7);
  });

  it('has the base layer and both themes, and the utilities of the header and the hero', () => {
    expect(critical).toContain('@layer base');
    expect(critical).toContain("[data-theme=dark]");
    expect(critical).toContain('--brand-light-600');
    for (const utility of ['.lg\\:text-5xl', '.text-balance', '.bg-brand-600', '.focus-visible\\:outline-brand-600', '.sr-only', '.ms-auto', '.lg\\:grid-cols-\\[minmax\\(0\\,1fr\\)_26rem\\]']) {
      expect(classSelectors(critical)).toContain(utility);
    }
  });

  it('has nothing the whole sheet lacks, and leaves out what only the chat and the admin use', () => {
    const all = classSelectors(site);
    expect([...classSelectors(critical)].filter((selector) => !all.has(selector))).toEqual([]);
    // The chat panel's and the admin's own utilities come with the whole sheet only.
    const belowTheFold = [...all].filter((selector) => !classSelectors(critical).has(selector));
    expect(belowTheFold.length).toBeGreaterThan(50);
  });
});
