import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { findMarked, reapMarked, RUN_ID_VAR } from '@/scripts/lib/reap.mjs';

// What `npm test` stops between its stages: only processes carrying its run's mark, never another's or its own.
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

function sleeper(env: Record<string, string | undefined>, ignoreTerm = false): ChildProcess {
  const script = ignoreTerm ? "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);" : 'setInterval(() => {}, 1000);';
  const child = spawn(process.execPath, ['-e', script], { env: env as NodeJS.ProcessEnv, stdio: 'ignore' });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode ?? child.exitCode);
    else child.once('exit', (code, signal) => resolve(signal ?? code));
  });

async function started(child: ChildProcess): Promise<void> {
  // /proc/<pid>/environ is readable once the process has exec'd.
  await new Promise((resolve) => setTimeout(resolve, 200));
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

test('never the process itself nor its ancestors, which carry the mark too', () => {
  // This test process and its parents (Jest, npm test) carry `npm test`'s own mark when run by it; another run's is set
  // here for the duration, and the real one put back.
  const runId = randomUUID();
  const real = process.env[RUN_ID_VAR];
  process.env[RUN_ID_VAR] = runId;
  try {
    expect(findMarked(runId)).toEqual([]);
    if (real) expect(findMarked(real).map(({ pid }) => pid)).not.toContain(process.pid);
  } finally {
    if (real === undefined) delete process.env[RUN_ID_VAR];
    else process.env[RUN_ID_VAR] = real;
  }
});
