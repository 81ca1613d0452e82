// Measuring helpers of `npm run bench`: streamed requests timed at the client, percentiles, a process's CPU and memory
// from /proc (Linux), and the plain-text tables the bench prints.
import { readFileSync } from 'node:fs';
import { createParser } from 'eventsource-parser';

/**
 * Reads a server-sent event stream (eventsource-parser) until it ends or `onEvent` returns true, then cancels it.
 * @param {Response} response @param {(event: { id: string | undefined, data: string }) => boolean | void} onEvent
 */
export async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let stop = false;
  const parser = createParser({ onEvent: (event) => { if (!stop && onEvent({ id: event.id, data: event.data }) === true) stop = true; } });
  while (!stop) {
    const { done, value } = await reader.read();
    if (done) return;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  await reader.cancel().catch(() => undefined);
}

/** The `data` of each event, as the browser's chat reads it. */
export const readSse = (response, onData) => readEvents(response, (event) => void onData(event.data));

/** A text token of the OpenAI Chat Completions stream (the stand-in, the bare relay and the Next floor relay it). */
export const isOpenAIToken = (chunk) => Boolean(chunk.choices?.[0]?.delta?.content);
/** A text token of the AI SDK UI message stream (this app). */
export const isUIToken = (chunk) => chunk.type === 'text-delta';

/**
 * One streamed request; returns { ttft, gaps, tokens } (ms from just before fetch) or { error }.
 * @param {() => Promise<Response>} send @param {(chunk: any) => boolean} isToken
 */
export async function timedStream(send, isToken) {
  const started = performance.now();
  const times = [];
  try {
    const response = await send();
    if (!response.ok) return { error: `HTTP ${response.status}` };
    let failed;
    await readSse(response, (data) => {
      if (data === '[DONE]') return;
      const parsed = JSON.parse(data);
      if (parsed.type === 'error') failed = parsed.errorText;
      if (isToken(parsed)) times.push(performance.now());
    });
    if (failed || times.length === 0) return { error: failed ?? 'no tokens' };
    return { ttft: times[0] - started, gaps: times.slice(1).map((time, index) => time - times[index]), tokens: times.length };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
}

/**
 * A lighter reader for the sustained test (hundreds of streams at once, where the client's own JSON parsing would
 * weigh on the figures): frames are split on blank lines and a token is a frame containing `marker`.
 * @param {() => Promise<Response>} send @param {string} marker @param {number} expected tokens in a whole reply
 */
export async function countedStream(send, marker, expected) {
  const started = performance.now();
  const times = [];
  try {
    const response = await send();
    if (!response.ok) return { error: `HTTP ${response.status}` };
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let failed = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const now = performance.now();
      buffer += decoder.decode(value, { stream: true });
      const frames = buffer.split('\n\n');
      buffer = frames.pop() ?? '';
      for (const frame of frames) {
        if (frame.includes(marker)) times.push(now);
        else if (frame.includes('"type":"error"')) failed = true;
      }
    }
    if (failed || times.length < expected) return { error: failed ? 'error event' : `${times.length}/${expected} tokens` };
    return { ttft: times[0] - started, last: times.at(-1) - started, gaps: times.slice(1).map((time, index) => time - times[index]), tokens: times.length };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
}

/** The p-th percentile (nearest rank) of `values`; NaN when empty. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `n` calls of `fn` at once. */
export const burst = (n, fn) => Promise.all(Array.from({ length: n }, () => fn()));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat (Linux, 100 ticks/s); NaN elsewhere. */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process in MB, from /proc/<pid>/status (Linux); NaN elsewhere. */
export function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Prints `rows` (objects with the same keys) as a Markdown table under `title`. */
export function printTable(title, rows) {
  const format = (value) => (typeof value === 'number' ? (Number.isNaN(value) ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(1)) : String(value));
  const headers = Object.keys(rows[0]);
  const widths = headers.map((header) => Math.max(header.length, ...rows.map((row) => format(row[header]).length)));
  const line = (cells) => `| ${cells.map((cell, index) => cell.padStart(widths[index])).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(headers));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(headers.map((header) => format(row[header]))));
}
