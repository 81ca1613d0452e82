// @ts-check
/**
 * A local stand-in for the OpenAI API that speaks its exact wire formats (see docs: CONTRACTS.md "OpenAI streaming"):
 * Chat Completions and Responses, streaming and not, plus `GET /v1/models`, `POST /v1/audio/speech` (streamed 24 kHz
 * PCM) and `POST /v1/audio/transcriptions`. Latency and faults are injectable so the app's retry, timeout and error
 * paths can be tested for real over HTTP; OpenAI itself is unreachable from the build machines.
 *
 * In process:   startOpenAIStandIn({ ttftMs: 50 }); createOpenAI({ baseURL: standIn.url, apiKey: 'x' })
 * Out of process: node scripts/standins/openai-server.mjs --port 4010 --ttft 50 --interval 10   (prints the base URL)
 *   and steer it with POST /__standin/behaviour {json}, GET /__standin/requests, POST /__standin/reset.
 *
 * What the model "says" is a Turn: `{ text?, toolCalls? }`. The turn for a request comes from, in order: the `turns`
 * queue (one per model request — script multi-step tool use here), the `reply` function (in process only), `replyText`,
 * or a deterministic echo of the last user message.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { flagNumber, parseArgs, serveFromCli } from './cli.mjs';

/**
 * @typedef {'429' | '429_quota' | '500' | 'broken_stream'} FaultKind
 * @typedef {{ kind: FaultKind, times?: number, retryAfterMs?: number, afterTokens?: number }} FaultSpec
 *   `times` (default 1): how many of the next model requests get this fault. `retryAfterMs`: sent as `retry-after-ms` and
 *   `retry-after` (429 defaults to 50 ms; 500 sends none unless set). `afterTokens` (broken_stream, default 3): tokens sent before the socket dies.
 * @typedef {{ id?: string, name: string, arguments: string | Record<string, unknown> }} ToolCallSpec
 * @typedef {{ text?: string, toolCalls?: ToolCallSpec[] }} Turn
 * @typedef {{ api: 'chat' | 'responses', model: string, body: any, lastUserText: string, requestIndex: number }} ReplyContext
 * @typedef {{
 *   ttftMs: number,
 *   tokenIntervalMs: number,
 *   replyText: string | null,
 *   reply: ((context: ReplyContext) => string | Turn) | null,
 *   turns: Turn[],
 *   faults: FaultSpec[],
 *   model: string,
 *   apiKey: string | null,
 * }} Behaviour
 * `apiKey`: when set, requests must carry `Authorization: Bearer <apiKey>` (else 401 invalid_api_key).
 * @typedef {{ method: string, path: string, body: any, headers: http.IncomingHttpHeaders, at: number, abortedAt: number | undefined }} RecordedRequest
 */

/** @type {Behaviour} */
const DEFAULT_BEHAVIOUR = {
  ttftMs: 0,
  tokenIntervalMs: 0,
  replyText: null,
  reply: null,
  turns: [],
  faults: [],
  model: 'gpt-4.1-mini',
  apiKey: null,
};

/** The request log is for tests and debugging; a long benchmark must not grow it without bound. */
const MAX_RECORDED_REQUESTS = 2_000;
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const BEHAVIOUR_KEYS = /** @type {(keyof Behaviour)[]} */ (Object.keys(DEFAULT_BEHAVIOUR));

/**
 * @param {Partial<Behaviour> & { port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, setBehaviour: (partial: Partial<Behaviour>) => Behaviour,
 *   behaviour: () => Behaviour, requests: RecordedRequest[], reset: () => void, close: () => Promise<void> }>}
 */
