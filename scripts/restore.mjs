// `npm run restore -- <file> [--dry-run] [--flush]`: loads a backup written by `npm run backup` (or downloaded from
// /admin/backups) into the Redis in UPSTASH_REDIS_REST_URL/TOKEN, under STORE_KEY_PREFIX. The whole file is checked
// first — a backup from a newer app version, or a cut file, changes nothing. --dry-run only says what would happen;
// --flush deletes every key under the prefix before writing. docs/admin.md.
import { createReadStream, existsSync, openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { ROOT, ensureNode22, log } from './lib/bootstrap.mjs';

ensureNode22();
for (const file of ['.env.local', '.env']) {
  if (existsSync(path.join(ROOT, file))) process.loadEnvFile(path.join(ROOT, file));
}
const { BackupError, connectionFromEnv, restoreBackup } = await import('../lib/admin/backup.ts');

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const flags = new Set(args.filter((arg) => arg.startsWith('-')));
const files = args.filter((arg) => !arg.startsWith('-'));
const unknown = [...flags].filter((flag) => !['--dry-run', '--flush', '-h', '--help'].includes(flag));
if (files.length !== 1 || unknown.length > 0 || flags.has('-h') || flags.has('--help')) {
  if (unknown.length > 0) console.error(`Unknown option: ${unknown.join(' ')}`);
  console.error('Usage: npm run restore -- <backup.ndjson[.gz]> [--dry-run] [--flush]');
  process.exit(2);
}
const file = path.resolve(files[0]);
const dryRun = flags.has('--dry-run');
const flush = flags.has('--flush');

/** gzip files start with 1f 8b, whatever their name. */
function isGzip() {
  const fd = openSync(file, 'r');
  const magic = Buffer.alloc(2);
  readSync(fd, magic, 0, 2, 0);
  closeSync(fd);
  return magic[0] === 0x1f && magic[1] === 0x8b;
}

function open() {
  const raw = createReadStream(file);
  if (!isGzip()) return createInterface({ input: raw, crlfDelay: Infinity });
  const gunzip = createGunzip();
  raw.once('error', (error) => gunzip.destroy(error)); // pipe() does not pass a read error on
  return createInterface({ input: raw.pipe(gunzip), crlfDelay: Infinity });
}

/** The "Restore failed:" message for what the file can cause; null for anything else (a bug: shown with its stack). */
function failure(error) {
  if (error instanceof BackupError) return error.message;
  const code = typeof error?.code === 'string' ? error.code : '';
  if (code.startsWith('Z_')) return `The backup file is cut short or not valid gzip (${error.message}).`;
  if ((error?.syscall === 'open' || error?.syscall === 'read') && code.startsWith('E')) return `Could not read ${file}: ${error.message}.`;
  return null;
}

try {
  if (!existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const conn = connectionFromEnv(process.env);
  log(`${dryRun ? 'Dry run: checking' : 'Restoring'} ${path.relative(process.cwd(), file)} into "${conn.prefix}"${flush ? ' (deleting its keys first)' : ''}`);
  const report = await restoreBackup(conn, open, { dryRun, flush });
  const would = dryRun ? 'would be ' : '';
  const types = Object.entries(report.byType).filter(([, n]) => n > 0).map(([type, n]) => `${n} ${type}`).join(', ');
  console.log(`Backup of ${report.header.createdAt} (format version ${report.header.version}, prefix "${report.header.prefix}"): ${report.keys} keys (${types || 'none'}).`);
  if (report.prefixChanged) console.log(`Its keys ${would}restored under "${conn.prefix}" instead of "${report.header.prefix}".`);
  if (flush) console.log(`${report.flushed} keys under "${conn.prefix}" ${would || 'were '}deleted first.`);
  console.log(`${report.restored} keys ${would || ''}restored${report.replaced ? `, ${report.replaced} of them replacing a key that exists now` : ''}.`);
  if (report.expired) console.log(`${report.expired} keys expired since the backup and ${dryRun ? 'would be' : 'were'} left out.`);
  if (dryRun) console.log('Nothing was changed. Run again without --dry-run to restore.');
} catch (error) {
  const message = failure(error);
  console.error(message === null ? error : `Restore failed: ${message}`);
  process.exit(1);
}
