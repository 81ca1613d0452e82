// `npm start`: the README's first command. Serves the app on the embedded defaults (offline agent, in-memory store)
// or on the real services configured in .env/.env.local. Fetches Node 22, installs and builds when needed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensureBuild, ensureDependencies, ensureNode22, log } from './lib/bootstrap.mjs';
import { serverNodeFlags } from './lib/next-server.mjs';

ensureNode22();
ensureDependencies();
ensureBuild();

const port = process.env.PORT ?? '3000';
log(`Serving on http://localhost:${port}`);
const server = spawn(process.execPath, [...serverNodeFlags(), path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