export async function startOpenAIStandIn(options = {}) {
  const { port = 0, host = '127.0.0.1', ...initial } = options;
  const initialBehaviour = mergeBehaviour(DEFAULT_BEHAVIOUR, initial);
  let behaviour = initialBehaviour;
  /** @type {RecordedRequest[]} */
  const requests = [];
  let modelRequestCount = 0;

  /** @param {Partial<Behaviour>} partial */
  const setBehaviour = (partial) => {
    behaviour = mergeBehaviour(behaviour, partial);
    return behaviour;
  };
  const reset = () => {
    behaviour = initialBehaviour;
    requests.length = 0;
    modelRequestCount = 0;
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendError(res, 500, 'The stand-in failed: ' + String(error), 'server_error');
      else res.destroy();
    });
  });
  // Benchmarks open hundreds of concurrent streams: no per-socket timeouts to manage, no Nagle delay on tiny frames.
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 0;
  server.on('connection', (socket) => socket.setNoDelay(true));

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://standin');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const multipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
    const body = method === 'POST' ? (multipart ? await readMultipart(req) : await readJson(req)) : undefined;
    if (body === INVALID_JSON) return sendError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error');

    if (path.startsWith('/__standin/')) return handleControl(method, path, body, res);

    /** @type {RecordedRequest} */
    const record = { method, path, body, headers: req.headers, at: Date.now(), abortedAt: undefined };
    // The client hanging up before the answer ended (a cancelled generation) is recorded with its time.
    res.on('close', () => {
      if (!res.writableFinished) record.abortedAt = Date.now();
    });
    requests.push(record);
    if (requests.length > MAX_RECORDED_REQUESTS) requests.splice(0, requests.length - MAX_RECORDED_REQUESTS);

    if (behaviour.apiKey !== null && req.headers.authorization !== `Bearer ${behaviour.apiKey}`) {
      return sendError(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    }

    if (method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: [modelObject(behaviour.model)] });
    }
    if (method === 'GET' && path.startsWith('/v1/models/')) {
      return sendJson(res, 200, modelObject(decodeURIComponent(path.slice('/v1/models/'.length))));
    }
    if (method === 'POST' && (path === '/v1/chat/completions' || path === '/v1/responses')) {
      const api = path === '/v1/responses' ? 'responses' : 'chat';
      if (!body || typeof body !== 'object' || typeof body.model !== 'string') {
        return sendError(res, 400, "Missing required parameter: 'model'.", 'invalid_request_error', 'missing_required_parameter', 'model');
      }
      const requestIndex = modelRequestCount++;
      const current = behaviour;
      const fault = takeFault();
      if (fault && fault.kind !== 'broken_stream') return sendFault(res, fault);
      const context = { api, model: body.model, body, lastUserText: lastUserText(api, body), requestIndex };
      const turn = resolveTurn(current, takeTurn(), /** @type {ReplyContext} */ (context));
      const run = { res, turn, behaviour: current, body, breakAfter: fault ? (fault.afterTokens ?? 3) : null };
      if (api === 'chat') return body.stream ? streamChat(run) : completeChat(run);
      return body.stream ? streamResponses(run) : completeResponses(run);
    }
    if (method === 'POST' && path === '/v1/audio/speech') {
      if (!body || typeof body.model !== 'string' || typeof body.input !== 'string' || typeof body.voice !== 'string') {
        return sendError(res, 400, "Missing required parameter: 'model', 'input' or 'voice'.", 'invalid_request_error', 'missing_required_parameter');
      }
      const fault = takeFault();
      if (fault && fault.kind !== 'broken_stream') return sendFault(res, fault);
      return streamSpeech(res, body, behaviour, fault ? (fault.afterTokens ?? 1) : null);
    }
    if (method === 'POST' && path === '/v1/audio/transcriptions') {
      if (!body?.multipart || !body.filename || typeof body.fields.model !== 'string') {
        return sendError(res, 400, "Missing required parameter: 'file' or 'model'.", 'invalid_request_error', 'missing_required_parameter');
      }
      const fault = takeFault();
      if (fault && fault.kind !== 'broken_stream') return sendFault(res, fault);
      await sleep(behaviour.ttftMs);
      return sendJson(res, 200, { text: behaviour.replyText ?? 'Hello, I would like to know about your pricing.' });
    }
    return sendError(res, 404, `Invalid URL (${method} ${path})`, 'invalid_request_error');
  }

  /** @returns {FaultSpec | null} */
  function takeFault() {
    const [next, ...rest] = behaviour.faults;
    if (!next) return null;
    const remaining = (next.times ?? 1) - 1;
    behaviour = { ...behaviour, faults: remaining > 0 ? [{ ...next, times: remaining }, ...rest] : rest };
    return next;
  }

  /** @returns {Turn | null} */
  function takeTurn() {
    const [next, ...rest] = behaviour.turns;
    if (!next) return null;
    behaviour = { ...behaviour, turns: rest };
    return next;
  }

  /** @param {string} method @param {string} path @param {any} body @param {http.ServerResponse} res */
  function handleControl(method, path, body, res) {
    if (method === 'POST' && path === '/__standin/behaviour') {
      const partial = /** @type {Partial<Behaviour>} */ ({});
      for (const key of BEHAVIOUR_KEYS) {
        if (body && key in body && key !== 'reply') /** @type {any} */ (partial)[key] = body[key];
      }
      return sendJson(res, 200, serialisable(setBehaviour(partial)));
    }
    if (method === 'GET' && path === '/__standin/behaviour') return sendJson(res, 200, serialisable(behaviour));
    if (method === 'GET' && path === '/__standin/requests') return sendJson(res, 200, { requests });
    if (method === 'POST' && path === '/__standin/reset') {
      reset();
      return sendJson(res, 200, serialisable(behaviour));
    }
    return sendError(res, 404, `Unknown control endpoint (${method} ${path})`, 'invalid_request_error');
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostForUrl}:${address.port}/v1`,
    port: address.port,
    setBehaviour,
    behaviour: () => behaviour,
    requests,
    reset,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Streams in flight and idle keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** @param {Behaviour} base @param {Partial<Behaviour>} partial @returns {Behaviour} */
function mergeBehaviour(base, partial) {
  const next = { ...base };
  for (const key of BEHAVIOUR_KEYS) {
    if (partial[key] !== undefined) /** @type {any} */ (next)[key] = partial[key];
  }
  for (const fault of next.faults) {
    if (!['429', '429_quota', '500', 'broken_stream'].includes(fault.kind)) throw new Error(`Unknown fault kind: ${fault.kind}`);
  }
  return next;
}

/** @param {Behaviour} behaviour */
function serialisable(behaviour) {
  const { reply, ...rest } = behaviour;
  return { ...rest, reply: reply ? '[function]' : null };
}

// ---------------------------------------------------------------------------------------------------------------------
// What the model says

/** @param {Behaviour} behaviour @param {Turn | null} scripted @param {ReplyContext} context @returns {Required<Turn>} */
function resolveTurn(behaviour, scripted, context) {
  /** @type {string | Turn} */
  let turn;
  if (scripted) turn = scripted;
  else if (behaviour.reply) turn = behaviour.reply(context);
  else if (behaviour.replyText !== null) turn = behaviour.replyText;
  else turn = defaultReply(context.lastUserText);
  if (typeof turn === 'string') return { text: turn, toolCalls: [] };
  return { text: turn.text ?? '', toolCalls: turn.toolCalls ?? [] };
}

/** Deterministic, so tests can assert the exact text: the same question always gets the same answer. @param {string} userText */
export function defaultReply(userText) {
  const quoted = userText.trim().replace(/\s+/g, ' ').slice(0, 200);
  return quoted
    ? `Thanks for asking about "${quoted}". This is the OpenAI stand-in answering with a deterministic reply.`
    : 'Hello from the OpenAI stand-in. Ask me anything.';
}

/** Word-ish tokens that keep their leading whitespace, so joining them restores the text exactly. @param {string} text */
export function tokenize(text) {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

/** @param {'chat' | 'responses'} api @param {any} body */
function lastUserText(api, body) {
  const items = api === 'chat' ? body.messages : typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input;
  if (!Array.isArray(items)) return '';
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (item?.role !== 'user') continue;
    if (typeof item.content === 'string') return item.content;
    if (Array.isArray(item.content)) {
      return item.content
        .filter((/** @type {any} */ part) => part?.type === 'text' || part?.type === 'input_text')
        .map((/** @type {any} */ part) => String(part.text ?? ''))
        .join('');
    }
  }
  return '';
}

/** @param {any} body */
function estimatePromptTokens(body) {
  return Math.max(1, Math.ceil(JSON.stringify(body.messages ?? body.input ?? '').length / 4));
}

/** @param {ToolCallSpec} call */
const argumentsOf = (call) => (typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments));
/** @param {string} prefix @param {string} [separator] OpenAI writes `chatcmpl-…` but `resp_…`, `msg_…`, `call_…`. */
const newId = (prefix, separator = '_') => `${prefix}${separator}${randomBytes(12).toString('hex')}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

