/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The walkthrough (`npm run walkthrough`, scripts/walkthrough.mjs) without recording it: the script parses and lists
 * its captioned steps, and the committed outputs (video, captions, poster) match those steps; the README and the user
 * guide link what exists. Recording the video itself (a build, a server, a browser, ffmpeg) is not part of `npm test`.
 */
const ROOT = process.cwd();
const OUT = path.join(ROOT, 'docs', 'walkthrough');

interface DryRun {
  scenes: string[];
  steps: Array<{ scene: string; viewport: string; id: string; caption: string }>;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'walkthrough.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
}

function dryRun(): DryRun {
  const result = run('--dry-run', '--json');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as DryRun;
}

/** "00:01:02.345" → 62345 ms. */
function vttMs(time: string): number {
  const match = /^(\d{2}):(\d{2}):(\d{2})\.(\d{3})$/.exec(time);
  if (!match) throw new Error(`not a WebVTT time: ${time}`);
  const [, h, m, s, ms] = match.map(Number) as [number, number, number, number, number];
  return ((h * 60 + m) * 60 + s) * 1000 + ms;
}

function parseVtt(text: string) {
  const [header, ...blocks] = text.trim().split(/\n\n+/);
  return {
    header,
    cues: blocks.map((block) => {
      const lines = block.split('\n');
      const timing = lines.find((line) => line.includes('-->')) ?? '';
      const [start = '', end = ''] = timing.split(' --> ');
      return { start: vttMs(start), end: vttMs(end), text: lines.slice(lines.indexOf(timing) + 1).join('\n') };
    }),
  };
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/^#{1,6} +(.+)$/gm)].map((match) =>
      (match[1] ?? '').trim().toLowerCase().replace(/`/g, '').replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'),
    ),
  );
}

describe('scripts/walkthrough.mjs --dry-run', () => {
  test('lists its captioned steps in order and exits 0, starting nothing', () => {
    const result = run('--dry-run');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const captions = result.stdout.split('\n').filter((line) => /^ {2}\d+ · /.test(line)).map((line) => line.trim());
    expect(captions).toHaveLength(10);
    // Numbered 1…n in order, as they appear on screen.
    expect(captions.map((caption) => Number(caption.split(' · ')[0]))).toEqual(captions.map((_, index) => index + 1));
    expect(result.stdout).toContain('10 steps in 3 scenes');
    // The visit the README promises, in this order.
    const subjects = [/public page/i, /pricing/i, /name, company and e-mail/i, /book a demo/i, /Spanish/, /dark/, /360 px phone/, /embed bubble/, /admin/i, /lead/i];
    subjects.forEach((subject, index) => expect(captions[index]).toMatch(subject));
  });

  test('--json: unique steps, the phone scene at 360 px and the others at 1280×720', () => {
    const { scenes, steps } = dryRun();
    expect(scenes).toEqual(['desktop', 'phone', 'embed-and-admin']);
    expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length);
    expect(new Set(steps.map((step) => step.caption)).size).toBe(steps.length);
    for (const step of steps) expect(step.viewport).toBe(step.scene === 'phone' ? '360x720' : '1280x720');
  });
});

describe('docs/walkthrough (the committed recording)', () => {
  test('captions.vtt holds the script\'s captions, in order, back to back, within about 90 seconds', () => {
    const { steps } = dryRun();
    const { header, cues } = parseVtt(readFileSync(path.join(OUT, 'captions.vtt'), 'utf8'));
    expect(header).toBe('WEBVTT');
    expect(cues.map((cue) => cue.text)).toEqual(steps.map((step) => step.caption));
    expect(cues[0]!.start).toBeLessThan(2_000);
    cues.forEach((cue, index) => {
      expect(cue.end).toBeGreaterThan(cue.start + 1_500); // each caption stays long enough to read
      if (index > 0) expect(cue.start).toBe(cues[index - 1]!.end);
    });
    expect(cues.at(-1)!.end).toBeLessThanOrEqual(100_000);
  });

  test('walkthrough.webm is a WebM of a few MB, and poster.png a PNG', () => {
    const video = readFileSync(path.join(OUT, 'walkthrough.webm'));
    expect(video.subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML
    expect(video.subarray(0, 64).includes(Buffer.from('webm'))).toBe(true);
    expect(video.length).toBeGreaterThan(200 * 1024);
    expect(video.length).toBeLessThanOrEqual(6 * 1024 * 1024);
    const poster = readFileSync(path.join(OUT, 'poster.png'));
    expect(poster.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(poster.readUInt32BE(16)).toBe(1280);
    expect(poster.readUInt32BE(20)).toBe(720);
  });
});

describe('links', () => {
  test('package.json runs the script; the README links the video and the user guide', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.walkthrough).toMatch(/^node (--[^ ]+ )*scripts\/walkthrough\.mjs$/);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/\[Watch the 90-second walkthrough\]\(docs\/walkthrough\/walkthrough\.webm\)/);
    // Near the top: before the first section.
    expect(readme.indexOf('Watch the 90-second walkthrough')).toBeLessThan(readme.indexOf('## '));
    expect(readme).toContain('(docs/user-guide.md)');
  });

  test('every relative link and anchor in the user guide leads somewhere', () => {
    const guidePath = path.join(ROOT, 'docs', 'user-guide.md');
    const guide = readFileSync(guidePath, 'utf8');
    const links = [...guide.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '').filter((link) => !/^https?:/.test(link));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      const [file = '', anchor] = link.split('#');
      const target = file ? path.resolve(path.dirname(guidePath), file) : guidePath;
      expect({ link, exists: existsSync(target) }).toEqual({ link, exists: true });
      if (anchor && target.endsWith('.md')) expect({ link, anchor: anchors(readFileSync(target, 'utf8')).has(anchor) }).toEqual({ link, anchor: true });
      if (!anchor) expect(statSync(target).size).toBeGreaterThan(0);
    }
  });

  test('the user guide covers prospects, admins and an FAQ of ten questions or more', () => {
    const guide = readFileSync(path.join(ROOT, 'docs', 'user-guide.md'), 'utf8');
    for (const heading of ['Chatting', 'Voice and microphone consent', 'Languages', 'Themes', 'Keyboard use', 'Transcript download', 'Feedback buttons', 'Privacy: what is stored', 'Offline behaviour']) {
      expect(guide).toContain(`### ${heading}`);
    }
    for (const heading of ['Signing in', 'The dashboard and its figures', 'Conversations and leads', 'Marking leads', 'Notifications', 'Webhooks', 'Exports', 'Backups', 'API keys']) {
      expect(guide).toContain(`### ${heading}`);
    }
    const faq = guide.slice(guide.indexOf('## FAQ'));
    expect([...faq.matchAll(/^### .+\?$|^### .+\.$/gm)].length).toBeGreaterThanOrEqual(10);
    for (const question of ['Is the agent a human?', 'Can it make up a price?', 'How do I delete my data?', 'Why did it ask me to confirm the date?', 'What happens if I lose connection?']) {
      expect(faq).toContain(`### ${question}`);
    }
  });
});
