import 'server-only';
import type { Locale } from '@/lib/i18n/locales';
import { detectLanguage } from '@/lib/llm/offline/language';
import type { StoredMessage, SalesStateOf } from './records-index';
import type { TranscriptEntry, TranscriptSegment } from './records-types';

/**
 * A stored conversation as an admin reads it: each message's text with its tool calls, notices, stage changes, lead
 * captures, bookings and handoffs inline where they happened, plus the stage changes the sales state recorded that
 * no message carries, placed by time.
 */
const MAX_JSON_CHARS = 1_500;

type Part = { type: string } & Record<string, unknown>;

function json(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return undefined;
  return text.length <= MAX_JSON_CHARS ? text : `${text.slice(0, MAX_JSON_CHARS - 1)}…`;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

function segmentOf(part: Part): TranscriptSegment | null {
  if (part.type === 'text') return str(part.text) ? { kind: 'text', text: str(part.text) } : null;
  if (part.type.startsWith('tool-') || part.type === 'dynamic-tool') {
    const name = part.type === 'dynamic-tool' ? str(part.toolName) : part.type.slice('tool-'.length);
    const error = str(part.errorText);
    return {
      kind: 'tool',
      name,
      state: str(part.state) || 'unknown',
      ...(json(part.input) !== undefined ? { input: json(part.input) } : {}),
      ...(json(part.output) !== undefined ? { output: json(part.output) } : {}),
      ...(error ? { error } : {}),
    };
  }
  const data = (part.data ?? {}) as Record<string, unknown>;
  switch (part.type) {
    case 'data-notice':
      return { kind: 'notice', level: data.level === 'warning' ? 'warning' : 'info', code: str(data.code), message: str(data.message) };
    case 'data-stage':
      return { kind: 'stage', to: str(data.stage), reason: str(data.reason) };
    case 'data-lead':
      return {
        kind: 'lead',
        changed: Array.isArray(data.changed) ? data.changed.map(String) : [],
        score: typeof data.score === 'number' ? data.score : 0,
      };
    case 'data-booking':
      return { kind: 'booking', email: str(data.email), localLabel: str(data.localLabel), start: str(data.start), ...(data.cancelled === true ? { cancelled: true as const } : {}) };
    case 'data-handoff':
      return { kind: 'handoff', reason: str(data.reason), ...(str(data.email) ? { email: str(data.email) } : {}) };
    default:
      // Reasoning, step boundaries and sources are not part of what was said.
      return null;
  }
}

/**
 * The language of each text for its `lang`: the one it clearly reads as (the offline agent's detector, which says
 * nothing about "25 people" or "Pro?"), else the one most of `texts` and `context` clearly read as (no conversation
 * stores its language); none on a tie or when nothing reads clearly. Used for transcript messages and lead evidence.
 */
export function textLanguages(texts: readonly string[], context: readonly string[] = []): Array<Locale | undefined> {
  const detected = texts.map((text) => (text ? detectLanguage(text) : undefined));
  const conversation = mostCommonLanguage([...detected, ...context.map((text) => (text ? detectLanguage(text) : undefined))]);
  return detected.map((language, index) => (texts[index] ? (language ?? conversation) : undefined));
}

/** The language most of these clearly read as; none on a tie or when none does. */
function mostCommonLanguage(languages: ReadonlyArray<Locale | undefined>): Locale | undefined {
  const counts = new Map<Locale, number>();
  for (const language of languages) if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && (!second || second[1] < first[1]) ? first[0] : undefined;
}

/**
 * A conversation's languages as the exports carry them, decided as the transcript's and the lead page's: each
 * message's, the conversation's (most of its messages), and each piece of lead evidence's (with the prospect's words
 * as context).
 */
export function conversationLanguages(messages: ReadonlyArray<{ role: string; text: string }>, evidence: readonly string[] = []) {
  const perMessage = textLanguages(messages.map((message) => message.text));
  return {
    messages: perMessage,
    conversation: mostCommonLanguage(perMessage),
    evidence: textLanguages(
      evidence,
      messages.filter((message) => message.role === 'user').map((message) => message.text),
    ),
  };
}

/** The words of a transcript message (its text segments), '' for one with none. */
const wordsOf = (entry: TranscriptEntry) =>
  entry.kind === 'message'
    ? entry.segments
        .filter((segment) => segment.kind === 'text')
        .map((segment) => segment.text)
        .join('\n')
    : '';

export function buildTranscript(messages: readonly StoredMessage[], state: SalesStateOf | null): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  const stagesShown = new Set<string>();
  for (const message of messages) {
    const segments: TranscriptSegment[] = [];
    for (const part of message.parts as unknown as Part[]) {
      const segment = segmentOf(part);
      if (!segment) continue;
      const previous = segments[segments.length - 1];
      if (segment.kind === 'text' && previous?.kind === 'text') previous.text += segment.text;
      else segments.push(segment);
      if (segment.kind === 'stage') stagesShown.add(`${segment.to}|${segment.reason}`);
    }
    const metadata = message.metadata;
    entries.push({
      kind: 'message',
      id: message.id,
      role: message.role,
      ...(typeof metadata?.createdAt === 'number' ? { at: metadata.createdAt } : {}),
      ...(metadata?.agent ? { agent: metadata.agent } : {}),
      ...(metadata?.status ? { status: metadata.status } : {}),
      segments,
    });
  }
  const languages = textLanguages(entries.map(wordsOf));
  entries.forEach((entry, index) => {
    const language = languages[index];
    if (entry.kind === 'message' && language) entry.lang = language;
  });
  for (const change of state?.stageHistory ?? []) {
    if (stagesShown.has(`${change.to}|${change.reason}`)) continue;
    const entry: TranscriptEntry = { kind: 'stage', from: change.from, to: change.to, reason: change.reason, at: change.at };
    // Before the first message written after the change; messages without a time never move it.
    const before = entries.findIndex((other) => other.kind === 'message' && other.at !== undefined && other.at > change.at);
    if (before < 0) entries.push(entry);
    else entries.splice(before, 0, entry);
  }
  return entries;
}
