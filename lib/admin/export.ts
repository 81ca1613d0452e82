import 'server-only';
import { loadRecords, readStatuses, recordFilter, toRow, type LoadedRecord, type RecordQuery, type RecordsDeps, type SalesStateOf, type StoredMessage } from './records-index';
import { bookingViews } from './conversations';
import { LEAD_FIELDS, type LeadStatus } from './records-types';
import { FALLBACK_TIME_ZONE, isoDayIn } from './time-zone';
import { conversationLanguages } from './transcript';

/**
 * Exports of conversations and leads as CSV or NDJSON, streamed: the store is read one page at a time as the client
 * takes the bytes, so an export of any size holds one page in memory (docs/admin.md, "Exports").
 */
export const EXPORT_TYPES = ['conversations', 'leads'] as const;
export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * Characters that show nothing and that a spreadsheet may drop on import, so that what follows them starts the cell:
 * soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space/joiners, bidi marks, embeddings and
 * isolates, word joiner and invisible operators, variation selectors, the byte-order mark and the Hangul fillers.
 */
const INVISIBLE = '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0';
/**
 * A spreadsheet may run a cell as a formula (CSV injection, OWASP) when it starts with `=`, `+`, `-` or `@` — in their
 * full-width (＝＋－＠) and small (﹦﹢﹣﹫) forms too, which some read as the same — or with a tab or a carriage
 * return or line break. Looked for after any invisible characters above and any white space (which some spreadsheets
 * trim on import): `\u200B=HYPERLINK(…)` or `\u00A0\u202E=1+1` are formulas to a spreadsheet that drops them.
 */
const FORMULA_START = new RegExp(`^[\\s${INVISIBLE}]*[=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE66\\uFE62\\uFE63\\uFE6B]|^[${INVISIBLE}]*[\\t\\r\\n]`);

/** One CSV field per RFC 4180, with text that a spreadsheet would run as a formula prefixed with `'` (kept otherwise as it was). */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: ReadonlyArray<string | number | boolean | null | undefined>) => `${cells.map(csvCell).join(',')}\r\n`;

const iso = (ms: number) => new Date(ms).toISOString();
const hasLead = (state: SalesStateOf | null) => Object.keys(state?.lead.fields ?? {}).length > 0;
const fieldValue = (state: SalesStateOf | null, field: (typeof LEAD_FIELDS)[number]) => state?.lead.fields[field]?.value ?? '';

/** `lang`, last so that readers of the older columns by position keep working: the conversation's language. */
const CSV_HEADERS: Record<ExportType, string[]> = {
  conversations: ['id', 'created_at', 'last_activity', 'messages', 'title', 'stage', 'lead_email', 'lead_name', 'lead_company', 'lead_score', 'lead_status', 'bookings', 'handoff', 'lang'],
  leads: ['id', 'status', 'score', ...LEAD_FIELDS.map((field) => (field === 'teamSize' ? 'team_size' : field)), 'stage', 'created_at', 'last_activity', 'score_reasons', 'lang'],
};

const textOf = (message: StoredMessage) => message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('').trim();

/** A record's messages as text, with the languages the transcript and lead pages give them (lib/admin/transcript.ts). */
function withLanguages({ state, messages }: LoadedRecord) {
  const texts = messages.map((message) => ({ role: message.role, text: textOf(message) }));
  const facts = LEAD_FIELDS.flatMap((field) => {
    const fact = state?.lead.fields[field];
    return fact ? [{ field, fact }] : [];
  });
  const languages = conversationLanguages(
    texts,
    facts.map(({ fact }) => fact.evidence),
  );
  return { texts, facts, languages };
}

function csvRow(type: ExportType, record: LoadedRecord, status: LeadStatus): string {
  const { meta, state } = record;
  const lang = withLanguages(record).languages.conversation ?? '';
  if (type === 'leads') {
    return csvLine([meta.id, status, state?.lead.score ?? 0, ...LEAD_FIELDS.map((field) => fieldValue(state, field)), state?.stage ?? '', iso(meta.createdAt), iso(meta.updatedAt), state?.lead.reasons.join('; ') ?? '', lang]);
  }
  return csvLine([
    meta.id,
    iso(meta.createdAt),
    iso(meta.updatedAt),
    meta.messageCount,
    meta.title,
    state?.stage ?? '',
    fieldValue(state, 'email'),
    fieldValue(state, 'name'),
    fieldValue(state, 'company'),
    hasLead(state) ? (state?.lead.score ?? 0) : '',
    hasLead(state) ? status : '',
    state?.bookings.length ?? 0,
    state?.handoff ? 'yes' : 'no',
    lang,
  ]);
}

function leadJson(state: SalesStateOf, status: LeadStatus, { facts, languages }: ReturnType<typeof withLanguages>) {
  const fields = Object.fromEntries(
    facts.map(({ field, fact }, index) => {
      const lang = languages.evidence[index];
      return [field, { value: fact.value, evidence: fact.evidence, ...(lang ? { lang } : {}), confidence: fact.confidence, asked: fact.asked, capturedAt: iso(fact.capturedAt) }];
    }),
  );
  return { status, score: state.lead.score, reasons: state.lead.reasons, fields };
}

