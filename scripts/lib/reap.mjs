// Processes a test run started and left behind. `npm test` marks its environment with TEST_RUN_ID; every server the
// suites start (next start, redis-server, the Chromium of Playwright) inherits it or is given it, so after a stage the
// run can find what is still alive by reading /proc/<pid>/environ, and stop exactly that: never a developer's own
// `npm run dev` in the same folder. Linux only (/proc); elsewhere it finds nothing.
import { readdirSync, readFileSync } from 'node:fs';

export const RUN_ID_VAR = 'TEST_RUN_ID';

/** The run's mark for the environment of a process this one starts with an environment of its own (empty outside a run). */
export function runMarkEnv() {
  const runId = process.env[RUN_ID_VAR];
  return runId ? { [RUN_ID_VAR]: runId } : {};
}

/** The PIDs (not this process nor its ancestors) whose environment carries `TEST_RUN_ID=<runId>`. */
export function findMarked(runId) {
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const marker = `${RUN_ID_VAR}=${runId}`;
  const spare = ancestors();
  const found = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 1 || spare.has(pid)) continue;
    try {
      const env = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (!env.split('\0').includes(marker)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean).join(' ');
      found.push({ pid, command });
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** This process and its ancestors (they carry the marker too: the run itself). */
function ancestors() {
  const pids = new Set([process.pid]);
  let pid = process.ppid;
  while (pid > 1 && !pids.has(pid)) {
    pids.add(pid);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break;
    }
  }
  return pids;
}

/**
 * Stops what the run left: SIGTERM, then SIGKILL after `graceMs` for what still runs. Returns what it found, so the
 * caller can say so (a suite that leaves a server running is a bug to fix, and its server would share the two cores
 * with the next stage).
 */
export async function reapMarked(runId, { graceMs = 3_000 } = {}) {
  const found = findMarked(runId);
  for (const { pid } of found) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && found.some(({ pid }) => alive(pid))) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const { pid } of found) if (alive(pid)) signal(pid, 'SIGKILL');
  return found;
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    // A zombie (exited, not yet reaped by its parent) still answers signal 0.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return false;
  }
}
