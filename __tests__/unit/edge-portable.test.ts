/** @jest-environment node */
// Route handlers must run on either runtime (ARCHITECTURE.md, "edge-portable"): nothing they import, directly or
// through lib/, may use Node-only modules. This walks the real import graph from every route handler.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const NODE_ONLY = /^(node:|fs$|fs\/|path$|child_process$|net$|tls$|http$|https$|os$|crypto$|stream$|zlib$|worker_threads$|dgram$|cluster$)/;
// The only Node-only modules a route may reach: local espeak speech spawns a process (see ARCHITECTURE.md), and the
// admin sign-in (/api/auth) hashes passwords with scrypt, which Web Crypto lacks (docs/admin.md).
const ALLOWED_NODE_ONLY_FILES = [/lib\/voice\/espeak/, /lib\/admin\/password\.ts$/];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^route\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => (match[1] ?? match[2]) as string,
  );
}

describe('route handlers are edge-portable', () => {
  const routes = routeFiles(path.join(ROOT, 'app', 'api'));

  it('finds the route handlers', () => {
    expect(routes.map((file) => path.relative(ROOT, file))).toEqual(expect.arrayContaining(['app/api/v1/chat/route.ts', 'app/api/v1/health/route.ts']));
  });

  it.each(routes.map((file) => [path.relative(ROOT, file), file]))('%s reaches no Node-only module', (_name, route) => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (ALLOWED_NODE_ONLY_FILES.some((pattern) => pattern.test(file))) return;
      for (const specifier of importsOf(file)) {
        if (NODE_ONLY.test(specifier)) offenders.push(`${path.relative(ROOT, file)} imports ${specifier}`);
        const resolved = resolveImport(file, specifier);
        if (resolved) visit(resolved);
      }
    };
    visit(route);
    expect(offenders).toEqual([]);
    expect(seen.size).toBeGreaterThan(1);
  });
});
