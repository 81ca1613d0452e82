// `npm run eval`: the sales evaluation (eval/scenarios.json) against the agent the environment configures — the
// offline agent with no keys, OpenAI when OPENAI_API_KEY is set (in the shell, .env.local or .env). Prints per-behaviour pass
// rates and fails when any scenario fails. Anything after `--` goes to Jest (e.g. `-- -t booking`).
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
const passThrough = args.includes('--') ? args.slice(args.indexOf('--') + 1) : args;
log('Sales evaluation: scripted prospect conversations through real chat turns');
const status = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'jest'), ['__tests__/eval', ...passThrough], {
  cwd: ROOT,
  stdio: 'inherit',
  // EVAL_AGENT=config makes the suite build the agent from the environment instead of its offline default.
  env: { ...process.env, EVAL_AGENT: 'config', NODE_ENV: 'test' },
}).status;
process.exit(status ?? 1);
