// Summarises a V8 CPU profile (`node --cpu-prof`, e.g. scripts/bench/profile.mjs, or BENCH_NODE_OPTIONS="--cpu-prof
// --cpu-prof-dir=…"): the top functions by self time, the self time by package, and the inclusive time of the app's
// own functions. Frames of bundled server chunks (.next*/server/chunks/*.js) are mapped back to their sources through
// the chunk's source map, so `ai`, `zod`, `next` and the app's own modules are told apart although Turbopack bundled
// them together. Text only, for docs/performance.md.
//
//   node scripts/bench/profile-summary.mjs <file.cpuprofile>… [--top=25] [--focus=startChatTurn,beginTurn] [--where=regex] [--segments=even|odd|0,2] [--gap=300] [--json]
//
// Several profiles (one per process or per run) are summed. Times are in ms of sampled CPU.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ------------------------------------------------------------------------------------------------- source maps
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let index = 0; index < BASE64.length; index++) DIGIT[BASE64.charCodeAt(index)] = index;

/** Decodes a source map's `mappings` into, per generated line, sorted [column, source, line, column, name] segments. */
export function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  for (const text of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segmentText of text.split(',')) {
      if (segmentText === '') continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (let index = 0; index < segmentText.length; index++) {
        const digit = DIGIT[segmentText.charCodeAt(index)];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length >= 4) {
        source += values[1];
        sourceLine += values[2];
        sourceColumn += values[3];
        if (values.length >= 5) name += values[4];
        segments.push([column, source, sourceLine, sourceColumn, values.length >= 5 ? name : -1]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** Reads a map that is either a plain source map or an index map with `sections` (Turbopack writes the latter). */
function loadMap(file) {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return null;
  const raw = JSON.parse(readFileSync(mapFile, 'utf8'));
  const sections = raw.sections ?? [{ offset: { line: 0, column: 0 }, map: raw }];
  return sections.map(({ offset, map }) => ({ line: offset.line, column: offset.column, sources: map.sources ?? [], names: map.names ?? [], lines: decodeMappings(map.mappings ?? '') }));
}

const maps = new Map();
/** The original source (path) and name of a generated position (0-based line and column), or null. */
function originalPosition(url, line, column) {
  if (!url.startsWith('file://')) return null;
  const file = fileURLToPath(url);
  if (!maps.has(file)) {
    try {
      maps.set(file, loadMap(file));
    } catch {
      maps.set(file, null);
    }
  }
  const sections = maps.get(file);
  if (!sections) return null;
  let section;
  for (const candidate of sections) {
    if (candidate.line < line || (candidate.line === line && candidate.column <= column)) section = candidate;
    else break;
  }
  if (!section) return null;
  const relativeLine = line - section.line;
  const relativeColumn = relativeLine === 0 ? column - section.column : column;
  const segments = section.lines[relativeLine];
  if (!segments || segments.length === 0) return null;
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (segments[middle][0] <= relativeColumn) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const segment = segments[Math.max(found, 0)];
  return { source: section.sources[segment[1]] ?? '?', line: segment[2] + 1, name: segment[4] >= 0 ? section.names[segment[4]] : undefined };
}

// ------------------------------------------------------------------------------------------------- attribution
/** The package a source path belongs to: `node_modules/<name>`, the app's own folder (`lib/chat`), or Node itself. */
export function packageOf(source) {
  if (!source) return '(unknown)';
  const cleaned = source.replace(/^turbopack:\/\/\/(\[project\]\/)?/, '').replace(/^file:\/\//, '');
  const modules = cleaned.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const parts = cleaned.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? '?');
  }
  if (cleaned.startsWith('node:')) return 'node (internals)';
  const relative = cleaned.replace(/^.*?\/(app|lib|components|middleware\.ts|instrumentation\.ts)(\/|$)/, '$1$2');
  const [top, second] = relative.split('/');
  if (top === 'lib' || top === 'app') return `app: ${top}/${second && !second.includes('.') ? second : ''}`.replace(/\/$/, '');
  if (top === 'middleware.ts' || top === 'instrumentation.ts') return `app: ${top}`;
  return cleaned.length > 60 ? `…${cleaned.slice(-60)}` : cleaned;
}

function describeFrame(callFrame) {
  const { functionName, url, lineNumber, columnNumber } = callFrame;
  if (!url) return { key: functionName || '(anonymous)', name: functionName || '(anonymous)', where: '', pkg: /^\((garbage collector|program|idle|root)\)$/.test(functionName) ? functionName : 'node (native)' };
  const original = originalPosition(url, lineNumber, columnNumber);
  const source = original?.source ?? url;
  // A file under node_modules (Next.js's own server, loaded unbundled) belongs to that package whatever its map says;
  // a bundled chunk of the app (.next*/server/chunks) holds many packages: its map tells which.
  const pkg = url.startsWith('node:') ? 'node (internals)' : url.includes('/node_modules/') ? packageOf(url) : packageOf(source);
  const shortSource = source.replace(/^turbopack:\/\/\/(\[project\]\/)?/, '').replace(/^file:\/\/.*?node_modules\//, '').replace(/^.*?node_modules\//, '');
  const line = original ? original.line : lineNumber + 1;
  // Minified names (a bundled chunk's `R`) give way to the name the source map has at the function's position.
  const name = (functionName.length > 2 ? functionName : original?.name || functionName) || '(anonymous)';
  return { key: `${name} ${shortSource}:${line}`, name, where: `${shortSource}:${line}`, pkg };
}

// ------------------------------------------------------------------------------------------------- summary
/** Self and inclusive time per function and self time per package, over one or more profiles. */
/**
 * Which samples to count: with `gapMs`, the profile is cut into segments at every idle stretch of at least `gapMs`, and
 * only the segments whose index `keep` accepts count (e.g. with a stand-in slow to its first token, a burst's work
 * before the upstream requests and its streaming fall into alternate segments).
 */
function sampleFilter(profile, frames, { gapMs, keep, minMs = 20 }) {
  const counted = new Uint8Array(profile.samples.length).fill(1);
  if (!gapMs) return counted;
  // First the segments (runs of work between idle stretches of at least gapMs); a stray sample or two between bursts
  // (a timer) is not a segment of its own, or it would shift the numbering.
  const segments = [];
  let current;
  let idleRun = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const ms = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000;
    if (frames.get(profile.samples[index])?.name === '(idle)') {
      idleRun += ms;
      if (idleRun >= gapMs && current) {
        segments.push(current);
        current = undefined;
      }
      continue;
    }
    idleRun = 0;
    current ??= { first: index, last: index, cpu: 0 };
    current.last = index;
    current.cpu += ms;
  }
  if (current) segments.push(current);
  counted.fill(0);
  segments
    .filter((segment) => segment.cpu >= minMs)
    .forEach((segment, number) => {
      if (keep(number)) counted.fill(1, segment.first, segment.last + 1);
    });
  return counted;
}

export function summarise(profiles, segments = {}) {
  const self = new Map();
  const inclusive = new Map();
  const byPackage = new Map();
  const packageInclusive = new Map();
  let total = 0;
  let idle = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const frames = new Map(profile.nodes.map((node) => [node.id, describeFrame(node.callFrame)]));
    const stacks = new Map();
    const stackOf = (id) => {
      if (stacks.has(id)) return stacks.get(id);
      const stack = [];
      for (let at = id; at !== undefined; at = parent.get(at)) stack.push(frames.get(at));
      stacks.set(id, stack);
      return stack;
    };
    const { samples, timeDeltas } = profile;
    const counted = sampleFilter(profile, frames, segments);
    for (let index = 0; index < samples.length; index++) {
      if (!counted[index] && frames.get(samples[index])?.name !== '(idle)') continue;
      // timeDeltas[i] is the time before sample i: the interval after it is the one it stands for.
      const ms = (timeDeltas[index + 1] ?? timeDeltas[index] ?? 0) / 1000;
      const frame = frames.get(samples[index]);
      if (!nodes.has(samples[index]) || !frame) continue;
      if (frame.name === '(idle)') {
        idle += ms;
        continue;
      }
      total += ms;
      self.set(frame.key, { ...frame, ms: (self.get(frame.key)?.ms ?? 0) + ms });
      byPackage.set(frame.pkg, (byPackage.get(frame.pkg) ?? 0) + ms);
      const seen = new Set();
      const seenPackages = new Set();
      for (const entry of stackOf(samples[index])) {
        if (!seen.has(entry.key)) {
          seen.add(entry.key);
          inclusive.set(entry.key, { ...entry, ms: (inclusive.get(entry.key)?.ms ?? 0) + ms });
        }
        if (!seenPackages.has(entry.pkg)) {
          seenPackages.add(entry.pkg);
          packageInclusive.set(entry.pkg, (packageInclusive.get(entry.pkg) ?? 0) + ms);
        }
      }
    }
  }
  return { total, idle, self, inclusive, byPackage, packageInclusive };
}

function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (files.length === 0) {
    console.error('usage: node scripts/bench/profile-summary.mjs <file.cpuprofile>… [--top=25] [--focus=name,…] [--turns=N] [--json]');
    process.exit(2);
  }
  const top = Number(option('top', '25'));
  const turns = Number(option('turns', '0'));
  const focus = option('focus', '')
    .split(',')
    .filter(Boolean);
  // --segments=even|odd|0,2,…: only the work between idle stretches of --gap ms (default 300) with those indices.
  const chosen = option('segments', '');
  const keep = chosen === 'even' ? (n) => n % 2 === 0 : chosen === 'odd' ? (n) => n % 2 === 1 : (n) => chosen.split(',').map(Number).includes(n);
  const summary = summarise(
    files.map((file) => JSON.parse(readFileSync(file, 'utf8'))),
    chosen ? { gapMs: Number(option('gap', '300')), keep } : {},
  );
  const fmt = (ms) => `${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / summary.total).toFixed(1).padStart(5)}%${turns ? ` ${(ms / turns).toFixed(2).padStart(6)} ms/turn` : ''}`;
  const sorted = (map) => [...map].sort((a, b) => (b[1].ms ?? b[1]) - (a[1].ms ?? a[1]));
  if (args.includes('--json')) {
    console.log(JSON.stringify({ total: summary.total, idle: summary.idle, byPackage: Object.fromEntries(sorted(summary.byPackage)) }, null, 2));
    return;
  }
  console.log(`${files.map((file) => path.basename(file)).join(', ')}: ${summary.total.toFixed(0)} ms of CPU sampled (${summary.idle.toFixed(0)} ms idle)${turns ? `, ${turns} turns` : ''}\n`);
  console.log('Self time by package (inclusive: time with the package anywhere on the stack):');
  for (const [pkg, ms] of sorted(summary.byPackage).slice(0, top)) console.log(`  ${fmt(ms)}  incl ${((100 * (summary.packageInclusive.get(pkg) ?? 0)) / summary.total).toFixed(0).padStart(3)}%  ${pkg}`);
  console.log(`\nTop ${top} functions by self time:`);
  for (const [, entry] of sorted(summary.self).slice(0, top)) console.log(`  ${fmt(entry.ms)}  ${entry.name}  (${entry.pkg}; ${entry.where})`);
  console.log(`\nTop ${top} of the app's own functions by inclusive time:`);
  for (const [, entry] of sorted(summary.inclusive)
    .filter(([, entry]) => entry.pkg.startsWith('app:'))
    .slice(0, top))
    console.log(`  ${fmt(entry.ms)}  ${entry.name}  (${entry.where})`);
  const where = option('where', '');
  if (where) {
    console.log(`\nFunctions whose source matches /${where}/, by inclusive time:`);
    const pattern = new RegExp(where);
    for (const [, entry] of sorted(summary.inclusive)
      .filter(([, entry]) => pattern.test(entry.where))
      .slice(0, top))
      console.log(`  ${fmt(entry.ms)}  ${entry.name}  (${entry.pkg}; ${entry.where})`);
  }
  if (focus.length > 0) {
    console.log('\nInclusive time of the focused functions:');
    for (const name of focus) {
      const matching = [...summary.inclusive.values()].filter((entry) => entry.name === name);
      const ms = matching.reduce((sum, entry) => sum + entry.ms, 0);
      console.log(`  ${fmt(ms)}  ${name}${matching.length > 1 ? ` (${matching.length} definitions)` : matching.length === 0 ? ' (not sampled)' : ` (${matching[0].where})`}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
