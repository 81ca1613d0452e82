/** @jest-environment node */
// Exports: RFC 4180 CSV with the formula guard, NDJSON records with evidence, and streaming — 100,000 leads go out
// with the process's heap bounded, read page by page only as the client takes them.
import { csvCell, csvLine, exportChunks, exportStream } from '@/lib/admin/export';
import { setLeadStatus } from '@/lib/admin/leads';
import type { RecordsDeps } from '@/lib/admin/records-index';
import type { ConversationMeta, ConversationStore } from '@/lib/store';
import { createMemoryKv } from '@/lib/store/kv';
import { exchange, measureStream, memoryDeps, salesState, storeConversation } from '../support/admin-records';
import { parseCsv } from '../support/csv';

jest.setTimeout(180_000);

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks per RFC 4180 and leaves plain text and numbers alone', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvCell('She said "yes"')).toBe('"She said ""yes"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['a', 'b,c', 1])).toBe('a,"b,c",1\r\n');
  });

  it('prefixes text a spreadsheet would run as a formula with a quote', () => {
    for (const formula of ['=SUM(A1:A9)', '+1-555-0100', '-2+3', '@cmd', '\t=1', '\r=1']) {
      expect(parseCsv(csvLine([formula, 'x']))[0]).toEqual([`'${formula}`, 'x']);
    }
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe('"\'=HYPERLINK(""http://evil"",""click"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('round-trips awkward values through a CSV reader', () => {
    const values = ['María López', 'quote " inside', 'comma, and\r\nCRLF', '', ' spaced ', '😀 emoji'];
    expect(parseCsv(csvLine(values))).toEqual([values]);
  });
});

describe('export content', () => {
  async function seeded() {
    const deps = memoryDeps();
    const at = deps.now();
    const lead = await storeConversation(deps.store, {
      at,
      title: 'Demo for Acme, please',
      lead: { stage: 'closing', fields: { email: 'maria@acme.io', name: 'María López', company: '=cmd|calc', teamSize: 25 }, evidence: 'I\'m María, "Acme", 25 people' },
    });
    deps.clock.advance(1_000);
    const plain = await storeConversation(deps.store, { at: deps.now(), title: 'Just browsing' });
    deps.clock.advance(1_000);
    await setLeadStatus(deps, { id: lead, status: 'qualified', note: 'Good fit', by: 'ana@northwind.example' });
    return { deps, lead, plain };
  }

  it('leads as CSV: a header, one row per lead with every field, status and score', async () => {
    const { deps, lead } = await seeded();
    const rows = parseCsv(await collect(exportChunks(deps, 'leads', 'csv')));
    expect(rows[0]).toEqual(['id', 'status', 'score', 'name', 'email', 'company', 'role', 'phone', 'team_size', 'budget', 'authority', 'need', 'timeline', 'stage', 'created_at', 'last_activity', 'score_reasons', 'lang']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      lead,
      'qualified',
      '40',
      'María López',
      'maria@acme.io',
      "'=cmd|calc",
      '',
      '',
      '25',
      '',
      '',
      '',
      '',
      'closing',
      expect.stringMatching(/^2026-11-02T/),
      expect.stringMatching(/^2026-11-02T/),
      'email given; name given; company given; teamSize given',
      'en',
    ]);
  });

  it('conversations as CSV: every conversation, leads or not', async () => {
    const { deps, lead, plain } = await seeded();
    const rows = parseCsv(await collect(exportChunks(deps, 'conversations', 'csv')));
    expect(rows.map((row) => row[0])).toEqual(['id', plain, lead]);
    expect(rows[2]).toEqual([lead, expect.any(String), expect.any(String), '2', 'Demo for Acme, please', 'closing', 'maria@acme.io', 'María López', "'=cmd|calc", '40', 'qualified', '0', 'no', 'en']);
    expect(rows[1]?.slice(5)).toEqual(['discovery', '', '', '', '', '', '0', 'no', 'en']);
  });

  it('leads as NDJSON carry each field with its evidence and confidence; conversations carry their messages', async () => {
    const { deps, lead, plain } = await seeded();
    const leads = (await collect(exportChunks(deps, 'leads', 'ndjson'))).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      id: lead,
      status: 'qualified',
      score: 40,
      stage: 'closing',
      fields: { email: { value: 'maria@acme.io', evidence: 'I\'m María, "Acme", 25 people', confidence: 0.95, asked: true } },
    });
    const conversations = (await collect(exportChunks(deps, 'conversations', 'ndjson'))).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(conversations.map((record) => record.id)).toEqual([plain, lead]);
    expect(conversations[1].messages.map((message: { role: string; text: string }) => [message.role, message.text])).toEqual([
      ['user', 'Demo for Acme, please'],
      ['assistant', 'Happy to help with that.'],
    ]);
    expect(conversations[0].lead).toBeNull();
  });

  it('reads a page only when the client asks for more (no read-ahead)', async () => {
    const { deps } = await seeded();
    const list = jest.spyOn(deps.store, 'listConversations');
    const reader = exportStream(deps, 'conversations', 'csv', 1).getReader();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(list).toHaveBeenCalledTimes(0);
    await reader.read(); // the header
    await reader.read(); // page 1
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(list).toHaveBeenCalledTimes(1);
    await reader.cancel();
  });

  it('writes a conversation once when it moves between pages during the export', async () => {
    const { deps } = await seeded();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(await storeConversation(deps.store, { at: deps.now(), title: `c${i}` }));
      deps.clock.advance(1_000);
    }
    const chunks = exportChunks(deps, 'conversations', 'csv', 3);
    let text = (await chunks.next()).value as string;
    text += (await chunks.next()).value as string; // c4, c3, c2
    // c0 becomes the most recent: the page boundary shifts by one.
    await deps.store.appendMessages({ id: ids[0] as string, messages: exchange('more', 'ok', deps.now()), now: deps.now() });
    for await (const chunk of chunks) text += chunk;
    const exported = parseCsv(text).slice(1).map((row) => row[0]);
    expect(new Set(exported).size).toBe(exported.length);
  });
});