// ---------------------------------------------------------------------------------------------------------------------
// Streaming plumbing

/**
 * @typedef {{ res: http.ServerResponse, turn: Required<Turn>, behaviour: Behaviour, body: any, breakAfter: number | null }} Run
 */

/**
 * Paces the tokens of a run: ttft before the first, interval between the rest. Returns false once the client has gone
 * (or the fault says to break), so the caller stops writing.
 * @param {Run} run
 */
function pacer(run) {
  const closed = new AbortController();
  run.res.on('close', () => closed.abort());
  let sent = 0;
  return {
    signal: closed.signal,
    /** @returns {Promise<boolean>} */
    async beforeToken() {
      const delay = sent === 0 ? run.behaviour.ttftMs : run.behaviour.tokenIntervalMs;
      if (delay > 0) {
        try {
          await sleep(delay, undefined, { signal: closed.signal });
        } catch {
          return false;
        }
      }
      if (run.breakAfter !== null && sent >= run.breakAfter) {
        // Mid-stream network failure: no final frame, no chunk terminator — the socket just dies.
        run.res.socket?.destroy();
        return false;
      }
      sent++;
      return !closed.signal.aborted;
    },
  };
}

/** @param {http.ServerResponse} res */
function startEventStream(res) {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-request-id': newId('req'),
  });
  res.flushHeaders();
}