function jsonRecord(type: ExportType, record: LoadedRecord, status: LeadStatus): string {
  const { meta, state, messages } = record;
  const languages = withLanguages(record);
  const common = {
    id: meta.id,
    createdAt: iso(meta.createdAt),
    updatedAt: iso(meta.updatedAt),
    title: meta.title,
    // The language most of the conversation is in (null when none is clear), as the CSV's `lang` column.
    lang: languages.languages.conversation ?? null,
    stage: state?.stage ?? null,
    bookings: bookingViews(state),
    handoff: state?.handoff ? { reason: state.handoff.reason, at: iso(state.handoff.at), email: state.handoff.email ?? null } : null,
  };
  if (type === 'leads' && state) return `${JSON.stringify({ ...common, ...leadJson(state, status, languages) })}\n`;
  return `${JSON.stringify({
    ...common,
    messageCount: meta.messageCount,
    stageHistory: (state?.stageHistory ?? []).map((change) => ({ ...change, at: iso(change.at) })),
    lead: state && hasLead(state) ? leadJson(state, status, languages) : null,
    messages: messages.map((message, index) => {
      const lang = languages.languages.messages[index];
      return {
        id: message.id,
        role: message.role,
        at: typeof message.metadata?.createdAt === 'number' ? iso(message.metadata.createdAt) : null,
        text: languages.texts[index]?.text ?? '',
        ...(lang ? { lang } : {}),
      };
    }),
  })}\n`;
}

/** The list's filters an export honours: the same search, stage, status and last-activity range (lib/admin/records-index.ts). */
export type ExportFilters = Omit<RecordQuery, 'limit' | 'cursor' | 'leadsOnly'>;

/**
 * The export's text, one page of conversations per chunk. Pages come from the store's recency list; a conversation
 * that turns active during the export moves to the front and may be skipped by this export (it is in the next one),
 * and ids already written from the previous page are not written twice. `filters` keep only what the same query
 * lists (leads: only conversations with a lead).
 */
export async function* exportChunks(deps: RecordsDeps, type: ExportType, format: ExportFormat, pageSize?: number, filters: ExportFilters = {}): AsyncGenerator<string> {
  const keep = recordFilter({ ...filters, leadsOnly: type === 'leads' });
  // Every format reads the messages: each record's `lang` is decided from them, as the admin pages decide it. A page
  // then holds up to CONVERSATION_MAX_MESSAGES per conversation: keep pages small.
  const size = pageSize ?? 50;
  if (format === 'csv') yield csvLine(CSV_HEADERS[type]);
  let previous = new Set<string>();
  for (let offset = 0; ; offset += size) {
    const metas = await deps.store.listConversations({ limit: size, offset });
    if (metas.length === 0) return;
    // The date range needs no read of the conversation: filter before loading.
    const fresh = metas.filter((meta) => !previous.has(meta.id) && (filters.from === undefined || meta.updatedAt >= filters.from) && (filters.to === undefined || meta.updatedAt <= filters.to));
    previous = new Set(metas.map((meta) => meta.id));
    const records = (await loadRecords(deps, fresh, { messages: true })).filter((record) => type === 'conversations' || hasLead(record.state));
    const statuses = await readStatuses(deps.kv, records.map((record) => record.meta.id));
    let chunk = '';
    for (const [i, record] of records.entries()) {
      const status = statuses[i] ?? 'new';
      if (!keep(toRow(record.meta, record.state, status))) continue;
      chunk += format === 'csv' ? csvRow(type, record, status) : jsonRecord(type, record, status);
    }
    if (chunk) yield chunk;
    if (metas.length < size) return;
  }
}

/**
 * A byte stream of generated text that asks for the next chunk only when the client has taken the previous one
 * (pull-based, no read-ahead), so a slow download holds one chunk at a time.
 */
export function textStream(chunks: AsyncGenerator<string>, what: string): ReadableStream<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          // The status line has gone out: failing the stream makes the download fail visibly instead of ending short.
          console.error(`[admin] the ${what} failed`, error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A CSV file starts with the UTF-8 byte-order mark: without it Excel opens the file as the machine's legacy code page,
 * and every non-Latin name (María in some, ليلى and 株式会社 in all) turns to mojibake. CSV readers that know UTF-8
 * (Numbers, LibreOffice, Google Sheets, Python's `utf-8-sig`, TextDecoder) take the mark out.
 */
export const CSV_BOM = '\uFEFF';

/** The mark goes with the header, in the first chunk: nothing more is read before the client asks. */
async function* withBom(chunks: AsyncGenerator<string>): AsyncGenerator<string> {
  try {
    const first = await chunks.next();
    yield CSV_BOM + (first.done ? '' : first.value);
    if (!first.done) yield* chunks;
  } finally {
    // A download cancelled after the first chunk still closes the reader behind it.
    await chunks.return(undefined);
  }
}

export function exportStream(deps: RecordsDeps, type: ExportType, format: ExportFormat, pageSize?: number, filters?: ExportFilters): ReadableStream<Uint8Array<ArrayBuffer>> {
  const chunks = exportChunks(deps, type, format, pageSize, filters);
  return textStream(format === 'csv' ? withBom(chunks) : chunks, `${type} export`);
}

/** `leads-2026-12-05.csv`: the day is the admin's (their `admin_tz` zone, UTC without one), as the lists' days are. */
export function exportFilename(type: ExportType, format: ExportFormat, now: number, timeZone = FALLBACK_TIME_ZONE): string {
  return `${type}-${isoDayIn(now, timeZone)}.${format}`;
}
