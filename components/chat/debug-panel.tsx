'use client';

import { useId, type ReactNode } from 'react';
import type { AgentDebug } from '@/lib/sales/ui-message';
import { useT } from '@/lib/i18n/provider';

// A tool's output can be a whole price table: enough to recognise it, not a wall of JSON on a phone.
const TOOL_JSON_LIMIT = 400;
const DIFF_JSON_LIMIT = 120;

/** Compact JSON of a debug value, cut at `limit` characters with an ellipsis ("—" for undefined). */
export function debugJson(value: unknown, limit: number): string {
  if (value === undefined) return '—';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-2">
      <h3 id={id} className="font-semibold text-slate-800">
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * The `data-debug` part of a reply (DEBUG_AGENT=1 only; lib/config-debug.ts), folded under the reply: how it was made,
 * for whoever tunes the agent. Never rendered without the part, which the server sends only with the flag on.
 */
export function DebugPanel({ debug }: { debug: AgentDebug }) {
  const t = useT();
  const empty = (text: string) => <p className="text-slate-600 italic">{text}</p>;
  return (
    <details data-testid="agent-debug" className="mt-2 min-w-0 rounded-md bg-slate-50 px-2 py-1 text-xs text-slate-800 ring-1 ring-slate-200">
      <summary className="cursor-pointer font-medium text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-600">{t('debug.title')}</summary>
      <p className="mt-1">
        <span className="font-semibold">{t('debug.stage')}</span> <code data-testid="debug-stage">{debug.stage}</code>
      </p>

      <Section title={t('debug.stateDiff')}>
        {debug.stateDiff.length === 0
          ? empty(t('debug.noChanges'))
          : (
            <ul data-testid="debug-diff" className="flex flex-col gap-0.5">
              {debug.stateDiff.map((change) => (
                <li key={change.path} className="break-words">
                  <code className="font-semibold">{change.path}</code>: <code>{debugJson(change.before, DIFF_JSON_LIMIT)}</code>{' '}
                  <span aria-hidden="true">→</span>
                  <span className="sr-only">{t('debug.becomes')}</span> <code>{debugJson(change.after, DIFF_JSON_LIMIT)}</code>
                </li>
              ))}
            </ul>
          )}
      </Section>

      <Section title={t('debug.passages')}>
        {debug.passages.length === 0
          ? empty(t('debug.noPassages'))
          : (
            <ul data-testid="debug-passages" className="flex flex-col gap-0.5">
              {debug.passages.map((passage) => (
                <li key={passage.id} data-used={passage.used || undefined} className="break-words">
                  {passage.used ? <span className="font-semibold text-emerald-800">{t('debug.used')} · </span> : null}
                  {passage.title} <code className="text-slate-600">({passage.id})</code> · {t('debug.score', { score: passage.score.toFixed(3) })}
                </li>
              ))}
            </ul>
          )}
      </Section>

      <Section title={t('debug.tools')}>
        {debug.tools.length === 0
          ? empty(t('debug.noTools'))
          : (
            <ol data-testid="debug-tools" className="flex flex-col gap-1">
              {debug.tools.map((tool, index) => (
                <li key={index}>
                  <code className="font-semibold">{tool.name}</code>
                  <p className="text-slate-600">{t('debug.toolInput')}</p>
                  <pre className="max-h-40 overflow-auto rounded bg-white p-1 break-all whitespace-pre-wrap ring-1 ring-slate-200">{debugJson(tool.input, TOOL_JSON_LIMIT)}</pre>
                  <p className="text-slate-600">{t('debug.toolOutput')}</p>
                  <pre className="max-h-40 overflow-auto rounded bg-white p-1 break-all whitespace-pre-wrap ring-1 ring-slate-200">{debugJson(tool.output, TOOL_JSON_LIMIT)}</pre>
                </li>
              ))}
            </ol>
          )}
      </Section>

      <Section title={t('debug.tokens')}>
        <p data-testid="debug-tokens">
          {debug.tokens.budget === undefined
            ? t('debug.tokenCounts', { input: debug.tokens.input, output: debug.tokens.output })
            : t('debug.tokenBudget', { input: debug.tokens.input, output: debug.tokens.output, budget: debug.tokens.budget })}
        </p>
      </Section>

      <Section title={t('debug.timings')}>
        <p data-testid="debug-timings">{debug.timings.map((timing) => t('debug.timing', { name: timing.name, ms: Math.round(timing.ms) })).join(' · ')}</p>
      </Section>
    </details>
  );
}
