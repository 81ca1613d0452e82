/** @jest-environment node */
// The page gate's arithmetic (scripts/bench/page-gate.mjs), which `npm test` runs after Lighthouse has measured the
// blank Next.js page and `/` (scripts/bench/page.mjs --gate): the median run, the verdict, the first-load scripts,
// and the host page the embed bubble is measured on. The browser runs themselves are in that step, not here.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_LIMITS, describeAgainstBlank, firstLoadScriptSources, gateFailures, hostPage, isSlowHost, measureFirstLoad, medianRun, performanceBehind } from '@/scripts/bench/page-gate.mjs';

const KB = 1024;
const perfect = { accessibility: 100, 'best practices': 100, seo: 100 };
const figures = (blank: number, home: number, firstLoad = { blank: 131 * KB, home: 136 * KB }, categories = perfect) => ({
  blank: { performance: blank },
  home: { performance: home, ...categories },
  firstLoad,
});

describe('medianRun', () => {
  it('takes the run with the median performance score, whatever the order, with all its figures', () => {
    const runs = [
      { performance: 97, 'TBT ms': 120 },
      { performance: 87, 'TBT ms': 600 },
      { performance: 95, 'TBT ms': 180 },
    ];
    expect(medianRun(runs)).toEqual({ performance: 95, 'TBT ms': 180 });
    expect(runs.map((run) => run.performance)).toEqual([97, 87, 95]); // not sorted in place
  });

  it('breaks ties of score by blocking time then LCP, the worse counting as lower', () => {
    const runs = [
      { performance: 100, 'TBT ms': 0, 'LCP ms': 919 },
      { performance: 100, 'TBT ms': 0, 'LCP ms': 756 },
      { performance: 100, 'TBT ms': 20, 'LCP ms': 700 },
    ];
    expect(medianRun(runs)).toBe(runs[0]);
    expect(medianRun([...runs].reverse())).toBe(runs[0]);
  });

  it('takes the lower middle run of an even count and refuses none', () => {
    expect(medianRun([{ performance: 90 }, { performance: 100 }, { performance: 80 }, { performance: 99 }])).toEqual({ performance: 90 });
    expect(() => medianRun([])).toThrow(/no Lighthouse run/);
  });
});

describe('gateFailures', () => {
  it('passes / up to 2 points behind the blank page, and ahead of it', () => {
    expect(PAGE_LIMITS.points).toBe(2);
    expect(gateFailures(figures(100, 98))).toEqual([]);
    expect(gateFailures(figures(95, 99))).toEqual([]);
  });

  it('fails / 3 points behind, saying by how much', () => {
    expect(gateFailures(figures(100, 97))).toEqual(['performance 97 is 3 points behind the blank page\'s 100 (at most 2)']);
  });

  it('on a host where the blank page itself blocks over 150 ms, fails / only more than 25 points behind; the budget and the 100s still hold', () => {
    const onHost = (blankTbt: number, blankScore: number, home: number, firstLoad?: { blank: number; home: number }) => {
      const base = figures(blankScore, home, firstLoad);
      return gateFailures({ ...base, blank: { ...base.blank, 'TBT ms': blankTbt } });
    };
    expect(isSlowHost({ performance: 100, 'TBT ms': 79 })).toBe(false);
    expect(isSlowHost({ performance: 100, 'TBT ms': 150 })).toBe(false);
    expect(isSlowHost({ performance: 97, 'TBT ms': 151 })).toBe(true);
    expect(isSlowHost({ performance: 93, 'TBT ms': 309 })).toBe(true);
    expect(isSlowHost({ performance: 93 })).toBe(false);
    // A calibrated host (the blank page blocks 79 ms): the 2-point verdict.
    expect(onHost(79, 100, 97)).toEqual(['performance 97 is 3 points behind the blank page\'s 100 (at most 2)']);
    // A slow host (309 ms): 15 behind passes, 26 behind fails, saying why.
    expect(onHost(309, 93, 78)).toEqual([]);
    expect(onHost(309, 93, 67)).toEqual(['performance 67 is 26 points behind the blank page\'s 93 (at most 25 on a host where the blank page itself blocks 309 ms)']);
    expect(onHost(309, 93, 80, { blank: 131 * KB, home: 150 * KB })).toEqual([
      'first-load JavaScript 150.0 KB is 19.0 KB above the blank page\'s 131.0 KB (at most 10 KB)',
      'first-load JavaScript 150.0 KB is over the 145 KB guard',
    ]);
  });

  it('asks for more Lighthouse rounds only when / is behind by the limit the verdict will use', () => {
    // A calibrated host: 3 points behind is behind (more rounds), 2 is not.
    expect(performanceBehind({ performance: 95, 'TBT ms': 80 }, { performance: 92 })).toBe(true);
    expect(performanceBehind({ performance: 95, 'TBT ms': 80 }, { performance: 93 })).toBe(false);
    // A host too slow to judge 2 points (session 28's CI: 94 against 82 with the blank page blocking 274 ms): the
    // verdict is the 25-point one, which more rounds cannot change, so none are run.
    expect(performanceBehind({ performance: 94, 'TBT ms': 274 }, { performance: 82 })).toBe(false);
    expect(performanceBehind({ performance: 94, 'TBT ms': 274 }, { performance: 68 })).toBe(true);
  });

  it('fails first-load JavaScript more than 10 KB above the blank page or over the 145 KB guard', () => {
    expect(gateFailures(figures(100, 100, { blank: 131 * KB, home: 141 * KB }))).toEqual([]);
    expect(gateFailures(figures(100, 100, { blank: 131 * KB, home: 141 * KB + 1 }))).toEqual([
      'first-load JavaScript 141.0 KB is 10.0 KB above the blank page\'s 131.0 KB (at most 10 KB)',
    ]);
    expect(gateFailures(figures(100, 100, { blank: 140 * KB, home: 146 * KB }))).toEqual(['first-load JavaScript 146.0 KB is over the 145 KB guard']);
  });

  it('fails accessibility, best practices or SEO under 100, and a missing score (NaN) as well', () => {
    expect(gateFailures(figures(100, 100, undefined, { accessibility: 96, 'best practices': 100, seo: Number.NaN }))).toEqual([
      'accessibility 96 (needs 100)',
      'seo NaN (needs 100)',
    ]);
    expect(gateFailures({ ...figures(100, 100), home: { ...figures(100, 100).home, performance: Number.NaN } })[0]).toMatch(/^performance NaN/);
  });
});

