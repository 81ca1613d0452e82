import type { UIMessageChunk } from 'ai';
import type { SalesUIMessage } from '@/lib/chat/messages';

// The AI SDK's UI message stream protocol applied to the reply being built, in the browser. The SDK's own reader
// (`processUIMessageStream` in `ai`) cannot be imported alone: `ai` is one module that brings zod, the gateway
// provider and the server half with it (~90 KB gzipped in the chat chunk). This follows its rules for the chunks our
// server sends (text, reasoning, tools, sources, files, data parts, metadata); the server validates what it sends.

type Part = Record<string, unknown> & { type: string };
type Chunk = UIMessageChunk & Record<string, unknown>;

/** The reply under construction: the message, and the parts still streaming by id. */
export interface ReplyState {
  message: SalesUIMessage;
  text: Map<string, Part>;
  reasoning: Map<string, Part>;
  /** Tool calls whose input is still streaming: their raw text so far. */
  toolInput: Map<string, { text: string; toolName: string; dynamic: boolean }>;
}

export function createReplyState(id: string, continued?: SalesUIMessage): ReplyState {
  const message = continued?.role === 'assistant' ? continued : ({ id, role: 'assistant', parts: [] } as unknown as SalesUIMessage);
  return { message, text: new Map(), reasoning: new Map(), toolInput: new Map() };
}

/** A copy whose parts can be handed to React while the state keeps changing its own. */
export function snapshotMessage(message: SalesUIMessage): SalesUIMessage {
  const metadata = message.metadata && typeof message.metadata === 'object' ? { ...message.metadata } : message.metadata;
  return { ...message, metadata, parts: message.parts.map((part) => ({ ...part })) } as SalesUIMessage;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);

/** The SDK's metadata merge: nested objects merged, undefined values skipped, prototype keys ignored. */
export function mergeMetadata(base: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(overrides)) return overrides;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined || key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    result[key] = isPlainObject(value) && isPlainObject(result[key]) ? mergeMetadata(result[key], value) : value;
  }
  return result;
}

function parts(state: ReplyState): Part[] {
  return state.message.parts as unknown as Part[];
}

/** The parts after the last step start: where a tool call of this step lives. */
function currentStep(state: ReplyState): Part[] {
  const all = parts(state);
  let start = all.length - 1;
  while (start >= 0 && all[start]!.type !== 'step-start') start--;
  return all.slice(start + 1);
}

const isToolPart = (part: Part) => part.type.startsWith('tool-') || part.type === 'dynamic-tool';

function findTool(state: ReplyState, toolCallId: unknown): Part {
  const found = currentStep(state).find((part) => isToolPart(part) && part.toolCallId === toolCallId) ?? [...parts(state)].reverse().find((part) => isToolPart(part) && part.toolCallId === toolCallId);
  if (!found) throw new Error(`No tool invocation found for tool call ID "${String(toolCallId)}".`);
  return found;
}

function toolName(part: Part): string {
  return part.type === 'dynamic-tool' ? String(part.toolName) : part.type.slice('tool-'.length);
}

/** Creates or updates the tool part of `toolCallId` in this step. */
function upsertTool(state: ReplyState, fields: Part & { toolCallId: unknown; toolName: string; dynamic?: boolean }, existing?: Part) {
  const { toolName: name, dynamic, ...rest } = fields;
  const type = dynamic ? 'dynamic-tool' : `tool-${name}`;
  const part = existing ?? currentStep(state).find((candidate) => isToolPart(candidate) && candidate.toolCallId === fields.toolCallId);
  const values = Object.fromEntries(Object.entries({ ...rest, type, ...(dynamic ? { toolName: name } : {}) }).filter(([, value]) => value !== undefined));
  if (part) Object.assign(part, values);
  else parts(state).push(values as Part);
}

/** What a chunk asks of the view: redraw the message, and whether that moves the status to "streaming". */
export interface ChunkEffect {
  write: boolean;
  streaming: boolean;
}

const NONE: ChunkEffect = { write: false, streaming: false };
const WRITE: ChunkEffect = { write: true, streaming: true };

/**
 * Applies one chunk to the reply. `resetOnNewId`: a resumed stream that starts another message (a replay from its
 * first event) starts the reply over. Throws on an `error` chunk and on a chunk that refers to a part never started.
 */
