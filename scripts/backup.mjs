// `npm run backup [-- <file>]`: writes every key under the app's prefix (values and expiries) from the Redis in
// UPSTASH_REDIS_REST_URL/TOKEN to a versioned NDJSON file, gzipped when the name ends in .gz (the default:
// backups/sales-agent-backup-<time>.ndjson.gz). The file appears only when the backup is complete. docs/admin.md.
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ROOT, ensureNode22, log } from './lib/bootstrap.mjs';

ensureNode22();
for (const file of ['.env.local', '.env']) {
  if (existsSync(path.join(ROOT, file))) process.loadEnvFile(path.join(ROOT, file));
}
const { BackupError, backupFilename, backupLines, connectionFromEnv } = await import('../lib/admin/backup.ts');

const args = process.argv.slice(2).filter((arg) => arg !== '--');
if (args.some((arg) => arg === '-h' || arg === '--help')) {
  console.log('Usage: npm run backup [-- <file.ndjson[.gz]>]');
  process.exit(0);
}

const target = path.resolve(args[0] ?? path.join(ROOT, 'backups', backupFilename(Date.now())));
const partial = `${target}.partial`;
try {
  const conn = connectionFromEnv(process.env);
  mkdirSync(path.dirname(target), { recursive: true });
  log(`Backing up every key under "${conn.prefix}" to ${path.relative(process.cwd(), target)}`);
  let keys = 0;
  const lines = Readable.from(
    (async function* count() {
      for await (const chunk of backupLines(conn)) {
        if (chunk.startsWith('{"key":')) keys += chunk.split('\n').length - 1;
        yield chunk;
      }
    })(),
  );
  const file = createWriteStream(partial, { mode: 0o600 });
  await (target.endsWith('.gz') ? pipeline(lines, createGzip(), file) : pipeline(lines, file));
  if (!file.closed) await once(file, 'close');
  renameSync(partial, target);
  log(`Backed up ${keys} keys. Restore with: npm run restore -- ${path.relative(process.cwd(), target)} --dry-run`);
} catch (error) {
  rmSync(partial, { force: true });
  console.error(error instanceof BackupError ? `Backup failed: ${error.message}` : error);
  process.exit(1);
}