/** @param {Run} run */
async function waitWholeReply(run) {
  const tokens = tokenize(run.turn.text).length + run.turn.toolCalls.length;
  const total = run.behaviour.ttftMs + Math.max(0, tokens - 1) * run.behaviour.tokenIntervalMs;
  if (total > 0) await sleep(total);
  if (run.breakAfter !== null) {
    run.res.socket?.destroy();
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// Chat Completions

/** @param {Run} run */
async function streamChat(run) {
  const { res, turn, body } = run;
  const id = newId('chatcmpl', '-');
  const created = nowSeconds();
  const includeUsage = body.stream_options?.include_usage === true;
  /** @param {object} delta @param {string | null} finishReason */
  const frame = (delta, finishReason = null) => {
    const chunk = {
      id,
      object: 'chat.completion.chunk',
      created,
      model: body.model,
      system_fingerprint: 'fp_standin',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    };
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  };

  startEventStream(res);
  const pace = pacer(run);
  frame({ role: 'assistant', content: '', refusal: null });
  const tokens = tokenize(turn.text);
  for (const token of tokens) {
    if (!(await pace.beforeToken())) return;
    frame({ content: token });
  }
  for (const [index, call] of turn.toolCalls.entries()) {
    if (!(await pace.beforeToken())) return;
    frame({ tool_calls: [{ index, id: call.id ?? newId('call'), type: 'function', function: { name: call.name, arguments: '' } }] });
    for (const fragment of chunkString(argumentsOf(call), 16)) {
      frame({ tool_calls: [{ index, function: { arguments: fragment } }] });
    }
  }
  frame({}, turn.toolCalls.length > 0 ? 'tool_calls' : 'stop');
  if (includeUsage) {
    const usage = chatUsage(body, tokens.length + turn.toolCalls.length);
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, system_fingerprint: 'fp_standin', choices: [], usage })}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}

/** @param {Run} run */
async function completeChat(run) {
  const { res, turn, body } = run;
  if (!(await waitWholeReply(run))) return;
  const toolCalls = turn.toolCalls.map((call) => ({
    id: call.id ?? newId('call'),
    type: 'function',
    function: { name: call.name, arguments: argumentsOf(call) },
  }));
  sendJson(res, 200, {
    id: newId('chatcmpl', '-'),
    object: 'chat.completion',
    created: nowSeconds(),
    model: body.model,
    system_fingerprint: 'fp_standin',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: turn.text || (toolCalls.length ? null : ''),
          refusal: null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
      },
    ],
    usage: chatUsage(body, tokenize(turn.text).length + toolCalls.length),
  });
}

