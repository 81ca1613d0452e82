// `npm run eval`: the sales evaluation (eval/scenarios.json) against the agent the environment configures — the
// offline agent with no keys, OpenAI when OPENAI_API_KEY is set (in the shell, .env.local or .env). Prints per-behaviour pass
// rates and fails when any scenario fails. Anything after `--` goes to Jest (e.g. `-- -t booking`).
//   --judge                      also the LLM-judged rubric of the multi-turn conversations (same as EVAL_JUDGE=1)
//   --transcripts [id …]         print conversations of eval/conversations.json verbatim (no id: all) as Markdown on stdout
//   --transcripts --docs         rewrite the last section of docs/sales-brain.md with its three transcripts (offline agent)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureDependencies, ensureNode22, log } from './lib/bootstrap.mjs';

ensureNode22();
ensureDependencies();

// Jest (next/jest) skips .env.local in the test environment, but that is where the README puts OPENAI_API_KEY: load it
// here. Shell variables win over .env.local, which wins over .env (loadEnvFile never overrides a set variable).
for (const file of ['.env.local', '.env']) {
  if (existsSync(path.join(ROOT, file))) process.loadEnvFile(path.join(ROOT, file));
}

const args = process.argv.slice(2);
const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
const judge = own.includes('--judge');
const passThrough = (args.includes('--') ? args.slice(args.indexOf('--') + 1) : args).filter((arg) => arg !== '--judge');
const jest = path.join(ROOT, 'node_modules', '.bin', 'jest');
// EVAL_AGENT=config makes the suites build the agent from the environment instead of their offline default.
const env = { ...process.env, EVAL_AGENT: 'config', NODE_ENV: 'test', ...(judge ? { EVAL_JUDGE: '1' } : {}) };

if (own[0] === '--transcripts') {
  const docs = own.includes('--docs');
  const ids = own.slice(1).filter((arg) => !arg.startsWith('--'));
  // On stderr, as Jest reports, so stdout carries only the transcripts: `npm run eval -- --transcripts conv-nonsense > t.md`.
  process.stderr.write(`${docs ? 'Transcripts: rewriting the last section of docs/sales-brain.md' : `Transcripts: ${ids.length ? ids.join(', ') : 'every conversation'} (Markdown on stdout)`}\n`);
  const status = spawnSync(jest, ['__tests__/eval/transcripts.test.ts', '-t', 'prints the transcripts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, EVAL_TRANSCRIPTS: docs ? 'docs' : ids.join(',') },
  }).status;
  process.exit(status ?? 1);
}

log(`Sales evaluation: scripted prospect conversations through real chat turns${env.EVAL_JUDGE === '1' ? ', with the LLM-judged rubric' : ''}`);
const status = spawnSync(jest, ['__tests__/eval', ...passThrough], { cwd: ROOT, stdio: 'inherit', env }).status;
process.exit(status ?? 1);
