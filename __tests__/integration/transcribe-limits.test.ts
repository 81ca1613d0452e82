/** @jest-environment node */
// Abuse of /api/v1/transcribe over real HTTP against `next start`: 20 concurrent 20 MB uploads, declared and chunked,
// must all be refused or processed while the server's resident memory grows by less than 100 MB.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startSmallestStandIn } from '../../scripts/standins/smallest-server.mjs';
import { WEBM_HEAD, webmRecording } from '../support/audio-bytes';
import { startSession } from '../support/visitor';

jest.setTimeout(120_000);

const UPLOADS = 20;
const UPLOAD_BYTES = 20 * 1024 * 1024;
const CAP_BYTES = 4 * 1024 * 1024;
const MAX_GROWTH_BYTES = 100 * 1024 * 1024;

type Next = Awaited<ReturnType<typeof startNextServer>>;
let standIn: Awaited<ReturnType<typeof startSmallestStandIn>>;
let next: Next;
let visitor: { authorization: string };
/** One per upload: a visitor gets one upload at a time (a second is a typed 429), and this is about many visitors at once. */
let visitors: { authorization: string }[];

beforeAll(async () => {
  standIn = await startSmallestStandIn({ apiKey: 'sm-limits', transcript: 'How much is the Pro plan?' });
  next = await startNextServer({
    env: {
      SMALLEST_API_KEY: 'sm-limits',
      SMALLEST_BASE_URL: standIn.url,
      TTS_PROVIDER: 'browser',
      RATE_LIMIT_TRANSCRIBE: 'off',
      TRANSCRIBE_MAX_BYTES: String(CAP_BYTES),
      TRANSCRIBE_MAX_CONCURRENT: '4',
      // Every upload here comes from 127.0.0.1: the per-address cap (tested in routes/attack-s27) is lifted, so that
      // this burst is about the server's slots and byte cap.
      TRANSCRIBE_MAX_PER_ADDRESS: '1000',
      RATE_LIMIT_SESSION: '1000/1m',
    },
  });
  visitor = await startSession(next.url);
  visitors = [];
  for (let n = 0; n < UPLOADS; n++) visitors.push(await startSession(next.url));
});

afterAll(async () => {
  await next?.stop();
  await standIn?.close();
});

/** The server's resident set size, from the kernel (what the issue measured). */
function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error('no VmRSS');
  return Number(match[1]) * 1024;
}

interface Outcome {
  status?: number;
  code?: string;
  error?: string;
  /** Bytes the client managed to write before the server answered or cut the connection. */
  sent: number;
}

/** Streams `total` bytes in 64 KiB writes (honouring backpressure); with `declare`, as a Content-Length body, else chunked. */
function upload({ total, declare, from = visitor }: { total: number; declare: boolean; from?: { authorization: string } }): Promise<Outcome> {
  return new Promise((resolve) => {
    const url = new URL(`${next.url}/api/v1/transcribe?language=en`);
    const headers: Record<string, string> = { 'content-type': 'audio/webm', authorization: from.authorization };
    if (declare) headers['content-length'] = String(total);
    const request = http.request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'POST', headers });
    const piece = Buffer.alloc(64 * 1024, 1);
    // A WebM recording's first bytes: the server refuses a body that is not audio (415) before its size comes into it,
    // and, once it is read, a body whose bytes after the header are not WebM's structure.
    const first = Buffer.from(piece);
    first.set(total <= piece.length ? webmRecording(total, 1) : WEBM_HEAD);
    let sent = 0;
    let settled = false;
    const finish = (outcome: Omit<Outcome, 'sent'>) => {
      if (settled) return;
      settled = true;
      request.destroy();
      resolve({ ...outcome, sent });
    };
    request.on('response', (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(parts).toString();
        let code: string | undefined;
        try {
          code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
        } catch {
          code = undefined;
        }
        finish({ status: response.statusCode, code });
      });
      response.on('error', (error: NodeJS.ErrnoException) => finish({ status: response.statusCode, error: error.code ?? error.message }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
    const pump = () => {
      while (!settled && sent < total) {
        const chunk = (sent === 0 ? first : piece).subarray(0, Math.min(piece.length, total - sent));
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!settled) request.end();
    };
    pump();
  });
}

/** Refused with a typed error, or cut off mid-upload by the server (the client then sees a reset or a broken pipe). */
function refused(outcome: Outcome): boolean {
  if (outcome.status === 413) return outcome.code === 'payload_too_large:transcribe';
  if (outcome.status === 503) return outcome.code === 'overloaded:transcribe';
  return outcome.status === undefined && ['ECONNRESET', 'EPIPE'].includes(outcome.error ?? '');
}

async function burst(declare: boolean): Promise<{ outcomes: Outcome[]; growth: number; before: number; after: number }> {
  const pid = next.pid!;
  const before = rssBytes(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 50);
  try {
    const outcomes = await Promise.all(Array.from({ length: UPLOADS }, (_, n) => upload({ total: UPLOAD_BYTES, declare, from: visitors[n] })));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = rssBytes(pid);
    peak = Math.max(peak, after);
    const tally = outcomes.reduce<Record<string, number>>((counts, outcome) => {
      const label = String(outcome.status ?? outcome.error);
      counts[label] = (counts[label] ?? 0) + 1;
      return counts;
    }, {});
    const sentMb = Math.max(...outcomes.map((outcome) => outcome.sent)) / 1024 / 1024;
    console.info(`[transcribe-limits] ${declare ? 'declared' : 'chunked'}: RSS ${mb(before)} → ${mb(after)} (peak ${mb(peak)}); outcomes ${JSON.stringify(tally)}; most sent by one client ${sentMb.toFixed(1)} MB`);
    return { outcomes, growth: Math.max(after, peak) - before, before, after };
  } finally {
    clearInterval(sampler);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('/api/v1/transcribe under 20 concurrent 20 MB uploads', () => {
  it('still transcribes a recording within the caps (and loads the route before memory is measured)', async () => {
    const outcome = await upload({ total: 2_000, declare: true });
    expect(outcome).toMatchObject({ status: 200 });
    expect(standIn.requests.at(-1)?.body).toEqual({ bytes: 2_000, contentType: 'audio/webm' });
  });

  it('refuses declared uploads from their Content-Length, before reading them', async () => {
    const { outcomes, growth } = await burst(true);
    expect(outcomes.filter(refused)).toHaveLength(UPLOADS);
    expect(outcomes.filter((outcome) => outcome.status !== undefined).every((outcome) => outcome.status === 413)).toBe(true);
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
  });

  it('cuts off chunked uploads (no Content-Length) while reading, or refuses them when every slot is taken', async () => {
    const { outcomes, growth } = await burst(false);
    expect(outcomes.filter(refused)).toHaveLength(UPLOADS);
    // None was read to the end: the server stopped each one at the cap at the latest (plus what sat in socket buffers).
    for (const outcome of outcomes) expect(outcome.sent).toBeLessThan(UPLOAD_BYTES);
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
  });

  it('still serves a normal recording afterwards (every slot was released)', async () => {
    for (let i = 0; i < 5; i++) expect(await upload({ total: 1_000, declare: i % 2 === 0 })).toMatchObject({ status: 200 });
  });
});
