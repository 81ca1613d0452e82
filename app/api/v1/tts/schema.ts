import { z } from 'zod';
import { SAMPLE_RATES } from '@/lib/config';
import { AppError } from '@/lib/errors';

const TOO_LONG = 'too_long';

/**
 * Body of POST /api/v1/tts. Only `text` is required, so `curl -d '{"text":"Hello"}'` works; the rest default from
 * config. The length cap comes from TTS_MAX_CHARS, hence a factory.
 */
export function ttsRequestSchema({ maxChars }: { maxChars: number }) {
  return z.strictObject({
    text: z
      .string()
      .refine((text) => text.trim().length > 0, 'There is no text to speak.')
      .refine((text) => text.trim().length <= maxChars, { message: `Speech is limited to ${maxChars} characters per request.`, params: { reason: TOO_LONG } }),
    voice: z.string().regex(/^[A-Za-z0-9_.+-]{1,64}$/, 'Voice ids are letters, digits, "_", ".", "+" or "-".').optional(),
    speed: z.number().min(0.5).max(2).optional(),
    sampleRate: z.union(SAMPLE_RATES.map((rate) => z.literal(rate))).optional(),
    language: z.string().regex(/^(auto|[a-z]{2,3}(-[A-Za-z]{2,4})?)$/, 'A language code such as en or es.').optional(),
  });
}

// TTS_MAX_CHARS is read once: build its schema once, not on every request.
let built: { maxChars: number; schema: ReturnType<typeof ttsRequestSchema> } | undefined;
function schemaFor(maxChars: number): ReturnType<typeof ttsRequestSchema> {
  if (built?.maxChars !== maxChars) built = { maxChars, schema: ttsRequestSchema({ maxChars }) };
  return built.schema;
}

export type TtsRequest = z.infer<ReturnType<typeof ttsRequestSchema>>;

/** Parses the body or throws a typed error: too long → 413 `payload_too_large:voice`, anything else → 400 `bad_request:voice`. */
export function parseTtsRequest(body: unknown, { maxChars }: { maxChars: number }): TtsRequest {
  const parsed = schemaFor(maxChars).safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const message = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : undefined;
  const tooLong = issue?.code === 'custom' && (issue.params as { reason?: string } | undefined)?.reason === TOO_LONG;
  throw new AppError(tooLong ? 'payload_too_large:voice' : 'bad_request:voice', message);
}
