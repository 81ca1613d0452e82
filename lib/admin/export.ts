import 'server-only';
import { loadRecords, readStatuses, recordFilter, toRow, type LoadedRecord, type RecordQuery, type RecordsDeps, type SalesStateOf } from './records-index';
import { bookingViews } from './conversations';
import { LEAD_FIELDS, type LeadStatus } from './records-types';

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
 * A spreadsheet may run a cell as a formula (CSV injection) when it starts with `=`, `+`, `-` or `@` — also after
 * leading white space, which some spreadsheets trim on import, and in the full-width forms (＝＋－＠) that some
 * read as the same — or with a tab or a line break.
 */
const FORMULA_START = /^(?:\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/;

/** One CSV field per RFC 4180, with text that a spreadsheet would run as a formula prefixed with `'`. */
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

const CSV_HEADERS: Record<ExportType, string[]> = {
  conversations: ['id', 'created_at', 'last_activity', 'messages', 'title', 'stage', 'lead_email', 'lead_name', 'lead_company', 'lead_score', 'lead_status', 'bookings', 'handoff'],
  leads: ['id', 'status', 'score', ...LEAD_FIELDS.map((field) => (field === 'teamSize' ? 'team_size' : field)), 'stage', 'created_at', 'last_activity', 'score_reasons'],
};

function csvRow(type: ExportType, { meta, state }: LoadedRecord, status: LeadStatus): string {
  if (type === 'leads') {
    return csvLine([meta.id, status, state?.lead.score ?? 0, ...LEAD_FIELDS.map((field) => fieldValue(state, field)), state?.stage ?? '', iso(meta.createdAt), iso(meta.updatedAt), state?.lead.reasons.join('; ') ?? '']);
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
  ]);
}

function leadJson(state: SalesStateOf, status: LeadStatus) {
  const fields = Object.fromEntries(
    LEAD_FIELDS.flatMap((field) => {
      const fact = state.lead.fields[field];
      return fact ? [[field, { value: fact.value, evidence: fact.evidence, confidence: fact.confidence, asked: fact.asked, capturedAt: iso(fact.capturedAt) }]] : [];
    }),
  );
  return { status, score: state.lead.score, reasons: state.lead.reasons, fields };
}

function jsonRecord(type: ExportType, { meta, state, messages }: LoadedRecord, status: LeadStatus): string {
  const common = {
    id: meta.id,
    createdAt: iso(meta.createdAt),
    updatedAt: iso(meta.updatedAt),
    title: meta.title,
    stage: state?.stage ?? null,
    bookings: bookingViews(state),
    handoff: state?.handoff ? { reason: state.handoff.reason, at: iso(state.handoff.at), email: state.handoff.email ?? null } : null,
  };
  if (type === 'leads' && state) return `${JSON.stringify({ ...common, ...leadJson(state, status) })}\n`;
  return `${JSON.stringify({
    ...common,
    messageCount: meta.messageCount,
    stageHistory: (state?.stageHistory ?? []).map((change) => ({ ...change, at: iso(change.at) })),
    lead: state && hasLead(state) ? leadJson(state, status) : null,
    messages: messages.map((message) => ({
      id: message.id,
      role: message.role,
      at: typeof message.metadata?.createdAt === 'number' ? iso(message.metadata.createdAt) : null,
      text: message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('').trim(),
    })),
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
  const messages = type === 'conversations' && format === 'ndjson';
  // A page with messages holds up to CONVERSATION_MAX_MESSAGES each: keep those pages small.
  const size = pageSize ?? (messages ? 50 : 500);
  if (format === 'csv') yield csvLine(CSV_HEADERS[type]);
  let previous = new Set<string>();
  for (let offset = 0; ; offset += size) {
    const metas = await deps.store.listConversations({ limit: size, offset });
    if (metas.length === 0) return;
    // The date range needs no read of the conversation: filter before loading.
    const fresh = metas.filter((meta) => !previous.has(meta.id) && (filters.from === undefined || meta.updatedAt >= filters.from) && (filters.to === undefined || meta.updatedAt <= filters.to));
    previous = new Set(metas.map((meta) => meta.id));
    const records = (await loadRecords(deps, fresh, { messages })).filter((record) => type === 'conversations' || hasLead(record.state));
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

export function exportStream(deps: RecordsDeps, type: ExportType, format: ExportFormat, pageSize?: number, filters?: ExportFilters): ReadableStream<Uint8Array<ArrayBuffer>> {
  return textStream(exportChunks(deps, type, format, pageSize, filters), `${type} export`);
}

export function exportFilename(type: ExportType, format: ExportFormat, now: number): string {
  return `${type}-${new Date(now).toISOString().slice(0, 10)}.${format}`;
}
