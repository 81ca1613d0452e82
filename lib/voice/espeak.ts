import 'server-only';
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '@/lib/errors';
import { concatBytes } from './pcm';
import { pcmFormat, type ProviderHealth, type SpeechRequest, type TtsProvider } from './types';
import { parseWavHeader } from './wav-header';

/**
 * Local speech with espeak-ng, run as a separate process. It is GPL-3: spawning the program keeps this app's licence
 * its own, which linking a wasm/npm port would not (TOOLCHAIN.md). This is the one Node-only module a route may reach.
 */
const ESPEAK_RATE = 22_050;
const NORMAL_WPM = 175;

export interface EspeakOptions {
  binary?: string;
  /** The process is killed after this long (a wedged espeak-ng must not hold a speech slot for ever). */
  timeoutMs?: number;
}

/** `--voices` and `--version` answer in milliseconds; anything slower is a broken install. */
const PROBE_TIMEOUT_MS = 5_000;

/** Whether an espeak-ng executable is on PATH (checked once by the provider selection, at first use). */
export function findEspeak(binary = 'espeak-ng', searchPath = process.env.PATH ?? ''): string | null {
  if (binary.includes('/')) return isExecutable(binary) ? binary : null;
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    // A runtime lookup on PATH, not a file of this project: keep it out of the build's file tracing.
    const candidate = path.join(/*turbopackIgnore: true*/ dir, binary);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function createEspeakProvider(options: EspeakOptions = {}): TtsProvider {
  const binary = options.binary ?? 'espeak-ng';
  const timeoutMs = options.timeoutMs ?? 30_000;
  let voices: Promise<Set<string>> | undefined;

  return {
    id: 'espeak',
    format: pcmFormat(ESPEAK_RATE),
    formatFor: () => pcmFormat(ESPEAK_RATE),
    variant: 'espeak-ng',

    async *stream(request: SpeechRequest) {
      request.signal?.throwIfAborted();
      const wpm = String(Math.round(NORMAL_WPM * request.speed));
      // Text goes in on stdin, not argv: a sentence starting with "-" must not be read as an option.
      const child = spawn(/*turbopackIgnore: true*/ binary, ['--stdout', '-b', '1', '-v', request.voice, '-s', wpm], { stdio: ['pipe', 'pipe', 'pipe'] });
      const kill = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      };
      request.signal?.addEventListener('abort', kill, { once: true });
      const timer = setTimeout(kill, timeoutMs);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-1_000)));
      const exited = new Promise<number | null>((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (code) => resolve(code));
      });
      exited.catch(() => undefined); // awaited below; a spawn failure also ends the stdout loop
      child.stdin.on('error', () => undefined); // EPIPE when the process dies first: reported through its exit code
      child.stdin.end(request.text);

      try {
        let header: Uint8Array = new Uint8Array(0);
        let started = false;
        let carry: Uint8Array | null = null;
        for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
          let bytes: Uint8Array = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          if (!started) {
            header = concatBytes([header, bytes]);
            const info = parseWavHeader(header);
            if (!info) continue;
            if (info.sampleRate !== ESPEAK_RATE || info.channels !== 1 || info.bitsPerSample !== 16) {
              throw new AppError('upstream_unavailable:voice', `espeak-ng produced ${info.sampleRate} Hz/${info.channels} ch/${info.bitsPerSample} bit audio.`);
            }
            started = true;
            bytes = header.subarray(info.dataOffset);
          }
          if (carry) bytes = concatBytes([carry, bytes]);
          const even = bytes.length - (bytes.length % 2);
          carry = even < bytes.length ? bytes.slice(even) : null;
          // Copy: the stream may reuse its buffers, and the cache keeps these chunks.
          if (even > 0) yield bytes.slice(0, even);
        }
        const code = await exited;
        request.signal?.throwIfAborted();
        if (code !== 0 || !started) {
          throw new AppError('upstream_unavailable:voice', 'espeak-ng failed to speak.', { cause: `exit ${code}: ${stderr.trim()}` });
        }
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        if (isAppError(error)) throw error;
        throw new AppError('upstream_unavailable:voice', 'espeak-ng could not be run.', { cause: error });
      } finally {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', kill);
        kill();
      }
    },

    async hasVoice(voice) {
      voices ??= listVoices(binary).catch((error: unknown) => {
        voices = undefined;
        throw error;
      });
      const known = await voices;
      return known.has(voice.split('+')[0]?.toLowerCase() ?? '');
    },

    async ping(): Promise<ProviderHealth> {
      const started = performance.now();
      try {
        await run(binary, ['--version']);
        return { ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch {
        return { ok: false, latencyMs: Math.round(performance.now() - started), error: 'espeak-ng could not be run.' };
      }
    },
  };
}

/** `espeak-ng --voices`: columns Pty, Language, Age/Gender, VoiceName, File, Other languages. Any of them names a voice. */
async function listVoices(binary: string): Promise<Set<string>> {
  const output = await run(binary, ['--voices']);
  const ids = new Set<string>();
  for (const line of output.split('\n').slice(1)) {
    const [, language, , name, file] = line.trim().split(/\s+/);
    for (const id of [language, name, file, file?.split('/').pop()]) if (id) ids.add(id.toLowerCase());
  }
  return ids;
}

function run(binary: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(/*turbopackIgnore: true*/ binary, args, { stdio: ['ignore', 'pipe', 'ignore'], timeout: PROBE_TIMEOUT_MS, killSignal: 'SIGKILL' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${binary} exited ${code}`))));
  });
}
