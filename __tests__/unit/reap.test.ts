import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { findMarked, reapMarked, RUN_ID_VAR } from '@/scripts/lib/reap.mjs';

// What `npm test` stops between its stages: only processes carrying its run's mark, never another's or its own.
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

function sleeper(env: Record<string, string | undefined>, ignoreTerm = false): ChildProcess {
  // Says "ready" once running (and, for the stubborn one, once its SIGTERM handler is in place).
  const script = `${ignoreTerm ? "process.on('SIGTERM', () => {});" : ''} setInterval(() => {}, 1000); process.stdout.write('ready');`;
  const child = spawn(process.execPath, ['-e', script], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode ?? child.exitCode);
    else child.once('exit', (code, signal) => resolve(signal ?? code));
  });

async function started(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', () => reject(new Error('the child exited before it was ready')));
  });
  expect(child.exitCode).toBeNull();
}

const linux = process.platform === 'linux';
(linux ? test : test.skip)('finds and stops the processes of its run only, SIGKILL for one that ignores SIGTERM', async () => {
  // (skipped off Linux: the reaper reads /proc, and finds nothing elsewhere by design)
  const runId = randomUUID();
  const mine = sleeper({ PATH: process.env.PATH, [RUN_ID_VAR]: runId });
  const stubborn = sleeper({ PATH: process.env.PATH, [RUN_ID_VAR]: runId }, true);
  const another = sleeper({ PATH: process.env.PATH, [RUN_ID_VAR]: randomUUID() });
  const unmarked = sleeper({ PATH: process.env.PATH });
  await Promise.all([mine, stubborn, another, unmarked].map(started));

  expect(findMarked(runId).map(({ pid }) => pid).sort()).toEqual([mine.pid, stubborn.pid].sort());
  expect(findMarked(runId)[0]?.command).toContain(process.execPath);

  const reaped = await reapMarked(runId, { graceMs: 500 });
  expect(reaped.map(({ pid }) => pid).sort()).toEqual([mine.pid, stubborn.pid].sort());
  expect(await exited(mine)).toBe('SIGTERM');
  expect(await exited(stubborn)).toBe('SIGKILL');
  expect(another.exitCode).toBeNull();
  expect(another.signalCode).toBeNull();
  expect(unmarked.signalCode).toBeNull();
  expect(findMarked(runId)).toEqual([]);
});

(linux ? test : test.skip)('never the process itself nor its ancestors, which carry the mark too', async () => {
  // A marked parent starts a marked child that asks for the marked processes: neither of them is in its answer, and
  // a marked sibling started beside them is. (Skipped off Linux, as above.)
  const runId = randomUUID();
  const sibling = sleeper({ PATH: process.env.PATH, [RUN_ID_VAR]: runId });
  await started(sibling);
  const reapUrl = new URL('../../scripts/lib/reap.mjs', `file://${__filename}`).href;
  const ask = `import(${JSON.stringify(reapUrl)}).then((m) => console.log(JSON.stringify({ self: process.pid, parent: process.ppid, found: m.findMarked(process.env.${RUN_ID_VAR}).map((p) => p.pid) })))`;
  const parent = `const c = require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(ask)}], { encoding: 'utf8' }); process.stdout.write(c.stdout)`;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', parent], { env: { PATH: process.env.PATH, [RUN_ID_VAR]: runId } as Record<string, string | undefined> as NodeJS.ProcessEnv });
    children.push(child);
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => resolve(text));
  });
  const { self, parent: parentPid, found } = JSON.parse(output) as { self: number; parent: number; found: number[] };
  expect(found).toEqual([sibling.pid]);
  expect(found).not.toContain(self);
  expect(found).not.toContain(parentPid);
});