// ------------------------------------------------------------------------------------------------ 100,000 leads

const COUNT = 100_000;
const idOf = (i: number) => `${(0x10000000 + (i % 0x1000)).toString(16)}-4b7e-4a1c-9d2f-${i.toString(16).padStart(12, '0')}`;
const EVIDENCE = 'We are a team of twenty-five in Madrid and Boston, and we need onboarding automated before the spring hiring wave starts';

/** A store that makes its conversations up as they are read: memory holds only what the export keeps. */
function generatedStore(): ConversationStore {
  const base = Date.UTC(2026, 9, 1);
  const meta = (i: number): ConversationMeta => ({ id: idOf(i), createdAt: base + i, updatedAt: base + i, messageCount: 2, title: `Question number ${i} about pricing` });
  const unsupported = () => Promise.reject(new Error('not used by exports'));
  return {
    kind: 'memory',
    async listConversations({ limit, offset = 0 }) {
      const metas: ConversationMeta[] = [];
      for (let rank = offset; rank < Math.min(COUNT, offset + limit); rank += 1) metas.push(meta(COUNT - 1 - rank));
      return metas;
    },
    async getConversation({ id }) {
      const i = Number.parseInt(id.slice(-12), 16);
      const state = salesState(base + i, {
        stage: 'qualification',
        fields: { email: `lead${i}@example.com`, name: `Lead ${i}`, company: `Company ${i}`, need: 'onboarding automation' },
        evidence: `${EVIDENCE} (${i}).`,
      });
      return { meta: meta(i), messages: exchange('q', 'a', base + i), state };
    },
    loadTurn: unsupported,
    isOwner: unsupported,
    releaseClaim: unsupported,
    deleteConversation: unsupported,
    appendMessages: unsupported,
    ping: unsupported,
    getOrCreateSecret: unsupported,
  };
}

const measureExport = (deps: RecordsDeps, format: 'csv' | 'ndjson') => measureStream(exportStream(deps, 'leads', format), 8_000_000);

describe(`exporting ${COUNT.toLocaleString('en')} leads`, () => {
  const deps = (): RecordsDeps => ({ store: generatedStore(), kv: createMemoryKv({ prefix: 'big:' }), ttlSeconds: 86_400 * 365, now: Date.now });

  it('as NDJSON: one line per lead, over 100 MB streamed with the heap growing by less than 50 MB', async () => {
    const result = await measureExport(deps(), 'ndjson');
    console.info(`[export] ${COUNT} leads as NDJSON: ${(result.bytes / 1_048_576).toFixed(0)} MB, heap growth at most ${result.peakMb.toFixed(1)} MB`);
    expect(result.lines).toBe(COUNT);
    // Holding the records would need at least this much: the bound below would catch it.
    expect(result.bytes).toBeGreaterThan(100 * 1_048_576);
    expect(result.peakMb).toBeLessThan(50);
    expect(JSON.parse(result.first.split('\n')[0] ?? '{}')).toMatchObject({ id: idOf(COUNT - 1), fields: { email: { value: `lead${COUNT - 1}@example.com` } } });
  });

  it('as CSV: a header and one row per lead, heap bounded', async () => {
    const result = await measureExport(deps(), 'csv');
    console.info(`[export] ${COUNT} leads as CSV: ${(result.bytes / 1_048_576).toFixed(0)} MB, heap growth at most ${result.peakMb.toFixed(1)} MB`);
    expect(result.lines).toBe(COUNT + 1);
    // Holding the ~22 MB of rows would show as ~28 MB here.
    expect(result.peakMb).toBeLessThan(16);
    expect(result.first.startsWith('id,status,score,name,email')).toBe(true);
  });
});