/** @param {any} body @param {number} completionTokens */
function chatUsage(body, completionTokens) {
  const promptTokens = estimatePromptTokens(body);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/** @param {string} text @param {number} size */
function chunkString(text, size) {
  const parts = [];
  for (let index = 0; index < text.length; index += size) parts.push(text.slice(index, index + size));
  return parts.length ? parts : [''];
}

// ---------------------------------------------------------------------------------------------------------------------
// Responses

/** @param {any} body @param {string} id @param {number} createdAt */
function responseObject(body, id, createdAt) {
  return {
    id,
    object: 'response',
    created_at: createdAt,
    status: 'in_progress',
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: body.model,
    output: /** @type {any[]} */ ([]),
    parallel_tool_calls: true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage: /** @type {any} */ (null),
    user: null,
    metadata: {},
  };
}

/** @param {Required<Turn>} turn */
function outputItems(turn) {
  /** @type {any[]} */
  const items = [];
  if (turn.text || turn.toolCalls.length === 0) {
    items.push({
      id: newId('msg'),
      type: 'message',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: turn.text, annotations: [], logprobs: [] }],
    });
  }
  for (const call of turn.toolCalls) {
    items.push({ id: newId('fc'), type: 'function_call', status: 'completed', call_id: call.id ?? newId('call'), name: call.name, arguments: argumentsOf(call) });
  }
  return items;
}

/** @param {any} body @param {number} outputTokens */
function responsesUsage(body, outputTokens) {
  const inputTokens = estimatePromptTokens(body);
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + outputTokens,
  };
}