export function applyChunk(state: ReplyState, chunk: UIMessageChunk, { resetOnNewId = false } = {}): ChunkEffect {
  const c = chunk as Chunk;
  switch (c.type) {
    case 'text-start':
    case 'reasoning-start': {
      const text = c.type === 'text-start';
      const part: Part = { type: text ? 'text' : 'reasoning', text: '', state: 'streaming', ...(c.providerMetadata ? { providerMetadata: c.providerMetadata } : {}) };
      (text ? state.text : state.reasoning).set(String(c.id), part);
      parts(state).push(part);
      return WRITE;
    }
    case 'text-delta':
    case 'text-end':
    case 'reasoning-delta':
    case 'reasoning-end': {
      const open = c.type.startsWith('text') ? state.text : state.reasoning;
      const part = open.get(String(c.id));
      if (!part) throw new Error(`Received ${c.type} for missing part with ID "${String(c.id)}".`);
      if (c.type.endsWith('-delta')) part.text = `${String(part.text)}${String(c.delta ?? '')}`;
      else {
        part.state = 'done';
        open.delete(String(c.id));
      }
      if (c.providerMetadata) part.providerMetadata = c.providerMetadata;
      return WRITE;
    }
    case 'file':
    case 'source-url':
    case 'source-document': {
      const { type, ...rest } = c;
      parts(state).push({ type, ...rest });
      return WRITE;
    }
    case 'tool-input-start': {
      const dynamic = c.dynamic === true;
      state.toolInput.set(String(c.toolCallId), { text: '', toolName: String(c.toolName), dynamic });
      upsertTool(state, { type: '', toolCallId: c.toolCallId, toolName: String(c.toolName), dynamic, state: 'input-streaming', input: undefined, providerExecuted: c.providerExecuted, title: c.title });
      return WRITE;
    }
    case 'tool-input-delta': {
      const partial = state.toolInput.get(String(c.toolCallId));
      if (!partial) throw new Error(`Received tool-input-delta for missing tool call with ID "${String(c.toolCallId)}".`);
      partial.text += String(c.inputTextDelta ?? '');
      // The input is shown once complete (tool-input-available); meanwhile the raw text.
      upsertTool(state, { type: '', toolCallId: c.toolCallId, toolName: partial.toolName, dynamic: partial.dynamic, state: 'input-streaming', rawInput: partial.text });
      return WRITE;
    }
    case 'tool-input-available':
    case 'tool-input-error': {
      state.toolInput.delete(String(c.toolCallId));
      const failed = c.type === 'tool-input-error';
      upsertTool(state, {
        type: '',
        toolCallId: c.toolCallId,
        toolName: String(c.toolName),
        dynamic: c.dynamic === true,
        state: failed ? 'output-error' : 'input-available',
        input: c.input,
        errorText: failed ? c.errorText : undefined,
        providerExecuted: c.providerExecuted,
        title: c.title,
      });
      return WRITE;
    }
    case 'tool-output-available':
    case 'tool-output-error': {
      const part = findTool(state, c.toolCallId);
      const failed = c.type === 'tool-output-error';
      upsertTool(
        state,
        {
          type: '',
          toolCallId: c.toolCallId,
          toolName: toolName(part),
          dynamic: part.type === 'dynamic-tool',
          state: failed ? 'output-error' : 'output-available',
          output: failed ? undefined : c.output,
          errorText: failed ? c.errorText : undefined,
          preliminary: c.preliminary,
          providerExecuted: c.providerExecuted,
        },
        part,
      );
      return WRITE;
    }
    case 'tool-output-denied':
      findTool(state, c.toolCallId).state = 'output-denied';
      return WRITE;
    case 'start-step':
      parts(state).push({ type: 'step-start' });
      return NONE;
    case 'start': {
      const messageId = typeof c.messageId === 'string' ? c.messageId : undefined;
      if (resetOnNewId && messageId !== undefined && messageId !== state.message.id) Object.assign(state, createReplyState(messageId));
      if (messageId !== undefined) state.message.id = messageId;
      if (c.messageMetadata !== undefined) state.message.metadata = mergeMetadata(state.message.metadata, c.messageMetadata) as SalesUIMessage['metadata'];
      // The empty reply takes its place in the list, but the status stays "submitted" until something shows.
      return { write: messageId !== undefined || c.messageMetadata !== undefined, streaming: false };
    }
    case 'finish':
    case 'message-metadata':
      if (c.messageMetadata == null) return NONE;
      state.message.metadata = mergeMetadata(state.message.metadata, c.messageMetadata) as SalesUIMessage['metadata'];
      return WRITE;
    case 'error':
      throw new Error(String(c.errorText));
    default: {
      if (!c.type.startsWith('data-')) return NONE;
      if (c.transient) return NONE;
      const existing = c.id != null ? parts(state).find((part) => part.type === c.type && part.id === c.id) : undefined;
      if (existing) existing.data = c.data;
      else parts(state).push({ ...c });
      return WRITE;
    }
  }
}
