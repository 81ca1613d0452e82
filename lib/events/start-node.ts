import 'server-only';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { ConfigError, getServerConfig } from '@/lib/config';
import { getNotifyConfig } from '@/lib/config-notify';
import { processSingleton } from '@/lib/process-singleton';
import { restoreHeldBatches, setOutboxSpool } from './bus';
import { createFileSpool, outboxDirectory, type FileSpool } from './spool-node';

/**
 * Gives the event bus's outbox its spool on disk (lib/events/spool-node.ts) and retries what processes that are gone
 * left in it. Only with a durable store: with the in-memory store a restart empties the store too, so nothing held
 * for it is worth keeping; EVENTS_OUTBOX_DIR=off keeps held events in memory only. Once per process.
 */
function spoolDirectory(): string | undefined {
  const { store } = getServerConfig();
  const { outbox } = getNotifyConfig();
  if (store.provider !== 'upstash' || !outbox.disk) return undefined;
  return outboxDirectory(outbox.dir, { url: store.url, prefix: store.prefix });
}

/**
 * At start-up, before the server answers: the spool's directory exists and can be written. A directory the deployer
 * set (EVENTS_OUTBOX_DIR) that cannot be is a bad configuration and stops start-up, naming it; the default one (the OS's
 * temp directory) only warns, and held events then stay in memory.
 */
export function checkOutboxDirectory(): void {
  const dir = spoolDirectory();
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (getNotifyConfig().outbox.dir !== undefined) {
      throw new ConfigError([`EVENTS_OUTBOX_DIR: ${dir} cannot be written (${reason}); set a writable directory, or off to hold events in memory only`]);
    }
    console.warn(`[events] the outbox spool ${dir} cannot be written (${reason}): events held while the store is down will not survive a restart`);
    processSingleton('events:outbox-unwritable', () => true);
  }
}

export async function startOutboxSpool(): Promise<FileSpool | undefined> {
  const dir = spoolDirectory();
  if (!dir || processSingleton('events:outbox-unwritable', () => false)) return undefined;
  return processSingleton('events:outbox-spool', async () => {
    const spool = createFileSpool(dir);
    const adopted = await spool.adopt();
    setOutboxSpool(spool);
    if (adopted.length > 0) {
      console.info(`[events] ${adopted.length} held batch(es) from before a restart: trying them again`);
      restoreHeldBatches(adopted);
    }
    return spool;
  });
}
