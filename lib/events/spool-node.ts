import 'server-only';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { HeldBatch, OutboxSpool } from './bus';
import { appEventSchema } from './schema';

/**
 * The outbox's spool on disk (Node): the batches the event bus holds while the store is down (lib/events/bus.ts), so
 * that a restart during the outage does not lose a handoff or a booking that has not reached the sales team yet.
 *
 * One journal per process, `outbox-<pid>.jsonl`: a line `{"add":batch}` when a batch is held, `{"done":[ids]}` when
 * batches went out, and the file removed once nothing is held. At start-up a process adopts the journals of processes
 * that are gone (and its own pid's, a container restarted as pid 1): it renames each first, so two processes starting
 * together never both adopt one. The directory is per store (a hash of its URL and key prefix), so an instance never
 * replays events into another store than the one they were meant for.
 */
const heldBatchSchema = z.object({
  id: z.string().min(1).max(100),
  subscriber: z.string().min(1).max(100),
  events: z.array(appEventSchema).min(1),
  heldAt: z.number(),
});
const lineSchema = z.union([z.object({ add: heldBatchSchema }), z.object({ done: z.array(z.string()) })]);

/** The spool's directory: EVENTS_OUTBOX_DIR, else one under the OS's temp directory; both get a per-store folder. */
export function outboxDirectory(base: string | undefined, store: { url: string; prefix: string }): string {
  const scope = createHash('sha256').update(`${store.url}\n${store.prefix}`).digest('hex').slice(0, 16);
  return path.join(base ?? path.join(tmpdir(), 'ai-sales-agent-outbox'), scope);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The batches a journal still holds (lines that do not parse are skipped: a torn last line after a crash). */
export function replayJournal(text: string): { batches: HeldBatch[]; skipped: number } {
  const held = new Map<string, HeldBatch>();
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed: z.infer<typeof lineSchema>;
    try {
      parsed = lineSchema.parse(JSON.parse(line));
    } catch {
      skipped += 1;
      continue;
    }
    if ('add' in parsed) held.set(parsed.add.id, parsed.add as HeldBatch);
    else for (const id of parsed.done) held.delete(id);
  }
  return { batches: [...held.values()], skipped };
}

export interface FileSpool extends OutboxSpool {
  readonly file: string;
  /** Adopts the journals of processes that are gone; returns what they still held. */
  adopt(): Promise<HeldBatch[]>;
  /** Resolves when every write so far is on disk (tests, a graceful stop). */
  flushed(): Promise<void>;
}

export function createFileSpool(dir: string, pid = process.pid): FileSpool {
  const file = path.join(dir, `outbox-${pid}.jsonl`);
  let chain: Promise<void> = mkdir(dir, { recursive: true, mode: 0o700 }).then(() => undefined);
  let warned = false;
  const write = (task: () => Promise<void>) => {
    chain = chain.then(task).catch((error: unknown) => {
      if (warned) return;
      warned = true;
      console.error(`[events] the outbox spool ${file} cannot be written (held events will not survive a restart):`, (error as Error).message);
    });
  };
  const append = (line: unknown) => write(() => appendFile(file, `${JSON.stringify(line)}\n`, { mode: 0o600 }));

  return {
    file,
    added: (batch) => append({ add: batch }),
    removed: (ids, remaining) => {
      if (remaining.length === 0) write(() => unlink(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error))));
      else append({ done: ids });
    },
    flushed: () => chain,
    async adopt() {
      await chain;
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const adopted: HeldBatch[] = [];
      for (const name of names) {
        const match = /^outbox-(\d+)\.jsonl$/.exec(name);
        if (!match) continue;
        const owner = Number(match[1]);
        if (owner !== pid && isAlive(owner)) continue;
        const claimed = path.join(dir, `${name}.adopted-${pid}-${Date.now()}`);
        try {
          await rename(path.join(dir, name), claimed);
        } catch {
          continue; // another process adopted it first
        }
        try {
          const { batches, skipped } = replayJournal(await readFile(claimed, 'utf8'));
          if (skipped > 0) console.warn(`[events] the outbox spool ${name} had ${skipped} unreadable line(s), skipped`);
          adopted.push(...batches);
        } finally {
          await unlink(claimed).catch(() => undefined);
        }
      }
      return adopted.sort((a, b) => a.heldAt - b.heldAt);
    },
  };
}
