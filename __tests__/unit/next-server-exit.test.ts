/** @jest-environment node */
// scripts/lib/next-server.mjs: a test server dies with the process that started it, and however many copies of the
// module a process loads (Jest loads one per test file), it adds one 'exit' listener, not one per copy.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const moduleUrl = `file://${path.join(process.cwd(), 'scripts', 'lib', 'next-server.mjs')}`;

/** Running: not gone, and not a zombie (an orphan's exit is collected by PID 1, which may never do it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return process.platform !== 'linux';
  }
}

test('servers started through two copies of the module are killed when their process exits; one exit listener', async () => {
  const script = `
    const { spawn } = await import('node:child_process');
    const a = await import(${JSON.stringify(`${moduleUrl}?copy=a`)});
    const b = await import(${JSON.stringify(`${moduleUrl}?copy=b`)});
    const sleeper = () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const one = sleeper();
    const two = sleeper();
    a.killOnExit(one);
    b.killOnExit(two);
    // The module's own hooks (its symbol); Node or a loader may add exit listeners of their own on a loaded host.
    const hook = Symbol.for('ai-sales-agent.kill-test-servers');
    console.log(JSON.stringify({ pids: [one.pid, two.pid], listeners: process.listeners('exit').filter((listener) => hook in listener).length }));
    process.exit(0);
  `;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => resolve(text));
  });
  const { pids, listeners } = JSON.parse(output) as { pids: number[]; listeners: number };
  expect(listeners).toBe(1);
  expect(pids).toHaveLength(2);
  for (let i = 0; i < 50 && pids.some(alive); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(pids.filter(alive)).toEqual([]);
});
