import 'server-only';
import { getServerConfig } from '@/lib/config';
import { getNotifyConfig } from '@/lib/config-notify';
import { processSingleton } from '@/lib/process-singleton';
import { restoreHeldBatches, setOutboxSpool } from './bus';
import { createFileSpool, outboxDirectory, type FileSpool } from './spool-node';

/**
 * Gives the event bus's outbox its spool on disk (lib/events/spool-node.ts) and retries what processes that are gone
 * left in it. Only with a durable store: with the in-memory store a restart empties the store too, so nothing held
 * for it is worth keeping; EVENTS_OUTBOX_DIR=off keeps held events in memory only. Once per process.
 */
export async function startOutboxSpool(): Promise<FileSpool | undefined> {
  const { store } = getServerConfig();
  const { outbox } = getNotifyConfig();
  if (store.provider !== 'upstash' || !outbox.disk) return undefined;
  return processSingleton('events:outbox-spool', async () => {
    const spool = createFileSpool(outboxDirectory(outbox.dir, { url: store.url, prefix: store.prefix }));
    const adopted = await spool.adopt();
    setOutboxSpool(spool);
    if (adopted.length > 0) {
      console.info(`[events] ${adopted.length} held batch(es) from before a restart: trying them again`);
      restoreHeldBatches(adopted);
    }
    return spool;
  });
}