/** @param {Run} run */
async function streamResponses(run) {
  const { res, turn, body } = run;
  let sequence = 0;
  /** @param {string} type @param {object} payload */
  const emit = (type, payload) => {
    res.write(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...payload })}\n\n`);
  };
  const response = responseObject(body, newId('resp'), nowSeconds());
  const items = outputItems(turn);

  startEventStream(res);
  const pace = pacer(run);
  emit('response.created', { response });
  emit('response.in_progress', { response });
  let outputTokens = 0;
  for (const [outputIndex, item] of items.entries()) {
    if (item.type === 'message') {
      const text = item.content[0].text;
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } });
      const part = { type: 'output_text', text: '', annotations: [], logprobs: [] };
      emit('response.content_part.added', { item_id: item.id, output_index: outputIndex, content_index: 0, part });
      for (const token of tokenize(text)) {
        if (!(await pace.beforeToken())) return;
        outputTokens++;
        emit('response.output_text.delta', { item_id: item.id, output_index: outputIndex, content_index: 0, delta: token, logprobs: [] });
      }
      emit('response.output_text.done', { item_id: item.id, output_index: outputIndex, content_index: 0, text, logprobs: [] });
      emit('response.content_part.done', { item_id: item.id, output_index: outputIndex, content_index: 0, part: { ...part, text } });
    } else {
      if (!(await pace.beforeToken())) return;
      outputTokens++;
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', arguments: '' } });
      for (const fragment of chunkString(item.arguments, 16)) {
        emit('response.function_call_arguments.delta', { item_id: item.id, output_index: outputIndex, delta: fragment });
      }
      emit('response.function_call_arguments.done', { item_id: item.id, output_index: outputIndex, arguments: item.arguments });
    }
    emit('response.output_item.done', { output_index: outputIndex, item });
  }
  emit('response.completed', { response: { ...response, status: 'completed', output: items, usage: responsesUsage(body, outputTokens) } });
  res.end();
}

/** @param {Run} run */
async function completeResponses(run) {
  const { res, turn, body } = run;
  if (!(await waitWholeReply(run))) return;
  const items = outputItems(turn);
  const usage = responsesUsage(body, tokenize(turn.text).length + turn.toolCalls.length);
  sendJson(res, 200, { ...responseObject(body, newId('resp'), nowSeconds()), status: 'completed', output: items, output_text: turn.text, usage });
}

// ---------------------------------------------------------------------------------------------------------------------
// Audio: /v1/audio/speech streams raw 24 kHz 16-bit mono PCM (`response_format: "pcm"`), like OpenAI.

/**
 * A 440 Hz tone, 60 ms per input character, sent in 4 pieces: `ttftMs` before the first, `tokenIntervalMs` between.
 * @param {http.ServerResponse} res @param {any} body @param {Behaviour} behaviour @param {number | null} breakAfter
 */
async function streamSpeech(res, body, behaviour, breakAfter) {
  const rate = 24_000;
  const samples = Math.round((rate * Math.max(200, body.input.length * 60)) / 1000 / (Number(body.speed) > 0 ? Number(body.speed) : 1));
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(16_000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  res.writeHead(200, { 'content-type': body.response_format === 'pcm' ? 'application/octet-stream' : 'audio/mpeg', 'transfer-encoding': 'chunked' });
  res.flushHeaders();
  const per = Math.ceil(samples / 4) * 2;
  await sleep(behaviour.ttftMs);
  for (let offset = 0, index = 0; offset < pcm.length; offset += per, index++) {
    if (res.destroyed) return;
    if (index > 0) await sleep(behaviour.tokenIntervalMs);
    if (breakAfter !== null && index >= breakAfter) return void res.destroy();
    res.write(pcm.subarray(offset, offset + per));
  }
  res.end();
}

/**
 * Enough of multipart/form-data for the transcription endpoint: field values and the file's name and size.
 * @param {http.IncomingMessage} req
 */
async function readMultipart(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('latin1');
  /** @type {Record<string, string>} */
  const fields = {};
  let filename = null;
  let fileBytes = 0;
  for (const part of text.split(/--[^\r\n]+\r\n/)) {
    const [head, ...rest] = part.split('\r\n\r\n');
    const name = /name="([^"]*)"/.exec(head ?? '')?.[1];
    if (!name) continue;
    const value = rest.join('\r\n\r\n').replace(/\r\n(--[^\r\n]*--\r\n)?$/, '');
    const file = /filename="([^"]*)"/.exec(head ?? '')?.[1];
    if (file !== undefined) {
      filename = file;
      fileBytes = Buffer.byteLength(value, 'latin1');
    } else fields[name] = value;
  }
  return { multipart: true, fields, filename, fileBytes };
}

// ---------------------------------------------------------------------------------------------------------------------
// HTTP helpers

const INVALID_JSON = Symbol('invalid json');

/** @param {http.IncomingMessage} req @returns {Promise<any>} */
async function readJson(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return INVALID_JSON;
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return INVALID_JSON;
  }
}

/** @param {http.ServerResponse} res @param {number} status @param {unknown} payload @param {Record<string, string>} [headers] */
function sendJson(res, status, payload, headers = {}) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': newId('req'), ...headers });
  res.end(text);
}

/**
 * @param {http.ServerResponse} res @param {number} status @param {string} message @param {string} type
 * @param {string | null} [code] @param {string | null} [param] @param {Record<string, string>} [headers]
 */
function sendError(res, status, message, type, code = null, param = null, headers = {}) {
  sendJson(res, status, { error: { message, type, param, code } }, headers);
}

/** @param {number | undefined} ms @returns {Record<string, string>} */
function retryHeaders(ms) {
  if (ms === undefined) return {};
  return { 'retry-after-ms': String(ms), 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) };
}

/** @param {http.ServerResponse} res @param {FaultSpec} fault */
function sendFault(res, fault) {
  switch (fault.kind) {
    case '429':
      return sendError(
        res,
        429,
        'Rate limit reached for requests. Please try again shortly.',
        'requests',
        'rate_limit_exceeded',
        null,
        retryHeaders(fault.retryAfterMs ?? 50),
      );
    case '429_quota':
      return sendError(
        res,
        429,
        'You exceeded your current quota, please check your plan and billing details.',
        'insufficient_quota',
        'insufficient_quota',
      );
    default:
      return sendError(res, 500, 'The server had an error while processing your request. Sorry about that!', 'server_error', null, null, retryHeaders(fault.retryAfterMs));
  }
}

/** @param {string} id */
function modelObject(id) {
  return { id, object: 'model', created: 1_700_000_000, owned_by: 'openai-standin' };
}

// ---------------------------------------------------------------------------------------------------------------------
// CLI

// Detected by file name rather than import.meta so the module also loads under Jest's CommonJS transform.
if (process.argv[1] && /openai-server\.mjs$/.test(process.argv[1])) {
  const flags = parseArgs(process.argv.slice(2));
  serveFromCli('openai stand-in', () =>
    startOpenAIStandIn({
      port: flagNumber(flags.port, 4010),
      host: flags.host ?? '127.0.0.1',
      ttftMs: flagNumber(flags.ttft, 0),
      tokenIntervalMs: flagNumber(flags.interval, 0),
      ...(flags.reply !== undefined ? { replyText: flags.reply } : {}),
      ...(flags.model !== undefined ? { model: flags.model } : {}),
      ...(flags['api-key'] !== undefined ? { apiKey: flags['api-key'] } : {}),
    }),
  );
}