describe('describeAgainstBlank', () => {
  it('prints both scores and both blocking times with the gaps and goals', () => {
    expect(describeAgainstBlank({ page: 'this app: /', performance: 96, 'TBT ms': 178.4 }, { performance: 100, 'TBT ms': 53 })).toBe(
      'this app: /: performance 96 vs 100 (-4; goal ≥ −2), TBT 178 vs 53 ms (+125 ms; goal ≤ +100 ms)',
    );
  });
});

describe('firstLoadScriptSources', () => {
  it('lists each <script src> once, in order, unescaped, without noModule polyfills or inline scripts', () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script><script nonce="x">self.__next_f=[]</script>' +
      '<script src="/_next/static/chunks/polyfills.js" noModule=""></script><script src="/_next/static/chunks/b.js?dpl=1&amp;v=2"></script>' +
      '<script src="/_next/static/chunks/a.js" async=""></script>';
    expect(firstLoadScriptSources(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js?dpl=1&v=2']);
  });
});

describe('measureFirstLoad', () => {
  let server: Server;
  let url: string;
  const bodies: Record<string, string> = { '/a.js': 'console.log("a");'.repeat(50), '/b.js': 'let b = 1;' };
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/') return response.end('<html><script src="/a.js"></script><script src="/b.js" async></script><script src="/p.js" nomodule></script></html>');
      response.end(bodies[request.url ?? ''] ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('adds up the gzipped size of each first-load script of the page', async () => {
    const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;
    await expect(measureFirstLoad(url)).resolves.toEqual({ files: 2, bytes: gz(bodies['/a.js']!) + gz(bodies['/b.js']!) });
  });
});

describe('hostPage', () => {
  const example = readFileSync(path.join(process.cwd(), 'examples', 'bubble.html'), 'utf8');
  const app = 'http://127.0.0.1:4321';

  it('serves examples/bubble.html with the app origin in the loader tag and the CSP', () => {
    const page = hostPage(example, app, { bubble: true });
    expect(page).toContain(`<script\n    src="${app}/embed.js"`);
    expect(page).toMatch(new RegExp(`script-src 'self' ${app}; frame-src ${app};`));
    expect(page).not.toContain('localhost:3000');
  });

  it('leaves only the loader out of the page without the bubble', () => {
    const withBubble = hostPage(example, app, { bubble: true });
    const without = hostPage(example, app, { bubble: false });
    expect(without).not.toContain('embed.js');
    expect(without).not.toContain('data-proactive-message');
    expect(without).toContain('<h1>Dashboards your whole team actually reads</h1>');
    expect(withBubble.length - without.length).toBe(withBubble.match(/\s*<script\b[^>]*\/embed\.js"[^>]*><\/script>/)![0].length);
  });

  it('refuses a page without the loader tag (the comparison would compare nothing)', () => {
    expect(() => hostPage('<html><body></body></html>', app, { bubble: false })).toThrow(/no <script src=".*embed\.js"> tag/);
  });
});
