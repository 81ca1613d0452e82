// The sustained test of `npm run bench`: many long replies streaming at once through one server, timed at the client.
import { countedStream, cpuMs, percentile, rssMb, sleep } from './measure.mjs';

/**
 * Opens `streams` requests at once (each a reply of `tokens` tokens) and measures, at the client, the gaps between
 * consecutive tokens of each stream, the time to first token, the errors, and the server's CPU per stream and memory.
 * @param {{ name: string, pid: number | undefined, send: () => Promise<Response>, marker: string }} target
 * @param {{ streams: number, tokens: number }} load
 */
export async function sustain(target, { streams, tokens }) {
  const cpuBefore = target.pid ? cpuMs(target.pid) : NaN;
  const started = performance.now();
  let peakRss = 0;
  const sampler = setInterval(() => {
    const rss = target.pid ? rssMb(target.pid) : NaN;
    if (rss > peakRss) peakRss = rss;
  }, 250);
  const results = await Promise.all(Array.from({ length: streams }, () => countedStream(target.send, target.marker, tokens)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  await sleep(300);
  const ok = results.filter((result) => !result.error);
  const gaps = ok.flatMap((result) => result.gaps);
  // Tokens that arrive in one read have a gap of 0: when a server falls behind it delivers tokens in bunches, so the
  // gaps between deliveries (reads bringing at least one token) and the time to the last token tell the rest.
  const deliveries = gaps.filter((gap) => gap > 0);
  const ttft = ok.map((result) => result.ttft);
  const last = ok.map((result) => result.last);
  const firstError = results.find((result) => result.error)?.error;
  return {
    server: target.name,
    streams,
    'ttft p50': percentile(ttft, 50),
    'ttft p95': percentile(ttft, 95),
    'gap p50': percentile(gaps, 50),
    'gap p95': percentile(gaps, 95),
    'gap p99': percentile(gaps, 99),
    'gap max': gaps.reduce((max, gap) => Math.max(max, gap), 0),
    'delivery gap p95': percentile(deliveries, 95),
    'last token p50': percentile(last, 50),
    'last token p95': percentile(last, 95),
    'wall s': seconds,
    'cpu/stream ms': target.pid ? (cpuMs(target.pid) - cpuBefore) / streams : NaN,
    'peak rss MB': peakRss || NaN,
    errors: results.length - ok.length,
    ...(firstError ? { 'first error': firstError } : { 'first error': '' }),
  };
}
